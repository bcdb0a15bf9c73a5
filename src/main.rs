//! The `cognito-tui` binary: parse the command line, run, and report errors without panicking:
//! an ordinary error is one plain line on stderr (its causes after it); the backtrace only with
//! `RUST_BACKTRACE` set.

use std::process::ExitCode;

fn main() -> ExitCode {
    let backtrace = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
    if backtrace {
        let _ = color_eyre::install();
    }
    let cli = cognito_tui::cli::parse();
    let result = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(color_eyre::Report::from)
        .and_then(|runtime| runtime.block_on(cognito_tui::run(cli)));
    match result {
        Ok(cognito_tui::runtime::Ended::Quit) => ExitCode::SUCCESS,
        Ok(cognito_tui::runtime::Ended::Failed) => ExitCode::from(1),
        Ok(cognito_tui::runtime::Ended::Usage) => ExitCode::from(2),
        Ok(cognito_tui::runtime::Ended::Signal(n)) => {
            ExitCode::from(u8::try_from(128 + n).unwrap_or(1))
        }
        Err(error) => {
            let line = error
                .chain()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(": ");
            eprintln!("cognito-tui: {line}");
            if backtrace {
                eprintln!("{error:?}");
            }
            ExitCode::FAILURE
        }
    }
}
