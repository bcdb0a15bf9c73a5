//! The Role settings tab with the real update, runner and SDK against the sandbox: roles made
//! with the SDK, each with one trust defect, are reported with their reason; the fixable ones are
//! fixed from the tab (only the Cognito statement changes, read back with the SDK), and a real
//! credential request then succeeds for each; an inline policy edited through the tab is written
//! and read back.

mod common;

use cognito_tui::app::{Response, Tab};
use cognito_tui::screens::cursor::Move;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::domain::role_use;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::Seed;
use cognito_tui::screens::roles::{Action as Ra, Fetch, Item, Panel, WritePhase};
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
const HOST: &str = "login.partner.example.com";
const OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
const LAMBDA: &str = r#"{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}"#;

fn arn(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

fn token(case: &str, sub: &str) -> String {
    use base64::Engine;
    let b64 = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.sig",
        b64(json!({"alg": "RS256"})),
        b64(
            json!({"sub": sub, "aud": "partner-portal", "iss": format!("https://{HOST}"), "custom:case": case})
        )
    )
}

/// The defects: role name, trust policy (None: the role is never made), a piece of the reason,
/// whether STS refuses it, whether the tab can fix it.
fn defects(pool: &str) -> Vec<(&'static str, Option<String>, &'static str, bool, bool)> {
    let good = cognito_trust_policy(pool, Audience::Authenticated, true);
    let mut value: Value = serde_json::from_str(&good).unwrap_or_default();
    let statement = value["Statement"][0].clone();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut s = statement.clone();
        f(&mut s);
        json!({"Version": "2012-10-17", "Statement": [s]}).to_string()
    };
    let other_aud = {
        let mut s = statement.clone();
        s["Condition"]["StringEquals"]["cognito-identity.amazonaws.com:aud"] =
            json!("us-east-1:someone-else");
        let lambda: Value = serde_json::from_str(LAMBDA).unwrap_or_default();
        json!({"Version": "2012-10-17", "Statement": [lambda, s]}).to_string()
    };
    if let Some(statements) = value["Statement"].as_array_mut() {
        statements.push(json!({"Effect": "Deny", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}));
    }
    let denied = value.to_string();
    vec![
        (
            "t-aud",
            Some(other_aud),
            "aud condition allows only us-east-1:someone-else",
            true,
            true,
        ),
        (
            "t-tags",
            Some(cognito_trust_policy(pool, Audience::Authenticated, false)),
            "sts:TagSession",
            true,
            true,
        ),
        (
            "t-amr",
            Some(with(&|s| {
                if let Some(c) = s["Condition"].as_object_mut() {
                    c.remove("ForAnyValue:StringLike");
                }
            })),
            "amr",
            false,
            true,
        ),
        (
            "t-principal",
            Some(with(&|s| {
                s["Principal"] = json!({"Federated": "accounts.google.com"})
            })),
            "cognito-identity.amazonaws.com",
            true,
            true,
        ),
        (
            "t-action",
            Some(with(&|s| s["Action"] = json!("sts:AssumeRole"))),
            "AssumeRoleWithWebIdentity",
            true,
            true,
        ),
        ("t-deny", Some(denied), "Deny", true, false),
        ("t-ghost", None, "no such role", true, false),
    ]
}

async fn credentials(
    sb: &cognito_tui::sandbox::RunningSandbox,
    sdk: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    case: &str,
    n: usize,
) -> Result<String, String> {
    let login = token(case, &format!("{case}-{n}"));
    let id = common::identity_id(sdk, pool_id, &[(HOST, &login)]).await;
    match sdk
        .get_credentials_for_identity()
        .identity_id(&id)
        .logins(HOST, &login)
        .send()
        .await
    {
        Ok(out) => {
            let credentials = out
                .credentials()
                .cloned()
                .unwrap_or_else(|| panic!("credentials"));
            Ok(common::caller_of(sb, &credentials).await)
        }
        Err(e) => Err(common::code(&e)),
    }
}

