//! End to end: without the sandbox and without an AWS set-up, the console says what is missing.

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

#[test]
fn no_credentials_says_how_to_sign_in() {
    let mut console = Console::start_with_env(
        &["--region", "eu-west-1"],
        &[("AWS_PROFILE", "ghost")],
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
