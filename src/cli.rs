//! The command line: the console's options and the `sandbox serve` subcommand.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

use crate::sandbox::Seed;

/// A keyboard-driven terminal console for Amazon Cognito identity pools.
#[derive(Debug, Parser)]
#[command(name = "cognito-tui", version, about)]
pub struct Cli {
    /// Named profile from ~/.aws/config (default: AWS_PROFILE, else "default").
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,
    /// Region (default: AWS_REGION, else the profile's region).
    #[arg(long, value_name = "NAME", global = true)]
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
    /// With --sandbox: add this many identities to the first demo pool (orders-app).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed_identities: usize,
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
    /// The local emulator of Cognito Identity, Cognito user pools, IAM and STS.
    Sandbox {
        /// What to do with it.
        #[command(subcommand)]
        action: SandboxAction,
    },
    /// Sign in to a pool as an app would and print the role it hands out (exit 0 when credentials
    /// were issued and match --expect-role, 1 when refused or another role, 2 on bad usage).
    TestAccess(TestAccessArgs),
    /// Print a pool as code — CloudFormation, Terraform, CDK or an aws-cli script — from fresh
    /// reads (exit 1 when the pool can't be read, 2 on bad usage).
    Export(ExportArgs),
    /// The security report of every pool in the region, most severe first (exit 1 when a high
    /// finding exists).
    Doctor(DoctorArgs),
    /// Print a shell completion script, e.g. `cognito-tui completions bash > ~/.local/share/bash-completion/completions/cognito-tui`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Writes the completion script of `shell` for the whole command line to `out`. Made in memory
/// first: clap_complete panics on a write error, and a reader that stops early (`| head`) is no
/// error worth one.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "cognito-tui", &mut script);
    let _ = out.write_all(&script);
    let _ = out.flush();
}

/// `cognito-tui doctor …`
#[derive(Debug, Clone, clap::Args)]
pub struct DoctorArgs {
    /// One JSON document instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Every region where identity pools are offered, in the partition of the session's region
    /// (regions not enabled for the account are skipped and said so).
    #[arg(long)]
    pub all_regions: bool,
}

/// `cognito-tui export …`
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The identity pool id (`<region>:<uuid>`).
    #[arg(long, value_name = "POOL_ID")]
    pub pool: String,
    /// The format.
    #[arg(long, value_enum)]
    pub format: crate::export::Format,
    /// Also read the roles the pool references and write them (trusting the new pool).
    #[arg(long)]
    pub include_roles: bool,
    /// Write to this file instead of standard output (refused if it exists, unless --force).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// `cognito-tui test-access …`
#[derive(Debug, Clone, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).multiple(false).args(["guest", "user", "token_file", "developer_user"])))]
pub struct TestAccessArgs {
    /// The identity pool id (`<region>:<uuid>`).
    #[arg(long, value_name = "POOL_ID")]
    pub pool: String,
    /// Sign in as a guest (unauthenticated identity).
    #[arg(long)]
    pub guest: bool,
    /// Sign in as this user of the pool's user pool provider (the password from --password-stdin
    /// or COGNITO_TUI_PASSWORD, never a flag).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// With --user: the app client (needed when the pool has several user pool providers).
    #[arg(long, value_name = "ID", requires = "user")]
    pub client: Option<String>,
    /// With --user: the user pool flow (auto: SRP when the client allows it, else password).
    #[arg(long, value_enum, default_value = "auto", requires = "user")]
    pub flow: FlowArg,
    /// With --user: read the password from standard input (its first line).
    #[arg(long, requires = "user")]
    pub password_stdin: bool,
    /// Send this file's token (ID token, OIDC token or SAML assertion) under --provider.
    #[arg(long, value_name = "FILE", requires = "provider")]
    pub token_file: Option<PathBuf>,
    /// With --token-file: the pool's logins key (`accounts.google.com`, an OIDC provider's issuer
    /// such as `login.example.com`, a SAML provider's ARN, `cognito-idp.<region>.amazonaws.com/<user pool id>`).
    #[arg(long, value_name = "KEY", requires = "token_file")]
    pub provider: Option<String>,
    /// Sign in as this developer user (GetOpenIdTokenForDeveloperIdentity with your credentials).
    #[arg(long, value_name = "ID")]
    pub developer_user: Option<String>,
    /// The role expected (name or ARN): exit 1 when another one is handed out.
    #[arg(long, value_name = "ROLE")]
    pub expect_role: Option<String>,
    /// Print a JSON document instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Include the secret key and session token in the output (never otherwise).
    #[arg(long)]
    pub show_secrets: bool,
}

