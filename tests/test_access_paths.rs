//! Every Test access path through the panel (`update` and the real runner) against the sandbox:
//! a guest, the password flow, a wrong password, an unknown user, a flow the client doesn't
//! allow, the new-password challenge answered on the form, a pasted ID token, a developer user;
//! and a pool changed behind the panel's back, which the prediction flags until it is re-read.
//! The role shown is checked against a fresh STS GetCallerIdentity with the issued credentials.

mod common;

use aws_sdk_cognitoidentityprovider::types::ExplicitAuthFlowsType;
use cognito_tui::app::test_access::{Access, Flow, Novelty, Trial};
use cognito_tui::aws::Target;
use cognito_tui::console::Options;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{DEMO_PASSWORD, RunningSandbox, Seed};
use cognito_tui::screens::test_access::prediction::Agreement;
use cognito_tui::screens::test_access::{Action, Field, Mode};
use common::panel::{
    WAIT, agreement, choose_flow, choose_mode, fill, focus, key, open, panel, run,
};

const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const USER_POOL: &str = "us-east-1_Ord3rsPl1";

async fn console(sb: &RunningSandbox) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    h
}

/// The issued access, whose role must be what a fresh GetCallerIdentity with its credentials says.
async fn issued(sb: &RunningSandbox, trial: &Trial, role: &str) -> Access {
    let Trial::Issued(access) = trial else {
        panic!("credentials for {role}: {trial:?}")
    };
    let caller = common::caller_arn_of(
        sb,
        &access.access_key_id,
        access.secret_key.reveal(),
        access.session_token.reveal(),
    )
    .await;
    assert_eq!(caller, access.caller_arn, "the caller shown is STS's");
    assert_eq!(
        access.role_arn.as_deref(),
        Some(format!("arn:aws:iam::123456789012:role/{role}").as_str())
    );
    (**access).clone()
}

/// The refusal's call and code.
fn refused(trial: &Trial) -> (&'static str, String, Option<String>) {
    let Trial::Refused(refused) = trial else {
        panic!("refused: {trial:?}")
    };
    (
        refused.call,
        refused.error.code.clone().unwrap_or_default(),
        refused.advice.clone(),
    )
}

