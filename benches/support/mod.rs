//! Shared by the end-to-end benchmarks: a sandbox served as a separate process, aws-cli from the
//! project's .venv pointed at it, and the median round trip of a small call.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `cognito-tui sandbox serve` process, killed when dropped.
pub struct Served {
    child: Child,
    /// The endpoint it serves.
    pub url: String,
    /// Kept open so the server's later output never meets a closed pipe.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `sandbox serve --port 0 ARGS` and reads the URL it prints.
pub fn serve(args: &[&str]) -> Served {
    serve_on(None, args)
}

/// Like [`serve`], on the CPUs `cpus` names (`taskset -c`), when given.
pub fn serve_on(cpus: Option<&str>, args: &[&str]) -> Served {
    let binary = env!("CARGO_BIN_EXE_cognito-tui");
    let mut command = match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus, binary]);
            c
        }
        None => Command::new(binary),
    };
    let mut child = command
        .args(["sandbox", "serve", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn the sandbox: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("stdout"));
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    let _ = reader.read_line(&mut line);
    let url = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "the sandbox did not start: {line:?}"
    );
    Served {
        child,
        url,
        _stdout: reader,
    }
}

/// aws-cli from .venv against `url`, with throwaway credentials.
pub fn aws(url: &str) -> Command {
    let mut cmd = Command::new(".venv/bin/aws");
    cmd.env("AWS_ACCESS_KEY_ID", "sandbox")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .args(["--endpoint-url", url, "--output", "text"]);
    cmd
}

/// Runs an aws-cli command that must succeed; its trimmed output.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("aws: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Whether aws-cli is installed (./scripts/setup-python.sh).
pub fn has_cli() -> bool {
    std::path::Path::new(".venv/bin/aws").exists()
}

/// The median of 30 small calls (ListIdentityPools, 1 result) through the SDK.
pub async fn round_trip(url: &str) -> Duration {
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_types::region::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "s", "s", None, None, "bench",
        ))
        .endpoint_url(url)
        .load()
        .await;
    let client = aws_sdk_cognitoidentity::Client::new(&config);
    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let _ = client.list_identity_pools().max_results(1).send().await;
        times.push(start.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// The median of some timings.
pub fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Seconds as f64.
pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}
