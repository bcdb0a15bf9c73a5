//! End to end: the real binary with `--sandbox`, the Test access panel driven by keystrokes. On
//! the demo's orders-app, each demo user signs in (SRP) and gets their own role — admin, partner,
//! authenticated — as the simulator predicted; the identity shown is the one the service linked
//! to that user (a fresh DescribeIdentity), and the password never reaches the screen.

mod common;
mod pty;

use cognito_tui::sandbox::DEMO_PASSWORD;
use pty::{Console, endpoint};

const CTRL_U: &str = "\x15";
const BACK_TAB: &str = "\x1b[Z";
const PROVIDER: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";

/// A field of the result column (`identity`, `login`, …), its wrapped lines joined.
fn result_field(screen: &str, name: &str) -> String {
    let column = |line: &str| -> String {
        let inner = line.strip_prefix('│').unwrap_or(line);
        inner
            .split('│')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let lines: Vec<String> = screen.lines().map(column).collect();
    let Some(at) = lines
        .iter()
        .position(|l| l.starts_with(&format!("{name:<9} ")))
    else {
        panic!("no {name} line:\n{screen}")
    };
    let mut value = lines[at][10..].trim().to_string();
    // Continuation lines are indented under the value column.
    for (line, raw) in lines[at + 1..].iter().zip(screen.lines().skip(at + 1)) {
        if !raw.starts_with("│          ") || line.is_empty() {
            break;
        }
        value.push(' ');
        value.push_str(line);
    }
    value
}

/// The identity id on the result's `identity` line.
fn identity_shown(screen: &str) -> String {
    result_field(screen, "identity")
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn each_demo_user_signs_in_to_their_own_role_from_the_panel() {
    let mut console = Console::start(&["--sandbox"], 140, 40);
    let screen = console.wait_for("orders-app", 60);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sdk = runtime.block_on(async {
        let config = common::sdk_config_at(&endpoint(&screen), "us-east-1").await;
        aws_sdk_cognitoidentity::Client::new(&config)
    });

    console.send("/orders-app\r");
    console.send("\r");
    console.wait_for("pool: orders-app", 20);
    console.send("t");
    console.wait_for("Test access — orders-app", 10);
    // A pool with a user pool provider starts on a user's name.
    console.wait_for("▸ User name", 10);
    let mut first = true;
    for (user, role) in [
        ("demo-admin", "orders-app-admin"),
        ("demo-partner", "orders-app-partner"),
        ("demo-user", "orders-app-auth"),
    ] {
        if !first {
            // From the password back to the name, cleared.
            console.send(BACK_TAB);
            console.wait_for("▸ User name", 10);
        }
        console.send(CTRL_U);
        console.send(user);
        console.send("\t");
        console.wait_for("▸ Password", 10);
        console.send(CTRL_U);
        console.send(DEMO_PASSWORD);
        console.send("\r");
        if first {
            console.wait_for("Test access signs in for real", 10);
            console.send("\r");
            first = false;
        }
        console.wait_for(
            &format!("role      arn:aws:iam::123456789012:role/{role}"),
            30,
        );
        // The result's last line: the frame that drew the role is whole (a frame arrives in
        // pieces on a loaded machine).
        let screen = console.wait_for("token hidden", 30);
        assert!(screen.contains("✓ Credentials issued"), "{screen}");
        assert!(
            screen.contains("✓ The service did as predicted"),
            "{user}:\n{screen}"
        );
        assert!(!screen.contains("NOT AS PREDICTED"), "{screen}");
        assert!(
            result_field(&screen, "login").ends_with(&format!("{PROVIDER} via USER_SRP_AUTH")),
            "{screen}"
        );
        assert!(
            !screen.contains(DEMO_PASSWORD),
            "the password is never drawn"
        );
        assert!(
            screen.contains("secret key and session token hidden"),
            "{screen}"
        );
        let identity_id = identity_shown(&screen);
        let described = runtime
            .block_on(sdk.describe_identity().identity_id(&identity_id).send())
            .unwrap_or_else(|e| panic!("{identity_id}: {e:?}"));
        assert_eq!(described.logins(), [PROVIDER], "{user}'s identity");
    }
    let output = String::from_utf8_lossy(&console.output()).into_owned();
    assert!(
        !output.contains(DEMO_PASSWORD),
        "not even in the raw output"
    );

    console.send("\x1b");
    console.wait_gone("Test access — orders-app", 10);
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}
