//! The Test access panel's key tables: on a choice, ←/→ choose; in a text field, typing goes to
//! it; ⏎ runs from anywhere; the one-time warning takes ⏎ and Esc only.

use crossterm::event::KeyCode;

use super::msg::Action;
use super::state::{Panel, Run};
use crate::app::keys::{Binding, CTRL, ENTER, ESC, Keys, NONE, SHIFT, b};

#[rustfmt::skip]
const CHOICE: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "sign in", Action::Run, true),
    b(&[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←", "choose", Action::ChooseLeft, false),
    b(&[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE), (KeyCode::Char(' '), NONE)], "←/→", "choose", Action::ChooseRight, true),
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], "Tab/↓", "next field", Action::Next, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], "↑", "previous field", Action::Previous, false),
    b(&[(KeyCode::Char('y'), CTRL)], "Ctrl-y", "copy exports", Action::CopyExports, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "reload pool", Action::Refresh, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const TYPING: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "sign in", Action::Run, true),
    b(&[(KeyCode::Tab, NONE), (KeyCode::Down, NONE)], "Tab/↓", "next field", Action::Next, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE)], "↑", "previous field", Action::Previous, false),
    b(&[(KeyCode::Char('y'), CTRL)], "Ctrl-y", "copy exports", Action::CopyExports, true),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const CONFIRM: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "sign in (creates identities)", Action::Run, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

/// The panel's keys in its current state.
pub fn keys(panel: &Panel) -> Keys<Action> {
    if panel.run == Run::Confirming {
        return Keys::own("Test access: before the first run", CONFIRM);
    }
    if panel.focus.is_choice() {
        Keys::own("Test access", CHOICE)
    } else {
        Keys::typing("Test access (typing)", TYPING)
    }
}
