//! The create wizard's key tables, and which of them applies to the wizard's state.

use crate::store::Catalog;
use crossterm::event::KeyCode;

use super::Wizard;
use super::msg::Action;
use crate::app::keys::{Binding, CTRL, ENTER, ESC, Keys, NONE, SHIFT, b};

const NEXT_STEP: Binding<Action> = b(
    &[(KeyCode::Char('n'), CTRL)],
    "Ctrl-n",
    "next step",
    Action::NextStep,
    true,
);
const PREV_STEP: Binding<Action> = b(
    &[(KeyCode::Char('p'), CTRL)],
    "Ctrl-p",
    "previous step",
    Action::PrevStep,
    true,
);
const LEAVE_WIZARD: Binding<Action> = b(&[ESC], "Esc", "leave", Action::Back, true);

// The keys on a form's fields, shared by the create wizard and the section edit forms (they
// differ only in how the form is left: next step / previous step, or review and save). No
// letter moves the focus or changes a choice: an operator who types a name while a choice has
// the focus must not flip it (the letters reach the form, which says it is not a text field).
#[rustfmt::skip]
const FIELDS: [Binding<Action>; 11] = [
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE)], "Tab/↓", "next field", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE)], "S-Tab/↑", "previous field", Action::FocusPrev, false),
    b(&[(KeyCode::Char(' '), NONE)], "Space", "toggle", Action::Toggle, true),
    b(&[(KeyCode::Right, NONE)], "←/→", "choose", Action::ChooseNext, true),
    b(&[(KeyCode::Left, NONE)], "←", "previous option", Action::ChoosePrev, false),
    b(&[ENTER], "⏎", "pick/press", Action::Open, true),
    b(&[(KeyCode::Char('v'), NONE)], "v", "view new role's policies", Action::ViewPolicy, false),
    b(&[(KeyCode::Char('x'), CTRL)], "Ctrl-x", "delete row", Action::DeleteRow, false),
    b(&[(KeyCode::Up, CTRL)], "Ctrl-↑", "move rule up", Action::MoveRowUp, false),
    b(&[(KeyCode::Down, CTRL)], "Ctrl-↓", "move rule down", Action::MoveRowDown, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
];

// While typing, letters go to the field: only the keys that aren't text.
#[rustfmt::skip]
const TYPING: [Binding<Action>; 7] = [
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE)], "Tab/↓", "next field", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE)], "S-Tab/↑", "previous field", Action::FocusPrev, false),
    b(&[ENTER], "⏎", "next field / pick", Action::Open, true),
    b(&[(KeyCode::Char('x'), CTRL)], "Ctrl-x", "delete row", Action::DeleteRow, false),
    b(&[(KeyCode::Up, CTRL)], "Ctrl-↑", "move rule up", Action::MoveRowUp, false),
    b(&[(KeyCode::Down, CTRL)], "Ctrl-↓", "move rule down", Action::MoveRowDown, false),
    b(&[(KeyCode::Char('t'), CTRL)], "Ctrl-t", "show/hide the secret typed", Action::RevealSecret, false),
];

const FORM: &[Binding<Action>] = &[
    NEXT_STEP,
    PREV_STEP,
    FIELDS[0],
    FIELDS[1],
    FIELDS[2],
    FIELDS[3],
    FIELDS[4],
    FIELDS[5],
    FIELDS[6],
    FIELDS[7],
    FIELDS[8],
    FIELDS[9],
    FIELDS[10],
    LEAVE_WIZARD,
];

const TEXT: &[Binding<Action>] = &[
    NEXT_STEP,
    PREV_STEP,
    TYPING[0],
    TYPING[1],
    TYPING[2],
    TYPING[3],
    TYPING[4],
    TYPING[5],
    TYPING[6],
    LEAVE_WIZARD,
];

const SAVE_EDIT: Binding<Action> = b(
    &[(KeyCode::Char('s'), CTRL)],
    "Ctrl-s",
    "review & save",
    Action::NextStep,
    true,
);
const LEAVE_EDIT: Binding<Action> = b(&[ESC], "Esc", "cancel", Action::Back, true);

const EDIT_FORM: &[Binding<Action>] = &[
    SAVE_EDIT, FIELDS[0], FIELDS[1], FIELDS[2], FIELDS[3], FIELDS[4], FIELDS[5], FIELDS[6],
    FIELDS[7], FIELDS[8], FIELDS[9], FIELDS[10], LEAVE_EDIT,
];

const EDIT_TEXT: &[Binding<Action>] = &[
    SAVE_EDIT, TYPING[0], TYPING[1], TYPING[2], TYPING[3], TYPING[4], TYPING[5], TYPING[6],
    LEAVE_EDIT,
];

