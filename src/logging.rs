//! Logs go to a file in the data directory (never to the screen the console draws on). Request
//! bodies are never logged, so secrets stay out of the file.

use std::path::PathBuf;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// The environment variable that overrides the log filter (e.g. `cognito_tui=debug`).
pub const LOG_ENV: &str = "COGNITO_TUI_LOG";

/// The log file's path.
pub fn log_path() -> Option<PathBuf> {
    crate::config::project_dirs().map(|d| d.data_dir().join("cognito-tui.log"))
}

fn filter() -> EnvFilter {
    // The SDK's own crates stay at warn: at debug they would log request details.
    EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| EnvFilter::new("cognito_tui=info,warn"))
}

/// Logs to the log file; the guard flushes it when dropped. Without a data directory, no logs.
pub fn to_file() -> Option<WorkerGuard> {
    let path = log_path()?;
    let dir = path.parent()?;
    std::fs::create_dir_all(dir).ok()?;
    let appender = tracing_appender::rolling::never(dir, path.file_name()?);
    let (writer, guard) = tracing_appender::non_blocking(appender);
    tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}

/// Logs to standard error (for `sandbox serve`, which owns no screen).
pub fn to_stderr() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_writer(std::io::stderr)
        .try_init();
}
