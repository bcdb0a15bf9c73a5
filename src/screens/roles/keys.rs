//! The Role settings tab's key tables.

use crossterm::event::KeyCode;

use super::msg::Action;
use super::simulator::SimFocus;
use super::state::{Panel, RolesState};
use super::write::WritePhase;
use crate::app::keys::{Binding, CTRL, ENTER, ESC, Keys, NONE, TAB_KEYS, b, list_moves};

const MOVES: [Binding<Action>; 6] = list_moves!(Action::Move);
use crate::screens::save::host::{self, SaveKeys};

#[rustfmt::skip]
const LIST: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "open", Action::Open, true),
    b(&[(KeyCode::Char('e'), NONE)], "e", "edit", Action::Edit, true),
    b(&[(KeyCode::Char('f'), NONE)], "f", "fix trust", Action::Fix, true),
    b(&[(KeyCode::Char('s'), NONE)], "s", "simulate", Action::Simulate, true),
    b(&[(KeyCode::Char('r'), NONE)], "r", "re-check", Action::Refresh, true),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

#[rustfmt::skip]
const ROLE: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "view document", Action::Open, true),
    b(&[(KeyCode::Char('e'), NONE)], "e", "edit inline policy ($EDITOR)", Action::Edit, true),
    b(&[(KeyCode::Char('n'), NONE)], "n", "new inline policy", Action::NewPolicy, true),
    b(&[(KeyCode::Char('d'), NONE)], "d", "delete inline policy", Action::DeletePolicy, true),
    b(&[(KeyCode::Char('f'), NONE)], "f", "fix trust", Action::Fix, true),
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE), (KeyCode::Tab, NONE)], "↓/↑", "policy", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE), (KeyCode::BackTab, NONE)], "↑", "previous policy", Action::Up, false),
    b(&[ESC, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const NEW_POLICY: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "write it in $EDITOR", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const DOCUMENT: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "↓/↑", "scroll", Action::Down, true),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "↑", "scroll up", Action::Up, false),
    b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g", "top", Action::Top, false),
    b(&[ESC, ENTER, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const REVIEW: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "write this change", Action::Submit, true),
    b(&[ESC], "Esc", "cancel (nothing written)", Action::Back, true),
];

#[rustfmt::skip]
const INVALID: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('e'), NONE)], "e", "edit again", Action::Edit, true),
    b(&[ESC], "Esc", "drop the edit", Action::Back, true),
];

#[rustfmt::skip]
const TRUST_CONFLICT: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('a'), NONE)], "a", "fix the policy as it is now", Action::Reapply, true),
    b(&[ESC], "Esc", "close (nothing written)", Action::Back, true),
];

#[rustfmt::skip]
const SIM_LOGIN: &[Binding<Action>] = &[
    b(&[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)], "←/→", "who signs in", Action::Left, true),
    b(&[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)], "→", "next", Action::Right, false),
    b(TAB_KEYS, "Tab", "claims", Action::NextField, true),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

#[rustfmt::skip]
const SIM_CLAIMS: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "new claim line", Action::NewLine, true),
    b(&[(KeyCode::Up, NONE)], "↑/↓", "line", Action::Up, true),
    b(&[(KeyCode::Down, NONE)], "↓", "next line", Action::Down, false),
    b(TAB_KEYS, "Tab", "who signs in", Action::NextField, true),
    b(&[(KeyCode::Left, CTRL)], "Ctrl-←/→", "who signs in", Action::Left, false),
    b(&[(KeyCode::Right, CTRL)], "Ctrl-→", "next", Action::Right, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
];

/// The keys that scroll a save's panel.
const SCROLL: host::Scrolling<Action> = host::Scrolling {
    up: Action::Up,
    down: Action::Down,
    page_up: Action::PageUp,
    page_down: Action::PageDown,
};

const CLOSE: &[Binding<Action>] = &host::close(Action::Back, SCROLL);
const RUNNING: &[Binding<Action>] = &host::running(Action::Back, SCROLL);

const SAVE: SaveKeys<Action> = SaveKeys {
    review: &host::review(Action::Submit, Action::Back, SCROLL),
    conflict: &host::conflict(Action::Reapply, Action::Back, SCROLL),
    failed: &host::failed(Action::Retry, Action::Back, SCROLL),
    read_failed: &host::read_failed(Action::Retry, Action::Back, SCROLL),
    reading: &host::reading(Action::Back, SCROLL),
    close: CLOSE,
    running: RUNNING,
};

const SIM_NOTES: &[&str] = &[
    "Paste a JWT on the first line (decoded, not verified), or type claims as name=value lines;",
    "a comma makes a list: cognito:groups=admins,staff.",
];

/// The tab's keys in its current state.
pub fn keys(state: &RolesState) -> Keys<Action> {
    match &state.panel {
        None => Keys::with_global("Role settings", LIST),
        Some(Panel::Role { .. }) => Keys::own("Role", ROLE),
        Some(Panel::NewPolicy { .. }) => Keys::typing("New inline policy", NEW_POLICY),
        Some(Panel::Document { .. }) => Keys::own("Policy document", DOCUMENT),
        Some(Panel::Save(view)) => SAVE.of(&view.save),
        Some(Panel::Write(write)) => match &write.phase {
            WritePhase::Review => Keys::own("Review the change", REVIEW),
            WritePhase::Invalid(_) => Keys::own("Edited policy refused", INVALID),
            WritePhase::Conflict(_) => Keys::own("Changed elsewhere", TRUST_CONFLICT),
            WritePhase::Editing
            | WritePhase::Rereading
            | WritePhase::Writing
            | WritePhase::Verifying => Keys::own("Writing", RUNNING),
            _ => Keys::own("Written", CLOSE),
        },
        Some(Panel::Simulator(sim)) => match sim.focus {
            SimFocus::Login => Keys::own("Simulator", SIM_LOGIN).noted(SIM_NOTES),
            SimFocus::Claims => Keys::typing("Simulator", SIM_CLAIMS).noted(SIM_NOTES),
        },
    }
}
