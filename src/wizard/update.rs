//! The wizard's `update`: keys and typing (the mouse is in `mouse`, the picker in `picking`, the
//! calls' answers in `lists` and `run`). Pure, like the rest of the core: it changes the wizard and
//! returns effects.

use super::Cx;
use super::edit;
use super::fields::{FieldId, Kind, fields};
use super::lists::request_roles;
use super::msg::Action;
use super::picking::{on_picker, open_picker};
use super::run::{create, on_creation};
use super::{Dialog, Step, Wizard};
use crate::app::Effect;
use crate::app::{Condition, Level};
use crate::domain::policy::Audience;
use crate::store::Catalog;

/// `n` on the Pools tab: a fresh wizard, or the kept draft with the question whether to go on.
pub(super) fn open(cx: &mut Cx) -> Vec<Effect> {
    let region = cx.session().map(|s| s.region.clone()).unwrap_or_default();
    let wizard = match cx.state.parked.take() {
        Some(mut kept) => {
            if kept.region != region {
                // Asked in the Resume question: the draft goes on in the console's region now.
                let from = std::mem::replace(&mut kept.region, region.clone());
                // Back where it was made: nothing to ask.
                kept.moved_from = match kept.moved_from.take() {
                    Some(first) if first == region => None,
                    Some(first) => Some(first),
                    None => Some(from),
                };
            }
            // Pages it awaited while kept went to the store; it asks anew.
            kept.listing.clear();
            kept.dialog = Some(Dialog::Resume { focus: 0 });
            kept
        }
        None => Box::new(Wizard::new(&region)),
    };
    cx.state.open = Some(wizard);
    request_roles(cx)
}

/// The User access tab's edit of one section: the wizard's form on a draft filled from the pool.
pub(super) fn open_edit(cx: &mut Cx, scope: super::scoped::EditScope) -> Vec<Effect> {
    let region = cx.session().map(|s| s.region.clone()).unwrap_or_default();
    let mut form = Wizard::new(&region);
    form.step = match scope.section {
        super::scoped::Section::Guest | super::scoped::Section::Authenticated => Step::Permissions,
        super::scoped::Section::Name
        | super::scoped::Section::ClassicFlow
        | super::scoped::Section::Tags => Step::Properties,
        _ => Step::Providers,
    };
    form.draft = super::scoped::draft_for(&scope);
    form.scope = Some(scope);
    cx.state.edit = Some(Box::new(form));
    request_roles(cx)
}

/// Ctrl-s on a section edit: its edit goes to the User access tab's safe save, or the first
/// problem is shown.
fn finish_edit(cx: &mut Cx) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let Some(scope) = w.scope.clone() else {
        return Vec::new();
    };
    w.attempted.insert(w.step);
    match super::scoped::checked(&scope, &w.draft, w.context(catalog)) {
        Ok(mut finished) => {
            // What the form warned of, the review says too (a role not in the account, a trust
            // policy that would refuse the pool's identities).
            let warnings: Vec<String> = w
                .rows(catalog, w.step)
                .into_iter()
                .filter_map(|row| match row {
                    super::fields::Row::Warning(text) => Some(text),
                    _ => None,
                })
                .collect();
            if !warnings.is_empty() {
                let note = finished.note.take().into_iter().chain(warnings);
                finished.note = Some(note.collect::<Vec<_>>().join("\n"));
            }
            // Held behind its save: Esc on the review comes back to it, the edit kept.
            w.held = true;
            cx.emit(crate::app::Event::SaveEdit {
                origin: scope.origin,
                pool_id: scope.pool_id,
                finished: Box::new(finished),
            });
        }
        Err(problem) => {
            let rows = w.rows(catalog, w.step);
            if let Some(index) = fields(&rows).iter().position(|f| f.error.is_some()) {
                w.focus = index;
            }
            cx.notify_while(
                Level::Warning,
                format!("Can't save yet: {problem}"),
                crate::app::Condition::EditFormBlocked(scope.origin),
            );
        }
    }
    Vec::new()
}

/// The open wizard, to change.
pub(super) fn wizard<'a>(cx: &'a mut Cx) -> Option<&'a mut Wizard> {
    cx.state.active_mut()
}

/// A key while the wizard is open.
pub(super) fn on_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    if action == Action::Help {
        cx.emit(crate::app::Event::ShowHelp);
        return Vec::new();
    }
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    if w.dialog.is_some() {
        on_dialog(cx, action);
        return Vec::new();
    }
    if w.policy_view.is_some() {
        on_policy_view(cx, action);
        return Vec::new();
    }
    if w.picker.is_some() {
        return on_picker(cx, action);
    }
    if let Some(creation) = &w.creation {
        return on_creation(cx, creation.phase(), action);
    }
    if w.step == Step::Review {
        return on_review(cx, action);
    }
    on_form(cx, action)
}

