//! The export view's key tables: formats, scrolling, copy and write; the file prompt takes
//! typing, ⏎ and Esc.

use crossterm::event::KeyCode;

use super::msg::Action;
use super::state::ExportView;
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, SHIFT, b};

#[rustfmt::skip]
const VIEW: &[Binding<Action>] = &[
    b(&[(KeyCode::Tab, NONE), (KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)], "Tab/→", "format", Action::NextFormat, true),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←", "previous format", Action::PreviousFormat, false),
    b(&[(KeyCode::Char('i'), NONE)], "i", "include roles", Action::ToggleRoles, true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy", Action::Copy, true),
    b(&[(KeyCode::Char('w'), NONE)], "w", "write to a file", Action::Write, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/k", "scroll", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k", "scroll up", Action::Up, false),
    b(&[(KeyCode::PageDown, NONE), (KeyCode::Char(' '), NONE)], "PgDn", "page down", Action::PageDown, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
    b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g", "top", Action::Top, false),
    b(&[(KeyCode::Char('G'), SHIFT), (KeyCode::Char('G'), NONE), (KeyCode::End, NONE)], "G", "end", Action::Bottom, false),
    b(&[(KeyCode::Char('r'), NONE)], "r", "read again", Action::Refresh, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const PROMPT: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "write", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

/// The view's keys in its current state.
pub fn keys(view: &ExportView) -> Keys<Action> {
    if view.writing.is_some() {
        Keys::typing("Export: write to a file", PROMPT)
    } else {
        Keys::own("Export", VIEW)
    }
}
