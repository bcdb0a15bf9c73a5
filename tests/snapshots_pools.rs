//! The screens as text at a fixed size (insta snapshots, committed under tests/snapshots/).

mod app_support;

use app_support::*;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, ErrorKind, Tab};
use cognito_tui::console::DialogAction;
use cognito_tui::console::model::{Connection, Overlay};
use cognito_tui::console::{Action, Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::pools::Action as PoolAction;
use insta::assert_snapshot;

const SIZE: (u16, u16) = (100, 30);

#[test]
fn pools_loading() {
    let (model, _) = connected(Options::default(), SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn pools_loaded_with_details_and_a_page_still_loading() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let mut pending = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..60), Some("t".into())))),
        },
    );
    answer_describes(&mut model, &mut pending);
    let _ = act(&mut model, PoolAction::Move(Move::Down));
    assert_snapshot!(render(&model));
}

#[test]
fn pools_loaded() {
    let model = loaded(12, SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn pools_filtered() {
    let mut model = loaded(40, SIZE);
    let _ = act(&mut model, PoolAction::Filter);
    type_text(&mut model, "pool-01");
    assert_snapshot!(render(&model));
}

#[test]
fn pools_filter_matches_nothing() {
    let mut model = loaded(4, SIZE);
    let _ = act(&mut model, PoolAction::Filter);
    type_text(&mut model, "zzz");
    let _ = act(&mut model, PoolAction::Submit);
    assert_snapshot!(render(&model));
}

#[test]
fn pools_empty_region() {
    let model = loaded(0, SIZE);
    assert_snapshot!(render(&model));
}

/// The fourth pool opened, its details and these roles answered.
fn summary_with(roles: cognito_tui::domain::roles::PoolRoles) -> cognito_tui::console::Model {
    let mut model = loaded(4, SIZE);
    let mut effects = act(&mut model, PoolAction::Open);
    let roles_req = effects.iter().find_map(|e| match e {
        cognito_tui::app::Effect::GetIdentityPoolRoles { req, .. } => Some(*req),
        _ => None,
    });
    answer_describes(&mut model, &mut effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req: roles_req.unwrap_or_default(),
            response: Response::GetIdentityPoolRoles(Ok(roles)),
        },
    );
    // Each provider's attributes for access control: the user pool's defaults, Google's custom.
    for effect in effects {
        if let cognito_tui::app::Effect::GetPrincipalTagAttributeMap { req, provider, .. } = effect
        {
            let mut map = cognito_tui::domain::roles::PrincipalTagMap {
                use_defaults: provider.starts_with("cognito-idp."),
                ..Default::default()
            };
            if provider == "accounts.google.com" {
                map.principal_tags.insert("domain".into(), "hd".into());
            }
            let _ = update(
                &mut model,
                Msg::Response {
                    req,
                    response: Response::GetPrincipalTagAttributeMap(Ok(map)),
                },
            );
        }
    }
    model
}

#[test]
fn a_guest_only_pool_and_long_values_read_right() {
    let mut model = loaded(4, (60, 40));
    let mut effects = act(&mut model, PoolAction::Open);
    // pool-000 as the service describes it: no providers, a long tag whose continuation lines
    // stay under the value, not at the edge.
    let mut pool = described(0);
    pool.cognito_identity_providers.clear();
    pool.supported_login_providers.clear();
    pool.identity_pool_tags.insert(
        "owner".into(),
        "the platform team of the orders department, reachable on the ops channel".into(),
    );
    let describe = describes(&effects)
        .into_iter()
        .find(|(_, id)| *id == pool_id(0))
        .map(|(req, _)| req);
    effects.retain(|e| !matches!(e, cognito_tui::app::Effect::DescribeIdentityPool { req, .. } if Some(*req) == describe));
    let more = update(
        &mut model,
        Msg::Response {
            req: describe.unwrap_or_default(),
            response: Response::DescribeIdentityPool(Ok(pool)),
        },
    );
    effects.extend(more);
    answer_describes(&mut model, &mut effects);
    let roles_req = effects.iter().find_map(|e| match e {
        cognito_tui::app::Effect::GetIdentityPoolRoles { req, .. } => Some(*req),
        _ => None,
    });
    let _ = update(
        &mut model,
        Msg::Response {
            req: roles_req.unwrap_or_default(),
            response: Response::GetIdentityPoolRoles(Ok(Default::default())),
        },
    );
    let _ = act(&mut model, PoolAction::Move(Move::Down));
    let screen = render(&model);
    assert!(
        screen.contains("none (no identity providers)"),
        "no claim about a default role there is not: {screen}"
    );
    assert!(!screen.contains("every provider uses"), "{screen}");
    let owner: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("owner = the"))
        .take(2)
        .collect();
    assert_eq!(owner.len(), 2, "{screen}");
    let value_column = owner[0].find("the platform").unwrap_or_default();
    let continued = owner[1].find("reachable").unwrap_or_default();
    assert_eq!(
        continued, value_column,
        "the continuation starts under the value: {owner:?}"
    );
}

#[test]
fn pool_summary() {
    let mut roles = cognito_tui::domain::roles::PoolRoles::default();
    roles.roles.insert(
        "authenticated".into(),
        "arn:aws:iam::123456789012:role/pool-000-auth".into(),
    );
    assert_snapshot!(render(&summary_with(roles)));
}