fn on_dialog(cx: &mut Cx, action: Action) {
    let Some(w) = wizard(cx) else {
        return;
    };
    let Some(dialog) = w.dialog else {
        return;
    };
    let buttons = match dialog {
        Dialog::Leave { .. } => 3,
        Dialog::Resume { .. } | Dialog::Discard { .. } => 2,
    };
    let (Dialog::Leave { focus } | Dialog::Resume { focus } | Dialog::Discard { focus }) = dialog;
    let moved = match action {
        Action::FocusNext | Action::ChooseNext => Some((focus + 1) % buttons),
        Action::FocusPrev | Action::ChoosePrev => Some((focus + buttons - 1) % buttons),
        _ => None,
    };
    if let Some(focus) = moved {
        w.dialog = Some(match dialog {
            Dialog::Leave { .. } => Dialog::Leave { focus },
            Dialog::Resume { .. } => Dialog::Resume { focus },
            Dialog::Discard { .. } => Dialog::Discard { focus },
        });
        return;
    }
    match (dialog, action) {
        // Esc on "Continue the draft?" cancels opening it: the draft stays kept for later.
        (Dialog::Resume { .. }, Action::Back) => {
            w.dialog = None;
            cx.state.parked = cx.state.open.take();
        }
        (_, Action::Back) => w.dialog = None,
        (Dialog::Leave { focus }, Action::Submit | Action::Open) => match focus {
            0 => w.dialog = None,
            1 => {
                w.dialog = None;
                cx.state.parked = cx.state.open.take();
                cx.notify(Level::Info, "Draft kept: n on the Pools tab continues it");
            }
            _ => {
                cx.state.open = None;
                cx.notify(Level::Info, "Draft discarded");
            }
        },
        (Dialog::Discard { focus }, Action::Submit | Action::Open) => {
            if focus == 0 {
                w.dialog = None;
            } else {
                cx.state.close();
                cx.notify(Level::Info, "Edit discarded: nothing was saved");
            }
        }
        (Dialog::Resume { focus }, Action::Submit | Action::Open) => {
            if focus == 1 {
                let mut fresh = Wizard::new(&w.region);
                fresh.listing = std::mem::take(&mut w.listing);
                *w = fresh;
            }
            w.dialog = None;
        }
        _ => {}
    }
}

fn on_policy_view(cx: &mut Cx, action: Action) {
    let Some(w) = wizard(cx) else {
        return;
    };
    let Some((audience, scroll)) = w.policy_view else {
        return;
    };
    w.policy_view = match action {
        Action::Back | Action::ViewPolicy | Action::Open | Action::Submit => None,
        Action::Up | Action::FocusPrev => Some((audience, scroll.saturating_sub(1))),
        Action::Down | Action::FocusNext => Some((audience, scroll.saturating_add(1))),
        Action::PageUp => Some((audience, scroll.saturating_sub(10))),
        Action::PageDown => Some((audience, scroll.saturating_add(10))),
        _ => Some((audience, scroll)),
    };
}

fn on_review(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let sections = Step::ALL.len() - 1;
    match action {
        Action::Up | Action::FocusPrev => w.review_focus = w.review_focus.saturating_sub(1),
        Action::Down | Action::FocusNext => w.review_focus = (w.review_focus + 1).min(sections - 1),
        Action::Edit => {
            w.step = Step::ALL[w.review_focus.min(sections - 1)];
            w.focus = 0;
            w.from_review = true;
        }
        Action::PrevStep => {
            w.step = Step::Properties;
            w.focus = 0;
        }
        Action::Create => return create(cx),
        Action::Back => leave(cx),
        _ => {}
    }
    Vec::new()
}

fn leave(cx: &mut Cx) {
    let Some(w) = wizard(cx) else {
        return;
    };
    if w.edited && w.scope.is_some() {
        w.dialog = Some(Dialog::Discard { focus: 0 });
    } else if w.edited {
        w.dialog = Some(Dialog::Leave { focus: 0 });
    } else {
        cx.state.close();
    }
}

fn focus_on(w: &mut Wizard, catalog: &Catalog, id: FieldId) {
    let rows = w.rows(catalog, w.step);
    if let Some(index) = fields(&rows).iter().position(|f| f.id == id) {
        w.focus = index;
    }
}

pub(super) fn clamp_focus(w: &mut Wizard, catalog: &Catalog) {
    let rows = w.rows(catalog, w.step);
    let count = fields(&rows).len();
    w.focus = w.focus.min(count.saturating_sub(1));
}

