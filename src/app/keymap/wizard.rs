//! The create wizard's key tables, and which of them applies to the wizard's state.

use crossterm::event::KeyCode;

use super::{Binding, CTRL, Context, ENTER, ESC, NONE, SHIFT, b, mutating};
use crate::app::Action;

const NEXT_STEP: Binding = b(
    &[(KeyCode::Char('n'), CTRL)],
    "Ctrl-n",
    "next step",
    Action::NextStep,
    true,
);
const PREV_STEP: Binding = b(
    &[(KeyCode::Char('p'), CTRL)],
    "Ctrl-p",
    "previous step",
    Action::PrevStep,
    true,
);
const LEAVE_WIZARD: Binding = b(&[ESC], "Esc", "leave", Action::Back, true);

#[rustfmt::skip]
pub(super) const WIZARD_FORM: &[Binding] = &[
    NEXT_STEP,
    PREV_STEP,
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], "Tab/↓", "next field", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], "S-Tab/↑", "previous field", Action::FocusPrev, false),
    b(&[(KeyCode::Char(' '), NONE)], "Space", "toggle", Action::Toggle, true),
    b(&[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)], "←/→", "choose", Action::ChooseNext, true),
    b(&[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←", "previous option", Action::ChoosePrev, false),
    b(&[ENTER], "⏎", "pick/press", Action::Open, true),
    b(&[(KeyCode::Char('v'), NONE)], "v", "view new role's policies", Action::ViewPolicy, false),
    b(&[(KeyCode::Char('x'), CTRL)], "Ctrl-x", "delete row", Action::DeleteRow, false),
    b(&[(KeyCode::Up, CTRL)], "Ctrl-↑", "move rule up", Action::MoveRowUp, false),
    b(&[(KeyCode::Down, CTRL)], "Ctrl-↓", "move rule down", Action::MoveRowDown, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    LEAVE_WIZARD,
];

#[rustfmt::skip]
pub(super) const WIZARD_TEXT: &[Binding] = &[
    NEXT_STEP,
    PREV_STEP,
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE)], "Tab/↓", "next field", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE)], "S-Tab/↑", "previous field", Action::FocusPrev, false),
    b(&[ENTER], "⏎", "next field / pick", Action::Open, true),
    b(&[(KeyCode::Char('x'), CTRL)], "Ctrl-x", "delete row", Action::DeleteRow, false),
    b(&[(KeyCode::Up, CTRL)], "Ctrl-↑", "move rule up", Action::MoveRowUp, false),
    b(&[(KeyCode::Down, CTRL)], "Ctrl-↓", "move rule down", Action::MoveRowDown, false),
    LEAVE_WIZARD,
];

#[rustfmt::skip]
pub(super) const WIZARD_REVIEW: &[Binding] = &[
    mutating(b(&[ENTER], "⏎", "create", Action::Open, true)),
    b(&[(KeyCode::Char('e'), NONE)], "e", "edit section", Action::Edit, true),
    b(&[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE), (KeyCode::Tab, NONE)], "↓/↑", "section", Action::Down, true),
    b(&[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE), (KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "↑", "previous section", Action::Up, false),
    PREV_STEP,
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    LEAVE_WIZARD,
];

#[rustfmt::skip]
pub(super) const WIZARD_PICKER: &[Binding] = &[
    b(&[ENTER], "⏎", "pick", Action::Open, true),
    b(&[(KeyCode::Down, NONE), (KeyCode::Tab, NONE)], "↓/↑", "move", Action::Down, true),
    b(&[(KeyCode::Up, NONE), (KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "↑", "move up", Action::Up, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
    b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", Action::PageDown, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
pub(super) const WIZARD_POLICY: &[Binding] = &[
    b(&[ESC, ENTER, (KeyCode::Char('v'), NONE), (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "scroll down", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "scroll up", Action::Up, false),
    b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", Action::PageDown, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
];

#[rustfmt::skip]
pub(super) const WIZARD_DIALOG: &[Binding] = &[
    b(&[(KeyCode::Tab, NONE), (KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)], "Tab ←/→", "switch button", Action::FocusNext, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←", "previous button", Action::FocusPrev, false),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
pub(super) const WIZARD_FAILED: &[Binding] = &[
    mutating(b(&[(KeyCode::Char('r'), NONE)], "r", "retry", Action::Retry, true)),
    mutating(b(&[(KeyCode::Char('u'), NONE)], "u", "undo (delete what was created)", Action::Undo, true)),
    b(&[(KeyCode::Char('o'), NONE)], "o", "keep and open the pool", Action::Keep, true),
    b(&[ESC], "Esc", "choose", Action::Back, false),
];

#[rustfmt::skip]
pub(super) const WIZARD_RUNNING: &[Binding] = &[
    b(&[ESC], "Esc", "(calls are running)", Action::Back, false),
];

#[rustfmt::skip]
pub(super) const WIZARD_UNDONE: &[Binding] = &[
    b(&[ESC, ENTER], "Esc", "back to Review", Action::Back, true),
];

/// The context of the wizard's keys in its current state.
pub(super) fn wizard_context(wizard: &crate::wizard::Wizard) -> Context {
    use crate::wizard::create::Phase;
    use crate::wizard::fields::Kind;
    if wizard.dialog.is_some() {
        return Context::WizardDialog;
    }
    if wizard.policy_view.is_some() {
        return Context::WizardPolicy;
    }
    if wizard.picker.is_some() {
        return Context::WizardPicker;
    }
    if let Some(creation) = &wizard.creation {
        return match creation.phase() {
            Phase::Failed => Context::WizardFailed,
            Phase::Undone => Context::WizardUndone,
            _ => Context::WizardRunning,
        };
    }
    if wizard.step == crate::wizard::Step::Review {
        return Context::WizardReview;
    }
    match wizard.focused().map(|f| f.kind) {
        Some(Kind::Text { .. }) => Context::WizardText,
        _ => Context::WizardForm,
    }
}
