//! End to end: while the terminal is too small to draw anything but "Terminal too small", no key
//! acts. The real binary on `--sandbox`, User access on orders-app with the guest row selected;
//! at 30×8, `Space ⏎` (which would turn guest access off) and a burst of other keys change
//! nothing on the service (a fresh SDK read with every field), and back at full size no dialog
//! or review opened unseen is waiting.

mod access;
mod common;
mod pty;

use access::fields;
use pty::{Console, endpoint};

/// A runtime and a Cognito identity client for the sandbox at `url`, to read what the service
/// holds.
fn sdk_at(url: &str) -> (tokio::runtime::Runtime, aws_sdk_cognitoidentity::Client) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sdk = runtime.block_on(async {
        let config = common::sdk_config_at(url, "us-east-1").await;
        aws_sdk_cognitoidentity::Client::new(&config)
    });
    (runtime, sdk)
}

#[test]
fn at_30_by_8_no_key_changes_anything() {
    let mut console = Console::start(&["--sandbox"], 120, 32);
    let screen = console.wait_for("orders-app", 60);
    let (runtime, sdk) = sdk_at(&endpoint(&screen));
    let orders = runtime.block_on(common::pool_id_named(&sdk, "orders-app"));
    let before = runtime.block_on(fields(&sdk, &orders));
    assert_eq!(before.get("guest").map(String::as_str), Some("true"));

    // orders-app is the first row: open it, then User access with the guest row selected.
    console.send("\r");
    console.wait_for("Guest access", 10);
    console.send("2");
    console.wait_for("Status · guest role", 10);

    console.resize(30, 8);
    console.wait_for("Terminal too small", 10);
    // Space ⏎ would save guest access off; the rest would open dialogs, delete, refresh, move.
    for keys in [
        " ", "\r", "\r", "a", "\r", "d", "\t", "\r", "1", "\r", "d", "\r", "y",
    ] {
        console.send(keys);
    }
    // A key that is not refused would show once the terminal is large again: wait for the
    // console to draw at full size, then look.
    console.resize(120, 32);
    let screen = console.wait_for("Status · guest role", 10);
    assert!(
        !screen.contains("Save changes")
            && !screen.contains("The kinds this pool can still take")
            && !screen.contains("Cancel"),
        "nothing opened while too small:\n{screen}"
    );
    assert!(screen.contains("Active"), "{screen}");
    let after = runtime.block_on(fields(&sdk, &orders));
    assert_eq!(after, before, "the service is as it was");
}

/// Issue 29, item 1: a question cut off by a small terminal (its buttons not drawn) takes only
/// Esc: the pool's name typed, Tab to the unseen Delete button and ⏎ delete nothing (a fresh SDK
/// read finds the pool), and Esc cancels.
#[test]
fn a_cut_off_delete_question_presses_no_unseen_button() {
    let mut console = Console::start(&["--sandbox"], 100, 30);
    let screen = console.wait_for("orders-app", 60);
    let (runtime, sdk) = sdk_at(&endpoint(&screen));
    let orders = runtime.block_on(common::pool_id_named(&sdk, "orders-app"));
    console.send("d");
    console.wait_for("Type the pool's name to confirm", 10);
    console.resize(44, 10);
    let screen = console.wait_for("enlarge the terminal, or Esc", 10);
    assert!(
        !screen.contains("[ Delete ]"),
        "the buttons are cut off: {screen}"
    );
    console.send("orders-app\t\r");
    console.resize(100, 30);
    let screen = console.wait_for("[ Delete ]", 10);
    assert!(
        !screen.contains("│ > orders-app"),
        "nothing was typed: {screen}"
    );
    let still = runtime.block_on(
        sdk.describe_identity_pool()
            .identity_pool_id(&orders)
            .send(),
    );
    assert!(still.is_ok(), "the pool is still there: {still:?}");
    console.send("\u{1b}");
    console.wait_gone("Type the pool's name to confirm", 10);
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}
