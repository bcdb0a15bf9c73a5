//! The Role settings tab as text at a fixed size: rules, token and default mappings with healthy
//! roles; trust problems (refused, too open, missing, not readable); a role's permissions; the
//! simulator's step-by-step answer; a trust fix's diff; an edited policy refused.

mod app_support;

use app_support::access::*;
use app_support::roles::*;
use app_support::*;
use cognito_tui::app::Response;
use cognito_tui::console::{Model, Msg, Options};
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::domain::roles::RoleMapping;
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::roles::{Action as Ra, Item, Msg as RolesMsg};
use insta::assert_snapshot;
use tui_input::InputRequest;

const SIZE: (u16, u16) = (140, 40);

/// every_kind with a token mapping on the OIDC provider too.
fn config() -> PoolConfig {
    let mut config = every_kind();
    config.roles.role_mappings.insert(
        "login.partner.example.com".into(),
        RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: Some("AuthenticatedRole".into()),
            rules_configuration: None,
        },
    );
    config
}

fn select(model: &mut Model, item: &Item) {
    let _ = act(model, Ra::Move(Move::Top));
    for _ in 0..40 {
        if model.roles.selected_item(&model.store).as_ref() == Some(item) {
            return;
        }
        let _ = act(model, Ra::Move(Move::Down));
    }
    panic!("no row {item:?}");
}

fn broken() -> (PoolConfig, FakeIam) {
    let config = config();
    let mut iam = healthy_iam(&config);
    if let Some(admin) = iam.get_mut("orders-app-admin") {
        admin.trust =
            cognito_trust_policy("us-east-1:someone-else", Audience::Authenticated, false);
    }
    if let Some(auth) = iam.get_mut("orders-app-auth") {
        auth.trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],"Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:00000000-0000-4000-8000-000000000000"}}}]}"#.into();
    }
    if let Some(guest) = iam.get_mut("orders-app-guest") {
        guest.denied = true;
    }
    (config, iam)
}

#[test]
fn rules_token_and_default_mappings_with_healthy_roles() {
    let config = config();
    let model = on_roles(&config, &healthy_iam(&config), Options::default(), SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn trust_problems_refused_too_open_and_not_readable() {
    let (config, iam) = broken();
    let model = on_roles(&config, &iam, Options::default(), SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn a_roles_trust_and_permissions() {
    let (config, iam) = broken();
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    select(&mut model, &Item::Role(role("orders-app-admin")));
    let _ = act(&mut model, Ra::Open);
    assert_snapshot!(render(&model));
}

#[test]
fn a_trust_fix_as_a_diff() {
    let (config, iam) = broken();
    let mut model = on_roles(&config, &iam, Options::default(), SIZE);
    select(&mut model, &Item::Role(role("orders-app-admin")));
    let _ = act(&mut model, Ra::Fix);
    assert_snapshot!(render(&model));
}

#[test]
fn the_simulators_step_by_step_answer() {
    let config = config();
    let mut model = on_roles(&config, &healthy_iam(&config), Options::default(), SIZE);
    let _ = act(&mut model, Ra::Simulate);
    for c in "custom:tier=partner".chars() {
        let _ = cognito_tui::console::update(
            &mut model,
            Msg::Roles(RolesMsg::Input(InputRequest::InsertChar(c))),
        );
    }
    let _ = act(&mut model, Ra::NewLine);
    for c in "cognito:groups=staff,readers".chars() {
        let _ = cognito_tui::console::update(
            &mut model,
            Msg::Roles(RolesMsg::Input(InputRequest::InsertChar(c))),
        );
    }
    assert_snapshot!(render(&model));
}

#[test]
fn an_edited_policy_refused_with_where_the_mistake_is() {
    let config = config();
    let mut model = on_roles(&config, &healthy_iam(&config), Options::default(), SIZE);
    select(&mut model, &Item::Role(role("orders-app-auth")));
    let _ = act(&mut model, Ra::Open);
    let _ = act(&mut model, Ra::Down);
    let effects = act(&mut model, Ra::Edit);
    let req = match effects.first() {
        Some(cognito_tui::app::Effect::EditInEditor { req, .. }) => *req,
        other => panic!("{other:?}"),
    };
    let _ = cognito_tui::console::update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Edited(Ok("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"s3:*\"}\n  ]\n}".into())),
        },
    );
    assert_snapshot!(render(&model));
}
