//! Driving the create wizard in tests: real keys through the keymap, and complete drafts.

use cognito_tui::app::{AwsError, Effect, Response};
use cognito_tui::console::keymap::to_msg;
use cognito_tui::console::{Model, Msg, Options, update};
use cognito_tui::domain::policy::Audience;
use cognito_tui::domain::roles::IamRole;
use cognito_tui::screens::pools;
use cognito_tui::wizard::draft::{Draft, RoleMode, RoleSetting, RuleDraft, RuleRole, TagMode};
use cognito_tui::wizard::fields::{self, FieldId};
use cognito_tui::wizard::{Created, Source, Step};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;

use super::{act, loaded};

/// The user pool and client the sandbox's demo data has.
pub const USER_POOL: &str = "us-east-1_Ord3rsPl1";
/// The demo user pool's app client.
pub const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";

/// A loaded Pools tab with the wizard just opened; the effects `n` asked for.
pub fn open_wizard(size: (u16, u16)) -> (Model, Vec<Effect>) {
    let mut model = loaded(3, size);
    let effects = act(&mut model, pools::Action::New);
    assert!(model.wizard.open.is_some(), "n opens the wizard");
    (model, effects)
}

/// The wizard just opened on an account with no roles (⏎ on Review waits for that list, to
/// check the new roles' names).
pub fn open_wizard_with_no_roles(size: (u16, u16)) -> Model {
    let (mut model, effects) = open_wizard(size);
    for effect in effects {
        if let Effect::ListRoles { req, .. } = effect {
            let _ = update(
                &mut model,
                Msg::Response {
                    req,
                    response: Response::ListRoles(Ok((Vec::new(), None))),
                },
            );
        }
    }
    model
}

/// Presses a key through the keymap, as the terminal would deliver it.
pub fn press(model: &mut Model, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    match to_msg(model, &event) {
        Some(msg) => update(model, msg),
        None => Vec::new(),
    }
}

/// Presses a key without modifiers.
pub fn key(model: &mut Model, code: KeyCode) -> Vec<Effect> {
    press(model, code, KeyModifiers::NONE)
}

/// Ctrl + a letter.
pub fn ctrl(model: &mut Model, c: char) -> Vec<Effect> {
    press(model, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types text, key by key.
pub fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        let _ = key(model, KeyCode::Char(c));
    }
}

/// The wizard (panics when closed).
pub fn wizard(model: &Model) -> &cognito_tui::wizard::Wizard {
    model
        .wizard
        .open
        .as_deref()
        .unwrap_or_else(|| panic!("wizard closed"))
}

/// The wizard, to change.
pub fn wizard_mut(model: &mut Model) -> &mut cognito_tui::wizard::Wizard {
    model
        .wizard
        .open
        .as_deref_mut()
        .unwrap_or_else(|| panic!("wizard closed"))
}

/// The focused field's id.
pub fn focused(model: &Model) -> Option<FieldId> {
    wizard(model).focused(model.store.catalog()).map(|f| f.id)
}

/// Tabs until `id` has the focus (panics if it never does).
pub fn focus(model: &mut Model, id: FieldId) {
    for _ in 0..200 {
        if focused(model) == Some(id) {
            return;
        }
        let catalog = model.store.catalog().clone();
        let w = wizard_mut(model);
        let rows = w.rows(&catalog, w.step);
        let count = fields::fields(&rows).len();
        w.focus = (w.focus + 1) % count.max(1);
    }
    panic!("{id:?} never focused");
}

/// The error shown next to a field, if any.
pub fn field_error(model: &Model, id: FieldId) -> Option<String> {
    let w = wizard(model);
    let rows = w.rows(model.store.catalog(), w.step);
    fields::fields(&rows)
        .into_iter()
        .find(|f| f.id == id)
        .and_then(|f| f.error.clone())
}

/// An existing role with the console's trust policy for another pool.
pub fn existing_role(name: &str) -> IamRole {
    IamRole {
        name: name.into(),
        arn: format!("arn:aws:iam::123456789012:role/{name}"),
        trust_policy: cognito_tui::domain::policy::cognito_trust_policy(
            "us-east-1:ea5f1923-b55d-4b18-a5a2-e906c7eb71e7",
            Audience::Authenticated,
            true,
        ),
    }
}

/// A rule row.
pub fn rule(claim: &str, operator: usize, value: &str, role: RuleRole) -> RuleDraft {
    RuleDraft {
        claim: Input::new(claim.into()),
        operator,
        value: Input::new(value.into()),
        role: Some(role),
    }
}

/// The end-to-end issue's pool: user pool with a rules mapping (admins → the new authenticated
/// role, partners → an existing role; deny otherwise), custom principal tags, guest access, two
/// new roles, one pool tag.
pub fn user_pool_draft(name: &str, auth_role: &str, guest_role: &str, partner: IamRole) -> Draft {
    let mut draft = Draft {
        authenticated: true,
        guest: true,
        user_pool_id: Input::new(USER_POOL.into()),
        client_id: Input::new(CLIENT.into()),
        name: Input::new(name.into()),
        tags: vec![(Input::new("team".into()), Input::new("orders".into()))],
        ..Default::default()
    };
    draft.sources.insert(Source::UserPool);
    draft.auth_role.new_name = Input::new(auth_role.into());
    draft.guest_role.new_name = Input::new(guest_role.into());
    let provider = draft.provider_mut(Source::UserPool);
    provider.role = RoleSetting::Rules;
    provider.deny_unmatched = true;
    provider.rules = vec![
        rule("cognito:groups", 1, "admins", RuleRole::NewAuthenticated),
        rule("custom:tier", 0, "partner", RuleRole::Existing(partner)),
    ];
    provider.tags = TagMode::Custom;
    provider.custom_tags = vec![(Input::new("user".into()), Input::new("sub".into()))];
    draft
}

