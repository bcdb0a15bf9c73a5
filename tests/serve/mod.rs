//! `cognito-tui sandbox serve` as a separate process, for the tests that drive it with clients
//! written elsewhere (boto3, aws-cli, pycognito).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The server on a free port (killed when dropped), and its endpoint URL.
pub struct Served {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server and reads the endpoint off its first line.
pub fn start() -> Served {
    start_with(&[])
}

/// Starts the server with more arguments (`--state FILE`, `--seed empty`, …).
pub fn start_with(args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["sandbox", "serve", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("serve: {e}"));
    let mut stdout = BufReader::new(child.stdout.take().unwrap_or_else(|| panic!("stdout")));
    let mut first = String::new();
    let _ = stdout.read_line(&mut first);
    let endpoint = first
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        endpoint.starts_with("http://"),
        "serve did not start: {first:?}"
    );
    Served { child, endpoint }
}

impl Served {
    /// SIGKILL, as a crash: no chance to flush or clean up.
    pub fn kill_now(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
