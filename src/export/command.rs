//! `cognito-tui export`: the pool read fresh, printed (or written with `-o`) in the chosen
//! format, the notes on standard error. Exit 1 when the pool can't be read (the service's code
//! and message), 2 on bad usage (clap) or a file that exists without `--force`.

use std::io::Write;

use super::render;
use crate::aws::{Target, connect_clients};
use crate::cli::ExportArgs;
use crate::runtime::Ended;

/// Runs the command.
pub async fn run(
    args: &ExportArgs,
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Ended {
    if let Some(path) = &args.output
        && path.exists()
        && !args.force
    {
        eprintln!(
            "cognito-tui: {} exists: pass --force to replace it, or another -o",
            path.display()
        );
        return Ended::Usage;
    }
    let clients = match connect_clients(target, profile, region).await {
        Ok(clients) => clients,
        Err(error) => {
            eprintln!("cognito-tui: could not connect: {error}");
            return Ended::Failed;
        }
    };
    let export = match crate::aws::export::read(&clients, &args.pool, args.include_roles).await {
        Ok(export) => export,
        Err(error) => {
            eprintln!("cognito-tui: could not read {}: {error}", args.pool);
            return Ended::Failed;
        }
    };
    let rendered = render(args.format, &export);
    for note in &rendered.notes {
        eprintln!("note: {note}");
    }
    let written = match &args.output {
        Some(path) => {
            std::fs::write(path, &rendered.text).map(|()| eprintln!("wrote {}", path.display()))
        }
        None => std::io::stdout().write_all(rendered.text.as_bytes()),
    };
    match written {
        Ok(()) => Ended::Quit,
        // A reader that stops early (`| head`) is no failure worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ended::Quit,
        Err(e) => {
            eprintln!("cognito-tui: could not write the export: {e}");
            Ended::Failed
        }
    }
}