/// Opens the wizard with `draft` filled in (as if typed) and goes to Review with `Ctrl-n`, step by
/// step through `update`; the draft must be valid.
pub fn on_review(draft: Draft, size: (u16, u16)) -> Model {
    // Keys act only on a terminal large enough to draw: get there at a usable size, then resize.
    let mut model = open_wizard_with_no_roles((120, 40));
    let w = wizard_mut(&mut model);
    w.draft = draft;
    w.edited = true;
    go_to(&mut model, Step::Review);
    let _ = update(&mut model, Msg::Resize(size.0, size.1));
    model
}

/// Goes to `step` the way an operator does, with `Ctrl-p`/`Ctrl-n` (which only pass valid
/// steps); panics if the wizard won't go there.
pub fn go_to(model: &mut Model, step: Step) {
    for _ in 0..Step::ALL.len() * 2 {
        let now = wizard(model).step;
        if now == step {
            return;
        }
        if now > step {
            let _ = ctrl(model, 'p');
        } else {
            let _ = ctrl(model, 'n');
        }
        assert_ne!(
            wizard(model).step,
            now,
            "stuck on {now:?} on the way to {step:?}: {:?}",
            model.notice
        );
    }
    assert_eq!(wizard(model).step, step);
}

/// An existing-role draft: both roles are the account's.
pub fn with_existing_roles(mut draft: Draft, auth: IamRole, guest: IamRole) -> Draft {
    draft.auth_role.mode = RoleMode::Existing;
    draft.auth_role.existing = Some(auth);
    draft.guest_role.mode = RoleMode::Existing;
    draft.guest_role.existing = Some(guest);
    draft
}

/// Options with read-only on.
pub fn read_only() -> Options {
    Options {
        read_only: true,
        ..Default::default()
    }
}

/// Sends a message.
pub fn send(model: &mut Model, msg: Msg) -> Vec<Effect> {
    update(model, msg)
}

/// The wizard on `step` with the user-pool draft filled in (roles `p-auth`/`p-guest` style names).
pub fn filled(step: cognito_tui::wizard::Step, size: (u16, u16)) -> Model {
    let draft = user_pool_draft(
        "orders-next",
        "orders-next-auth",
        "orders-next-guest",
        existing_role("orders-app-partner"),
    );
    at_step(draft, step, size)
}

/// The wizard with `draft` filled in, gone to `step` with `Ctrl-n` (the steps before it valid).
pub fn at_step(draft: Draft, step: Step, size: (u16, u16)) -> Model {
    let mut model = open_wizard_with_no_roles(size);
    let w = wizard_mut(&mut model);
    w.draft = draft;
    w.edited = true;
    go_to(&mut model, step);
    model
}

/// The id of the new pool the fake service answers with.
pub const NEW_POOL: &str = "us-east-1:99999999-0000-4000-8000-000000000001";

/// The request id of a creation or undo call.
pub fn req_of(effect: &Effect) -> u64 {
    match effect {
        Effect::CreateIdentityPool { req, .. }
        | Effect::CreateRole { req, .. }
        | Effect::PutRolePolicy { req, .. }
        | Effect::SetIdentityPoolRoles { req, .. }
        | Effect::SetPrincipalTagAttributeMap { req, .. }
        | Effect::DeleteRolePolicy { req, .. }
        | Effect::DeleteRole { req, .. }
        | Effect::DeleteIdentityPool { req, .. } => *req,
        other => panic!("not a creation call: {other:?}"),
    }
}

/// What the service answers a creation call with when it succeeds.
pub fn created_ok(effect: &Effect) -> Created {
    match effect {
        Effect::CreateIdentityPool { pool, .. } => {
            Created::Pool(cognito_tui::domain::IdentityPool {
                identity_pool_id: NEW_POOL.into(),
                ..pool.clone()
            })
        }
        Effect::CreateRole { name, .. } => {
            Created::Role(format!("arn:aws:iam::123456789012:role/{name}"))
        }
        _ => Created::Done,
    }
}

/// The answer to a creation or undo call `effect`, carrying `result`, as the runner sends it.
pub fn answer(effect: &Effect, result: Result<Created, AwsError>) -> Msg {
    answer_as(req_of(effect), effect, result)
}

/// The same answer under another request id (a stale one, say).
pub fn answer_as(req: u64, effect: &Effect, result: Result<Created, AwsError>) -> Msg {
    let done = |r: Result<Created, AwsError>| r.map(|_| ());
    let response = match effect {
        Effect::CreateIdentityPool { .. } => {
            Response::CreateIdentityPool(result.map(|c| match c {
                Created::Pool(pool) => pool,
                other => panic!("CreateIdentityPool answers a pool, not {other:?}"),
            }))
        }
        Effect::CreateRole { .. } => Response::CreateRole(result.map(|c| match c {
            Created::Role(arn) => arn,
            other => panic!("CreateRole answers an ARN, not {other:?}"),
        })),
        Effect::PutRolePolicy { .. } => Response::PutRolePolicy(done(result)),
        Effect::SetIdentityPoolRoles { .. } => Response::SetIdentityPoolRoles(done(result)),
        Effect::SetPrincipalTagAttributeMap { .. } => {
            Response::SetPrincipalTagAttributeMap(done(result))
        }
        Effect::DeleteRolePolicy { .. } => Response::DeleteRolePolicy(done(result)),
        Effect::DeleteRole { .. } => Response::DeleteRole(done(result)),
        Effect::DeleteIdentityPool { .. } => Response::DeleteIdentityPool(done(result)),
        other => panic!("not a creation call: {other:?}"),
    };
    Msg::Response { req, response }
}
