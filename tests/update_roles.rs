//! The Role settings tab through `update` only: the reads it makes (IAM's bounded), each edit's
//! form and save, the trust fix (only the concerned statement changes; re-read, write, verify;
//! a concurrent change stops it), AccessDenied as "not checked", an inline policy edited in
//! `$EDITOR` (a bad edit refused with its line and column), the simulator's input parsing, and
//! read-only.

mod app_support;

use app_support::access::*;
use app_support::roles::*;
use app_support::*;
use cognito_tui::app::{Effect, Response};
use cognito_tui::console::{Model, Msg, Options};
use cognito_tui::domain::policy::Audience;
use cognito_tui::domain::roles::{MappingRule, RulesConfiguration};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::roles::{
    Action as Ra, DocTarget, Fetch, Item, Msg as RolesMsg, PARALLEL, Panel, WritePhase,
};
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::scoped::Section;
use pretty_assertions::assert_eq;
use serde_json::Value;
use tui_input::InputRequest;

const SIZE: (u16, u16) = (140, 40);

fn select(model: &mut Model, wanted: impl Fn(&Item) -> bool) {
    let _ = act(model, Ra::Move(Move::Top));
    for _ in 0..40 {
        if model
            .roles
            .selected_item(&model.store)
            .as_ref()
            .is_some_and(&wanted)
        {
            return;
        }
        let _ = act(model, Ra::Move(Move::Down));
    }
    panic!("no such row");
}

fn write_of(model: &Model) -> &cognito_tui::screens::roles::DocWrite {
    match &model.roles.panel {
        Some(Panel::Write(write)) => write,
        other => panic!("no write: {other:?}"),
    }
}

fn respond(model: &mut Model, req: u64, response: Response) -> Vec<Effect> {
    cognito_tui::console::update(model, Msg::Response { req, response })
}

fn type_in(model: &mut Model, text: &str) {
    for c in text.chars() {
        let _ = cognito_tui::console::update(
            model,
            Msg::Roles(RolesMsg::Input(InputRequest::InsertChar(c))),
        );
    }
}

/// A pool whose user pool mapping has `n` rules, each to a role of its own.
fn many_roles(n: usize) -> cognito_tui::domain::config::PoolConfig {
    let mut config = every_kind();
    let rules = (0..n)
        .map(|i| MappingRule {
            claim: "custom:team".into(),
            match_type: "Equals".into(),
            value: format!("team-{i}"),
            role_arn: role(&format!("team-{i}")),
        })
        .collect();
    if let Some(mapping) = config.roles.role_mappings.values_mut().next() {
        mapping.rules_configuration = Some(RulesConfiguration { rules });
    }
    config
}

#[test]
fn every_role_the_pool_hands_out_is_read_with_at_most_eight_iam_reads_at_once() {
    let config = many_roles(10);
    let iam = healthy_iam(&config);
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let effects = respond(
        &mut model,
        req,
        Response::ListIdentityPools(Ok((summaries(0..1), None))),
    );
    let _ = answer_reads(&mut model, effects, &config);
    model.current_pool = Some((pool_id(0), "pool-000".into()));
    let effects = act(
        &mut model,
        cognito_tui::console::Action::GoTab(cognito_tui::app::Tab::Roles),
    );
    let effects = answer_all_reads(&mut model, effects, &config);
    let gets = effects
        .iter()
        .filter(|e| matches!(e, Effect::GetRole { .. }))
        .count();
    assert_eq!(gets, PARALLEL, "12 roles: the first 8 asked at once");
    assert_eq!(model.roles.fetcher.left(), 12, "the other 4 queued");
    let rest = answer_iam(&mut model, effects, &iam);
    assert!(rest.is_empty(), "{rest:?}");
    assert_eq!(model.roles.fetcher.left(), 0);
    assert_eq!(model.roles.checked.len(), 12);
    for arn in &model.roles.checked {
        let facts = model
            .store
            .role(cognito_tui::domain::roles::role_name(arn))
            .unwrap_or_else(|| panic!("{arn} is in the store"));
        assert!(
            matches!(facts.role, Fetch::Got(_)),
            "{arn}: {:?}",
            facts.role
        );
        assert_eq!(
            facts.policies().len(),
            1 + usize::from(arn.ends_with("admin"))
        );
        assert!(facts.documents.values().all(|d| matches!(d, Fetch::Got(_))));
    }
    let screen = render(&model);
    assert!(screen.contains("✓ team-9"), "{screen}");
}

