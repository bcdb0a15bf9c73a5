//! How the binary ends when something ordinary goes wrong, or a signal ends it: one plain line
//! on stderr saying what is wrong and what to do (no backtrace unless RUST_BACKTRACE asks), and
//! the conventional exit status.

mod pty;

use std::process::{Command, Stdio};

fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cognito-tui"));
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env("AWS_EC2_METADATA_DISABLED", "true");
    cmd
}

fn plain(stderr: &str) {
    assert!(!stderr.contains("BACKTRACE"), "{stderr}");
    assert!(!stderr.contains("Location:"), "{stderr}");
    assert!(!stderr.contains("\x1b["), "no colour codes: {stderr:?}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
}

#[test]
fn without_a_terminal_it_says_so_in_one_line() {
    let out = binary()
        .arg("--sandbox")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("cognito-tui: this console needs a terminal"),
        "{stderr}"
    );
    plain(&stderr);
}

#[test]
fn serving_on_a_port_in_use_says_which_and_what_to_do() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = taken.local_addr().map(|a| a.port()).unwrap_or_default();
    let out = binary()
        .args(["sandbox", "serve", "--port", &port.to_string()])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("could not listen on port {port}")) && stderr.contains("--port"),
        "{stderr}"
    );
    plain(&stderr);
}

#[test]
fn sigterm_ends_the_console_with_status_143_and_the_terminal_restored() {
    let mut console = pty::Console::start(&["--sandbox"], 100, 30);
    console.wait_for("orders-app", 60);
    console.signal("TERM");
    assert_eq!(console.wait_exit(10), 143, "128 + SIGTERM");
    assert!(
        console.wait_output(b"\x1b[?1049l", 10),
        "the alternate screen is left"
    );
}
