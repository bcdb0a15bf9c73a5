//! User access → Add identity provider → Create a new user pool, through the real update, runner
//! and SDK against the sandbox: the safe save makes the SMS role, the user pool and its client
//! first, then adds the provider under the new ids (with its rules); a fresh read with the SDK
//! shows exactly that, and a user of the new user pool gets the role its rule names.

mod access;
mod common;

use access::{changed, confirm, console_on, edit, fields};
use cognito_tui::console::Options;
use cognito_tui::sandbox::{SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::Source;
use cognito_tui::wizard::draft::{RoleSetting, RuleDraft, RuleRole};
use cognito_tui::wizard::new_user_pool::SmsRoleMode;
use cognito_tui::wizard::scoped::Section;
use tui_input::Input;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_new_user_pool_creates_it_first_and_its_users_get_the_rules_role() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "partner-portal").await;
    let before = fields(&sdk, &pool_id).await;
    let providers_before = common::user_pool_providers(&sdk, &pool_id).await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;

    let save = edit(&mut h, Section::AddProvider(Source::UserPool), |d| {
        let form = &mut d.new_user_pool;
        form.create = true;
        form.name = Input::new("partners".into());
        form.client_name = Input::new("partners-web".into());
        form.password_auth = true;
        form.sms_role = SmsRoleMode::New;
        form.sms_role_name = Input::new("partners-sms".into());
        form.external_id = Input::new("partners-external-id".into());
        let provider = d.provider_mut(Source::UserPool);
        provider.role = RoleSetting::Rules;
        provider.rules = vec![RuleDraft {
            claim: Input::new("cognito:username".into()),
            operator: 0,
            value: Input::new("carol".into()),
            role: Some(RuleRole::Existing(cognito_tui::domain::roles::IamRole {
                name: "partner-portal-auth".into(),
                arn: format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/partner-portal-auth"),
                trust_policy: String::new(),
            })),
        }];
    })
    .await;
    assert_eq!(save.phase, Phase::Review, "{:?}", save.phase);
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(
        ops,
        [
            "CreateRole",
            "PutRolePolicy",
            "CreateUserPool",
            "CreateUserPoolClient",
            "UpdateIdentityPool",
            "SetIdentityPoolRoles"
        ]
    );
    assert_eq!(
        fields(&sdk, &pool_id).await,
        before,
        "nothing written before ⏎"
    );
    let save = confirm(&mut h).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()), "{:?}", save.calls);

    // The provider is the new user pool and client, with its rules mapping; nothing else moved.
    let after = fields(&sdk, &pool_id).await;
    let diff = changed(&before, &after);
    let added: Vec<(String, String, String)> = common::user_pool_providers(&sdk, &pool_id)
        .await
        .into_iter()
        .filter(|p| !providers_before.contains(p))
        .collect();
    let [(provider_name, client_id, user_pool_id)] = added.as_slice() else {
        panic!("one provider added: {added:?} ({diff:?})");
    };
    assert!(
        diff.keys()
            .all(|k| k.contains(provider_name.as_str()) || k.starts_with("user pool")),
        "only the new provider and its mapping changed: {diff:?}"
    );
    let idp = common::idp_client(&sb, "us-east-1").await;
    let pool = idp
        .describe_user_pool()
        .user_pool_id(user_pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .user_pool
        .unwrap_or_else(|| panic!("pool"));
    assert_eq!(pool.name(), Some("partners"));
    assert_eq!(
        pool.sms_configuration()
            .map(|s| (s.sns_caller_arn(), s.external_id())),
        Some((
            format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/partners-sms").as_str(),
            Some("partners-external-id")
        ))
    );
    let caller = common::new_user_caller(
        &sb.endpoint_url(),
        &pool_id,
        user_pool_id,
        client_id,
        "carol",
    )
    .await;
    assert!(
        caller.contains(":assumed-role/partner-portal-auth/"),
        "the rule's role: {caller}"
    );
    // The rules mapping is keyed by the new user pool and client.
    let roles = sdk
        .get_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mapping = roles
        .role_mappings()
        .and_then(|m| m.get(&format!("{provider_name}:{client_id}")))
        .cloned()
        .unwrap_or_else(|| panic!("a mapping for the new client: {:?}", roles.role_mappings()));
    assert_eq!(
        mapping.rules_configuration().map(|r| r.rules().len()),
        Some(1)
    );
}
