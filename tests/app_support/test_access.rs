//! Test access panels in known states, fed through `update` only: the panel opened on pool 0
//! ([`super::access::every_kind`]), its reads answered, a form filled in, and a run answered
//! with a trial made here (an identity, a role, claims) so the pictures don't move.

use super::access::{USER_POOL, role};
use super::roles::{FakeIam, answer_iam};
use super::*;
use cognito_tui::app::Tab;
use cognito_tui::app::test_access::{Access, Novelty, Secret, Step, Trial};
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::screens::test_access::{Action as Ta, Msg as PanelMsg, Panel, Run};
use serde_json::json;

/// The panel opened on pool 0 over the Pools tab, the pool and the roles it names read.
pub fn opened(config: &PoolConfig, iam: &FakeIam, options: Options, size: (u16, u16)) -> Model {
    let (mut model, effects) = access::opened_on(Tab::Pools, config, options, size);
    let _ = answer_iam(&mut model, effects, iam);
    let effects = update(
        &mut model,
        Msg::TestAccess(PanelMsg::Open {
            origin: Tab::Pools,
            open: cognito_tui::app::cover::OnPool {
                pool_id: pool_id(0),
                name: "pool-000".into(),
            },
        }),
    );
    let effects = access::answer_all_reads(&mut model, effects, config);
    let rest = answer_iam(&mut model, effects, iam);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(
        panel(&model).read.config(&model.store).is_some(),
        "the panel read its pool"
    );
    model
}

/// The open panel.
pub fn panel(model: &Model) -> &Panel {
    model
        .test_access
        .view
        .as_deref()
        .unwrap_or_else(|| panic!("the panel is open"))
}

/// Sends the panel a key.
pub fn key(model: &mut Model, action: Ta) -> Vec<Effect> {
    update(model, Msg::from(action))
}

/// Types into the panel's focused field.
pub fn typed(model: &mut Model, text: &str) {
    for c in text.chars() {
        let effects = update(model, Msg::Input(InputRequest::InsertChar(c)));
        assert!(effects.is_empty(), "{effects:?}");
    }
}

/// Fills in a user's name and password (the panel starts on the user name).
pub fn sign_in_as(model: &mut Model, username: &str, password: &str) {
    typed(model, username);
    let _ = key(model, Ta::Next);
    typed(model, password);
}

/// Runs, confirming the one-time warning; the request id of the TestAccess effect.
pub fn run(model: &mut Model) -> u64 {
    let mut effects = key(model, Ta::Run);
    if panel(model).run == Run::Confirming {
        effects = key(model, Ta::Run);
    }
    match effects.as_slice() {
        [Effect::TestAccess { req, .. }] => *req,
        other => panic!("one TestAccess effect: {other:?}"),
    }
}

/// Answers the run with `trial`, then the role reads it asks for from `iam`.
pub fn answer(model: &mut Model, req: u64, trial: Trial, iam: &FakeIam) {
    let effects = update(
        model,
        Msg::Response {
            req,
            response: Response::TestAccess(Box::new(trial)),
        },
    );
    let rest = answer_iam(model, effects, iam);
    assert!(rest.is_empty(), "{rest:?}");
}

/// The three calls of a sign-in that got credentials, with fixed times.
pub fn steps(calls: &[&'static str]) -> Vec<Step> {
    calls
        .iter()
        .enumerate()
        .map(|(i, call)| Step {
            call,
            millis: 12.0 + i as f64 * 7.5,
        })
        .collect()
}

/// The ID token claims of a user pool user in `groups`.
pub fn user_claims(username: &str, groups: &[&str]) -> serde_json::Value {
    json!({
        "sub": "7d8e9f00-1111-4222-8333-444455556666",
        "iss": format!("https://{USER_POOL}"),
        "aud": access::CLIENT,
        "token_use": "id",
        "cognito:username": username,
        "cognito:groups": groups,
    })
}

/// Credentials for `role_name`, as a user pool user's sign-in (SRP) got them.
pub fn issued_user(role_name: &str, claims: serde_json::Value) -> Trial {
    Trial::Issued(Box::new(Access {
        identity_id: "us-east-1:22222222-0000-4000-8000-000000000001".into(),
        novelty: Novelty::New,
        caller_arn: format!(
            "arn:aws:sts::123456789012:assumed-role/{role_name}/CognitoIdentityCredentials"
        ),
        role_arn: Some(role(role_name)),
        access_key_id: "ASIAQWERTYUIOPEXAMPLE".into(),
        secret_key: Secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY".into()),
        session_token: Secret("IQoJb3JpZ2luX2VjSESSIONTOKEN".into()),
        expiration: Some("2026-12-03T15:30:00Z".into()),
        logins_key: Some(USER_POOL.into()),
        claims: Some(claims),
        flow: Some("USER_SRP_AUTH"),
        steps: steps(&[
            "DescribeUserPoolClient",
            "InitiateAuth",
            "RespondToAuthChallenge",
            "GetId",
            "GetCredentialsForIdentity",
            "GetCallerIdentity",
            "DescribeIdentity",
        ]),
    }))
}