#[rustfmt::skip]
const REVIEW: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "create", Action::Create, true),
    b(&[(KeyCode::Char('e'), NONE)], "e", "edit section", Action::Edit, true),
    b(&[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE), (KeyCode::Tab, NONE)], "↓/↑", "section", Action::Down, true),
    b(&[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE), (KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "↑", "previous section", Action::Up, false),
    PREV_STEP,
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    LEAVE_WIZARD,
];

#[rustfmt::skip]
const PICKER: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "pick", Action::Open, true),
    b(&[(KeyCode::Down, NONE), (KeyCode::Tab, NONE)], "↓/↑", "move", Action::Down, true),
    b(&[(KeyCode::Up, NONE), (KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "↑", "move up", Action::Up, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
    b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", Action::PageDown, false),
    b(&[(KeyCode::Char('r'), CTRL)], "Ctrl-r", "list again", Action::Relist, true),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const POLICY: &[Binding<Action>] = &[
    b(&[ESC, ENTER, (KeyCode::Char('v'), NONE), (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "scroll down", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "scroll up", Action::Up, false),
    b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", Action::PageDown, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
];

#[rustfmt::skip]
const DIALOG: &[Binding<Action>] = &[
    b(&[(KeyCode::Tab, NONE), (KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)], "Tab ←/→", "switch button", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←", "previous button", Action::FocusPrev, false),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const FAILED: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('r'), NONE)], "r", "retry", Action::Retry, true),
    b(&[(KeyCode::Char('u'), NONE)], "u", "undo (delete what was created)", Action::Undo, true),
    b(&[(KeyCode::Char('o'), NONE)], "o", "keep and open the pool", Action::Keep, true),
    b(&[ESC], "Esc", "choose", Action::Back, false),
];

#[rustfmt::skip]
const FAILED_NOTHING_MADE: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('r'), NONE)], "r", "retry", Action::Retry, true),
    b(&[ESC], "Esc", "back to Review", Action::Back, true),
    // Not offered (nothing to undo or open), but answered with why, for the muscle memory.
    b(&[(KeyCode::Char('u'), NONE)], "u", "undo (nothing to undo)", Action::Undo, false),
    b(&[(KeyCode::Char('o'), NONE)], "o", "open (no pool was made)", Action::Keep, false),
];

#[rustfmt::skip]
const UNDO_FAILED: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('r'), NONE)], "r", "retry the failed undo calls", Action::Retry, true),
    b(&[ESC, ENTER], "Esc", "back to Review", Action::Back, true),
];

#[rustfmt::skip]
const RUNNING: &[Binding<Action>] = &[
    b(&[ESC], "Esc", "(calls are running)", Action::Back, false),
];

#[rustfmt::skip]
const UNDONE: &[Binding<Action>] = &[
    b(&[ESC, ENTER], "Esc", "back to Review", Action::Back, true),
];

/// The wizard's keys in its current state.
pub fn keys(wizard: &Wizard, catalog: &Catalog) -> Keys<Action> {
    use super::create::Phase;
    use super::fields::Kind;
    if wizard.dialog.is_some() {
        return Keys::own("Create wizard: question", DIALOG);
    }
    if wizard.policy_view.is_some() {
        return Keys::own("Create wizard: policy documents", POLICY);
    }
    if wizard.picker.is_some() {
        return Keys::typing("Create wizard: picking", PICKER);
    }
    if let Some(creation) = &wizard.creation {
        return match creation.phase() {
            Phase::Failed if creation.made().is_empty() => {
                Keys::own("Create wizard: a call failed", FAILED_NOTHING_MADE)
            }
            Phase::Failed => Keys::own("Create wizard: a call failed", FAILED),
            Phase::Undone if creation.undo_failures() > 0 => {
                Keys::own("Create wizard: undo failed", UNDO_FAILED)
            }
            Phase::Undone => Keys::own("Create wizard: undone", UNDONE),
            _ => Keys::own("Create wizard: creating", RUNNING),
        };
    }
    if wizard.step == super::Step::Review {
        return Keys::own("Create wizard: review", REVIEW);
    }
    let typing = matches!(
        wizard.focused(catalog).map(|f| f.kind),
        Some(Kind::Text { .. })
    );
    match (wizard.scope.is_some(), typing) {
        (true, true) => Keys::typing("Edit form: typing", EDIT_TEXT),
        // Letters not bound reach the form, which says the field takes none.
        (true, false) => Keys::typing("Edit form", EDIT_FORM),
        (false, true) => Keys::typing("Create wizard: typing", TEXT),
        (false, false) => Keys::typing("Create wizard", FORM),
    }
}
