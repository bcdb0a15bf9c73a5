//! End to end: without the sandbox and without an AWS set-up, the console says what is missing.

mod common;
mod pty;

use pty::Console;

#[test]
fn no_region_says_how_to_set_one_and_mentions_the_sandbox() {
    let mut console = Console::start(&[], 100, 30);
    let screen = console.wait_for("No AWS region is configured.", 60);
    assert!(screen.contains("--region"), "{screen}");
    assert!(screen.contains("cognito-tui --sandbox"), "{screen}");
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

/// An AWS config file with these profiles (and nothing else).
fn config_with(profiles: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("aws-config");
    let text: String = profiles
        .iter()
        .map(|p| format!("[profile {p}]\nregion = eu-west-1\n\n"))
        .collect();
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let path = path.to_string_lossy().to_string();
    (dir, path)
}

#[test]
fn an_unknown_profile_is_refused_and_the_known_ones_named_even_with_keys_in_the_environment() {
    let (_dir, config) = config_with(&["staging", "prod"]);
    let mut console = Console::start_with_env(
        &["--profile", "nope", "--region", "us-east-1"],
        &[
            ("AWS_CONFIG_FILE", &config),
            ("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00000"),
            ("AWS_SECRET_ACCESS_KEY", "from-the-environment"),
        ],
        120,
        30,
    );
    let screen = console.wait_for("There is no profile", 60);
    assert!(
        screen.contains("the profiles are: prod, staging"),
        "{screen}"
    );
    assert!(
        !screen.contains("Identity pools"),
        "no pools listed with other keys:\n{screen}"
    );
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

#[test]
fn no_credentials_says_how_to_sign_in() {
    let (_dir, config) = config_with(&["ghost"]);
    let mut console = Console::start_with_env(
        &["--region", "eu-west-1"],
        &[("AWS_PROFILE", "ghost"), ("AWS_CONFIG_FILE", &config)],
        100,
        30,
    );
    let screen = console.wait_for("No usable AWS credentials for profile", 60);
    assert!(screen.contains("aws sso login"), "{screen}");
    assert!(screen.contains("cognito-tui --sandbox"), "{screen}");
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

#[test]
fn a_malformed_config_falls_back_to_defaults_with_a_warning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "read_only = \"very\"\n").unwrap_or_else(|e| panic!("{e}"));
    let path = path.to_string_lossy().to_string();
    let mut console = Console::start(&["--sandbox", "--config", &path], 120, 24);
    let screen = console.wait_for("Using default settings:", 60);
    assert!(screen.contains("is malformed"), "{screen}");
    assert!(!screen.contains("[read-only]"), "defaults apply:\n{screen}");
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

#[test]
fn a_missing_config_is_said_and_a_config_problem_stays_on_the_not_connected_panel() {
    let mut console = Console::start(&["--config", "/nonexistent/cognito-tui.toml"], 120, 30);
    let screen = console.wait_for("Not connected", 60);
    assert!(
        screen.contains("/nonexistent/cognito-tui.toml (from --config) does not exist"),
        "the config problem is on the panel, not overwritten:\n{screen}"
    );
    assert!(screen.contains("No AWS region is configured"), "{screen}");
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

#[test]
fn the_header_shows_who_the_credentials_really_are() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sb = runtime.block_on(common::sandbox(cognito_tui::sandbox::Seed::Demo));
    let url = sb.endpoint_url();
    let mut console = Console::start_with_env(
        &["--endpoint-url", &url, "--region", "us-east-1"],
        &[
            ("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00000"),
            ("AWS_SECRET_ACCESS_KEY", "from-the-environment"),
        ],
        160,
        30,
    );
    let screen = console.wait_for("orders-app", 60);
    let header = screen.lines().next().unwrap_or_default().to_string();
    assert!(
        header.contains("· arn:aws:iam::123456789012:"),
        "the caller's ARN (STS GetCallerIdentity) in the header: {header}"
    );
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

#[test]
fn an_empty_region_is_said_in_one_line() {
    let mut console = Console::start(&["--region", ""], 120, 30);
    let screen = console.wait_for("The region is empty", 60);
    assert!(screen.contains("such as us-east-1"), "{screen}");
    assert!(!screen.contains("DispatchFailure"), "{screen}");
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

/// A web server that answers every request with `status` and an HTML page (a proxy's error page,
/// a web site): its address.
fn html_server(status: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 65536];
            let _ = stream.read(&mut request);
            let page = "<html><head><title>Bad Gateway</title></head><body>nginx</body></html>";
            let answer = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    format!("http://{address}")
}

#[test]
fn an_endpoint_that_is_not_an_aws_api_is_named_with_its_status_and_first_bytes() {
    for (status, code) in [("502 Bad Gateway", "HTTP 502"), ("200 OK", "HTTP 200")] {
        let endpoint = html_server(status);
        let (_dir, config) = config_with(&["web"]);
        let mut console = Console::start_with_env(
            &[
                "--profile",
                "web",
                "--region",
                "us-east-1",
                "--endpoint-url",
                &endpoint,
            ],
            &[
                ("AWS_CONFIG_FILE", &config),
                ("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00000"),
                ("AWS_SECRET_ACCESS_KEY", "from-the-environment"),
            ],
            140,
            30,
        );
        let screen = console.wait_for("did not answer as an AWS API does", 60);
        assert!(screen.contains(code), "{status}: {screen}");
        assert!(
            screen.contains("<html><head><title>Bad"),
            "{status}: {screen}"
        );
        assert!(!screen.contains("(no message)"), "{screen}");
        console.send("q");
        assert_eq!(console.wait_exit(10), 0);
    }
}
