//! The Identity browser's key tables.

use crossterm::event::KeyCode;

use super::msg::Action;
use super::state::{IdentitiesState, Panel};
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, TAB_KEYS, b, list_moves};

const MOVES: [Binding<Action>; 6] = list_moves!(Action::Move);

#[rustfmt::skip]
const LIST: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "open", Action::Open, true),
    b(&[(KeyCode::Char(' '), NONE)], "Space", "mark", Action::Mark, true),
    b(&[(KeyCode::Char('a'), NONE)], "a", "mark all shown", Action::MarkAll, true),
    b(&[(KeyCode::Char('d'), NONE)], "d", "delete", Action::Delete, true),
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::Filter, true),
    b(&[(KeyCode::Char('p'), NONE)], "p", "pause/resume loading", Action::TogglePause, true),
    b(&[(KeyCode::Char('i'), NONE)], "i", "invert marks (shown)", Action::InvertMarks, false),
    b(&[(KeyCode::Char('u'), NONE)], "u", "clear all marks", Action::ClearMarks, false),
    b(&[(KeyCode::Char('h'), NONE)], "h", "hide/show disabled", Action::ToggleHideDisabled, false),
    b(&[(KeyCode::Char('L'), NONE)], "L", "look up developer user", Action::Lookup, false),
    b(&[(KeyCode::Char('r'), NONE)], "r", "reload", Action::Refresh, false),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy id", Action::CopyId, true),
    b(&[ESC], "Esc", "clear filter", Action::Back, false),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

#[rustfmt::skip]
const TEXT_LINE: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "apply", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const PANEL: &[Binding<Action>] = &[
    b(&[ESC, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const CONFIRM: &[Binding<Action>] = &[
    b(TAB_KEYS, "Tab", "switch button", Action::FocusNext, true),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const DELETING: &[Binding<Action>] = &[
    b(&[ESC, (KeyCode::Char('c'), NONE)], "c/Esc", "cancel (sent batches finish)", Action::Cancel, true),
];

#[rustfmt::skip]
const REPORT: &[Binding<Action>] = &[
    b(&[ESC, ENTER, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy failed ids", Action::CopyId, true),
];

use crate::domain::identity_filter::FILTER_RULES;

/// The keys of the Identity browser in its current state.
pub fn keys(state: &IdentitiesState) -> Keys<Action> {
    if state.deletion.is_some() {
        // The global keys too: `q` asks before quitting while batches are being sent.
        return Keys::with_global("Deleting", DELETING);
    }
    match &state.panel {
        Some(Panel::Detail(_) | Panel::LookupResult { .. }) => Keys::own("Identity details", PANEL),
        Some(Panel::LookupInput(_)) => Keys::typing("Developer user lookup", TEXT_LINE),
        Some(Panel::ConfirmDelete { .. }) => Keys::typing("Delete confirmation", CONFIRM),
        Some(Panel::Report(_)) => Keys::own("Deletion report", REPORT),
        None if state.filter_editing => {
            Keys::typing("Typing a filter", TEXT_LINE).noted(&FILTER_RULES)
        }
        None => Keys::with_global("Identity browser", LIST).noted(&FILTER_RULES),
    }
}
