//! The create wizard as text at a fixed size: every step empty, filled and with errors, the
//! policy documents, the trust warning, a picker, review, progress, the failure and undo reports.

mod app_support;

use app_support::wizard::*;
use app_support::*;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, Effect, ErrorKind};
use cognito_tui::console::Msg;
use cognito_tui::domain::policy::Audience;
use cognito_tui::wizard::draft::{RoleMode, SecretInput, TagMode};
use cognito_tui::wizard::fields::FieldId;
use cognito_tui::wizard::{Source, Step};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tui_input::Input;

const SIZE: (u16, u16) = (120, 36);

fn filled(step: Step) -> cognito_tui::console::Model {
    app_support::wizard::filled(step, SIZE)
}

#[test]
fn wizard_trust_empty() {
    let (model, _) = open_wizard(SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_trust_nothing_chosen_after_ctrl_n() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = ctrl(&mut model, 'n');
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_trust_with_developer_warning() {
    let mut model = filled(Step::Trust);
    wizard_mut(&mut model)
        .draft
        .sources
        .insert(Source::Developer);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_permissions_name_errors() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = key(&mut model, KeyCode::Tab);
    let _ = key(&mut model, KeyCode::Char(' '));
    focus(&mut model, FieldId::Source(Source::Google));
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = ctrl(&mut model, 'n');
    focus(&mut model, FieldId::RoleName(Audience::Authenticated));
    keys(&mut model, "bad name!");
    let _ = ctrl(&mut model, 'n');
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_permissions_existing_role_trust_warning() {
    let mut model = filled(Step::Permissions);
    let w = wizard_mut(&mut model);
    w.draft.guest_role.mode = RoleMode::Existing;
    w.draft.guest_role.existing = Some(existing_role("shared-role"));
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_policy_documents() {
    let mut model = filled(Step::Permissions);
    let _ = key(&mut model, KeyCode::Char('v'));
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_providers_user_pool_rules_and_tags() {
    let mut model = filled(Step::Providers);
    focus(&mut model, FieldId::RuleValue(Source::UserPool, 1));
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_providers_errors() {
    let mut model = filled(Step::Providers);
    let w = wizard_mut(&mut model);
    w.draft.client_id = Input::new("not valid!".into());
    w.draft.user_pool_id = Input::default();
    w.draft.sources.insert(Source::Twitter);
    w.draft
        .app_ids
        .insert(Source::Twitter, Input::new("key".into()));
    w.draft.twitter_secret = SecretInput(Input::new("s3cr3t-value".into()));
    w.draft.provider_mut(Source::UserPool).rules[0].claim = Input::default();
    let _ = ctrl(&mut model, 'n');
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_picker_of_user_pools() {
    let mut model = filled(Step::Providers);
    focus(&mut model, FieldId::UserPoolId);
    let effects = key(&mut model, KeyCode::Enter);
    let Some(Effect::ListUserPools { req, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let rows = vec![
        (
            "us-east-1_Ord3rsPl1".to_string(),
            "Ord3rsPl1 users".to_string(),
        ),
        (
            "us-east-1_Partn3rPl".to_string(),
            "Partner users".to_string(),
        ),
    ];
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPools(Ok((rows, None))),
        },
    );
    keys(&mut model, "us-east");
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_properties_with_tags_and_basic_flow_warning() {
    let mut model = filled(Step::Properties);
    let w = wizard_mut(&mut model);
    w.draft.classic_flow = true;
    w.draft
        .tags
        .push((Input::new("aws:owner".into()), Input::new("me".into())));
    w.draft
        .tags
        .push((Input::new("team".into()), Input::new("x".into())));
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_review() {
    let mut model = filled(Step::Review);
    wizard_mut(&mut model)
        .draft
        .provider_mut(Source::UserPool)
        .tags = TagMode::Defaults;
    assert_snapshot!(render(&model));
}

/// Runs `ok` calls successfully, then fails the next (if `fail`).
fn run(model: &mut cognito_tui::console::Model, ok: usize, fail: bool) -> Option<Effect> {
    let _ = send(model, Msg::Tick(NOW));
    let mut effect = key(model, KeyCode::Enter).first().cloned()?;
    for _ in 0..ok {
        let result = Ok(created_ok(&effect));
        effect = send(model, answer(&effect, result)).first().cloned()?;
    }
    if fail {
        let error = AwsError {
            kind: ErrorKind::Service,
            code: Some("InvalidParameterException".into()),
            message: "Invalid role mapping".into(),
            request_id: Some("7f3c9a1e-0000-4000-8000-000000000042".into()),
        };
        let _ = send(model, answer(&effect, Err(error)));
        return None;
    }
    Some(effect)
}

#[test]
fn wizard_creation_progress() {
    let mut model = filled(Step::Review);
    let _ = run(&mut model, 3, false);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_creation_failure_report() {
    let mut model = filled(Step::Review);
    let _ = run(&mut model, 5, true);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_undo_report() {
    let mut model = filled(Step::Review);
    let _ = run(&mut model, 3, true);
    let mut effect = key(&mut model, KeyCode::Char('u')).first().cloned();
    while let Some(e) = effect {
        effect = match e {
            Effect::DeleteIdentityPool { req, .. } => send(
                &mut model,
                Msg::Response {
                    req,
                    response: Response::DeleteIdentityPool(Ok(())),
                },
            )
            .first()
            .cloned(),
            other => send(
                &mut model,
                answer(&other, Ok(cognito_tui::wizard::Created::Done)),
            )
            .first()
            .cloned(),
        };
    }
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_leave_dialog() {
    let mut model = filled(Step::Properties);
    let _ = key(&mut model, KeyCode::Esc);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_narrow_terminal_has_no_step_list() {
    let mut model = on_review(
        user_pool_draft("p", "a", "g", existing_role("partner")),
        (80, 24),
    );
    go_to(&mut model, Step::Providers);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_providers_empty() {
    let (mut model, _) = open_wizard(SIZE);
    let w = wizard_mut(&mut model);
    w.draft.authenticated = true;
    w.draft
        .sources
        .extend([Source::UserPool, Source::Google, Source::Saml(0)]);
    w.step = Step::Providers;
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_properties_empty() {
    let (mut model, _) = open_wizard(SIZE);
    let w = wizard_mut(&mut model);
    w.draft.guest = true;
    w.step = Step::Properties;
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_role_picker_marks_roles_whose_trust_would_refuse() {
    let mut model = filled(Step::Permissions);
    let w = wizard_mut(&mut model);
    w.draft.guest_role.mode = RoleMode::Existing;
    let shared = cognito_tui::domain::roles::IamRole {
        name: "any-pool-guest".into(),
        arn: "arn:aws:iam::123456789012:role/any-pool-guest".into(),
        trust_policy: r#"{"Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
            "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"cognito-identity.amazonaws.com:aud":"us-east-1:*"},
            "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"unauthenticated"}}}]}"#
            .into(),
    };
    // As a ListRoles asked after the wizard's own answered: the list is the store's.
    model.store.absorb(
        model.next_req,
        &cognito_tui::store::Subject::Listed(cognito_tui::store::CatalogList::Roles, None),
        &cognito_tui::app::Response::ListRoles(Ok((
            vec![shared, existing_role("orders-app-guest")],
            None,
        ))),
        None,
    );
    focus(&mut model, FieldId::ExistingRole(Audience::Guest));
    let _ = key(&mut model, KeyCode::Enter);
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_quit_with_a_half_made_pool() {
    let mut model = filled(Step::Review);
    let _ = run(&mut model, 3, true);
    let _ = ctrl(&mut model, 'c');
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_providers_long_values_cut_at_100_columns() {
    let mut model = app_support::wizard::filled(Step::Providers, (100, 30));
    {
        let draft = &mut wizard_mut(&mut model).draft;
        draft.sources.insert(Source::Oidc(0));
        draft.arns.insert(
            Source::Oidc(0),
            "arn:aws:iam::123456789012:oidc-provider/login.a-very-long-partner-name.example.com"
                .into(),
        );
    }
    focus(&mut model, FieldId::ProviderArn(Source::Oidc(0)));
    assert_snapshot!(render(&model));
}

#[test]
fn wizard_permissions_empty() {
    let (mut model, _) = open_wizard(SIZE);
    let w = wizard_mut(&mut model);
    w.draft.authenticated = true;
    w.draft.guest = true;
    w.draft.sources.insert(Source::Google);
    w.step = Step::Permissions;
    assert_snapshot!(render(&model));
}
