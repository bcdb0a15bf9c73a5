//! `update` on the wizard's "Create a new user pool": the choice opens the form with the
//! construct's defaults, each field's problem is said next to it as it is typed (name required,
//! a link body without {##…##}, an invitation without {username}), the SMS role's external id is
//! made when a role is chosen, and Review's plan runs the user pool's calls first, in order,
//! with the identity pool naming the new pool and client once they exist; snapshots of the form
//! (empty, with errors, filled) and of Review with the extra calls.

mod app_support;

use app_support::wizard::*;
use app_support::*;
use cognito_tui::app::{Effect, Response};
use cognito_tui::console::Msg;
use cognito_tui::wizard::create::Call;
use cognito_tui::wizard::draft::Draft;
use cognito_tui::wizard::fields::FieldId;
use cognito_tui::wizard::new_user_pool::{NewPoolField as F, SmsRoleMode};
use cognito_tui::wizard::{Action, Source, Step};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tui_input::Input;

const SIZE: (u16, u16) = (120, 60);

/// The wizard on the identity-provider step with a user pool source and "Create a new user
/// pool" chosen with ←/→, as an operator does.
fn on_the_form() -> cognito_tui::console::Model {
    let mut draft = Draft {
        authenticated: true,
        name: Input::new("shop".into()),
        ..Default::default()
    };
    draft.sources.insert(Source::UserPool);
    draft.auth_role.new_name = Input::new("shop-auth".into());
    let mut model = at_step(draft, Step::Providers, SIZE);
    let _ = send(&mut model, Msg::Tick(NOW));
    focus(&mut model, FieldId::UserPoolOrigin);
    let _ = send(&mut model, Msg::from(Action::ChooseNext));
    assert!(
        wizard(&model).draft.new_user_pool.create,
        "the form is open"
    );
    model
}

fn type_into(model: &mut cognito_tui::console::Model, field: F, text: &str) {
    focus(model, FieldId::NewPool(field));
    let _ = press(
        model,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    keys(model, text);
}

#[test]
fn the_form_says_each_problem_next_to_its_field() {
    let mut model = on_the_form();
    assert_snapshot!("new_user_pool_form_empty", render(&model));
    assert!(
        field_error(&model, FieldId::NewPool(F::Name)).is_some_and(|e| e.contains("1–128")),
        "the name is required"
    );
    assert_eq!(
        field_error(&model, FieldId::NewPool(F::VerifyBody)),
        None,
        "the defaults pass"
    );
    // Link style without a link placeholder.
    focus(&mut model, FieldId::NewPool(F::VerifyStyle));
    let _ = send(&mut model, Msg::from(Action::ChooseNext));
    assert_eq!(
        wizard(&model).draft.new_user_pool.verify_body.value(),
        "Verify your new account: {##Verify Email##}",
        "the default body follows the style"
    );
    type_into(&mut model, F::VerifyBody, "Click to verify");
    assert!(
        field_error(&model, FieldId::NewPool(F::VerifyBody))
            .is_some_and(|e| e.contains("{##Verify Email##}")),
        "{:?}",
        field_error(&model, FieldId::NewPool(F::VerifyBody))
    );
    type_into(&mut model, F::InviteSms, "Your password is {####}");
    assert!(
        field_error(&model, FieldId::NewPool(F::InviteSms))
            .is_some_and(|e| e.contains("{username}"))
    );
    type_into(
        &mut model,
        F::VerifySms,
        &format!("{} {{####}}", "x".repeat(140)),
    );
    assert!(
        field_error(&model, FieldId::NewPool(F::VerifySms)).is_some_and(|e| e.contains("6–140"))
    );
    // The step can't be left with problems.
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Providers);
    assert_snapshot!("new_user_pool_form_errors", render(&model));
}