#[test]
fn a_trust_fix_changes_only_the_cognito_statement_and_is_reread_written_and_verified() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    let keep = r#"{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}"#;
    let broken = format!(
        r#"{{"Version":"2012-10-17","Statement":[{keep},{{"Effect":"Allow","Principal":{{"Federated":"cognito-identity.amazonaws.com"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"cognito-identity.amazonaws.com:aud":"us-east-1:someone-else"}}}}}}]}}"#
    );
    if let Some(admin) = iam.get_mut("orders-app-admin") {
        admin.trust = broken.clone();
    }
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    let screen = render(&model);
    assert!(screen.contains("✗ orders-app-admin"), "{screen}");
    assert!(
        screen.contains("InvalidIdentityPoolConfigurationException"),
        "{screen}"
    );
    assert!(
        screen.contains("its trust policy does not allow sts:TagSession"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "AdministratorAccess: statement 1 allows * (every action) on * (every resource)"
        ),
        "the admin's managed policy is flagged: {screen}"
    );
    select(&mut model, |i| *i == Item::Role(role("orders-app-admin")));
    let effects = act(&mut model, Ra::Fix);
    assert!(effects.is_empty(), "a review first: {effects:?}");
    let write = write_of(&model).clone();
    assert_eq!(write.phase, WritePhase::Review);
    assert_eq!(write.target, DocTarget::Trust);
    let after: Value = serde_json::from_str(&write.after).unwrap_or_default();
    let kept: Value = serde_json::from_str(keep).unwrap_or_default();
    assert_eq!(
        after["Statement"][0], kept,
        "the other statement is kept exactly"
    );
    assert_eq!(
        after["Statement"][1]["Condition"]["StringEquals"]["cognito-identity.amazonaws.com:aud"],
        pool_id(0)
    );
    assert!(
        after["Statement"][1]["Action"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "sts:TagSession")),
        "principal tags are on for the user pool: TagSession"
    );
    let screen = render(&model);
    assert!(screen.contains("+ "), "the diff is shown: {screen}");
    // ⏎: re-read, then the write, then the verification read.
    let effects = act(&mut model, Ra::Submit);
    let [Effect::GetRole { req, role_name }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(role_name, "orders-app-admin");
    let effects = respond(
        &mut model,
        *req,
        iam_answer(&iam, &effects[0])
            .map(|(_, r)| r)
            .unwrap_or(Response::Edited(Ok(String::new()))),
    );
    let [Effect::UpdateAssumeRolePolicy { req, document, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(document, &write.after);
    if let Some(admin) = iam.get_mut("orders-app-admin") {
        admin.trust = document.clone();
    }
    let effects = respond(&mut model, *req, Response::UpdateAssumeRolePolicy(Ok(())));
    let [verify @ Effect::GetRole { req, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let response = iam_answer(&iam, verify)
        .map(|(_, r)| r)
        .unwrap_or(Response::Edited(Ok(String::new())));
    let _ = respond(&mut model, *req, response);
    assert_eq!(write_of(&model).phase, WritePhase::Done);
    // Closing reads the role again: no problem left.
    let effects = act(&mut model, Ra::Back);
    let rest = answer_iam(&mut model, effects, &iam);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(render(&model).contains("✓ orders-app-admin"));
}

#[test]
fn a_trust_changed_elsewhere_before_the_write_stops_it_and_nothing_is_written() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    if let Some(auth) = iam.get_mut("orders-app-auth") {
        auth.trust = cognito_tui::domain::policy::cognito_trust_policy(
            "us-east-1:other",
            Audience::Authenticated,
            true,
        );
    }
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    select(&mut model, |i| *i == Item::Role(role("orders-app-auth")));
    let _ = act(&mut model, Ra::Fix);
    let effects = act(&mut model, Ra::Submit);
    let [Effect::GetRole { req, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let now = cognito_tui::domain::policy::cognito_trust_policy(
        "us-east-1:third",
        Audience::Authenticated,
        true,
    );
    let effects = respond(
        &mut model,
        *req,
        Response::GetRole(Ok(cognito_tui::domain::roles::IamRole {
            name: "orders-app-auth".into(),
            arn: role("orders-app-auth"),
            trust_policy: now.clone(),
        })),
    );
    assert!(effects.is_empty(), "nothing written: {effects:?}");
    assert!(matches!(write_of(&model).phase, WritePhase::Conflict(_)));
    assert!(render(&model).contains("Changed elsewhere"));
    // `a` fixes the policy as it is now.
    let _ = act(&mut model, Ra::Reapply);
    let write = write_of(&model);
    assert_eq!(write.phase, WritePhase::Review);
    assert!(write.before.contains("us-east-1:third"), "{}", write.before);
}

#[test]
fn a_role_the_caller_may_not_read_is_not_checked_rather_than_failed() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    if let Some(guest) = iam.get_mut("orders-app-guest") {
        guest.denied = true;
    }
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    let screen = render(&model);
    assert!(screen.contains("? orders-app-guest"), "{screen}");
    assert!(screen.contains("not checked"), "{screen}");
    assert!(!screen.contains("✗ orders-app-guest"), "{screen}");
    select(&mut model, |i| *i == Item::Role(role("orders-app-guest")));
    let effects = act(&mut model, Ra::Fix);
    assert!(effects.is_empty());
    assert!(model.roles.panel.is_none());
    let notice = model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("AccessDenied"), "{notice}");
}

#[test]
fn default_roles_and_mappings_open_the_wizards_form_and_save_through_the_tab() {
    let config = every_kind();
    let iam = healthy_iam(&config);
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    select(&mut model, |i| {
        *i == Item::DefaultRole(Audience::Authenticated)
    });
    let effects = act(&mut model, Ra::Edit);
    let form = model
        .wizard
        .edit_for(cognito_tui::app::Tab::Roles)
        .unwrap_or_else(|| panic!("the form is open on this tab"));
    assert_eq!(
        form.scope.as_ref().map(|s| s.section.clone()),
        Some(Section::Authenticated)
    );
    assert!(
        model
            .wizard
            .edit_for(cognito_tui::app::Tab::UserAccess)
            .is_none(),
        "the User access tab does not show it"
    );
    let _ = effects;
    // Ctrl-s with no change: the save still reads fresh and shows an empty diff on this tab.
    let effects = act(&mut model, WizAction::NextStep);
    assert!(
        matches!(model.roles.panel, Some(Panel::Save(_))),
        "{:?}",
        model.roles.panel
    );
    let rest = answer_all_reads(&mut model, effects, &config);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(render(&model).contains("Save changes"));
    // Esc on the review goes back to the form (its edit kept); Esc there leaves it.
    let _ = act(&mut model, Ra::Back);
    assert!(
        model
            .wizard
            .edit_for(cognito_tui::app::Tab::Roles)
            .is_some(),
        "back on the form"
    );
    let _ = act(&mut model, WizAction::Back);
    assert!(
        model
            .wizard
            .edit_for(cognito_tui::app::Tab::Roles)
            .is_none()
    );
    select(
        &mut model,
        |i| matches!(i, Item::Mapping(p) if p.mapping_key().starts_with("cognito-idp")),
    );
    let _ = act(&mut model, Ra::Open);
    let form = model.wizard.edit_for(cognito_tui::app::Tab::Roles);
    assert!(
        matches!(
            form.and_then(|f| f.scope.as_ref()).map(|s| &s.section),
            Some(Section::RoleSettings(_))
        ),
        "⏎ on a mapping opens its role settings"
    );
}

#[test]
fn an_inline_policy_edited_in_the_editor_is_checked_then_reviewed_and_written_safely() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    select(&mut model, |i| *i == Item::Role(role("orders-app-auth")));
    let _ = act(&mut model, Ra::Open);
    let _ = act(&mut model, Ra::Down);
    let effects = act(&mut model, Ra::Edit);
    let [Effect::EditInEditor { req, text }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        text.contains("s3:GetObject"),
        "the policy goes to the editor: {text}"
    );
    // A broken edit: refused with where the mistake is, the text kept for another try.
    let _ = respond(
        &mut model,
        *req,
        Response::Edited(Ok("{\n  \"Version\": \n}".into())),
    );
    let WritePhase::Invalid(why) = &write_of(&model).phase else {
        panic!("{:?}", write_of(&model).phase)
    };
    assert!(why.contains("line 3"), "{why}");
    let screen = render(&model);
    assert!(screen.contains("line 3"), "the message is shown: {screen}");
    let effects = act(&mut model, Ra::Edit);
    let [Effect::EditInEditor { req, text }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        text.contains("\"Version\": \n}"),
        "the edited text again: {text}"
    );
    // A grammar mistake (a Principal in a permissions policy) is IAM's MalformedPolicyDocument.
    let bad = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#;
    let _ = respond(&mut model, *req, Response::Edited(Ok(bad.into())));
    assert!(
        matches!(&write_of(&model).phase, WritePhase::Invalid(w) if w.contains("MalformedPolicyDocument")),
        "{:?}",
        write_of(&model).phase
    );
    let effects = act(&mut model, Ra::Edit);
    let [Effect::EditInEditor { req, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let edited = SCOPED.replace("arn:aws:s3:::b/*", "arn:aws:s3:::b/orders/*");
    let _ = respond(&mut model, *req, Response::Edited(Ok(edited.clone())));
    assert_eq!(write_of(&model).phase, WritePhase::Review);
    let effects = act(&mut model, Ra::Submit);
    let [reread @ Effect::GetRolePolicy { req, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let response = iam_answer(&iam, reread)
        .map(|(_, r)| r)
        .unwrap_or(Response::Edited(Ok(String::new())));
    let effects = respond(&mut model, *req, response);
    let [
        Effect::PutRolePolicy {
            req,
            policy_name,
            document,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(policy_name, "orders-app-auth-access");
    let written: Value = serde_json::from_str(document).unwrap_or_default();
    let wanted: Value = serde_json::from_str(&edited).unwrap_or_default();
    assert_eq!(written, wanted);
    if let Some(auth) = iam.get_mut("orders-app-auth") {
        auth.inline.insert(policy_name.clone(), document.clone());
    }
    let effects = respond(&mut model, *req, Response::PutRolePolicy(Ok(())));
    let [verify] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let (req, response) =
        iam_answer(&iam, verify).unwrap_or((0, Response::Edited(Ok(String::new()))));
    let _ = respond(&mut model, req, response);
    assert_eq!(write_of(&model).phase, WritePhase::Done);
}

#[test]
fn the_simulator_parses_claims_as_typed_and_says_what_is_wrong_under_the_field() {
    let config = every_kind();
    let iam = healthy_iam(&config);
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    let _ = act(&mut model, Ra::Simulate);
    let Some(Panel::Simulator(sim)) = &model.roles.panel else {
        panic!("{:?}", model.roles.panel)
    };
    assert!(matches!(
        sim.login(),
        cognito_tui::domain::simulation::Login::Provider(_)
    ));
    type_in(&mut model, "cognito:groups=staff,admins");
    let Some(Panel::Simulator(sim)) = &model.roles.panel else {
        panic!()
    };
    let answer = sim.answer.clone().unwrap_or_else(|| panic!("an answer"));
    assert_eq!(
        answer.outcome().map(String::from),
        Ok(role("orders-app-admin"))
    );
    let screen = render(&model);
    assert!(screen.contains("✓ rule 1"), "{screen}");
    assert!(screen.contains("admits this identity"), "{screen}");
    // A line that is no claim: the message under the field, no answer.
    let _ = act(&mut model, Ra::NewLine);
    type_in(&mut model, "oops");
    let screen = render(&model);
    assert!(
        screen.contains("Line 2: write a claim as name=value"),
        "{screen}"
    );
    // A JWT that isn't one.
    let (mut model, _) = (on_roles(&config, &iam, Options::default(), SIZE), ());
    let _ = act(&mut model, Ra::Simulate);
    type_in(&mut model, "eyJhbGciOiJub25lIn0.%%%.x");
    let screen = render(&model);
    assert!(screen.contains("not base64url"), "{screen}");
    // No claim at all on the Deny mapping: the service's NotAuthorizedException.
    let (mut model, _) = (on_roles(&config, &iam, Options::default(), SIZE), ());
    let _ = act(&mut model, Ra::Simulate);
    let Some(Panel::Simulator(sim)) = &model.roles.panel else {
        panic!()
    };
    let refused = sim.answer.as_ref().map(|a| a.outcome().map_err(|r| r.code));
    assert_eq!(refused, Some(Err("NotAuthorizedException")));
}

#[test]
fn read_only_refuses_edits_and_fixes_but_shows_everything() {
    let config = every_kind();
    let mut iam = healthy_iam(&config);
    if let Some(admin) = iam.get_mut("orders-app-admin") {
        admin.trust = "{}".into();
    }
    let options = Options {
        read_only: true,
        ..Options::default()
    };
    let mut model = on_roles(&config, &iam, options, SIZE);
    select(&mut model, |i| *i == Item::Role(role("orders-app-admin")));
    let effects = act(&mut model, Ra::Fix);
    assert!(effects.is_empty() && model.roles.panel.is_none());
    let notice = model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("Read-only"), "{notice}");
    let _ = act(&mut model, Ra::Open);
    assert!(
        matches!(model.roles.panel, Some(Panel::Role { .. })),
        "reading works"
    );
    let _ = act(&mut model, Ra::Back);
    select(&mut model, |i| *i == Item::DefaultRole(Audience::Guest));
    let _ = act(&mut model, Ra::Open);
    assert!(model.wizard.edit.is_none(), "no form in read-only");
    let _ = name_of("x");
}
