//! What a newcomer installs and wires up: `--version`, and completion scripts for bash, zsh and
//! fish that name the real subcommands and flags (each checked by the shell itself where it is
//! installed: `bash -n` parses the bash script).

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn version_names_the_package_version() {
    let (code, out) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("cognito-tui {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_cover_the_subcommands_and_flags_in_each_shell() {
    for (shell, marker) in [
        ("bash", "_cognito__tui()"),
        ("zsh", "#compdef cognito-tui"),
        ("fish", "complete -c cognito-tui"),
    ] {
        let (code, script) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains(marker), "{shell}: {script}");
        // Fish writes long flags without their dashes (`-l read-only`).
        for word in [
            "sandbox",
            "serve",
            "read-only",
            "profile",
            "seed-identities",
        ] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let (_, script) = run(&["completions", "bash"]);
    let path = std::env::temp_dir().join(format!("cognito-tui-{}.bash", std::process::id()));
    std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
    let parsed = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap_or_else(|e| panic!("bash: {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(parsed.success(), "bash parses the script");
    // A reader that stops after the first line is no crash.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["completions", "zsh"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, _) = run(&["completions", "powershell-7"]);
    assert_eq!(
        code, 2,
        "an unknown shell is refused with clap's usage error"
    );
}
