//! `cognito-tui sandbox serve` as a separate process: other clients use it, `--state` keeps the pools
//! across restarts, and a corrupt state file is refused, not reset.

mod common;

use aws_config::BehaviorVersion;
use aws_sdk_cognitoidentity::config::{Credentials, Region};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

struct Served {
    child: Child,
    url: String,
    /// Kept open so the server's later output never meets a closed pipe.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["sandbox", "serve", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("stdout"));
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader
        .read_line(&mut first)
        .unwrap_or_else(|e| panic!("read: {e}"));
    let url = first
        .trim()
        .strip_prefix("cognito-tui sandbox listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
        .to_string();
    Served {
        child,
        url,
        _stdout: reader,
    }
}

async fn client(url: &str) -> aws_sdk_cognitoidentity::Client {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("sandbox", "sandbox", None, None, "test"))
        .endpoint_url(url)
        .load()
        .await;
    aws_sdk_cognitoidentity::Client::new(&config)
}

async fn names(client: &aws_sdk_cognitoidentity::Client) -> Vec<String> {
    let page = client
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("list: {e:?}"));
    page.identity_pools()
        .iter()
        .filter_map(|p| p.identity_pool_name().map(String::from))
        .collect()
}

#[tokio::test]
async fn state_persists_across_restarts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let state = dir.path().join("state.json");
    let state_arg = state.to_string_lossy().to_string();
    {
        let served = serve(&["--state", &state_arg, "--seed", "empty"]);
        let client = client(&served.url).await;
        assert!(names(&client).await.is_empty());
        client
            .create_identity_pool()
            .identity_pool_name("kept")
            .allow_unauthenticated_identities(true)
            .send()
            .await
            .unwrap_or_else(|e| panic!("create: {e:?}"));
    }
    let served = serve(&["--state", &state_arg]);
    let client = client(&served.url).await;
    assert_eq!(
        names(&client).await,
        vec!["kept".to_string()],
        "the pool survived the restart"
    );
}

#[test]
fn a_corrupt_state_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let state = dir.path().join("state.json");
    std::fs::write(&state, b"{ not json").unwrap_or_else(|e| panic!("{e}"));
    let output = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["sandbox", "serve", "--port", "0", "--state"])
        .arg(&state)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is not a cognito-tui sandbox state file"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&state).unwrap_or_default(),
        b"{ not json".to_vec()
    );
}

#[tokio::test]
async fn serve_seeds_the_demo_account_by_default() {
    let served = serve(&[]);
    let client = client(&served.url).await;
    let names = names(&client).await;
    assert!(names.contains(&"orders-app".to_string()), "{names:?}");
}
