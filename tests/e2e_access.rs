//! End to end: the real binary with `--sandbox`, the User access tab driven by keystrokes —
//! activate guest access with a new role, add Google, change a user pool provider's role settings
//! to rules, rename the pool — and after each save, a fresh SDK read shows exactly that change.

mod access;
mod common;
mod pty;

use access::{Fields, changed, fields};
use pty::{Console, endpoint};

const CTRL_S: &str = "\x13";
const CTRL_U: &str = "\x15";
const RIGHT: &str = "\x1b[C";

struct Checker {
    runtime: tokio::runtime::Runtime,
    sdk: aws_sdk_cognitoidentity::Client,
}

impl Checker {
    fn new(endpoint: &str) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let sdk = runtime.block_on(async {
            let config = common::sdk_config_at(endpoint, "us-east-1").await;
            aws_sdk_cognitoidentity::Client::new(&config)
        });
        Self { runtime, sdk }
    }

    fn pool_id(&self, name: &str) -> String {
        self.runtime
            .block_on(common::pool_id_named(&self.sdk, name))
    }

    fn fields(&self, pool_id: &str) -> Fields {
        self.runtime.block_on(fields(&self.sdk, pool_id))
    }
}

/// ⏎ on the review, then the check: the save says the pool is exactly as intended.
fn save(console: &mut Console) {
    console.wait_for("What will change (before → after)", 10);
    console.send("\r");
    console.wait_for(
        "Checked with a fresh read: the pool is exactly as intended",
        20,
    );
    console.send("\x1b");
    console.wait_gone("Save changes", 10);
}

fn open_pool(console: &mut Console, name: &str) {
    console.send("1");
    if console.screen().contains("Identity providers") {
        // A pool's summary is open: back to the list first.
        console.send("\x1b");
        console.wait_gone("Identity providers", 10);
        // And the filter that found it.
        console.send("\x1b");
        console.wait_for("Identity pools (6)", 10);
    }
    console.send(&format!("/{name}\r"));
    console.send("\r");
    console.wait_for(&format!("pool: {name}"), 20);
    console.send("2");
    console.wait_for(&format!("User access — {name}"), 10);
    console.wait_for("Identity providers (", 10);
}

#[test]
fn guest_access_google_rules_and_a_rename_each_change_exactly_their_fields() {
    let mut console = Console::start(&["--sandbox"], 140, 40);
    let screen = console.wait_for("orders-app", 60);
    let check = Checker::new(&endpoint(&screen));

    // Activate guest access on partner-portal with a new role.
    let partner = check.pool_id("partner-portal");
    open_pool(&mut console, "partner-portal");
    let before = check.fields(&partner);
    console.send("\r");
    console.wait_for("Guest access active", 10);
    console.send(" ");
    console.wait_for("Create a new IAM role", 10);
    console.send(&format!("\t\t{CTRL_U}pp-e2e-guest"));
    console.wait_for("pp-e2e-guest", 10);
    console.send(CTRL_S);
    let review = console.wait_for("CreateRole pp-e2e-guest", 10);
    assert!(review.contains("Guest access: off → on"), "{review}");
    save(&mut console);
    let after = check.fields(&partner);
    let diff = changed(&before, &after);
    assert_eq!(
        diff.keys().collect::<Vec<_>>(),
        vec!["guest", "role unauthenticated"],
        "{diff:?}"
    );
    assert!(
        diff["role unauthenticated"]
            .1
            .as_deref()
            .is_some_and(|arn| arn.ends_with(":role/pp-e2e-guest")),
        "{diff:?}"
    );

    // Add Google.
    let before = after;
    console.send("a");
    console.wait_for("The kinds this pool can still take", 10);
    console.send("jj");
    console.wait_for("▸ Google", 10);
    console.send("\r");
    console.wait_for("add identity provider · Google", 10);
    console.send("e2e.apps.googleusercontent.com");
    console.send(CTRL_S);
    save(&mut console);
    let after = check.fields(&partner);
    let diff = changed(&before, &after);
    assert_eq!(
        diff.keys().collect::<Vec<_>>(),
        vec!["login accounts.google.com"],
        "{diff:?}"
    );
    assert_eq!(
        diff["login accounts.google.com"].1.as_deref(),
        Some("e2e.apps.googleusercontent.com")
    );

    // A user pool provider of internal-tools: role settings to rules.
    let tools = check.pool_id("internal-tools");
    open_pool(&mut console, "internal-tools");
    let before = check.fields(&tools);
    console.send("jj\r");
    console.wait_for("Identity provider information", 10);
    console.send("j\r");
    console.wait_for("role settings", 10);
    console.send(RIGHT);
    console.wait_for("Choose role with rules", 10);
    console.send("\t\r");
    console.wait_for("Rule 1 claim", 10);
    console.send("cognito:groups\t\tstaff\t\r");
    console.wait_for("Pick an IAM role", 10);
    console.wait_for("orders-app-admin", 10);
    console.send("orders-app-admin\r");
    console.wait_gone("Pick an IAM role", 10);
    console.send(CTRL_S);
    save(&mut console);
    let after = check.fields(&tools);
    let diff = changed(&before, &after);
    assert_eq!(diff.len(), 1, "{diff:?}");
    let (key, (was, now)) = diff.iter().next().unwrap_or_else(|| panic!("a change"));
    assert!(
        key.starts_with("mapping cognito-idp.us-east-1.amazonaws.com/us-east-1_T00ls"),
        "{key}"
    );
    assert_eq!(was, &None);
    assert!(
        now.as_deref().is_some_and(|m| m
            .starts_with("Rules AuthenticatedRole [cognito:groups Equals staff ")
            && m.ends_with(":role/orders-app-admin]")),
        "{now:?}"
    );

    // Rename it.
    let before = after;
    console.send("Gkk\r");
    console.wait_for("Identity pool name", 10);
    console.send(&format!("{CTRL_U}tools-renamed"));
    console.send(CTRL_S);
    save(&mut console);
    console.wait_for("pool: tools-renamed", 10);
    let after = check.fields(&tools);
    let diff = changed(&before, &after);
    assert_eq!(diff.keys().collect::<Vec<_>>(), vec!["name"], "{diff:?}");
    assert_eq!(diff["name"].1.as_deref(), Some("tools-renamed"));

    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}