/// `--flow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FlowArg {
    /// SRP when the client allows it, else password.
    Auto,
    /// USER_SRP_AUTH.
    Srp,
    /// USER_PASSWORD_AUTH.
    Password,
}

/// The environment variable `test-access --user` reads the password from.
pub const PASSWORD_ENV: &str = "COGNITO_TUI_PASSWORD";

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
        /// Add this many identities to the first pool of us-east-1 (orders-app in the demo).
        #[arg(long, value_name = "N", default_value_t = 0)]
        seed_identities: usize,
        /// Fault injection.
        #[command(flatten)]
        faults: FaultArgs,
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

/// Fault-injection flags of the sandbox.
#[derive(Debug, Clone, clap::Args)]
pub struct FaultArgs {
    /// The preset of a real region: 40 ms ± 10 ms per call and the service's published rate quotas.
    #[arg(long)]
    pub realistic: bool,
    /// Milliseconds added to every call.
    #[arg(long, value_name = "MS")]
    pub latency_ms: Option<u64>,
    /// Up to this many more milliseconds, at random.
    #[arg(long, value_name = "MS")]
    pub jitter_ms: Option<u64>,
    /// Share of calls (0 to 1) that fail with the service's HTTP 500 (InternalErrorException for Cognito).
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub fault_rate: Option<f64>,
    /// Share of ids (0 to 1) that DeleteIdentities reports as unprocessed.
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub delete_failure_rate: Option<f64>,
    /// Requests per second allowed for one operation, e.g. ListIdentityPools=5 (repeatable).
    #[arg(long, value_name = "OP=RPS", value_parser = crate::sandbox::Faults::parse_rate_limit)]
    pub rate_limit: Vec<(String, f64)>,
    /// Refuse every Cognito call in a region, as a region not enabled for the account
    /// (UnrecognizedClientException) or denied by a policy (AccessDeniedException), e.g.
    /// ap-east-2=not-enabled (repeatable).
    #[arg(long, value_name = "REGION=not-enabled|denied", value_parser = crate::sandbox::RegionFault::parse)]
    pub region_fault: Vec<(String, crate::sandbox::RegionFault)>,
}

fn parse_rate(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(rate) if (0.0..=1.0).contains(&rate) => Ok(rate),
        _ => Err(format!("{text:?} is not a rate between 0 and 1")),
    }
}

impl FaultArgs {
    /// The faults these flags describe (the preset first, then each flag over it).
    pub fn faults(&self) -> crate::sandbox::Faults {
        let mut faults = if self.realistic {
            crate::sandbox::Faults::realistic()
        } else {
            Default::default()
        };
        if let Some(ms) = self.latency_ms {
            faults.latency = std::time::Duration::from_millis(ms);
        }
        if let Some(ms) = self.jitter_ms {
            faults.jitter = std::time::Duration::from_millis(ms);
        }
        if let Some(rate) = self.fault_rate {
            faults.fault_rate = rate;
        }
        if let Some(rate) = self.delete_failure_rate {
            faults.delete_failure_rate = rate;
        }

        faults.rate_limits.extend(self.rate_limit.iter().cloned());
        faults
            .region_faults
            .extend(self.region_fault.iter().cloned());
        faults
    }
}
