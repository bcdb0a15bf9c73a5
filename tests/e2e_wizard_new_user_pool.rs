//! End to end: the real binary with `--sandbox`, the create wizard driven by keystrokes making a
//! pool from nothing — its own user pool and app client from "Create a new user pool" — then a
//! user made in that user pool with the SDK signs in and gets the authenticated role.

mod common;
mod pty;

use pty::{Console, endpoint};

const CTRL_N: &str = "\x0e";
const RIGHT: &str = "\x1b[C";

fn drive_the_wizard(console: &mut Console) {
    console.send("n");
    console.wait_for("step 1 of 5: Configure identity pool trust", 10);
    console.send(" \t\t ");
    console.wait_for("[x] Amazon Cognito user pool", 10);
    console.send(CTRL_N);
    console.wait_for("step 2 of 5: Configure permissions", 10);
    console.send("\tnup-auth");
    console.wait_for("nup-auth", 10);
    console.send(CTRL_N);
    console.wait_for("step 3 of 5: Connect identity providers", 10);

    console.wait_for("‹ Pick an existing user pool ›", 10);
    console.send(RIGHT);
    console.wait_for("‹ Create a new user pool ›", 10);
    // Name; self sign-up on.
    console.send("\tnup users\t ");
    console.wait_for("[x] Self sign-up", 10);
    // Past the messages (their defaults are valid) and the SMS role (none) to the client's name:
    // verify email, subject, style, body, SMS, invitation subject, body, SMS, SMS role, name.
    console.send(&"\t".repeat(10));
    console.send("nup-web\t ");
    console.wait_for("[x] Also password auth", 10);
    console.send(CTRL_N);
    console.wait_for("step 4 of 5: Configure properties", 10);
    console.send("nup-pool");
    console.send(CTRL_N);
    let review = console.wait_for("step 5 of 5: Review and create", 10);
    for expected in [
        "new user pool nup users · self sign-up on",
        "CreateUserPool user pool nup users",
        "CreateUserPoolClient app client nup-web",
        "Name: nup-pool",
    ] {
        assert!(
            review.contains(expected),
            "review shows {expected:?}:\n{review}"
        );
    }
    console.send("\r");
    console.wait_for("Created identity pool \"nup-pool\"", 20);
    console.wait_for("pool: nup-pool", 10);
}

#[test]
fn a_pool_created_from_nothing_with_a_new_user_pool_lets_its_users_in() {
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
        let pool_id = common::pool_id_named(&identity, "nup-pool").await;
        let [(_, client_id, user_pool_id)] = common::user_pool_providers(&identity, &pool_id)
            .await
            .try_into()
            .unwrap_or_else(|p| panic!("the new user pool is the provider: {p:?}"));
        let pool = idp
            .describe_user_pool()
            .user_pool_id(&user_pool_id)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(pool.user_pool().and_then(|p| p.name()), Some("nup users"));

        let caller =
            common::new_user_caller(&endpoint, &pool_id, &user_pool_id, &client_id, "bob").await;
        assert_eq!(
            caller,
            "arn:aws:sts::123456789012:assumed-role/nup-auth/CognitoIdentityCredentials"
        );
    });
}
