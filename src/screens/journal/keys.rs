//! The journal view's keys.

use crossterm::event::KeyCode;

use super::update::{Action, JournalView};
use crate::app::keymap::{Binding, ENTER, ESC, Keys, NONE, b, list_moves};
use crate::screens::cursor::Move;

const MOVES: [Binding<Action>; 6] = list_moves(
    Action::Move(Move::Up),
    Action::Move(Move::Down),
    Action::Move(Move::Top),
    Action::Move(Move::Bottom),
    Action::Move(Move::PageUp),
    Action::Move(Move::PageDown),
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
    if view.filter.editing {
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
