//! The report view's keys.

use crossterm::event::KeyCode;

use super::state::ReportView;
use super::update::Action;
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, b};

#[rustfmt::skip]
const VIEW: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/k", "finding", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k", "previous finding", Action::Up, false),
    b(&[ENTER], "⏎", "open the tab that fixes it", Action::Open, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "run again", Action::Refresh, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

/// The view's keys.
pub fn keys(_view: &ReportView) -> Keys<Action> {
    Keys::own("Security report", VIEW)
}
