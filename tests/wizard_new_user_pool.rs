//! The create wizard making its own user pool and app client (the CDK UserPool construct's
//! settings) through `update`, the real runner and the SDK against the sandbox: the user pool as
//! DescribeUserPool returns it holds exactly the form's settings, the client has the flows and
//! secret chosen, the SMS role trusts Cognito with the external id, the identity pool trusts the
//! new pool and client, a user made in it signs in and gets the authenticated role — and when the
//! run fails part-way, undo removes the client, the user pool and the SMS role too.

mod app_support;
mod common;

use aws_sdk_cognitoidentityprovider::types::DefaultEmailOptionType;
use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options};
use cognito_tui::domain::user_pool_messages::EmailStyle;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{RunningSandbox, Seed};
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::create::Phase;
use cognito_tui::wizard::draft::Draft;
use cognito_tui::wizard::new_user_pool::SmsRoleMode;
use cognito_tui::wizard::{Source, Step};
use std::time::Duration;
use tui_input::Input;

const WAIT: Duration = Duration::from_secs(60);

/// A pool with authenticated access through a user pool the wizard creates.
fn draft(name: &str, secret: bool) -> Draft {
    let mut draft = Draft {
        authenticated: true,
        name: Input::new(name.into()),
        ..Default::default()
    };
    draft.sources.insert(Source::UserPool);
    draft.auth_role.new_name = Input::new(format!("{name}-auth"));
    let form = &mut draft.new_user_pool;
    form.create = true;
    form.name = Input::new(format!("{name} users"));
    form.self_sign_up = true;
    form.style = EmailStyle::Link;
    form.verify_subject = Input::new("Verify your email for our awesome app!".into());
    form.verify_body = Input::new("Hello! Please {##Verify Email##} to finish".into());
    form.verify_sms = Input::new("Your verification code is {####}".into());
    form.invite_subject = Input::new("Invite to join our awesome app!".into());
    form.invite_body = Input::new("Hello {username}, your temporary password is {####}".into());
    form.invite_sms = Input::new("Hi {username}: {####}".into());
    form.sms_role = SmsRoleMode::New;
    form.sms_role_name = Input::new(format!("{name}-sms"));
    form.external_id = Input::new("c87467be-4f34-11ea-b77f-2e728ce88125".into());
    form.client_name = Input::new(format!("{name}-web"));
    form.password_auth = true;
    form.secret = secret;
    draft
}

