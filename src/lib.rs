//! cognito-tui: a keyboard-driven terminal console for Amazon Cognito identity pools, and the local
//! sandbox it can run against.

pub mod app;
pub mod aws;
pub mod cli;
pub mod clock;
pub mod config;
pub mod console;
pub mod doctor;
pub mod domain;
pub mod editor;
pub mod export;
pub mod headless;
pub mod journal;
pub mod logging;
pub mod runtime;
pub mod sandbox;
pub mod screens;
pub mod store;
pub mod terminal_events;
pub mod test_access;
pub mod view;
pub mod wizard;

use cli::{Cli, Command, SandboxAction};
use std::io::Write;

/// Runs what the command line asks for: the console, or the sandbox alone; how it ended.
pub async fn run(cli: Cli) -> color_eyre::Result<runtime::Ended> {
    match cli.command {
        Some(Command::TestAccess(args)) => {
            let target = aws::Target::Aws {
                endpoint_url: cli.endpoint_url,
            };
            Ok(test_access::run(&args, &target, cli.profile, cli.region).await)
        }
        Some(Command::Doctor(args)) => {
            let target = aws::Target::Aws {
                endpoint_url: cli.endpoint_url,
            };
            Ok(doctor::run(&args, &target, cli.profile, cli.region).await)
        }
        Some(Command::Export(args)) => {
            let target = aws::Target::Aws {
                endpoint_url: cli.endpoint_url,
            };
            Ok(export::command::run(&args, &target, cli.profile, cli.region).await)
        }
        Some(Command::Completions { shell }) => {
            cli::completions(shell, &mut std::io::stdout());
            Ok(runtime::Ended::Quit)
        }
        Some(Command::Sandbox {
            action:
                SandboxAction::Serve {
                    port,
                    state,
                    seed,
                    seed_identities,
                    faults,
                },
        }) => {
            logging::to_stderr();
            let faults = faults.faults();
            serve_sandbox(sandbox::SandboxOptions {
                port,
                state_file: state,
                seed,
                faults,
                seed_identities,
            })
            .await
        }
        None => {
            let _log = logging::to_file();
            let (config, warning) = config::load(cli.config.as_deref());
            let options = console::Options {
                read_only: cli.read_only || config.read_only,
                profile: cli.profile.or(config.profile),
                region: cli.region.or(config.region),
                startup_warning: warning,
                theme: config.theme,
                profiles: aws::profile_names().await,
                protected: config.protected,
            };
            if cli.sandbox {
                let running = sandbox::start(sandbox::SandboxOptions {
                    seed: sandbox::Seed::Demo,
                    seed_identities: cli.seed_identities,

                    ..Default::default()
                })
                .await?;
                let target = aws::Target::Sandbox {
                    endpoint_url: running.endpoint_url(),
                };
                runtime::run_console(options, target).await
            } else {
                let target = aws::Target::Aws {
                    endpoint_url: cli.endpoint_url,
                };
                runtime::run_console(options, target).await
            }
        }
    }
}

async fn serve_sandbox(options: sandbox::SandboxOptions) -> color_eyre::Result<runtime::Ended> {
    use color_eyre::eyre::WrapErr;
    let port = options.port;
    let running = sandbox::start(options).await.wrap_err_with(|| {
        format!("the sandbox could not listen on port {port}: choose a free one with --port (0 picks any)")
    })?;
    let url = running.endpoint_url();
    // A closed stdout (a client that read the first line and left) must not stop the server.
    let mut out = std::io::stdout();
    let _ = writeln!(out, "cognito-tui sandbox listening on {url}");
    let _ = writeln!(out, "Point a client at it, for example:");
    let _ = writeln!(
        out,
        "  export AWS_ENDPOINT_URL={url} AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox"
    );
    let _ = writeln!(
        out,
        "  aws cognito-identity list-identity-pools --max-results 60"
    );
    let _ = writeln!(out, "Ctrl-C stops it.");
    let _ = out.flush();
    tokio::signal::ctrl_c().await?;
    drop(running);
    Ok(runtime::Ended::Quit)
}
