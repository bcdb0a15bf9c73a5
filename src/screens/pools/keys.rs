//! The Pools tab's key tables.

use crossterm::event::KeyCode;

use super::PoolsState;
use super::msg::Action;
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, b, list_moves};
use crate::screens::cursor::Move;

const MOVES: [Binding<Action>; 6] = list_moves!(Action::Move);

#[rustfmt::skip]
const LIST: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('n'), NONE)], "n", "new", Action::New, true),
    b(&[ENTER], "⏎", "open", Action::Open, true),
    b(&[(KeyCode::Char('d'), NONE)], "d", "delete", Action::Delete, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "refresh", Action::Refresh, true),
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::Filter, true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy id", Action::CopyId, true),
    b(&[(KeyCode::Char('t'), NONE)], "t", "test access", Action::TestAccess, true),
    b(&[(KeyCode::Char('x'), NONE)], "x", "export", Action::Export, true),
    b(&[(KeyCode::Char('0'), NONE)], "0", "all regions", Action::AllRegions, false),
    b(&[(KeyCode::Char('u'), NONE)], "u", "copy web console URL", Action::CopyConsoleUrl, false),
    b(&[ESC], "Esc", "clear filter", Action::Back, false),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

#[rustfmt::skip]
const SUMMARY: &[Binding<Action>] = &[
    b(&[ESC], "Esc", "back to the list", Action::Back, true),
    b(&[(KeyCode::Char('d'), NONE)], "d", "delete", Action::Delete, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "refresh", Action::Refresh, true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy id", Action::CopyId, true),
    b(&[(KeyCode::Char('t'), NONE)], "t", "test access", Action::TestAccess, true),
    b(&[(KeyCode::Char('x'), NONE)], "x", "export", Action::Export, true),
    b(&[(KeyCode::Char('u'), NONE)], "u", "copy web console URL", Action::CopyConsoleUrl, false),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "scroll down", Action::Move(Move::Down), false),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "scroll up", Action::Move(Move::Up), false),
];

#[rustfmt::skip]
const FILTER: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "apply", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

/// The keys of the Pools tab in its current state.
pub fn keys(state: &PoolsState) -> Keys<Action> {
    if state.filter_editing {
        Keys::typing("Typing a filter", FILTER)
    } else if state.open.is_some() {
        Keys::with_global("Pool summary", SUMMARY)
    } else {
        Keys::with_global("Pools list", LIST).noted(&[
            "",
            "Mouse: click a tab or a row",
            "(again to open); wheel scrolls.",
        ])
    }
}