/// Runs the wizard on `draft` until the creation stops, journaling to `journal`; the console,
/// the wizard still open on a failure.
async fn run(sb: &RunningSandbox, draft: Draft, journal: &std::path::Path) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start_with_journal(
        Options::default(),
        target,
        (120, 40),
        Some(journal.to_path_buf()),
    );
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    h.send(Msg::from(PoolAction::New));
    {
        let catalog = h.model.store.catalog().clone();
        let w = h
            .model
            .wizard
            .open
            .as_deref_mut()
            .unwrap_or_else(|| panic!("wizard"));
        w.draft = draft;
        assert_eq!(
            w.first_invalid_step(&catalog),
            None,
            "{:?}",
            w.first_invalid_step(&catalog)
                .map(|s| w.problems(&catalog, s))
        );
    }
    app_support::wizard::go_to(&mut h.model, Step::Review);
    h.send(Msg::from(WizAction::Create));
    let stopped = |m: &cognito_tui::console::Model| match m.wizard.open.as_ref() {
        None => true,
        Some(w) => w
            .creation
            .as_ref()
            .is_some_and(|c| c.phase() != Phase::Creating),
    };
    assert!(h.run_until(stopped, WAIT).await, "the creation stopped");
    h
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_pool_holds_the_forms_settings_and_its_user_gets_the_authenticated_role() {
    let sb = common::sandbox(Seed::Empty).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let journal = dir.path().join("journal.jsonl");
    let h = run(&sb, draft("shop", false), &journal).await;
    let pool_id = h
        .model
        .pools
        .open
        .clone()
        .unwrap_or_else(|| panic!("created and opened: {:?}", h.model.notice));
    let identity = common::identity_client(&sb, "us-east-1").await;
    let [(provider_name, client_id, user_pool_id)] =
        common::user_pool_providers(&identity, &pool_id)
            .await
            .try_into()
            .unwrap_or_else(|p| panic!("one provider: {p:?}"));
    assert_eq!(
        provider_name,
        format!("cognito-idp.us-east-1.amazonaws.com/{user_pool_id}")
    );

    // The user pool, as DescribeUserPool returns it.
    let idp = common::idp_client(&sb, "us-east-1").await;
    let pool = idp
        .describe_user_pool()
        .user_pool_id(&user_pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .user_pool
        .unwrap_or_else(|| panic!("pool"));
    assert_eq!(pool.name(), Some("shop users"));
    let template = pool
        .verification_message_template()
        .cloned()
        .unwrap_or_else(|| panic!("template"));
    assert_eq!(
        template.default_email_option(),
        Some(&DefaultEmailOptionType::ConfirmWithLink)
    );
    assert_eq!(
        template.email_subject_by_link(),
        Some("Verify your email for our awesome app!")
    );
    assert_eq!(
        template.email_message_by_link(),
        Some("Hello! Please {##Verify Email##} to finish")
    );
    assert_eq!(
        template.sms_message(),
        Some("Your verification code is {####}")
    );
    let admin = pool
        .admin_create_user_config()
        .cloned()
        .unwrap_or_else(|| panic!("admin config"));
    assert!(!admin.allow_admin_create_user_only(), "self sign-up on");
    assert_eq!(
        admin.unused_account_validity_days(),
        7,
        "the service's default, not 0"
    );
    let invite = admin
        .invite_message_template()
        .cloned()
        .unwrap_or_else(|| panic!("invite"));
    assert_eq!(
        invite.email_subject(),
        Some("Invite to join our awesome app!")
    );
    assert_eq!(
        invite.email_message(),
        Some("Hello {username}, your temporary password is {####}")
    );
    assert_eq!(invite.sms_message(), Some("Hi {username}: {####}"));
    assert_eq!(format!("{:?}", pool.auto_verified_attributes()), "[Email]");
    let sms = pool
        .sms_configuration()
        .cloned()
        .unwrap_or_else(|| panic!("sms"));
    assert_eq!(
        sms.sns_caller_arn(),
        "arn:aws:iam::123456789012:role/shop-sms"
    );
    assert_eq!(
        sms.external_id(),
        Some("c87467be-4f34-11ea-b77f-2e728ce88125")
    );

    // The client.
    let client = idp
        .describe_user_pool_client()
        .user_pool_id(&user_pool_id)
        .client_id(&client_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .user_pool_client
        .unwrap_or_else(|| panic!("client"));
    assert_eq!(client.client_name(), Some("shop-web"));
    let flows: Vec<&str> = client
        .explicit_auth_flows()
        .iter()
        .map(|f| f.as_str())
        .collect();
    assert_eq!(
        flows,
        [
            "ALLOW_USER_SRP_AUTH",
            "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH"
        ]
    );
    assert_eq!(client.client_secret(), None, "no secret asked for");

    // The SMS role trusts Cognito user pools with the external id and may publish to SNS.
    let iam = common::iam_client(&sb).await;
    let role = iam
        .get_role()
        .role_name("shop-sms")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .role
        .unwrap_or_else(|| panic!("role"));
    let trust: serde_json::Value = serde_json::from_str(
        &percent_encoding::percent_decode_str(
            role.assume_role_policy_document().unwrap_or_default(),
        )
        .decode_utf8_lossy(),
    )
    .unwrap_or_default();
    assert_eq!(
        trust["Statement"][0]["Principal"]["Service"],
        "cognito-idp.amazonaws.com"
    );
    assert_eq!(
        trust["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"],
        "c87467be-4f34-11ea-b77f-2e728ce88125"
    );

    // A user made in the new user pool signs in and gets the authenticated role.
    let caller = common::new_user_caller(
        &sb.endpoint_url(),
        &pool_id,
        &user_pool_id,
        &client_id,
        "alice",
    )
    .await;
    assert!(caller.contains(":assumed-role/shop-auth/"), "{caller}");

    // Every call of the run is in the journal, in order, the new user pool by its id.
    let mut entries = Vec::new();
    for _ in 0..200 {
        entries = cognito_tui::journal::read(&journal)
            .map(|(e, _)| e)
            .unwrap_or_default();
        if entries.len() >= 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let ops: Vec<&str> = entries.iter().map(|e| e.operation.as_str()).collect();
    assert_eq!(
        ops,
        [
            "CreateRole",
            "PutRolePolicy",
            "CreateUserPool",
            "CreateUserPoolClient",
            "CreateIdentityPool",
            "CreateRole",
            "PutRolePolicy",
            "SetIdentityPoolRoles"
        ]
    );
    assert_eq!(entries[2].target, user_pool_id);
    assert!(
        entries
            .iter()
            .all(|e| e.outcome == "ok" && e.request_ids.len() == 1)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_after_a_failure_removes_the_client_the_user_pool_and_the_sms_role() {
    // CreateIdentityPool's quota is spent (one call, then throttled past the SDK's retries): the
    // run fails after the SMS role, the user pool and its client exist.
    let mut faults = cognito_tui::sandbox::Faults::default();
    faults
        .rate_limits
        .insert("CreateIdentityPool".into(), 0.001);
    let sb = common::sandbox_with(Seed::Empty, faults).await;
    let iam = common::iam_client(&sb).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let spent = identity
        .create_identity_pool()
        .identity_pool_name("spends-the-quota")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = run(&sb, draft("cart", true), &dir.path().join("journal.jsonl")).await;
    let creation = h
        .model
        .wizard
        .open
        .as_ref()
        .and_then(|w| w.creation.clone())
        .unwrap_or_else(|| panic!("the wizard stays open on the failure"));
    assert_eq!(creation.phase(), Phase::Failed);
    let user_pool_id = creation.user_pool.user_pool_id.clone().unwrap_or_default();
    assert!(creation.user_pool.client_id.is_some() && creation.user_pool.sms_role_arn.is_some());
    assert!(creation.pool.is_none(), "CreateIdentityPool was refused");
    let secret = common::idp_client(&sb, "us-east-1")
        .await
        .describe_user_pool_client()
        .user_pool_id(&user_pool_id)
        .client_id(creation.user_pool.client_id.clone().unwrap_or_default())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .user_pool_client
        .and_then(|c| c.client_secret);
    assert!(
        secret.is_some_and(|s| !s.is_empty()),
        "a secret, as asked for"
    );
    assert!(
        creation.made().iter().any(|l| l.starts_with("user pool ")),
        "{:?}",
        creation.made()
    );

    h.send(Msg::from(WizAction::Undo));
    let undone = h
        .run_until(
            |m| {
                m.wizard
                    .open
                    .as_ref()
                    .and_then(|w| w.creation.as_ref())
                    .is_some_and(|c| c.phase() == Phase::Undone)
            },
            WAIT,
        )
        .await;
    assert!(undone, "undo finished");
    let creation = h
        .model
        .wizard
        .open
        .as_ref()
        .and_then(|w| w.creation.clone())
        .unwrap_or_else(|| panic!("creation"));
    assert_eq!(creation.undo_failures(), 0, "{:?}", creation.undo);
    let idp = common::idp_client(&sb, "us-east-1").await;
    let gone = idp
        .describe_user_pool()
        .user_pool_id(&user_pool_id)
        .send()
        .await;
    assert!(gone.is_err(), "the user pool was deleted");
    let role = iam.get_role().role_name("cart-sms").send().await;
    assert!(role.is_err(), "the SMS role was deleted");
    let pools = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<&str> = pools
        .identity_pools()
        .iter()
        .filter_map(|p| p.identity_pool_id())
        .collect();
    assert_eq!(ids, [spent.as_str()], "no identity pool of the wizard's");
}
