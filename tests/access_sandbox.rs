//! The User access tab through the real update, runner and SDK against the sandbox: each kind of
//! section edit goes through the wizard's form and the safe save, and a fresh read with the SDK
//! shows exactly the edit — every other field (providers, token-check flags, role mappings with
//! their rules in order, principal tags, basic flow, developer provider, tags) as it was.

mod access;
mod common;

use access::{changed, close, confirm, console_on, edit, fields};
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::domain::edit::ProviderRef;
use cognito_tui::domain::roles::IamRole;
use cognito_tui::sandbox::{SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::access::Action as AccessAction;
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::Source;
use cognito_tui::wizard::draft::{RoleMode, RoleSetting, RuleDraft, RuleRole, TagMode};
use cognito_tui::wizard::scoped::Section;
use pretty_assertions::assert_eq;
use std::collections::BTreeMap;
use tui_input::Input;

fn arn(name: &str) -> String {
    format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/{name}")
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn keys(map: &BTreeMap<String, (Option<String>, Option<String>)>) -> Vec<&str> {
    map.keys().map(String::as_str).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activating_guest_access_with_a_new_role_creates_a_role_trusting_this_pool_only() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let pool_id = common::pool_id_named(&sdk, "partner-portal").await;
    let before = fields(&sdk, &pool_id).await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;

    let save = edit(&mut h, Section::Guest, |d| {
        d.guest = true;
        d.guest_role.mode = RoleMode::New;
        d.guest_role.new_name = Input::new("partner-portal-guests".into());
    })
    .await;
    assert_eq!(save.phase, Phase::Review);
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(
        ops,
        vec![
            "CreateRole",
            "PutRolePolicy",
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

    let after = fields(&sdk, &pool_id).await;
    let diff = changed(&before, &after);
    assert_eq!(keys(&diff), vec!["guest", "role unauthenticated"]);
    assert_eq!(diff["guest"].1, some("true"));
    assert_eq!(
        diff["role unauthenticated"].1,
        Some(arn("partner-portal-guests"))
    );
    let role = iam
        .get_role()
        .role_name("partner-portal-guests")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let trust = role
        .role()
        .and_then(|r| r.assume_role_policy_document())
        .map(|d| {
            percent_encoding::percent_decode_str(d)
                .decode_utf8_lossy()
                .to_string()
        })
        .unwrap_or_default();
    let trust: serde_json::Value = serde_json::from_str(&trust).unwrap_or_else(|e| panic!("{e}"));
    let condition = &trust["Statement"][0]["Condition"];
    assert_eq!(
        condition["StringEquals"]["cognito-identity.amazonaws.com:aud"],
        pool_id.as_str()
    );
    assert_eq!(
        condition["ForAnyValue:StringLike"]["cognito-identity.amazonaws.com:amr"],
        "unauthenticated"
    );
    iam.get_role_policy()
        .role_name("partner-portal-guests")
        .policy_name("CognitoIdentityBasic")
        .send()
        .await
        .unwrap_or_else(|e| panic!("the basic permissions are attached: {e:?}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_google_with_rules_and_principal_tags_is_three_calls_in_order_and_nothing_else() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "partner-portal").await;
    let before = fields(&sdk, &pool_id).await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;

    let save = edit(&mut h, Section::AddProvider(Source::Google), |d| {
        d.app_ids.insert(
            Source::Google,
            Input::new("42.apps.googleusercontent.com".into()),
        );
        let google = d.provider_mut(Source::Google);
        google.role = RoleSetting::Rules;
        google.rules.push(RuleDraft {
            claim: Input::new("hd".into()),
            operator: 0,
            value: Input::new("partner.example.com".into()),
            role: Some(RuleRole::Existing(IamRole {
                name: "orders-app-partner".into(),
                arn: arn("orders-app-partner"),
                trust_policy: String::new(),
            })),
        });
        google.deny_unmatched = true;
        google.tags = TagMode::Custom;
        google
            .custom_tags
            .push((Input::new("domain".into()), Input::new("hd".into())));
    })
    .await;
    assert_eq!(save.phase, Phase::Review, "{:?}", save.phase);
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(
        ops,
        vec![
            "UpdateIdentityPool",
            "SetIdentityPoolRoles",
            "SetPrincipalTagAttributeMap"
        ]
    );
    let save = confirm(&mut h).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()), "{:?}", save.calls);

    let diff = changed(&before, &fields(&sdk, &pool_id).await);
    assert_eq!(
        keys(&diff),
        vec![
            "login accounts.google.com",
            "mapping accounts.google.com",
            "principal tags accounts.google.com"
        ]
    );
    assert_eq!(
        diff["mapping accounts.google.com"].1,
        Some(format!(
            "Rules Deny [hd Equals partner.example.com {}]",
            arn("orders-app-partner")
        ))
    );
    assert_eq!(
        diff["principal tags accounts.google.com"].1,
        some("defaults false {\"domain\": \"hd\"}")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_pools_role_settings_change_from_rules_to_token_touches_only_its_mapping() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let before = fields(&sdk, &pool_id).await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;
    let provider = h
        .model
        .access
        .items(&h.model.store)
        .into_iter()
        .find_map(|i| match i {
            cognito_tui::screens::access::Item::Provider(p @ ProviderRef::UserPool { .. }) => {
                Some(p)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("orders-app has a user pool"));
    let key = provider.mapping_key();

    let save = edit(&mut h, Section::RoleSettings(provider), |d| {
        d.provider_mut(Source::UserPool).role = RoleSetting::Token;
    })
    .await;
    assert_eq!(save.phase, Phase::Review);
    let lines: Vec<String> = save.changes.iter().map(|c| c.to_string()).collect();
    assert!(
        lines.iter().any(|l| l.contains("Rules → Token")),
        "the diff names the type change: {lines:?}"
    );
    let save = confirm(&mut h).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()));
    let diff = changed(&before, &fields(&sdk, &pool_id).await);
    assert_eq!(keys(&diff), vec![format!("mapping {key}").as_str()]);
    assert!(
        diff[&format!("mapping {key}")]
            .1
            .as_deref()
            .is_some_and(|m| m.starts_with("Token AuthenticatedRole [")),
        "{diff:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_tags_and_basic_flow_each_change_only_their_fields() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;

    let before = fields(&sdk, &pool_id).await;
    edit(&mut h, Section::Name, |d| {
        d.name = Input::new("orders".into())
    })
    .await;
    assert_eq!(confirm(&mut h).await.phase, Phase::Done(Vec::new()));
    let after = fields(&sdk, &pool_id).await;
    assert_eq!(keys(&changed(&before, &after)), vec!["name"]);
    close(&mut h).await;

    let before = after;
    let save = edit(&mut h, Section::Tags, |d| {
        d.tags.retain(|(k, _)| k.value() != "cost-center");
        d.tags
            .push((Input::new("owner".into()), Input::new("ops".into())));
    })
    .await;
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(
        ops,
        vec!["UntagResource", "TagResource"],
        "tags never go through an update"
    );
    assert_eq!(confirm(&mut h).await.phase, Phase::Done(Vec::new()));
    let after = fields(&sdk, &pool_id).await;
    assert_eq!(
        keys(&changed(&before, &after)),
        vec!["tag cost-center", "tag owner"]
    );
    close(&mut h).await;

    let before = after;
    edit(&mut h, Section::ClassicFlow, |d| d.classic_flow = true).await;
    assert_eq!(confirm(&mut h).await.phase, Phase::Done(Vec::new()));
    let after = fields(&sdk, &pool_id).await;
    assert_eq!(keys(&changed(&before, &after)), vec!["classic flow"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_a_provider_from_the_list_asks_then_takes_its_mapping_and_tags_only() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let before = fields(&sdk, &pool_id).await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;
    // Guest, Authenticated, then the user pool.
    h.send(Msg::from(AccessAction::Down));
    h.send(Msg::from(AccessAction::Down));
    h.send(Msg::from(AccessAction::Remove));
    h.send(Msg::from(AccessAction::Submit));
    assert!(
        h.model.access.panel.is_none(),
        "Cancel is focused first: nothing happens"
    );
    h.send(Msg::from(AccessAction::Remove));
    h.send(Msg::from(AccessAction::Down));
    h.send(Msg::from(AccessAction::Submit));
    let save = access::settle(&mut h).await;
    assert_eq!(save.phase, Phase::Review);
    let save = confirm(&mut h).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()), "{:?}", save.calls);
    let diff = changed(&before, &fields(&sdk, &pool_id).await);
    let removed: Vec<&str> = keys(&diff);
    assert_eq!(removed.len(), 3, "{diff:?}");
    assert!(
        removed[0].starts_with("mapping cognito-idp."),
        "{removed:?}"
    );
    assert!(
        removed[1].starts_with("principal tags cognito-idp."),
        "{removed:?}"
    );
    assert!(
        removed[2].starts_with("user pool cognito-idp."),
        "{removed:?}"
    );
    assert!(diff.values().all(|(_, after)| after.is_none()), "{diff:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_by_another_client_before_the_write_stops_the_save() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "mobile-games").await;
    let mut h = console_on(&sb, &pool_id, Options::default()).await;

    let save = edit(&mut h, Section::ClassicFlow, |d| d.classic_flow = false).await;
    assert_eq!(save.phase, Phase::Review);
    // Another operator adds a tag meanwhile.
    sdk.tag_resource()
        .resource_arn(format!(
            "arn:aws:cognito-identity:us-east-1:{SANDBOX_ACCOUNT}:identitypool/{pool_id}"
        ))
        .tags("changed-by", "someone-else")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let between = fields(&sdk, &pool_id).await;
    let save = confirm(&mut h).await;
    let Phase::Conflict { elsewhere, .. } = &save.phase else {
        panic!("a conflict: {:?}", save.phase);
    };
    let lines: Vec<String> = elsewhere.iter().map(|c| c.to_string()).collect();
    assert_eq!(lines, vec!["Tag changed-by: — → someone-else"]);
    assert_eq!(
        fields(&sdk, &pool_id).await,
        between,
        "the save wrote nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_refuses_every_edit_and_a_developer_provider_is_never_changed() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "internal-tools").await;
    let options = Options {
        read_only: true,
        ..Options::default()
    };
    let mut h = console_on(&sb, &pool_id, options).await;
    for action in [
        AccessAction::Edit,
        AccessAction::ToggleGuest,
        AccessAction::Add,
        AccessAction::Remove,
    ] {
        h.send(Msg::from(action));
        assert!(
            h.model.wizard.edit.is_none() && h.model.access.panel.is_none(),
            "{action:?}"
        );
        let notice = h
            .model
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.contains("read-only"), "{action:?}: {notice}");
    }
    let mut h = console_on(&sb, &pool_id, Options::default()).await;
    h.send(Msg::from(AccessAction::Bottom));
    for _ in 0..4 {
        h.send(Msg::from(AccessAction::Up));
    }
    assert!(
        matches!(
            h.model.access.selected_item(&h.model.store),
            Some(cognito_tui::screens::access::Item::Developer(_))
        ),
        "{:?}",
        h.model.access.selected_item(&h.model.store)
    );
    h.send(Msg::from(AccessAction::Remove));
    assert!(h.model.access.panel.is_none());
    let notice = h
        .model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("can't be changed or removed"), "{notice}");
    h.send(Msg::Action(Action::Quit));
    assert!(h.model.quitting, "nothing in flight: q quits at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_faults_a_multi_call_saves_report_matches_a_fresh_read_every_time() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let mut outcomes = BTreeMap::new();
    // Until a part-way failure has been reported and checked (each round is random), at most 40.
    for round in 0..40 {
        if round >= 5 && outcomes.contains_key("failed part-way, reported") {
            break;
        }
        let pool = sdk
            .create_identity_pool()
            .identity_pool_name(format!("faults-{round}"))
            .allow_unauthenticated_identities(false)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        let pool_id = pool.identity_pool_id().to_string();
        let before = fields(&sdk, &pool_id).await;
        let mut h = console_on(&sb, &pool_id, Options::default()).await;
        let config = access::config_of(&h);
        let scope = cognito_tui::wizard::scoped::EditScope {
            pool_id: pool_id.clone(),
            section: Section::AddProvider(Source::Google),
            base: config,
            linked: None,
            origin: cognito_tui::app::Tab::UserAccess,
        };
        h.send(Msg::Wizard(cognito_tui::wizard::Msg::EditSection(
            Box::new(scope),
        )));
        if let Some(form) = h.model.wizard.edit.as_deref_mut() {
            form.draft.app_ids.insert(
                Source::Google,
                Input::new("7.apps.googleusercontent.com".into()),
            );
            let google = form.draft.provider_mut(Source::Google);
            google.role = RoleSetting::Token;
            google.tags = TagMode::Defaults;
        }
        h.send(Msg::from(cognito_tui::wizard::Action::NextStep));
        let save = access::settle(&mut h).await;
        assert_eq!(save.phase, Phase::Review);
        // Once the re-read has passed and the writes begin, 60% of calls fail with the service's
        // 500 (about one in eight even after the SDK's retries): the writes and the check.
        h.send(Msg::from(AccessAction::Submit));
        let writing = |m: &cognito_tui::console::Model| !matches!(&m.access.panel, Some(cognito_tui::screens::access::Panel::Save(v)) if matches!(v.save.phase, Phase::Rereading(_)));
        assert!(h.run_until(writing, access::WAIT).await);
        access::set_faults(sb.addr, r#"{"fault_rate": 0.6}"#);
        let save = access::settle(&mut h).await;
        access::set_faults(sb.addr, "{}");
        let after = fields(&sdk, &pool_id).await;
        let intended = save.intended.as_ref().map(access::fields_of);
        let outcome = match &save.phase {
            Phase::Done(differs) => {
                assert_eq!(differs, &Vec::new());
                assert_eq!(
                    Some(after.clone()),
                    intended,
                    "saved: the pool is as intended"
                );
                "saved"
            }
            Phase::Failed(Some(now)) => {
                assert_eq!(
                    access::fields_of(now),
                    after,
                    "the report's 'now true' is the pool"
                );
                assert_ne!(
                    Some(after.clone()),
                    intended,
                    "a call failed: not all is done"
                );
                "failed part-way, reported"
            }
            Phase::Failed(None) => "failed, and the read after failed too",
            Phase::Refused(why) if why.starts_with("Written") => {
                assert_eq!(Some(after.clone()), intended, "{why}");
                "written, check failed"
            }
            Phase::Refused(why) => {
                assert_eq!(
                    after, before,
                    "refused before writing: nothing written ({why})"
                );
                "refused before writing"
            }
            other => panic!("unexpected end: {other:?}"),
        };
        *outcomes.entry(outcome).or_insert(0) += 1;
    }
    eprintln!("outcomes of the faulty saves: {outcomes:?}");
    assert!(
        outcomes.contains_key("failed part-way, reported"),
        "a part-way failure happened and its report was checked: {outcomes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_app_client_or_oidc_provider_takes_the_old_ones_mapping_and_tags_along() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let before = fields(&sdk, &orders).await;
    let mut h = console_on(&sb, &orders, Options::default()).await;
    let old = ProviderRef::UserPool {
        provider_name: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1".into(),
        client_id: "4f1s2d9k0q7n3b5v8c6x1z2m4a".into(),
    };
    let save = edit(&mut h, Section::ProviderInfo(old.clone()), |d| {
        d.client_id = Input::new("5newclient0000000000000000".into());
        d.server_side_check = true;
    })
    .await;
    assert_eq!(save.phase, Phase::Review, "{:?}", save.phase);
    let save = confirm(&mut h).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()), "{:?}", save.calls);
    let after = fields(&sdk, &orders).await;
    let diff = changed(&before, &after);
    let old_key = format!("mapping {}", old.mapping_key());
    let new_key = "mapping cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1:5newclient0000000000000000";
    assert_eq!(diff[&old_key].1, None);
    assert_eq!(
        diff[new_key].1, diff[&old_key].0,
        "the rules moved as they were"
    );
    assert_eq!(
        diff.len(),
        4,
        "the client, its flag and its mapping moved; the user pool's tags stay: {diff:?}"
    );

    let partner = common::pool_id_named(&sdk, "partner-portal").await;
    let created = iam
        .create_open_id_connect_provider()
        .url("https://login.other.example.com")
        .client_id_list("partner-portal")
        .thumbprint_list("0123456789abcdef0123456789abcdef01234567")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let new_arn = created
        .open_id_connect_provider_arn()
        .unwrap_or_default()
        .to_string();
    let old_arn = format!("arn:aws:iam::{SANDBOX_ACCOUNT}:oidc-provider/login.partner.example.com");
    sdk.set_principal_tag_attribute_map()
        .identity_pool_id(&partner)
        .identity_provider_name(&old_arn)
        .use_defaults(false)
        .principal_tags("org", "org_id")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let before = fields(&sdk, &partner).await;
    let mut h = console_on(&sb, &partner, Options::default()).await;
    let save = edit(
        &mut h,
        Section::ProviderInfo(ProviderRef::Oidc(old_arn.clone())),
        |d| {
            d.arns
                .insert(cognito_tui::wizard::Source::Oidc(0), new_arn.clone());
        },
    )
    .await;
    assert_eq!(save.phase, Phase::Review, "{:?}", save.phase);
    assert_eq!(confirm(&mut h).await.phase, Phase::Done(Vec::new()));
    let diff = changed(&before, &fields(&sdk, &partner).await);
    assert_eq!(
        keys(&diff),
        vec![
            format!("oidc {new_arn}").as_str(),
            format!("oidc {old_arn}").as_str(),
            format!("principal tags {new_arn}").as_str(),
            format!("principal tags {old_arn}").as_str(),
        ]
    );
    assert_eq!(
        diff[&format!("principal tags {new_arn}")].1,
        diff[&format!("principal tags {old_arn}")].0
    );
}