fn on_form(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let field = w.focused(catalog);
    let mut effects = Vec::new();
    // The field the focus leaves, for the checks made on leaving it.
    let mut left = None;
    match action {
        Action::NextStep if w.scope.is_some() => return finish_edit(cx),
        Action::NextStep => return next_step(cx),
        Action::PrevStep if w.scope.is_some() => {}
        Action::PrevStep => {
            if let Some(previous) = w.step.previous() {
                w.step = previous;
                w.focus = 0;
                w.from_review = false;
            }
        }
        Action::FocusNext | Action::Down => {
            w.focus += 1;
            w.reveal_secret = false;
            left = field.map(|f| f.id);
        }
        Action::FocusPrev | Action::Up => {
            w.focus = w.focus.saturating_sub(1);
            w.reveal_secret = false;
            left = field.map(|f| f.id);
        }
        Action::RevealSecret => {
            let masked = matches!(
                field.as_ref().map(|f| &f.kind),
                Some(Kind::Text { masked: true, .. })
            );
            if masked {
                w.reveal_secret = !w.reveal_secret;
            } else {
                cx.notify(
                    Level::Info,
                    "Ctrl-t shows a secret field's text; this field is not secret",
                );
            }
        }
        Action::Back => leave(cx),
        Action::ViewPolicy => view_policy(w, field.as_ref().map(|f| f.id)),
        Action::DeleteRow => {
            if let Some(f) = &field
                && edit::delete_row(&mut w.draft, f.id)
            {
                w.edited = true;
            }
        }
        Action::MoveRowUp | Action::MoveRowDown => {
            let delta = if action == Action::MoveRowUp { -1 } else { 1 };
            if let Some(f) = &field
                && let Some(moved) = edit::move_row(&mut w.draft, f.id, delta)
            {
                w.edited = true;
                focus_on(w, catalog, moved);
            }
        }
        Action::Toggle
        | Action::ChooseNext
        | Action::ChoosePrev
        | Action::Open
        | Action::Submit => {
            if let Some(f) = field {
                effects = activate(cx, f.id, &f.kind, action);
            }
        }
        _ => {}
    }
    if let Some(w) = wizard(cx) {
        clamp_focus(w, catalog);
    }
    effects.extend(super::user_pool_check::on_left(cx, left));
    effects
}

/// Space, ←/→ or ⏎ on a field.
pub(super) fn activate(cx: &mut Cx, id: FieldId, kind: &Kind, action: Action) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let delta = if action == Action::ChoosePrev { -1 } else { 1 };
    match (kind, action) {
        (Kind::Toggle(_), Action::Toggle | Action::Open | Action::Submit) => {
            w.edited |= edit::toggle(&mut w.draft, id);
        }
        (Kind::Choice { .. }, _) => {
            let seed = cx.ctx.now.unwrap_or(0.0);
            let Some(w) = wizard(cx) else {
                return Vec::new();
            };
            w.edited |= edit::choose(&mut w.draft, id, delta, seed);
        }
        (
            Kind::Text {
                picker: Some(picker),
                ..
            }
            | Kind::Pick { picker, .. },
            Action::Open | Action::Submit,
        ) => {
            return open_picker(cx, *picker, id);
        }
        (Kind::Text { .. }, Action::Open | Action::Submit) => w.focus += 1,
        (Kind::Button, Action::Open | Action::Submit | Action::Toggle) => {
            if let FieldId::ViewPolicy(audience) = id {
                w.policy_view = Some((audience, 0));
            } else if let Some(added) = edit::add_row(&mut w.draft, id) {
                w.edited = true;
                focus_on(w, catalog, added);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn view_policy(w: &mut Wizard, focused: Option<FieldId>) {
    let focused_audience = match focused {
        Some(FieldId::RoleMode(a) | FieldId::RoleName(a) | FieldId::ViewPolicy(a)) => Some(a),
        _ => None,
    };
    let new_roles: Vec<Audience> = w
        .draft
        .audiences()
        .into_iter()
        .filter(|a| w.draft.role(*a).mode == super::draft::RoleMode::New)
        .collect();
    w.policy_view = focused_audience
        .filter(|a| new_roles.contains(a))
        .or(new_roles.first().copied())
        .map(|a| (a, 0));
}

fn next_step(cx: &mut Cx) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    w.attempted.insert(w.step);
    let problems = w.problems(catalog, w.step);
    if let Some(first) = problems.first() {
        let more = problems.len() - 1;
        let text = if more > 0 {
            format!("Can't go on yet: {first} (and {more} more)")
        } else {
            format!("Can't go on yet: {first}")
        };
        let rows = w.rows(catalog, w.step);
        if let Some(index) = fields(&rows).iter().position(|f| f.error.is_some()) {
            w.focus = index;
        }
        let step = w.step;
        cx.notify_while(Level::Warning, text, Condition::WizardStepBlocked(step));
        return Vec::new();
    }
    w.step = if w.from_review {
        Step::Review
    } else {
        w.step.next().unwrap_or(Step::Review)
    };
    w.from_review = false;
    w.focus = 0;
    Vec::new()
}
