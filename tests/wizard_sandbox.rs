//! The create wizard's plan run through the real runner and SDK against the sandbox, for every
//! provider kind and every role setting; the pool, roles (trust policies parsed), role mappings
//! and principal-tag maps read back equal what was chosen.

mod app_support;
mod common;

use app_support::wizard::{CLIENT, USER_POOL, rule, user_pool_draft};
use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options};
use cognito_tui::domain::policy::{self, Audience};
use cognito_tui::domain::roles::IamRole;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{RunningSandbox, SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::draft::{Draft, RoleMode, RoleSetting, RuleRole, SecretInput, TagMode};
use cognito_tui::wizard::fields::FieldId;
use cognito_tui::wizard::{Source, Step};
use pretty_assertions::assert_eq;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;
use tui_input::Input;

const WAIT: Duration = Duration::from_secs(60);

fn role_arn(name: &str) -> String {
    format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/{name}")
}

fn existing(name: &str) -> IamRole {
    IamRole {
        name: name.into(),
        arn: role_arn(name),
        trust_policy: String::new(),
    }
}

/// The demo sandbox with its Cognito Identity and IAM clients.
async fn demo() -> (
    RunningSandbox,
    aws_sdk_cognitoidentity::Client,
    aws_sdk_iam::Client,
) {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    (sb, client, iam)
}

/// DescribeIdentityPool, which must succeed.
async fn describe(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> aws_sdk_cognitoidentity::operation::describe_identity_pool::DescribeIdentityPoolOutput {
    client
        .describe_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// The console on the sandbox, connected, with the create wizard open.
async fn wizard_on(sb: &RunningSandbox) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (120, 40));
    assert!(
        h.run_until(|m| m.session().is_some(), WAIT).await,
        "connected"
    );
    h.send(Msg::from(PoolAction::New));
    h
}

/// The open wizard of the headless console.
fn wizard_of(h: &mut Headless) -> &mut cognito_tui::wizard::Wizard {
    h.model
        .wizard
        .open
        .as_deref_mut()
        .unwrap_or_else(|| panic!("wizard"))
}

/// Creates `draft` through the console's wizard (update + runner + SDK) and returns the new id.
async fn create(sb: &RunningSandbox, draft: Draft) -> String {
    let mut h = wizard_on(sb).await;
    {
        let catalog = h.model.store.catalog().clone();
        let wizard = wizard_of(&mut h);
        wizard.draft = draft;
        assert_eq!(
            wizard.first_invalid_step(&catalog),
            None,
            "{:?}",
            wizard
                .first_invalid_step(&catalog)
                .map(|s| wizard.problems(&catalog, s))
        );
    }
    app_support::wizard::go_to(&mut h.model, Step::Review);
    h.send(Msg::from(WizAction::Create));
    let finished = |m: &cognito_tui::console::Model| match m.wizard.open.as_ref() {
        None => true,
        Some(w) => w
            .creation
            .as_ref()
            .is_some_and(|c| c.phase() != cognito_tui::wizard::create::Phase::Creating),
    };
    let done = h.run_until(finished, WAIT).await;
    assert!(done, "creation finished");
    assert!(
        h.model.wizard.open.is_none(),
        "created without failures: {:?}",
        h.model
            .wizard
            .open
            .as_ref()
            .and_then(|w| w.creation.clone())
    );
    h.model
        .pools
        .open
        .clone()
        .unwrap_or_else(|| panic!("the new pool opens"))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The role's trust policy and inline policy as IAM stores them, parsed.
async fn role_documents(iam: &aws_sdk_iam::Client, name: &str) -> (Value, Value) {
    let role = iam
        .get_role()
        .role_name(name)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let trust = role
        .role()
        .and_then(|r| r.assume_role_policy_document())
        .unwrap_or_default();
    let trust = percent_encoding::percent_decode_str(trust)
        .decode_utf8_lossy()
        .to_string();
    let inline = iam
        .get_role_policy()
        .role_name(name)
        .policy_name(policy::BASIC_PERMISSIONS_NAME)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let inline = percent_encoding::percent_decode_str(inline.policy_document())
        .decode_utf8_lossy()
        .to_string();
    (json(&trust), json(&inline))
}

async fn check_new_role(
    iam: &aws_sdk_iam::Client,
    name: &str,
    pool_id: &str,
    audience: Audience,
    tags: bool,
) {
    let (trust, inline) = role_documents(iam, name).await;
    assert_eq!(
        trust,
        json(&policy::cognito_trust_policy(pool_id, audience, tags)),
        "{name}"
    );
    assert_eq!(inline, json(&policy::cognito_basic_permissions()), "{name}");
    let statement = &trust["Statement"][0];
    assert_eq!(
        statement["Principal"]["Federated"],
        "cognito-identity.amazonaws.com"
    );
    assert_eq!(
        statement["Condition"]["StringEquals"]["cognito-identity.amazonaws.com:aud"],
        pool_id
    );
}

async fn roles_of(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> (HashMap<String, String>, Value) {
    let out = client
        .get_identity_pool_roles()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mappings: BTreeMap<String, Value> = out
        .role_mappings()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    let rules: Vec<Value> = v
                        .rules_configuration()
                        .map(|rc| {
                            rc.rules()
                                .iter()
                                .map(|r| serde_json::json!([r.claim(), r.match_type().as_str(), r.value(), r.role_arn()]))
                                .collect()
                        })
                        .unwrap_or_default();
                    let resolution = v.ambiguous_role_resolution().map(|r| r.as_str().to_string());
                    (k.clone(), serde_json::json!({"type": v.r#type().as_str(), "resolution": resolution, "rules": rules}))
                })
                .collect()
        })
        .unwrap_or_default();
    (
        out.roles().cloned().unwrap_or_default(),
        serde_json::to_value(mappings).unwrap_or_default(),
    )
}

async fn tags_of(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    provider: &str,
) -> (bool, HashMap<String, String>) {
    let out = client
        .get_principal_tag_attribute_map()
        .identity_pool_id(pool_id)
        .identity_provider_name(provider)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{provider}: {e:?}"));
    (
        out.use_defaults().unwrap_or(false),
        out.principal_tags().cloned().unwrap_or_default(),
    )
}

#[tokio::test]
async fn user_pool_with_rules_custom_tags_guest_and_two_new_roles() {
    let (sb, client, iam) = demo().await;
    let draft = user_pool_draft(
        "wizard-rules",
        "wizard-rules-auth",
        "wizard-rules-guest",
        existing("orders-app-partner"),
    );
    let pool_id = create(&sb, draft).await;

    let pool = describe(&client, &pool_id).await;
    assert_eq!(pool.identity_pool_name(), "wizard-rules");
    assert!(pool.allow_unauthenticated_identities());
    assert_eq!(pool.allow_classic_flow(), Some(false));
    let providers = pool.cognito_identity_providers();
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    assert_eq!(providers.len(), 1);
    assert_eq!(
        (
            providers[0].provider_name(),
            providers[0].client_id(),
            providers[0].server_side_token_check()
        ),
        (Some(provider.as_str()), Some(CLIENT), Some(false))
    );
    assert_eq!(
        pool.identity_pool_tags()
            .and_then(|t| t.get("team"))
            .map(String::as_str),
        Some("orders")
    );

    check_new_role(
        &iam,
        "wizard-rules-auth",
        &pool_id,
        Audience::Authenticated,
        true,
    )
    .await;
    check_new_role(&iam, "wizard-rules-guest", &pool_id, Audience::Guest, false).await;
    let (roles, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(
        roles.get("authenticated"),
        Some(&role_arn("wizard-rules-auth"))
    );
    assert_eq!(
        roles.get("unauthenticated"),
        Some(&role_arn("wizard-rules-guest"))
    );
    assert_eq!(
        mappings,
        serde_json::json!({ format!("{provider}:{CLIENT}"): {
            "type": "Rules", "resolution": "Deny",
            "rules": [["cognito:groups", "Contains", "admins", role_arn("wizard-rules-auth")],
                      ["custom:tier", "Equals", "partner", role_arn("orders-app-partner")]]
        }})
    );
    assert_eq!(
        tags_of(&client, &pool_id, &provider).await,
        (
            false,
            HashMap::from([("user".to_string(), "sub".to_string())])
        )
    );
}

#[tokio::test]
async fn user_pool_with_token_roles_default_tags_and_existing_roles() {
    let (sb, client, iam) = demo().await;
    let mut draft = user_pool_draft("wizard-token", "", "", existing("unused"));
    draft.server_side_check = true;
    draft.auth_role.mode = RoleMode::Existing;
    draft.auth_role.existing = Some(existing("orders-app-auth"));
    draft.guest_role.mode = RoleMode::Existing;
    draft.guest_role.existing = Some(existing("orders-app-guest"));
    let provider = draft.provider_mut(Source::UserPool);
    provider.role = RoleSetting::Token;
    provider.deny_unmatched = false;
    provider.tags = TagMode::Defaults;
    let pool_id = create(&sb, draft).await;

    let pool = describe(&client, &pool_id).await;
    assert_eq!(
        pool.cognito_identity_providers()[0].server_side_token_check(),
        Some(true)
    );
    let (roles, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(
        roles.get("authenticated"),
        Some(&role_arn("orders-app-auth"))
    );
    assert_eq!(
        roles.get("unauthenticated"),
        Some(&role_arn("orders-app-guest"))
    );
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    assert_eq!(
        mappings,
        serde_json::json!({ format!("{provider}:{CLIENT}"): {"type": "Token", "resolution": "AuthenticatedRole", "rules": []}})
    );
    assert_eq!(
        tags_of(&client, &pool_id, &provider).await,
        (true, HashMap::new())
    );
    let roles = iam
        .list_roles()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        !roles
            .roles()
            .iter()
            .any(|r| r.role_name().starts_with("wizard-token")),
        "no role created"
    );
}

#[tokio::test]
async fn social_providers_with_each_role_setting_and_tag_mode() {
    let (sb, client, iam) = demo().await;
    let mut draft = Draft {
        authenticated: true,
        name: Input::new("wizard social".into()),
        ..Default::default()
    };
    draft.auth_role.new_name = Input::new("wizard-social-auth".into());
    let ids = [
        (Source::Facebook, "1234567890"),
        (Source::Google, "123-abc.apps.googleusercontent.com"),
        (Source::Amazon, "amzn1.application.abc"),
        (Source::Apple, "com.example.app"),
        (Source::Twitter, "consumerkey"),
    ];
    for (source, id) in ids {
        draft.sources.insert(source);
        draft.app_ids.insert(source, Input::new(id.into()));
    }
    draft.twitter_secret = SecretInput(Input::new("consumersecret".into()));
    let google = draft.provider_mut(Source::Google);
    google.role = RoleSetting::Rules;
    google.deny_unmatched = true;
    google.rules = vec![rule("hd", 0, "example.com", RuleRole::NewAuthenticated)];
    google.tags = TagMode::Defaults;
    let amazon = draft.provider_mut(Source::Amazon);
    amazon.tags = TagMode::Custom;
    amazon.custom_tags = vec![(Input::new("uid".into()), Input::new("user_id".into()))];
    let pool_id = create(&sb, draft).await;

    let pool = describe(&client, &pool_id).await;
    let logins = pool
        .supported_login_providers()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        logins.into_iter().collect::<BTreeMap<_, _>>(),
        BTreeMap::from([
            (
                "accounts.google.com".to_string(),
                "123-abc.apps.googleusercontent.com".to_string()
            ),
            (
                "api.twitter.com".to_string(),
                "consumerkey;consumersecret".to_string()
            ),
            (
                "appleid.apple.com".to_string(),
                "com.example.app".to_string()
            ),
            ("graph.facebook.com".to_string(), "1234567890".to_string()),
            (
                "www.amazon.com".to_string(),
                "amzn1.application.abc".to_string()
            ),
        ])
    );
    assert!(!pool.allow_unauthenticated_identities());
    check_new_role(
        &iam,
        "wizard-social-auth",
        &pool_id,
        Audience::Authenticated,
        true,
    )
    .await;
    let (roles, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(roles.len(), 1);
    assert_eq!(
        mappings,
        serde_json::json!({"accounts.google.com": {"type": "Rules", "resolution": "Deny",
            "rules": [["hd", "Equals", "example.com", role_arn("wizard-social-auth")]]}})
    );
    assert_eq!(
        tags_of(&client, &pool_id, "accounts.google.com").await,
        (true, HashMap::new())
    );
    assert_eq!(
        tags_of(&client, &pool_id, "www.amazon.com").await,
        (
            false,
            HashMap::from([("uid".to_string(), "user_id".to_string())])
        )
    );
}

#[tokio::test]
async fn oidc_saml_and_developer_providers_with_basic_flow() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let oidc = format!("arn:aws:iam::{SANDBOX_ACCOUNT}:oidc-provider/login.partner.example.com");
    let saml = format!("arn:aws:iam::{SANDBOX_ACCOUNT}:saml-provider/CorpADFS");
    let mut draft = Draft {
        authenticated: true,
        name: Input::new("wizard-federated".into()),
        classic_flow: true,
        arns: [
            (Source::Oidc(0), oidc.clone()),
            (Source::Saml(0), saml.clone()),
        ]
        .into(),
        developer_name: Input::new("login.wizard.example".into()),
        ..Default::default()
    };
    draft.auth_role.new_name = Input::new("wizard-federated-auth".into());
    draft
        .sources
        .extend([Source::Oidc(0), Source::Saml(0), Source::Developer]);
    let oidc_provider = draft.provider_mut(Source::Oidc(0));
    oidc_provider.role = RoleSetting::Rules;
    oidc_provider.rules = vec![rule(
        "department",
        3,
        "sales",
        RuleRole::Existing(existing("orders-app-admin")),
    )];
    draft.provider_mut(Source::Saml(0)).tags = TagMode::Defaults;
    let pool_id = create(&sb, draft).await;

    let pool = describe(&client, &pool_id).await;
    assert_eq!(
        pool.open_id_connect_provider_arns(),
        std::slice::from_ref(&oidc)
    );
    assert_eq!(pool.saml_provider_arns(), std::slice::from_ref(&saml));
    assert_eq!(pool.developer_provider_name(), Some("login.wizard.example"));
    assert_eq!(pool.allow_classic_flow(), Some(true));
    let (roles, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(
        roles.get("authenticated"),
        Some(&role_arn("wizard-federated-auth"))
    );
    assert_eq!(
        mappings,
        serde_json::json!({"login.partner.example.com": {"type": "Rules", "resolution": "AuthenticatedRole",
            "rules": [["department", "NotEqual", "sales", role_arn("orders-app-admin")]]}})
    );
    assert_eq!(
        tags_of(&client, &pool_id, &saml).await,
        (true, HashMap::new())
    );
}

#[tokio::test]
async fn a_refused_call_stops_the_run_and_undo_removes_everything() {
    let (sb, client, iam) = demo().await;
    // A rule naming a role that is not an ARN the service accepts: SetIdentityPoolRoles refuses.
    let mut draft = user_pool_draft(
        "wizard-undo",
        "wizard-undo-auth",
        "wizard-undo-guest",
        existing("x"),
    );
    draft.provider_mut(Source::UserPool).rules[1].role = Some(RuleRole::Existing(IamRole {
        name: "bad".into(),
        arn: "arn:aws:iam::12:role/bad".into(),
        trust_policy: String::new(),
    }));
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (120, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    h.send(Msg::from(PoolAction::New));
    if let Some(w) = h.model.wizard.open.as_deref_mut() {
        w.draft = draft;
    }
    app_support::wizard::go_to(&mut h.model, Step::Review);
    h.send(Msg::from(WizAction::Create));
    use cognito_tui::wizard::create::Phase;
    let phase = |m: &cognito_tui::console::Model| {
        m.wizard
            .open
            .as_ref()
            .and_then(|w| w.creation.as_ref())
            .map(|c| c.phase())
    };
    assert!(
        h.run_until(|m| phase(m) == Some(Phase::Failed), WAIT).await,
        "fails at SetIdentityPoolRoles"
    );
    let error = h
        .model
        .errors
        .front()
        .cloned()
        .unwrap_or_else(|| panic!("error kept"));
    assert_eq!(error.operation, "SetIdentityPoolRoles");
    assert_eq!(error.error.code.as_deref(), Some("NotAuthorizedException"));
    let pool_id = common::pool_id_named(&client, "wizard-undo").await;
    h.send(Msg::from(WizAction::Undo));
    assert!(
        h.run_until(|m| phase(m) == Some(Phase::Undone), WAIT).await,
        "undo finishes"
    );
    let gone = client
        .describe_identity_pool()
        .identity_pool_id(&pool_id)
        .send()
        .await;
    assert_eq!(
        gone.err().map(|e| common::code(&e)).as_deref(),
        Some("ResourceNotFoundException")
    );
    for name in ["wizard-undo-auth", "wizard-undo-guest"] {
        let role = iam.get_role().role_name(name).send().await;
        assert!(role.is_err(), "{name} deleted");
    }
}

#[tokio::test]
async fn guest_only_pool_with_one_new_role() {
    let (sb, client, iam) = demo().await;
    let mut draft = Draft {
        guest: true,
        name: Input::new("wizard guests".into()),
        ..Default::default()
    };
    draft.guest_role.new_name = Input::new("wizard-guests-guest".into());
    let pool_id = create(&sb, draft).await;
    let pool = describe(&client, &pool_id).await;
    assert!(pool.allow_unauthenticated_identities());
    assert!(
        pool.cognito_identity_providers().is_empty() && pool.supported_login_providers().is_none()
    );
    check_new_role(
        &iam,
        "wizard-guests-guest",
        &pool_id,
        Audience::Guest,
        false,
    )
    .await;
    let (roles, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(
        roles,
        HashMap::from([(
            "unauthenticated".to_string(),
            role_arn("wizard-guests-guest")
        )])
    );
    assert_eq!(mappings, serde_json::json!({}));
    let id = common::identity_id(&client, &pool_id, &[]).await;
    assert_eq!(
        common::assumed_role(&sb, &client, &id, &[]).await,
        "arn:aws:sts::123456789012:assumed-role/wizard-guests-guest/CognitoIdentityCredentials"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_pool_of_another_region_lists_its_app_clients_there() {
    let (sb, _, _) = demo().await;
    let eu = common::idp_client(&sb, "eu-west-1").await;
    let pool_id = common::new_user_pool(&eu, "eu-users").await;
    assert!(pool_id.starts_with("eu-west-1_"), "{pool_id}");
    let made = eu
        .create_user_pool_client()
        .user_pool_id(&pool_id)
        .client_name("eu-web")
        .explicit_auth_flows(
            aws_sdk_cognitoidentityprovider::types::ExplicitAuthFlowsType::AllowUserPasswordAuth,
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let client_id = made
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    // The console works in us-east-1; the user pool's id is typed.
    let mut h = wizard_on(&sb).await;
    {
        let wizard = wizard_of(&mut h);
        assert_eq!(wizard.region, "us-east-1");
        wizard.draft.authenticated = true;
        wizard.draft.sources.insert(Source::UserPool);
        wizard.draft.user_pool_id = Input::new(pool_id.clone());
        wizard.draft.auth_role.new_name = Input::new("eu-auth".into());
    }
    app_support::wizard::go_to(&mut h.model, Step::Providers);
    app_support::wizard::focus(&mut h.model, FieldId::ClientId);
    h.send(Msg::from(WizAction::Open));
    let listed = |m: &cognito_tui::console::Model| {
        m.store
            .catalog()
            .clients(&pool_id)
            .is_some_and(|l| l.next_marker().is_none())
    };
    assert!(h.run_until(listed, WAIT).await, "the listing finished");
    let clients = h.model.store.catalog().clients(&pool_id);
    assert_eq!(
        clients.map(|l| (&l.items, &l.state)),
        Some((
            &vec![(client_id.clone(), "eu-web".to_string())],
            &cognito_tui::store::ListState::Complete
        )),
        "listed in eu-west-1, where the pool is"
    );
    // And a pool in us-east-1 trusting it is created with the user pool's own region in its name.
    let mut draft = Draft {
        authenticated: true,
        user_pool_id: Input::new(pool_id.clone()),
        client_id: Input::new(client_id.clone()),
        name: Input::new("cross-region".into()),
        ..Default::default()
    };
    draft.sources.insert(Source::UserPool);
    draft.auth_role.new_name = Input::new("cross-region-auth".into());
    let created = create(&sb, draft).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pool = describe(&identity, &created).await;
    let providers: Vec<(String, String)> = pool
        .cognito_identity_providers()
        .iter()
        .map(|p| {
            (
                p.provider_name().unwrap_or_default().to_string(),
                p.client_id().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let login_key = format!("cognito-idp.eu-west-1.amazonaws.com/{pool_id}");
    assert_eq!(providers, [(login_key.clone(), client_id.clone())]);
    // A user of the eu-west-1 pool gets credentials from the us-east-1 identity pool.
    eu.admin_create_user()
        .user_pool_id(&pool_id)
        .username("eve")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    eu.admin_set_user_password()
        .user_pool_id(&pool_id)
        .username("eve")
        .password("Passw0rd!")
        .permanent(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let token = common::id_token(&eu, &client_id, "eve", "Passw0rd!").await;
    let logins = [(login_key.as_str(), token.as_str())];
    let id = common::identity_id(&identity, &created, &logins).await;
    let role = common::assumed_role(&sb, &identity, &id, &logins).await;
    assert!(role.contains(":assumed-role/cross-region-auth/"), "{role}");
}

#[tokio::test]
async fn several_oidc_and_saml_providers_each_with_their_own_settings() {
    let (sb, client, iam) = demo().await;
    let first_oidc =
        format!("arn:aws:iam::{SANDBOX_ACCOUNT}:oidc-provider/login.partner.example.com");
    let first_saml = format!("arn:aws:iam::{SANDBOX_ACCOUNT}:saml-provider/CorpADFS");
    let second_oidc = iam
        .create_open_id_connect_provider()
        .url("https://idp.second.example.com")
        .client_id_list("orders")
        .thumbprint_list("0".repeat(40))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .open_id_connect_provider_arn()
        .unwrap_or_default()
        .to_string();
    let second_saml = iam
        .create_saml_provider()
        .name("Okta")
        .saml_metadata_document(format!(
            "<EntityDescriptor>{}</EntityDescriptor>",
            "x".repeat(1000)
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .saml_provider_arn()
        .unwrap_or_default()
        .to_string();
    let mut draft = Draft {
        authenticated: true,
        name: Input::new("wizard-several".into()),
        ..Default::default()
    };
    draft.auth_role.new_name = Input::new("wizard-several-auth".into());
    draft.sources.extend([Source::Oidc(0), Source::Saml(0)]);
    // The providers step's own buttons add the second of each kind.
    for kind in [Source::Oidc(0), Source::Saml(0)] {
        let added = cognito_tui::wizard::edit::add_row(&mut draft, FieldId::AddAnother(kind));
        assert!(added.is_some(), "{kind:?}");
    }
    draft.arns.extend([
        (Source::Oidc(0), first_oidc.clone()),
        (Source::Oidc(1), second_oidc.clone()),
        (Source::Saml(0), first_saml.clone()),
        (Source::Saml(1), second_saml.clone()),
    ]);
    let second = draft.provider_mut(Source::Oidc(1));
    second.role = RoleSetting::Rules;
    second.deny_unmatched = true;
    second.rules = vec![rule(
        "groups",
        1,
        "admins",
        RuleRole::Existing(existing("orders-app-admin")),
    )];
    draft.provider_mut(Source::Saml(1)).tags = TagMode::Defaults;
    let pool_id = create(&sb, draft).await;

    let pool = describe(&client, &pool_id).await;
    assert_eq!(
        pool.open_id_connect_provider_arns(),
        [first_oidc.clone(), second_oidc.clone()]
    );
    assert_eq!(
        pool.saml_provider_arns(),
        [first_saml.clone(), second_saml.clone()]
    );
    let (_, mappings) = roles_of(&client, &pool_id).await;
    assert_eq!(
        mappings,
        serde_json::json!({"idp.second.example.com": {"type": "Rules", "resolution": "Deny",
            "rules": [["groups", "Contains", "admins", role_arn("orders-app-admin")]]}}),
        "only the second OIDC provider has rules; the first uses the default role"
    );
    assert_eq!(
        tags_of(&client, &pool_id, &second_saml).await,
        (true, HashMap::new()),
        "the second SAML provider's own attributes"
    );
}
