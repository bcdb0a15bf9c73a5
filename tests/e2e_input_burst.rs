//! End to end: a burst of keys or a long paste is handled whole and in order before the console
//! waits again. The real binary on `--sandbox`: 5,000 keys typed into the Pools filter and taken
//! back, then a 10 KB paste (a terminal without bracketed paste sends it as typed characters),
//! each followed by a short filter — and the screen shows its result with no further key sent.
//! (Before, parsed keys could wait in the event stream until the next key woke the console.)

mod pty;

use pty::Console;

const BACKSPACE: &str = "\x7f";

#[test]
fn every_queued_key_is_handled_before_the_console_waits() {
    let mut console = Console::start(&["--sandbox"], 120, 30);
    console.wait_for("orders-app", 60);
    console.send("/");
    let burst = format!("{}{}orders", "x".repeat(2_500), BACKSPACE.repeat(2_500));
    console.send(&burst);
    console.wait_for("Identity pools (1 of 6) ─ /orders", 30);

    // A 10 KB paste into the same field, taken back, then another name.
    let paste = "p".repeat(10 * 1024);
    let erase = BACKSPACE.repeat(10 * 1024 + "orders".len());
    console.send(&format!("{paste}{erase}mobile"));
    console.wait_for("Identity pools (1 of 6) ─ /mobile", 30);
    assert!(console.screen().contains("mobile-games"));
}
