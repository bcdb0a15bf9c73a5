//! End to end: the real binary with `--sandbox` in a pseudo-terminal, keys in, screen text out.

mod pty;

use pty::Console;

#[test]
fn browse_filter_open_and_delete_a_pool_on_the_sandbox() {
    let mut console = Console::start(&["--sandbox"], 110, 30);
    let screen = console.wait_for("orders-app", 60);
    assert!(
        screen.contains("sandbox 127.0.0.1:"),
        "header names the sandbox:\n{screen}"
    );
    assert!(screen.contains("1 Pools"));
    console.wait_for("user pool, Google", 20);
    console.wait_for("Identity pools (6)", 20);
    // Details arrive lazily after the list; wait for the partner pool's providers.
    console.wait_for("OIDC, SAML", 20);

    // Filter.
    console.send("/part");
    let screen = console.wait_for("Identity pools (1 of 6)", 10);
    assert!(!screen.contains("orders-app"), "{screen}");
    console.send("\r");

    // Open the summary.
    console.send("\r");
    let screen = console.wait_for("Identity providers", 10);
    assert!(
        screen.contains("arn:aws:iam::123456789012:saml-provider/CorpADFS"),
        "{screen}"
    );
    assert!(
        screen.contains("pool: partner-portal"),
        "the tab bar names the current pool:\n{screen}"
    );
    console.send("\x1b");
    console.wait_for("Identity pools (1 of 6)", 10);
    console.send("\x1b");
    console.wait_for("Identity pools (6)", 10);

    // Delete "old-pool" by typing its name.
    console.send("G");
    console.send("d");
    let screen = console.wait_for("Type the pool's name to confirm", 10);
    assert!(
        screen.contains("Delete identity pool \"old-pool\"?"),
        "{screen}"
    );
    console.send("old-poo");
    console.wait_for("Does not match", 10);
    console.send("\t\r");
    // The ⏎ is handled (it says so) and refused: the question stays, nothing deleted.
    let screen = console.wait_for("Not deleted: the name typed does not match", 10);
    assert!(
        screen.contains("Type the pool's name") && screen.contains("old-pool"),
        "a wrong name cannot confirm:\n{screen}"
    );
    console.send("l");
    console.wait_for("Name matches", 10);
    console.send("\r");
    let screen = console.wait_for("Deleted \"old-pool\"", 20);
    assert!(screen.contains("Identity pools (5)"), "{screen}");
    assert!(!screen.contains("│  old-pool"), "{screen}");

    // Quit restores the terminal.
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
    let output = console.output();
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("\x1b[?1049l"), "left the alternate screen");
}

#[test]
fn read_only_refuses_deletion_with_the_reason() {
    let mut console = Console::start(&["--sandbox", "--read-only"], 100, 24);
    console.wait_for("[read-only]", 60);
    console.wait_for("orders-app", 20);
    console.send("d");
    console.wait_for(
        "Read-only mode (--read-only): deleting pools is disabled",
        10,
    );
    console.send("\x03");
    assert_eq!(console.wait_exit(10), 0, "Ctrl-C quits cleanly");
}
