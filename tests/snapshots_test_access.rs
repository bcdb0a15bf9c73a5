//! The Test access panel as text at a fixed size: the form, the one-time warning, a run in
//! flight, credentials as predicted, a refusal with the trust check's finding, a role the
//! simulator did not predict, the new-password challenge, and a narrow terminal. No secret is
//! ever drawn.

mod app_support;

use app_support::access::*;
use app_support::roles::*;
use app_support::test_access::*;
use app_support::*;
use cognito_tui::app::AwsError;
use cognito_tui::app::test_access::{Refused, Secret, Trial, UserSignIn, advice};
use cognito_tui::console::Model;
use cognito_tui::console::Options;
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::screens::test_access::{Action as Ta, Field, Mode};
use insta::assert_snapshot;

const SIZE: (u16, u16) = (140, 40);

/// What no picture may show.
const SECRETS: [&str; 3] = ["wJalrXUtnFEMI", "IQoJb3JpZ2lu", "Sandbox-Passw0rd!"];

fn drawn(model: &Model) -> String {
    let text = render(model);
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} drawn:\n{text}");
    }
    text
}

fn admin_signed_in() -> (Model, FakeIam, u64) {
    let config = every_kind();
    let iam = healthy_iam(&config);
    let mut model = opened(&config, &iam, Options::default(), SIZE);
    sign_in_as(&mut model, "demo-admin", "Sandbox-Passw0rd!");
    let req = run(&mut model);
    (model, iam, req)
}

#[test]
fn the_form_for_a_user_pool_user_with_the_password_masked() {
    let config = every_kind();
    let mut model = opened(&config, &healthy_iam(&config), Options::default(), SIZE);
    assert_eq!(
        panel(&model).mode,
        Mode::User,
        "a user pool pool starts on a user"
    );
    sign_in_as(&mut model, "demo-admin", "Sandbox-Passw0rd!");
    assert_snapshot!(drawn(&model));
}

#[test]
fn the_first_run_warns_that_it_creates_identities() {
    let config = every_kind();
    let mut model = opened(&config, &healthy_iam(&config), Options::default(), SIZE);
    sign_in_as(&mut model, "demo-admin", "Sandbox-Passw0rd!");
    let effects = key(&mut model, Ta::Run);
    assert!(
        effects.is_empty(),
        "nothing runs before the answer: {effects:?}"
    );
    assert_snapshot!(drawn(&model));
}

#[test]
fn a_run_in_flight() {
    let (model, _, _) = admin_signed_in();
    assert_snapshot!(drawn(&model));
}

#[test]
fn credentials_as_the_simulator_predicted() {
    let (mut model, iam, req) = admin_signed_in();
    let trial = issued_user("orders-app-admin", user_claims("demo-admin", &["admins"]));
    answer(&mut model, req, trial, &iam);
    let text = drawn(&model);
    assert!(text.contains("ASIA…MPLE"), "the key id, shortened:\n{text}");
    assert!(!text.contains("NOT AS PREDICTED"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn a_role_the_simulator_did_not_predict_is_marked() {
    let (mut model, iam, req) = admin_signed_in();
    // The service handed out the authenticated role where the rules say admin.
    let trial = issued_user("orders-app-auth", user_claims("demo-admin", &["admins"]));
    answer(&mut model, req, trial, &iam);
    let text = drawn(&model);
    assert!(text.contains("NOT AS PREDICTED"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn a_refused_role_shows_the_error_and_the_trust_checks_finding() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    if let Some(guest) = iam.get_mut("orders-app-guest") {
        guest.trust = cognito_trust_policy("us-east-1:someone-else", Audience::Guest, false);
    }
    let mut model = opened(&config, &iam, Options::default(), SIZE);
    // Back to the mode choice, then the guest.
    while panel(&model).focus != Field::Mode {
        let _ = key(&mut model, Ta::Previous);
    }
    while panel(&model).mode != Mode::Guest {
        let _ = key(&mut model, Ta::ChooseLeft);
    }
    let req = run(&mut model);
    let error = AwsError {
        request_id: Some("4f0c3a8e-5b1d-4c2a-9e7f-0a1b2c3d4e5f".into()),
        ..AwsError::service(
            "InvalidIdentityPoolConfigurationException",
            "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
        )
    };
    let trial = Trial::Refused(Refused {
        steps: steps(&["GetId", "GetCredentialsForIdentity"]),
        call: "GetCredentialsForIdentity",
        advice: advice("GetCredentialsForIdentity", &error),
        error,
        claims: None,
    });
    answer(&mut model, req, trial, &iam);
    let text = drawn(&model);
    assert!(
        text.contains("InvalidIdentityPoolConfigurationException"),
        "{text}"
    );
    assert!(
        text.contains("4f0c3a8e-5b1d-4c2a-9e7f-0a1b2c3d4e5f"),
        "{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn the_new_password_challenge_asks_on_the_form() {
    let (mut model, iam, req) = admin_signed_in();
    let trial = Trial::NewPasswordRequired {
        sign_in: UserSignIn {
            user_pool_id: "us-east-1_Ord3rsPl1".into(),
            client_id: CLIENT.into(),
            username: "demo-admin".into(),
            password: Secret("Sandbox-Passw0rd!".into()),
            flow: cognito_tui::app::test_access::Flow::Srp,
        },
        session: Secret("AYABeSESSION".into()),
        steps: steps(&[
            "DescribeUserPoolClient",
            "InitiateAuth",
            "RespondToAuthChallenge",
        ]),
    };
    answer(&mut model, req, trial, &iam);
    assert_eq!(panel(&model).focus, Field::NewPassword);
    typed(&mut model, "Another-Passw0rd!");
    let text = drawn(&model);
    assert!(!text.contains("Another-Passw0rd!"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn a_narrow_terminal_keeps_the_values_whole() {
    let config = every_kind();
    let mut model = opened(&config, &healthy_iam(&config), Options::default(), (60, 20));
    sign_in_as(&mut model, "demo-admin", "Sandbox-Passw0rd!");
    assert_snapshot!(drawn(&model));
}