#[test]
fn pool_summary_with_role_mappings() {
    use cognito_tui::domain::roles::{MappingRule, PoolRoles, RoleMapping, RulesConfiguration};
    let mut roles = PoolRoles::default();
    roles.roles.insert(
        "authenticated".into(),
        "arn:aws:iam::123456789012:role/pool-000-auth".into(),
    );
    let rule = |claim: &str, match_type: &str, value: &str, role: &str| MappingRule {
        claim: claim.into(),
        match_type: match_type.into(),
        value: value.into(),
        role_arn: format!("arn:aws:iam::123456789012:role/{role}"),
    };
    roles.role_mappings.insert(
        "accounts.google.com".into(),
        RoleMapping {
            mapping_type: "Rules".into(),
            ambiguous_role_resolution: Some("Deny".into()),
            rules_configuration: Some(RulesConfiguration {
                rules: vec![
                    rule("hd", "Equals", "example.com", "staff"),
                    rule("email", "NotEqual", "example.com", "outsiders"),
                ],
            }),
        },
    );
    roles.role_mappings.insert(
        "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123:client1".into(),
        RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: Some("AuthenticatedRole".into()),
            rules_configuration: None,
        },
    );
    assert_snapshot!(render(&summary_with(roles)));
}

#[test]
fn help_overlay() {
    let mut model = loaded(4, SIZE);
    let _ = act(&mut model, Action::Help);
    assert_snapshot!(render(&model));
}

#[test]
fn delete_dialog_empty() {
    let mut model = loaded(4, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    assert_snapshot!(render(&model));
}

#[test]
fn delete_dialog_wrong_name() {
    let mut model = loaded(4, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    type_text(&mut model, "pool-00x");
    assert_snapshot!(render(&model));
}

#[test]
fn delete_dialog_right_name_delete_focused() {
    let mut model = loaded(4, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    type_text(&mut model, "pool-000");
    let _ = act(&mut model, DialogAction::FocusNext);
    assert!(matches!(model.overlay, Some(Overlay::ConfirmDelete { .. })));
    assert_snapshot!(render(&model));
}

#[test]
fn no_credentials_screen() {
    let mut model = cognito_tui::console::Model::new(
        Options {
            profile: Some("prod".into()),
            ..Default::default()
        },
        SIZE,
    );
    let effects = cognito_tui::console::update::init(&mut model);
    let Some(cognito_tui::app::Effect::Connect { req, .. }) = effects.first().cloned() else {
        panic!()
    };
    let error = AwsError::new(
        ErrorKind::Credentials,
        "the credential provider was not enabled",
    );
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Connect(Err(error)),
        },
    );
    assert!(matches!(model.connection, Connection::Failed(_)));
    assert_snapshot!(render(&model));
}

#[test]
fn no_region_screen() {
    let mut model = cognito_tui::console::Model::new(Options::default(), SIZE);
    let effects = cognito_tui::console::update::init(&mut model);
    let Some(cognito_tui::app::Effect::Connect { req, .. }) = effects.first().cloned() else {
        panic!()
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Connect(Err(AwsError::new(
                ErrorKind::NoRegion,
                "No region is configured.",
            ))),
        },
    );
    assert_snapshot!(render(&model));
}

#[test]
fn tiny_terminal() {
    let model = loaded(3, (20, 5));
    assert_snapshot!(render(&model));
}

#[test]
fn role_settings_without_a_pool_says_how_to_choose_one() {
    let mut model = loaded(3, SIZE);
    let _ = act(&mut model, Action::GoTab(Tab::Roles));
    assert_snapshot!(render(&model));
}

#[test]
fn errors_overlay_lists_code_message_and_request_id() {
    let mut model = loaded(3, SIZE);
    let _ = act(&mut model, Action::Refresh);
    let req = *model.in_flight.keys().next().unwrap_or(&0);
    let error = AwsError {
        request_id: Some("8f0c1a2b-rid".into()),
        ..AwsError::service(
            "NotAuthorizedException",
            "User is not authorized to perform ListIdentityPools",
        )
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Err(error)),
        },
    );
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "errors");
    let _ = act(&mut model, DialogAction::Submit);
    let screen = render(&model);
    // Nothing of the list shows beside the overlay: it covers the body from edge to edge.
    let top = screen
        .lines()
        .find(|l| l.contains("Recent errors"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(top.starts_with('┌') && top.ends_with('┐'), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn read_only_badge_and_disabled_hints() {
    let (mut model, effects) = connected(
        Options {
            read_only: true,
            ..Default::default()
        },
        SIZE,
    );
    let req = list_req(&effects);
    let mut pending = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..2), None))),
        },
    );
    answer_describes(&mut model, &mut pending);
    let _ = act(&mut model, PoolAction::Delete);
    assert_snapshot!(render(&model));
}

#[test]
fn help_on_a_tab_without_a_pool_says_how_to_choose_one() {
    let mut model = loaded(3, SIZE);
    let _ = act(&mut model, Action::GoTab(Tab::Identities));
    let _ = act(&mut model, Action::Help);
    let screen = render(&model);
    assert!(screen.contains("No pool chosen"), "{screen}");
    assert!(
        screen.contains("Choose one: 1 for Pools, select a pool"),
        "{screen}"
    );
    assert!(!screen.contains("This tab"), "{screen}");
}
