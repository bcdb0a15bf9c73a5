//! The inventory's keys.

use crossterm::event::KeyCode;

use super::state::InventoryView;
use super::update::Action;
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, b, list_moves};
use crate::screens::cursor::{ListKey, filter_keys};

const MOVES: [Binding<Action>; 6] = list_moves!(Action::List, ListKey::Move);

#[rustfmt::skip]
const VIEW: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "open (switches region)", Action::Open, true),
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::List(ListKey::Filter), true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy id", Action::CopyId, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "list again", Action::Refresh, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::List(ListKey::Back), true),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

const FILTER: &[Binding<Action>] = &filter_keys!(Action::List);

/// The view's keys.
pub fn keys(view: &InventoryView) -> Keys<Action> {
    if view.filter.editing {
        Keys::typing("Typing a filter (region, name or id)", FILTER)
    } else {
        Keys::own("All regions", VIEW)
    }
}
