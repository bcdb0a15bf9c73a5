//! The command line: the console's options and the `sandbox serve` subcommand.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

use crate::sandbox::Seed;

/// A keyboard-driven terminal console for Amazon Cognito identity pools.
#[derive(Debug, Parser)]
#[command(name = "cognito-tui", version, about)]
pub struct Cli {
    /// Named profile from ~/.aws/config (default: AWS_PROFILE, else "default").
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Region (default: AWS_REGION, else the profile's region).
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
    /// Send every call to this endpoint instead of AWS (e.g. a sandbox started with `sandbox serve`).
    #[arg(long, value_name = "URL", conflicts_with = "sandbox")]
    pub endpoint_url: Option<String>,
    /// Disable every action that changes something.
    #[arg(long)]
    pub read_only: bool,
    /// Start the built-in sandbox on a free loopback port, with demo data, and use it (no AWS account needed).
    #[arg(long)]
    pub sandbox: bool,
    /// Read this config file instead of the default one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Subcommands.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The local emulator of Cognito Identity (and, later, user pools, IAM and STS).
    Sandbox {
        /// What to do with it.
        #[command(subcommand)]
        action: SandboxAction,
    },
}

/// `cognito-tui sandbox …`
#[derive(Debug, Subcommand)]
pub enum SandboxAction {
    /// Serve the sandbox on 127.0.0.1 for aws-cli, boto3, SDKs or apps under development.
    Serve {
        /// Port on 127.0.0.1 (0 picks a free one and prints it).
        #[arg(long, default_value_t = 4577)]
        port: u16,
        /// Keep the state in this file across restarts (written atomically after every change).
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
        /// What a new state starts with (ignored when --state names an existing file).
        #[arg(long, value_enum, default_value = "demo")]
        seed: Seed,
    },
}

/// Parses the command line; `--help` names the config and log files.
pub fn parse() -> Cli {
    let config = crate::config::default_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no config directory on this system)".into());
    let log = crate::logging::log_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no data directory on this system)".into());
    let after = format!(
        "Config file: {config}\nLog file:    {log}\n\nTry it without an AWS account:  cognito-tui --sandbox"
    );
    let matches = Cli::command().after_help(after).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}
