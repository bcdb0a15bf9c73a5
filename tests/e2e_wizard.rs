//! End to end: the real binary with `--sandbox`, the create wizard driven by keystrokes (user pool
//! provider with a rules mapping, custom principal tags, guest access, two new roles), then proof
//! that the pool works: a guest gets credentials for the new guest role, and a user signing in to
//! the user pool gets credentials for the role the rules select (GetCallerIdentity shows it).

mod common;
mod pty;

use cognito_tui::sandbox::DEMO_PASSWORD;
use pty::{Console, endpoint};

const USER_POOL: &str = "us-east-1_Ord3rsPl1";
const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const CTRL_N: &str = "\x0e";
const RIGHT: &str = "\x1b[C";

/// Clicks (SGR mouse, press and release) on the first place `text` is on screen.
fn click(console: &mut Console, text: &str) {
    let screen = console.screen();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"));
    let column = line[..line.find(text).unwrap_or(0)].chars().count();
    let (x, y) = (column + 1, row + 1);
    console.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
}

fn drive_the_wizard(console: &mut Console) {
    console.send("n");
    console.wait_for("step 1 of 5: Configure identity pool trust", 10);
    console.send(" \t\t ");
    console.wait_for("[x] Amazon Cognito user pool", 10);
    // Guest access by mouse: a click focuses the field, a second click toggles it.
    click(console, "Guest access");
    click(console, "Guest access");
    console.wait_for("[x] Guest access", 10);
    console.send(CTRL_N);
    console.wait_for("step 2 of 5: Configure permissions", 10);

    console.send("\te2e-auth\tv");
    let screen = console.wait_for("Policy documents of the new role e2e-auth", 10);
    assert!(
        screen.contains("\"Federated\": \"cognito-identity.amazonaws.com\""),
        "{screen}"
    );
    assert!(
        screen.contains("\"cognito-identity.amazonaws.com:amr\": \"authenticated\""),
        "{screen}"
    );
    console.send("\x1b");
    console.wait_gone("Policy documents", 10);
    console.send("\t\te2e-guest");
    console.wait_for("e2e-guest", 10);
    console.send(CTRL_N);
    console.wait_for("step 3 of 5: Connect identity providers", 10);

    // The user pool and its app client, picked from the account (past "Pick an existing user
    // pool", the first choice).
    console.wait_for("‹ Pick an existing user pool ›", 10);
    console.send("\t\r");
    console.wait_for("Pick a user pool", 10);
    console.wait_for(USER_POOL, 10);
    console.send("Ord3rs\r");
    console.wait_gone("Pick a user pool", 10);
    console.send("\t\r");
    console.wait_for("Pick an app client", 10);
    console.wait_for(CLIENT, 10);
    // By mouse: a click on the selected (only) item picks it.
    click(console, CLIENT);
    console.wait_gone("Pick an app client", 10);
    // Role settings: rules, one rule (group admins → the new authenticated role), deny otherwise.
    console.send(&format!("\t\t{RIGHT}"));
    console.wait_for("Choose role with rules", 10);
    console.send("\t\rcognito:groups\t");
    console.send(RIGHT);
    console.send("\tadmins\t\r");
    console.wait_for("Pick an IAM role", 10);
    console.wait_for("e2e-auth (new)", 10);
    console.send("\r");
    console.wait_for("e2e-auth (new authenticated role)", 10);
    console.send(&format!("\t\t{RIGHT}"));
    console.wait_for("‹ Deny ›", 10);
    // Attributes for access control: custom, tag "user" from claim "sub".
    console.send(&format!("\t{RIGHT}"));
    console.send(RIGHT);
    console.wait_for("Use custom mappings", 10);
    console.send("\t\ruser\tsub");
    console.wait_for("← claim", 10);
    console.send(CTRL_N);
    console.wait_for("step 4 of 5: Configure properties", 10);

    console.send("e2e-wizard-pool");
    console.send(CTRL_N);
    let review = console.wait_for("step 5 of 5: Review and create", 10);
    for expected in [
        "Authenticated access: on · Guest access: on",
        "new role e2e-auth",
        "new role e2e-guest",
        "1. cognito:groups Contains \"admins\" → e2e-auth",
        "no match: deny",
        "attributes for access control: user ← sub",
        "Name: e2e-wizard-pool",
    ] {
        assert!(
            review.contains(expected),
            "review shows {expected:?}:\n{review}"
        );
    }
    console.send("\r");
    let screen = console.wait_for("Created identity pool \"e2e-wizard-pool\"", 20);
    assert!(
        !screen.contains("Create identity pool —"),
        "the wizard closed:\n{screen}"
    );
    console.wait_for("pool: e2e-wizard-pool", 10);
}

async fn credentials_of(
    identity: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    login: Option<(&str, &str)>,
) -> Result<aws_sdk_cognitoidentity::types::Credentials, String> {
    let mut get_id = identity.get_id().identity_pool_id(pool_id);
    if let Some((provider, token)) = login {
        get_id = get_id.logins(provider, token);
    }
    let id = get_id
        .send()
        .await
        .map_err(|e| common::code(&e))?
        .identity_id()
        .unwrap_or_default()
        .to_string();
    let mut get = identity.get_credentials_for_identity().identity_id(&id);
    if let Some((provider, token)) = login {
        get = get.logins(provider, token);
    }
    let out = get.send().await.map_err(|e| common::code(&e))?;
    out.credentials()
        .cloned()
        .ok_or_else(|| "no credentials".to_string())
}

async fn caller(endpoint: &str, creds: &aws_sdk_cognitoidentity::types::Credentials) -> String {
    common::caller_arn_at(
        endpoint,
        creds.access_key_id().unwrap_or_default(),
        creds.secret_key().unwrap_or_default(),
        creds.session_token().unwrap_or_default(),
    )
    .await
}

#[test]
fn the_wizard_creates_a_pool_whose_guests_and_users_get_the_chosen_roles() {
    let mut console = Console::start(&["--sandbox"], 120, 40);
    let screen = console.wait_for("orders-app", 60);
    let endpoint = endpoint(&screen);
    drive_the_wizard(&mut console);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    runtime.block_on(async {
        let config = common::sdk_config_at(&endpoint, "us-east-1").await;
        let identity = aws_sdk_cognitoidentity::Client::new(&config);
        let idp = aws_sdk_cognitoidentityprovider::Client::new(&config);
        let pool_id = common::pool_id_named(&identity, "e2e-wizard-pool").await;
        let assumed = |role: &str| {
            format!("arn:aws:sts::123456789012:assumed-role/{role}/CognitoIdentityCredentials")
        };

        let guest = credentials_of(&identity, &pool_id, None)
            .await
            .unwrap_or_else(|e| panic!("guest: {e}"));
        assert_eq!(caller(&endpoint, &guest).await, assumed("e2e-guest"));

        let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
        let admin_token = common::id_token(&idp, CLIENT, "demo-admin", DEMO_PASSWORD).await;
        let admin = credentials_of(&identity, &pool_id, Some((&provider, &admin_token)))
            .await
            .unwrap_or_else(|e| panic!("demo-admin: {e}"));
        assert_eq!(
            caller(&endpoint, &admin).await,
            assumed("e2e-auth"),
            "the admins rule selects e2e-auth"
        );

        let user_token = common::id_token(&idp, CLIENT, "demo-user", DEMO_PASSWORD).await;
        let refused = credentials_of(&identity, &pool_id, Some((&provider, &user_token))).await;
        assert_eq!(
            refused.err().as_deref(),
            Some("NotAuthorizedException"),
            "no rule matches demo-user: deny"
        );
    });
    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}
