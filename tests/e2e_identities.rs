//! End to end: the real binary on a sandbox with a few thousand identities in a pseudo-terminal —
//! open a pool, filter, mark all, delete, read the report, and check the listing afterwards.

mod pty;

use pty::Console;

#[test]
fn filter_mark_all_delete_and_report() {
    let mut console = Console::start(&["--sandbox", "--seed-identities", "1500"], 140, 36);
    console.wait_for("orders-app", 60);
    console.send("\r");
    console.wait_for("Identity providers", 20);
    console.send("3");
    let screen = console.wait_for("4,000 · all 67 pages", 60);
    assert!(screen.contains("Identities of orders-app"), "{screen}");

    console.send("/guest created<30d");
    let screen = console.wait_for("/guest created<30d▏ ─ ", 10);
    let matched: usize = screen
        .split(" of 4,000 match")
        .next()
        .and_then(|s| s.rsplit(['─', ' ']).find(|w| !w.is_empty()))
        .map(|s| s.replace(',', ""))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a match count:\n{screen}"));
    assert!(matched > 500 && matched < 4_000, "{matched}");
    console.send("\r");
    console.send("a");
    let count = matched.to_string();
    console.wait_for(&format!("{} marked", with_commas(matched)), 10);

    console.send("d");
    let screen = console.wait_for("Delete identities", 10);
    assert!(
        screen.contains(&format!("Delete {} identities?", with_commas(matched))),
        "{screen}"
    );
    if matched > 1_000 {
        console.send(&count);
    }
    console.send("\t\r");
    let screen = console.wait_for("Deletion report", 60);
    assert!(
        screen.contains(&format!("Deleted        {count}")),
        "{screen}"
    );
    assert!(screen.contains("Failed         0"), "{screen}");
    console.send("\x1b");
    console.send("\x1b");
    // The listing afterwards: reload and count.
    console.send("r");
    let remaining = with_commas(4_000 - matched);
    console.wait_for(&format!("{remaining} · all"), 60);
    console.send("/guest created<30d\r");
    console.wait_for("0 of ", 10);
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}

fn with_commas(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
