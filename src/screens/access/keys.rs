//! The User access tab's key tables.

use crossterm::event::KeyCode;

use super::msg::Action;
use super::state::{AccessState, Panel};
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, TAB_KEYS, b};
use crate::screens::save::host::{self, SaveKeys};

#[rustfmt::skip]
const LIST: &[Binding<Action>] = &[
    b(&[ENTER, (KeyCode::Char('e'), NONE)], "⏎", "edit/open", Action::Edit, true),
    b(&[(KeyCode::Char(' '), NONE)], "Space", "guest on/off", Action::ToggleGuest, true),
    b(&[(KeyCode::Char('a'), NONE)], "a", "add provider", Action::Add, true),
    b(&[(KeyCode::Char('d'), NONE), (KeyCode::Delete, NONE)], "d", "remove provider", Action::Remove, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "reload", Action::Refresh, true),
    b(&[(KeyCode::Char('t'), NONE)], "t", "test access", Action::TestAccess, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "down", Action::Down, false),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "up", Action::Up, false),
    b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g/Home", "top", Action::Top, false),
    b(&[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)], "G/End", "bottom", Action::Bottom, false),
];

#[rustfmt::skip]
const PROVIDER: &[Binding<Action>] = &[
    b(&[ENTER, (KeyCode::Char('e'), NONE)], "⏎", "edit section", Action::Edit, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE), (KeyCode::Tab, NONE)], "↓/↑", "section", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE), (KeyCode::BackTab, NONE)], "↑", "previous section", Action::Up, false),
    b(&[(KeyCode::Char('d'), NONE), (KeyCode::Delete, NONE)], "d", "remove provider", Action::Remove, true),
    b(&[ESC, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const ADD: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "add this kind", Action::Submit, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE), (KeyCode::Tab, NONE)], "↓/↑", "move", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE), (KeyCode::BackTab, NONE)], "↑", "move up", Action::Up, false),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const CONFIRM: &[Binding<Action>] = &[
    b(TAB_KEYS, "Tab", "switch button", Action::Down, true),
    b(&[(KeyCode::Left, NONE), (KeyCode::Right, NONE), (KeyCode::Char('h'), NONE), (KeyCode::Char('l'), NONE)], "←/→", "switch button", Action::Up, false),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

/// The keys that scroll a save's panel.
const SCROLL: host::Scrolling<Action> = host::Scrolling {
    up: Action::Up,
    down: Action::Down,
    page_up: Action::PageUp,
    page_down: Action::PageDown,
};

const SAVE: SaveKeys<Action> = SaveKeys {
    review: &host::review(Action::Submit, Action::Back, SCROLL),
    conflict: &host::conflict(Action::Reapply, Action::Back, SCROLL),
    failed: &host::failed(Action::Retry, Action::Back, SCROLL),
    read_failed: &host::read_failed(Action::Retry, Action::Back, SCROLL),
    reading: &host::reading(Action::Back, SCROLL),
    close: &host::close(Action::Back, SCROLL),
    running: &host::running(Action::Back, SCROLL),
};

/// The tab's keys in its current state.
pub fn keys(state: &AccessState) -> Keys<Action> {
    match &state.panel {
        None => Keys::with_global("User access", LIST),
        Some(Panel::Provider { .. }) => Keys::own("Identity provider", PROVIDER),
        Some(Panel::AddKind { .. }) => Keys::own("Add identity provider", ADD),
        Some(Panel::ConfirmRemove { .. }) => Keys::own("Remove confirmation", CONFIRM),
        Some(Panel::Save(view)) => SAVE.of(&view.save),
    }
}
