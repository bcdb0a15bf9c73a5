//! End to end: the real binary with `--sandbox`, the Role settings tab driven by keystrokes. On
//! the demo's rules pool, demo-partner's real ID token pasted into the simulator gets the partner
//! role; then a role's trust is broken with the SDK, the tab shows the problem, fixes it, and a
//! real credential request for demo-partner succeeds afterwards.

mod common;
mod pty;

use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use pty::{Console, endpoint};

const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const PROVIDER: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";

struct Checker {
    runtime: tokio::runtime::Runtime,
    config: aws_types::SdkConfig,
    endpoint: String,
}

impl Checker {
    fn new(endpoint: &str) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let config = runtime.block_on(common::sdk_config_at(endpoint, "us-east-1"));
        Self {
            runtime,
            config,
            endpoint: endpoint.to_string(),
        }
    }

    fn partner_token(&self) -> String {
        let idp = aws_sdk_cognitoidentityprovider::Client::new(&self.config);
        self.runtime.block_on(common::id_token(
            &idp,
            CLIENT,
            "demo-partner",
            cognito_tui::sandbox::DEMO_PASSWORD,
        ))
    }

    /// GetId + GetCredentialsForIdentity for demo-partner: whom STS says the credentials are, or
    /// the service's error code.
    fn partner_credentials(&self, pool_id: &str) -> Result<String, String> {
        let token = self.partner_token();
        let sdk = aws_sdk_cognitoidentity::Client::new(&self.config);
        self.runtime.block_on(async {
            let id = common::identity_id(&sdk, pool_id, &[(PROVIDER, &token)]).await;
            match sdk
                .get_credentials_for_identity()
                .identity_id(&id)
                .logins(PROVIDER, &token)
                .send()
                .await
            {
                Ok(out) => {
                    let c = out
                        .credentials()
                        .cloned()
                        .unwrap_or_else(|| panic!("credentials"));
                    Ok(common::caller_arn_at(
                        &self.endpoint,
                        c.access_key_id().unwrap_or_default(),
                        c.secret_key().unwrap_or_default(),
                        c.session_token().unwrap_or_default(),
                    )
                    .await)
                }
                Err(e) => Err(common::code(&e)),
            }
        })
    }

    fn pool_id(&self, name: &str) -> String {
        let sdk = aws_sdk_cognitoidentity::Client::new(&self.config);
        self.runtime.block_on(common::pool_id_named(&sdk, name))
    }

    fn break_partner_trust(&self) {
        let iam = aws_sdk_iam::Client::new(&self.config);
        self.runtime.block_on(async {
            iam.update_assume_role_policy()
                .role_name("orders-app-partner")
                .policy_document(cognito_trust_policy(
                    "us-east-1:11111111-2222-3333-4444-555555555555",
                    Audience::Authenticated,
                    true,
                ))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e:?}"));
        });
    }
}

#[test]
fn simulate_a_partner_then_break_and_fix_the_partner_roles_trust_from_the_tab() {
    let mut console = Console::start(&["--sandbox"], 140, 40);
    let screen = console.wait_for("orders-app", 60);
    let check = Checker::new(&endpoint(&screen));
    let pool_id = check.pool_id("orders-app");
    assert_eq!(
        check.partner_credentials(&pool_id),
        Ok(
            "arn:aws:sts::123456789012:assumed-role/orders-app-partner/CognitoIdentityCredentials"
                .into()
        ),
        "the demo starts healthy"
    );

    console.send("/orders-app\r");
    console.send("\r");
    console.wait_for("pool: orders-app", 20);
    console.send("4");
    console.wait_for("Role settings — orders-app", 10);
    console.wait_for(
        "Trust and permissions (4 role(s), checked against this pool)",
        20,
    );
    console.wait_for("✓ orders-app-partner", 10);

    // The simulator on demo-partner's real ID token, pasted.
    console.send("s");
    console.wait_for("Who signs in: ◂ User pool", 10);
    console.send(&check.partner_token());
    let answer = console.wait_for(
        "Answer: credentials for arn:aws:iam::123456789012:role/orders-app-partner",
        10,
    );
    assert!(answer.contains("Decoded, not verified"), "{answer}");
    assert!(
        answer.contains("✓ rule 2: custom:tier Equals \"partner\""),
        "{answer}"
    );
    assert!(
        answer.contains("orders-app-partner admits this identity"),
        "{answer}"
    );
    console.send("\x1b");
    console.wait_gone("Resolution simulator ─", 10);

    // Broken elsewhere: the tab sees it after r, and the service refuses.
    check.break_partner_trust();
    assert_eq!(
        check.partner_credentials(&pool_id),
        Err("InvalidIdentityPoolConfigurationException".into())
    );
    console.send("r");
    let screen = console.wait_for("✗ orders-app-partner", 20);
    assert!(
        screen.contains("aud condition allows only us-east-1:11111111-2222-3333-4444-555555555555"),
        "{screen}"
    );
    // The partner role is the last role: the simulator's row (G), then one up.
    console.send("Gk");
    console.wait_for("▸ ✗ orders-app-partner", 10);
    console.send("f");
    let diff = console.wait_for("⏎ re-reads it", 10);
    assert!(
        diff.contains("+           \"cognito-identity.amazonaws.com:aud\""),
        "{diff}"
    );
    console.send("\r");
    console.wait_for("Written and read back exactly as intended", 20);
    console.send("\x1b");
    console.wait_for("✓ orders-app-partner", 20);
    assert_eq!(
        check.partner_credentials(&pool_id),
        Ok(
            "arn:aws:sts::123456789012:assumed-role/orders-app-partner/CognitoIdentityCredentials"
                .into()
        ),
        "fixed from the tab: the real credential request succeeds"
    );

    console.send("q");
    assert_eq!(console.wait_exit(10), 0);
}