#[test]
fn an_sms_role_gets_an_external_id_and_review_plans_the_user_pool_first() {
    let mut model = on_the_form();
    type_into(&mut model, F::Name, "shop users");
    type_into(&mut model, F::ClientName, "shop-web");
    focus(&mut model, FieldId::NewPool(F::SmsRole));
    let _ = send(&mut model, Msg::from(Action::ChooseNext));
    let form = &wizard(&model).draft.new_user_pool;
    assert_eq!(form.sms_role, SmsRoleMode::New);
    let external_id = form.external_id.value().to_string();
    assert_eq!(external_id.len(), 36, "{external_id}");
    assert_eq!(
        external_id,
        cognito_tui::wizard::new_user_pool::external_id(NOW),
        "made from the keystroke's clock"
    );
    assert!(
        field_error(&model, FieldId::NewPool(F::SmsRoleName)).is_some(),
        "its name is needed"
    );
    type_into(&mut model, F::SmsRoleName, "shop-sms");
    focus(&mut model, FieldId::NewPool(F::Secret));
    let _ = send(&mut model, Msg::from(Action::Toggle));
    assert_snapshot!("new_user_pool_form_filled", render(&model));
    go_to(&mut model, Step::Review);
    assert_snapshot!("new_user_pool_review", render(&model));

    // Create: the SMS role, its policy, the user pool and its client come first, in that order.
    let effects = send(&mut model, Msg::from(Action::Create));
    let [
        Effect::CreateRole {
            name, trust_policy, ..
        },
    ] = effects.as_slice()
    else {
        panic!("the SMS role first: {effects:?}");
    };
    assert_eq!(name, "shop-sms");
    assert!(
        trust_policy.contains(&external_id) && trust_policy.contains("cognito-idp.amazonaws.com")
    );
    let calls: Vec<Call> = wizard(&model)
        .creation
        .as_ref()
        .map(|c| c.calls.iter().map(|(c, _)| c.clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        &calls[..5],
        &[
            Call::CreateSmsRole,
            Call::PutSmsRolePolicy,
            Call::CreateUserPool,
            Call::CreateUserPoolClient,
            Call::CreatePool
        ]
    );
    let req = request_of(&effects[0]);
    let effects = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::CreateRole(Ok("arn:aws:iam::123456789012:role/shop-sms".into())),
        },
    );
    let req = request_of(&effects[0]);
    let effects = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::PutRolePolicy(Ok(())),
        },
    );
    let [Effect::CreateUserPool { req, settings }] = effects.as_slice() else {
        panic!("then the user pool: {effects:?}");
    };
    assert_eq!(settings.name, "shop users");
    assert_eq!(
        settings
            .sms
            .as_ref()
            .map(|s| (s.role_arn.as_str(), s.external_id.as_str())),
        Some((
            "arn:aws:iam::123456789012:role/shop-sms",
            external_id.as_str()
        ))
    );
    let effects = send(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::CreateUserPool(Ok("us-east-1_NewPool01".into())),
        },
    );
    let [
        Effect::CreateUserPoolClient {
            req,
            user_pool_id,
            settings,
        },
    ] = effects.as_slice()
    else {
        panic!("then its client: {effects:?}");
    };
    assert_eq!(user_pool_id, "us-east-1_NewPool01");
    assert!(settings.secret);
    let effects = send(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::CreateUserPoolClient(Ok("newclient123".into())),
        },
    );
    let [Effect::CreateIdentityPool { pool, .. }] = effects.as_slice() else {
        panic!("then the identity pool: {effects:?}");
    };
    assert_eq!(
        pool.cognito_identity_providers
            .iter()
            .map(|p| (p.provider_name.as_str(), p.client_id.as_str()))
            .collect::<Vec<_>>(),
        [(
            "cognito-idp.us-east-1.amazonaws.com/us-east-1_NewPool01",
            "newclient123"
        )],
        "the placeholders are filled"
    );
}

/// The request id of an effect.
fn request_of(effect: &Effect) -> u64 {
    match effect {
        Effect::CreateRole { req, .. }
        | Effect::PutRolePolicy { req, .. }
        | Effect::CreateUserPool { req, .. }
        | Effect::CreateUserPoolClient { req, .. } => *req,
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_existing_sms_role_that_does_not_trust_cognito_user_pools_is_warned_about() {
    let mut model = on_the_form();
    focus(&mut model, FieldId::NewPool(F::SmsRole));
    let _ = send(&mut model, Msg::from(Action::ChooseNext));
    let _ = send(&mut model, Msg::from(Action::ChooseNext));
    assert_eq!(
        wizard(&model).draft.new_user_pool.sms_role,
        SmsRoleMode::Existing
    );
    // An identity pool's role (it trusts cognito-identity.amazonaws.com), picked as the SMS role.
    wizard_mut(&mut model).draft.new_user_pool.sms_role_existing =
        Some(existing_role("orders-auth"));
    let w = wizard(&model);
    let warnings: Vec<String> = w
        .rows(model.store.catalog(), w.step)
        .into_iter()
        .filter_map(|row| match row {
            cognito_tui::wizard::fields::Row::Warning(text) => Some(text),
            _ => None,
        })
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("cognito-idp.amazonaws.com")),
        "{warnings:?}"
    );
}