async fn console(sb: &cognito_tui::sandbox::RunningSandbox, pool_id: &str) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(
        h.run_until(|m| m.session().is_some(), WAIT).await,
        "connected"
    );
    h.model.current_pool = Some((pool_id.to_string(), String::new()));
    h.send(Msg::Action(Action::GoTab(Tab::Roles)));
    checked(&mut h).await;
    h
}

/// Waits until the pool is read and every role checked.
async fn checked(h: &mut Headless) {
    assert!(
        h.run_until(
            |m| m.roles.read.config(&m.store).is_some()
                && m.roles.read.reading.is_none()
                && m.roles.fetcher.left() == 0,
            WAIT
        )
        .await,
        "read and checked: {:?}",
        h.model.roles.read.error
    );
}

fn select(h: &mut Headless, item: &Item) {
    h.send(Msg::from(Ra::Move(Move::Top)));
    for _ in 0..40 {
        if h.model.roles.selected_item(&h.model.store).as_ref() == Some(item) {
            return;
        }
        h.send(Msg::from(Ra::Move(Move::Down)));
    }
    panic!("no row {item:?}");
}

/// The screen as text.
fn screen_of(h: &Headless) -> String {
    let (w, height) = h.model.size;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, height))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| cognito_tui::console::view(&h.model, frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The editor session the console waits for.
fn editor(h: &Headless) -> cognito_tui::app::RequestId {
    h.model
        .in_flight
        .iter()
        .find(|(_, r)| r.operation == "$EDITOR")
        .map(|(req, _)| *req)
        .unwrap_or_else(|| panic!("the editor is waited for"))
}

fn phase(h: &Headless) -> Option<WritePhase> {
    match &h.model.roles.panel {
        Some(Panel::Write(write)) => Some(write.phase.clone()),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_trust_defect_is_reported_and_a_fixed_role_then_gets_credentials() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let pool_id = common::oidc_pool(&sdk, "trust-defects").await;
    let cases = defects(&pool_id);
    let mut rules = Vec::new();
    for (name, trust, ..) in &cases {
        if let Some(trust) = trust {
            iam.create_role()
                .role_name(*name)
                .assume_role_policy_document(trust)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        }
        rules.push(
            aws_sdk_cognitoidentity::types::MappingRule::builder()
                .claim("custom:case")
                .match_type(aws_sdk_cognitoidentity::types::MappingRuleMatchType::Equals)
                .value(*name)
                .role_arn(arn(name))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    let mapping = aws_sdk_cognitoidentity::types::RoleMapping::builder()
        .r#type(aws_sdk_cognitoidentity::types::RoleMappingType::Rules)
        .ambiguous_role_resolution(
            aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::Deny,
        )
        .rules_configuration(
            aws_sdk_cognitoidentity::types::RulesConfigurationType::builder()
                .set_rules(Some(rules))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    sdk.set_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .set_roles(Some(Default::default()))
        .role_mappings(HOST, mapping)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    sdk.set_principal_tag_attribute_map()
        .identity_pool_id(&pool_id)
        .identity_provider_name(OIDC)
        .use_defaults(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));

    // Before: what the service really does with each role.
    for (n, (name, _, _, refused, _)) in cases.iter().enumerate() {
        let got = credentials(&sb, &sdk, &pool_id, name, n).await;
        assert_eq!(got.is_err(), *refused, "{name}: the sandbox {got:?}");
    }

    let mut h = console(&sb, &pool_id).await;
    let config = h
        .model
        .roles
        .read
        .config(&h.model.store)
        .cloned()
        .unwrap_or_default();
    let handed = role_use::handed_out(&config);
    assert_eq!(handed.len(), cases.len(), "every rule's role is checked");
    for (name, _, reason, refused, fixable) in &cases {
        let role = handed
            .iter()
            .find(|r| r.name() == *name)
            .unwrap_or_else(|| panic!("{name}"));
        let facts = h.model.store.role(name).cloned().unwrap_or_default();
        match &facts.role {
            Fetch::Got(got) => {
                let problems = role_use::problems(&config, role, &got.trust_policy);
                assert!(
                    problems.iter().any(|p| p.contains(reason)),
                    "{name}: {reason:?} in {problems:?}"
                );
                assert_eq!(
                    role_use::refuses(&config, role, &got.trust_policy),
                    *refused,
                    "{name}: refused as the sandbox does"
                );
                assert_eq!(
                    role_use::fix(&config, role, &got.trust_policy).is_ok(),
                    *fixable,
                    "{name}"
                );
            }
            Fetch::Missing(_) => assert_eq!(*name, "t-ghost"),
            other => panic!("{name}: {other:?}"),
        }
    }

    // Fix each fixable role from the tab: f, ⏎ (re-read, write, read back).
    for (name, ..) in cases.iter().filter(|c| c.4) {
        select(&mut h, &Item::Role(arn(name)));
        h.send(Msg::from(Ra::Fix));
        assert_eq!(phase(&h), Some(WritePhase::Review), "{name}");
        h.send(Msg::from(Ra::Submit));
        assert!(
            h.run_until(
                |m| !matches!(&m.roles.panel, Some(Panel::Write(w)) if w.is_writing()),
                WAIT
            )
            .await
        );
        assert_eq!(phase(&h), Some(WritePhase::Done), "{name}");
        h.send(Msg::from(Ra::Back));
        checked(&mut h).await;
    }
    // After: read back with the SDK; fixed roles get credentials, the rest still don't.
    for (n, (name, _, _, _, fixable)) in cases.iter().enumerate() {
        let got = credentials(&sb, &sdk, &pool_id, name, 100 + n).await;
        if *fixable {
            assert_eq!(
                got,
                Ok(format!(
                    "arn:aws:sts::123456789012:assumed-role/{name}/CognitoIdentityCredentials"
                )),
                "{name}"
            );
        } else {
            assert_eq!(
                got,
                Err("InvalidIdentityPoolConfigurationException".into()),
                "{name}"
            );
        }
        if *name == "t-aud" {
            let role = iam
                .get_role()
                .role_name(*name)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e:?}"));
            let text = role
                .role()
                .and_then(|r| r.assume_role_policy_document())
                .unwrap_or_default();
            let text = percent_encoding::percent_decode_str(text)
                .decode_utf8_lossy()
                .into_owned();
            let fixed: Value = serde_json::from_str(&text).unwrap_or_default();
            let lambda: Value = serde_json::from_str(LAMBDA).unwrap_or_default();
            assert_eq!(
                fixed["Statement"][0], lambda,
                "the other statement is kept: {text}"
            );
            assert_eq!(
                fixed["Statement"].as_array().map(Vec::len),
                Some(2),
                "{text}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inline_policy_edited_from_the_tab_is_written_and_read_back() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = console(&sb, &pool_id).await;
    let auth = arn("orders-app-auth");
    select(&mut h, &Item::Role(auth.clone()));
    h.send(Msg::from(Ra::Open));
    h.send(Msg::from(Ra::Down));
    h.send(Msg::from(Ra::Edit));
    assert_eq!(phase(&h), Some(WritePhase::Editing));
    // The headless console runs no editor: the edited text comes back as the editor's would.
    let req = editor(&h);
    let edited = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::orders-app-assets/public/*"}]}"#;
    h.send(Msg::Response {
        req,
        response: Response::Edited(Ok(edited.into())),
    });
    assert_eq!(phase(&h), Some(WritePhase::Review));
    h.send(Msg::from(Ra::Submit));
    assert!(
        h.run_until(
            |m| !matches!(&m.roles.panel, Some(Panel::Write(w)) if w.is_writing()),
            WAIT
        )
        .await
    );
    assert_eq!(phase(&h), Some(WritePhase::Done));
    let read = iam
        .get_role_policy()
        .role_name("orders-app-auth")
        .policy_name("orders-app-assets-read")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let text = percent_encoding::percent_decode_str(read.policy_document())
        .decode_utf8_lossy()
        .into_owned();
    let written: Value = serde_json::from_str(&text).unwrap_or_default();
    let wanted: Value = serde_json::from_str(edited).unwrap_or_default();
    assert_eq!(written, wanted);
}

/// Issue 29, item 14: a new inline policy is made from the tab (its name checked with IAM's
/// rules, its document from a template in `$EDITOR`, checked, diffed, written, read back), and
/// an inline policy is deleted after its diff is confirmed; IAM says so both times.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inline_policy_is_made_and_deleted_from_the_tab() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = console(&sb, &pool_id).await;
    select(&mut h, &Item::Role(arn("orders-app-auth")));
    h.send(Msg::from(Ra::Open));
    h.send(Msg::from(Ra::NewPolicy));
    for c in "list buckets!".chars() {
        h.send(Msg::Roles(cognito_tui::screens::roles::Msg::Input(
            tui_input::InputRequest::InsertChar(c),
        )));
    }
    let screen = screen_of(&h);
    assert!(screen.contains("' ' is not allowed"), "{screen}");
    h.send(Msg::from(Ra::Submit));
    assert!(
        matches!(h.model.roles.panel, Some(Panel::NewPolicy { .. })),
        "a name IAM refuses goes no further"
    );
    for _ in 0.."list buckets!".len() {
        h.send(Msg::Roles(cognito_tui::screens::roles::Msg::Input(
            tui_input::InputRequest::DeletePrevChar,
        )));
    }
    for c in "list-buckets".chars() {
        h.send(Msg::Roles(cognito_tui::screens::roles::Msg::Input(
            tui_input::InputRequest::InsertChar(c),
        )));
    }
    h.send(Msg::from(Ra::Submit));
    assert_eq!(phase(&h), Some(WritePhase::Editing));
    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#;
    let req = editor(&h);
    h.send(Msg::Response {
        req,
        response: Response::Edited(Ok(document.into())),
    });
    assert_eq!(phase(&h), Some(WritePhase::Review));
    h.send(Msg::from(Ra::Submit));
    assert!(
        h.run_until(
            |m| !matches!(&m.roles.panel, Some(Panel::Write(w)) if w.is_writing()),
            WAIT
        )
        .await
    );
    assert_eq!(phase(&h), Some(WritePhase::Done));
    let read = iam
        .get_role_policy()
        .role_name("orders-app-auth")
        .policy_name("list-buckets")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let text = percent_encoding::percent_decode_str(read.policy_document())
        .decode_utf8_lossy()
        .into_owned();
    let written: Value = serde_json::from_str(&text).unwrap_or_default();
    let wanted: Value = serde_json::from_str(document).unwrap_or_default();
    assert_eq!(written, wanted);

    // Closed: the role is read again, the new policy listed; d on it deletes it after its diff.
    h.send(Msg::from(Ra::Back));
    checked(&mut h).await;
    select(&mut h, &Item::Role(arn("orders-app-auth")));
    h.send(Msg::from(Ra::Open));
    let policies = h
        .model
        .store
        .role("orders-app-auth")
        .map(|f| f.policies())
        .unwrap_or_default();
    let at = policies
        .iter()
        .position(|p| *p == cognito_tui::store::PolicyRef::Inline("list-buckets".into()))
        .unwrap_or_else(|| panic!("listed: {policies:?}"));
    for _ in 0..=at {
        h.send(Msg::from(Ra::Down));
    }
    h.send(Msg::from(Ra::DeletePolicy));
    assert_eq!(phase(&h), Some(WritePhase::Review));
    assert!(screen_of(&h).contains("Deleting inline policy list-buckets"));
    h.send(Msg::from(Ra::Submit));
    assert!(
        h.run_until(
            |m| !matches!(&m.roles.panel, Some(Panel::Write(w)) if w.is_writing()),
            WAIT
        )
        .await
    );
    assert_eq!(phase(&h), Some(WritePhase::Done));
    let gone = iam
        .get_role_policy()
        .role_name("orders-app-auth")
        .policy_name("list-buckets")
        .send()
        .await;
    let code = gone
        .err()
        .and_then(|e| e.into_service_error().meta().code().map(String::from));
    assert_eq!(code.as_deref(), Some("NoSuchEntity"));
}
