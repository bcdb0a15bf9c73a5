//! The journal view's keys.

use crossterm::event::KeyCode;

use super::update::{Action, JournalView};
use crate::app::keymap::{Binding, ENTER, ESC, Keys, NONE, b, list_moves};

const MOVES: [Binding<Action>; 6] = list_moves(
    Action::Up,
    Action::Down,
    Action::Top,
    Action::Bottom,
    Action::PageUp,
    Action::PageDown,
);

#[rustfmt::skip]
const VIEW: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::Filter, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "read again", Action::Refresh, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

#[rustfmt::skip]
const FILTER: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "apply", Action::Submit, true),
    b(&[ESC], "Esc", "clear", Action::Back, true),
];

/// The view's keys.
pub fn keys(view: &JournalView) -> Keys<Action> {
    if view.filter_editing {
        Keys::typing("Typing a filter (every word must match)", FILTER)
    } else {
        Keys::own("Journal", VIEW).noted(&[
            "",
            "Every write made from the console,",
            "newest first (journal.jsonl in the",
            "data directory).",
        ])
    }
}