async fn sign_in(h: &mut Headless, user: &str, password: &str, flow: Flow) -> Trial {
    choose_mode(h, Mode::User);
    fill(h, Field::Username, user);
    fill(h, Field::Password, password);
    choose_flow(h, flow);
    run(h).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_the_password_flow_and_each_refusal_of_a_user_sign_in() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&identity, "orders-app").await;
    let no_srp = common::add_client(
        &sb,
        &orders,
        false,
        &[ExplicitAuthFlowsType::AllowUserPasswordAuth],
    )
    .await;
    let mut h = console(&sb).await;
    open(&mut h, &orders, "orders-app").await;

    choose_mode(&mut h, Mode::Guest);
    let trial = run(&mut h).await;
    let guest = issued(&sb, &trial, "orders-app-guest").await;
    assert_eq!(agreement(&h), Some(Agreement::Agrees));
    let described = identity
        .describe_identity()
        .identity_id(&guest.identity_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("the guest identity exists: {e:?}"));
    assert!(described.logins().is_empty(), "a guest has no logins");

    let trial = sign_in(&mut h, "demo-user", DEMO_PASSWORD, Flow::Password).await;
    let user = issued(&sb, &trial, "orders-app-auth").await;
    assert_eq!(user.flow, Some("USER_PASSWORD_AUTH"));
    assert_eq!(agreement(&h), Some(Agreement::Agrees));

    let trial = sign_in(&mut h, "demo-user", "Wrong-Passw0rd!", Flow::Srp).await;
    let (call, code, advice) = refused(&trial);
    assert_eq!(
        (call, code.as_str()),
        ("RespondToAuthChallenge", "NotAuthorizedException")
    );
    assert!(advice.is_some_and(|a| a.contains("Wrong user name or password")));

    // The demo client hides whether a user exists (PreventUserExistenceErrors): a wrong password.
    let trial = sign_in(&mut h, "nobody-here", DEMO_PASSWORD, Flow::Password).await;
    let (call, code, _) = refused(&trial);
    assert_eq!(
        (call, code.as_str()),
        ("InitiateAuth", "NotAuthorizedException")
    );

    // The second user pool provider is the client without SRP: asking for SRP names the flag.
    focus(&mut h, Field::Provider);
    key(&mut h, Action::ChooseRight);
    assert!(
        panel(&h)
            .chosen_provider(&h.model.store)
            .is_some_and(|p| format!("{p:?}").contains(&no_srp))
    );
    let trial = sign_in(&mut h, "demo-user", DEMO_PASSWORD, Flow::Srp).await;
    let (call, code, advice) = refused(&trial);
    assert_eq!(call, "InitiateAuth");
    assert_eq!(code, "InvalidParameterException");
    assert!(advice.is_some_and(|a| a.contains("ALLOW_USER_SRP_AUTH")));
    // That client was made without PreventUserExistenceErrors: an unknown user is named so.
    let trial = sign_in(&mut h, "nobody-here", DEMO_PASSWORD, Flow::Password).await;
    let (call, code, advice) = refused(&trial);
    assert_eq!(
        (call, code.as_str()),
        ("InitiateAuth", "UserNotFoundException")
    );
    assert!(advice.is_some_and(|a| a.contains("admin-create-user")));
    // Auto picks the flow the client allows.
    let trial = sign_in(&mut h, "demo-user", DEMO_PASSWORD, Flow::Auto).await;
    let user = issued(&sb, &trial, "orders-app-auth").await;
    assert_eq!(user.flow, Some("USER_PASSWORD_AUTH"));
    assert!(
        h.model
            .errors
            .iter()
            .any(|e| e.operation == "Test access: InitiateAuth"),
        "refusals are kept for :errors"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_password_a_pasted_token_and_a_developer_user() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&identity, "orders-app").await;
    let tools = common::pool_id_named(&identity, "internal-tools").await;
    idp.admin_create_user()
        .user_pool_id(USER_POOL)
        .username("newcomer")
        .temporary_password("Temp-Passw0rd!")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut h = console(&sb).await;
    open(&mut h, &orders, "orders-app").await;

    let trial = sign_in(&mut h, "newcomer", "Temp-Passw0rd!", Flow::Srp).await;
    assert!(
        matches!(trial, Trial::NewPasswordRequired { .. }),
        "{trial:?}"
    );
    assert_eq!(panel(&h).focus, Field::NewPassword, "the form asks for it");
    // An empty new password is stopped next to its field, before any call.
    key(&mut h, Action::Run);
    assert_eq!(
        panel(&h).problem.as_ref().map(|(f, _)| *f),
        Some(Field::NewPassword)
    );
    common::panel::typed(&mut h, "Newcomer-Passw0rd1!");
    let trial = run(&mut h).await;
    issued(&sb, &trial, "orders-app-auth").await;
    assert_eq!(agreement(&h), Some(Agreement::Agrees));
    // The new password is the user's now: a fresh sign-in with it succeeds.
    let token = common::id_token(&idp, CLIENT, "newcomer", "Newcomer-Passw0rd1!").await;
    assert!(token.starts_with("eyJ"), "{token}");

    // demo-partner's real ID token, pasted (wrapped, as a terminal pastes it).
    let token = common::id_token(&idp, CLIENT, "demo-partner", DEMO_PASSWORD).await;
    choose_mode(&mut h, Mode::Token);
    let wrapped: String = token
        .chars()
        .collect::<Vec<_>>()
        .chunks(80)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    fill(&mut h, Field::Token, &wrapped);
    let trial = run(&mut h).await;
    let partner = issued(&sb, &trial, "orders-app-partner").await;
    assert_eq!(
        partner.logins_key.as_deref(),
        Some("cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1")
    );
    assert_eq!(agreement(&h), Some(Agreement::Agrees));
    // A token the pool does not accept.
    fill(&mut h, Field::Token, "eyJub3QiOiJhIHRva2VuIn0.e30.c2ln");
    let trial = run(&mut h).await;
    let (call, code, _) = refused(&trial);
    assert_eq!((call, code.as_str()), ("GetId", "NotAuthorizedException"));

    key(&mut h, Action::Back);
    open(&mut h, &tools, "internal-tools").await;
    choose_mode(&mut h, Mode::Developer);
    fill(&mut h, Field::DeveloperUser, "ops-oncall-42");
    let trial = run(&mut h).await;
    let Trial::Issued(access) = &trial else {
        panic!("{trial:?}")
    };
    let role = access
        .role_arn
        .as_deref()
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or_default()
        .to_string();
    issued(&sb, &trial, &role).await;
    assert_eq!(agreement(&h), Some(Agreement::Agrees), "{role}");
    // The developer user is linked to the identity the service made.
    let described = identity
        .describe_identity()
        .identity_id(&access.identity_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(described.logins(), ["login.tools.internal"]);
    assert_eq!(access.novelty, Novelty::New, "made by this run");
    // The same developer user again: the same identity, not new.
    let again = run(&mut h).await;
    let Trial::Issued(again) = &again else {
        panic!("{again:?}")
    };
    assert_eq!(again.identity_id, access.identity_id);
    assert!(
        matches!(again.novelty, Novelty::Existing(_)),
        "{:?}",
        again.novelty
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pool_changed_behind_the_panel_is_flagged_until_it_is_read_again() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&identity, "orders-app").await;
    let mut h = console(&sb).await;
    open(&mut h, &orders, "orders-app").await;
    // Someone drops the role mappings: admins now get the default authenticated role.
    let roles = identity
        .get_identity_pool_roles()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    identity
        .set_identity_pool_roles()
        .identity_pool_id(&orders)
        .set_roles(roles.roles().cloned())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));

    let trial = sign_in(&mut h, "demo-admin", DEMO_PASSWORD, Flow::Srp).await;
    issued(&sb, &trial, "orders-app-auth").await;
    let Some(Agreement::Differs(why)) = agreement(&h) else {
        panic!("the stale prediction differs: {:?}", agreement(&h))
    };
    assert!(why.contains("orders-app-admin"), "{why}");

    key(&mut h, Action::Refresh);
    assert!(
        h.run_until(
            |m| m.test_access.view.as_ref().is_some_and(|p| p
                .read
                .config(&m.store)
                .is_some_and(|c| c.roles.role_mappings.is_empty())),
            WAIT
        )
        .await
    );
    let trial = run(&mut h).await;
    issued(&sb, &trial, "orders-app-auth").await;
    assert_eq!(
        agreement(&h),
        Some(Agreement::Agrees),
        "read again, it agrees"
    );
}
