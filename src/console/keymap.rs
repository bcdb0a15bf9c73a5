//! Keys to messages. Each screen owns its key tables (`screens::*::keys`, `wizard::keys`, written
//! with `app::keys`); this module holds the global table, the overlays' tables, and the one lookup
//! that turns a key into a message for whoever has the focus.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, MouseEventKind};

use super::model::{Focus, Overlay};
use super::msg::DialogAction;
use super::{Action, Model, Msg, placeholder};
use crate::app::Tab;
use crate::app::intent::Intent;
use crate::app::keys::{
    Binding, CTRL, ENTER, ESC, KeyHelp, KeySheet, Keys, NONE, SHIFT, TAB_KEYS, b,
};
use crate::screens::{access, identities, pools, roles};
use crate::wizard;

// One binding per line reads as a table; rustfmt would spread each over six.
#[rustfmt::skip]
const GLOBAL: &[Binding<Action>] = &[
    b(&[(KeyCode::Char('1'), NONE)], "1", "Pools tab", Action::GoTab(Tab::Pools), false),
    b(&[(KeyCode::Char('2'), NONE)], "2", "User access tab", Action::GoTab(Tab::UserAccess), false),
    b(&[(KeyCode::Char('3'), NONE)], "3", "Identity browser tab", Action::GoTab(Tab::Identities), false),
    b(&[(KeyCode::Char('4'), NONE)], "4", "Role settings tab", Action::GoTab(Tab::Roles), false),
    b(&[(KeyCode::Tab, NONE)], "Tab", "next tab", Action::NextTab, false),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "Shift-Tab", "previous tab", Action::PrevTab, false),
    b(&[(KeyCode::Char('r'), CTRL)], "Ctrl-r", "refresh", Action::Refresh, false),
    b(&[(KeyCode::Char(':'), NONE)], ":", "command line", Action::Command, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, true),
    b(&[(KeyCode::Char('q'), NONE)], "q", "quit", Action::Quit, true),
];

#[rustfmt::skip]
const SETUP: Keys<Action> = Keys::with_global("Not connected", &[
    b(&[(KeyCode::Char('r'), NONE)], "r", "try again", Action::Refresh, true),
]);

#[rustfmt::skip]
const CLOSE: Keys<DialogAction> = Keys::own("Help", &[
    b(&[ESC, (KeyCode::Char('q'), NONE)], "Esc", "close", DialogAction::Back, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "close", DialogAction::Help, false),
]);

#[rustfmt::skip]
const COMMAND_LINE: Keys<DialogAction> = Keys::typing("Command line", &[
    b(&[ENTER], "⏎", "apply", DialogAction::Submit, true),
    b(&[ESC], "Esc", "cancel", DialogAction::Back, true),
    b(&[(KeyCode::Tab, NONE)], "Tab", "complete (commands, regions, profiles)", DialogAction::Complete, true),
    b(&[(KeyCode::Up, NONE)], "↑/↓", "earlier commands", DialogAction::Previous, true),
    b(&[(KeyCode::Down, NONE)], "↓", "later commands", DialogAction::Next, false),
]);

// In the delete dialog ←/→ move the cursor in the name field, so only Tab switches buttons.
#[rustfmt::skip]
const CONFIRM_DELETE: Keys<DialogAction> = Keys::typing("Delete confirmation", &[
    b(TAB_KEYS, "Tab", "switch button", DialogAction::FocusNext, true),
    b(&[ENTER], "⏎", "press button", DialogAction::Submit, true),
    b(&[ESC], "Esc", "cancel", DialogAction::Back, true),
]);

#[rustfmt::skip]
const CONFIRM: Keys<DialogAction> = Keys::own("Quit confirmation", &[
    b(&[(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Left, NONE), (KeyCode::Right, NONE), (KeyCode::Char('h'), NONE), (KeyCode::Char('l'), NONE)], "Tab ←/→", "switch button", DialogAction::FocusNext, true),
    b(&[ENTER], "⏎", "press button", DialogAction::Submit, true),
    b(&[ESC], "Esc", "cancel", DialogAction::Back, true),
]);

#[rustfmt::skip]
const CUT_OFF: Keys<DialogAction> = Keys::own("Question cut off: make the terminal larger to answer it", &[
    b(&[ESC], "Esc", "cancel", DialogAction::Back, true),
]);

fn overlay_keys(overlay: &Overlay) -> Keys<DialogAction> {
    match overlay {
        Overlay::Help => CLOSE,
        Overlay::Errors => Keys {
            title: "Recent errors",
            ..CLOSE
        },
        Overlay::Command(_) => COMMAND_LINE,
        Overlay::ConfirmDelete { .. } => CONFIRM_DELETE,
        Overlay::ConfirmQuit { .. } => CONFIRM,
    }
}

/// The keys that work on every screen that takes them.
pub fn global_sheet() -> KeySheet {
    Keys::with_global("Everywhere", GLOBAL).sheet()
}

/// The keys of whatever has the focus below the overlays (what the help overlay describes).
pub fn sheet_below_overlay(model: &Model) -> KeySheet {
    match model.screen_focus() {
        Focus::Setup => SETUP.sheet(),
        Focus::TestAccess(panel) => crate::screens::test_access::keys(panel).sheet(),
        Focus::Export(view) => crate::screens::export::keys(view).sheet(),
        Focus::Doctor(view) => crate::screens::doctor::keys(view).sheet(),
        Focus::Inventory(view) => crate::screens::inventory::keys(view).sheet(),
        Focus::Journal(view) => crate::screens::journal::keys(view).sheet(),
        Focus::Held(view) => crate::screens::held::keys(view).sheet(),
        _ => (super::tabs::screen(model.tab).keys)(model),
    }
}

/// The keys that apply now (the focused state's first, then the global ones where they apply).
pub fn active_sheet(model: &Model) -> Vec<KeyHelp> {
    let sheet = match &model.overlay {
        Some(_) if !super::frame::dialog_fits(model) => CUT_OFF.sheet(),
        Some(overlay) => overlay_keys(overlay).sheet(),
        None => sheet_below_overlay(model),
    };
    let mut entries = sheet.entries;
    if sheet.global {
        entries.extend(global_sheet().entries);
    }
    entries
}

/// A key for a state with these keys: its own binding, else a global one where those apply, else
/// text for its field.
fn route<A: Intent>(
    keys: Keys<A>,
    key: &KeyEvent,
    event: &Event,
    wrap: impl FnOnce(A) -> Msg,
) -> Option<Msg> {
    if let Some(action) = keys.find(key) {
        return Some(wrap(action));
    }
    if keys.global
        && let Some(action) = Keys::with_global("", GLOBAL).find(key)
    {
        return Some(Msg::Action(action));
    }
    if keys.text {
        return tui_input::backend::crossterm::to_input_request(event).map(Msg::Input);
    }
    None
}

/// Turns a terminal event into a message for whoever has the focus.
pub fn to_msg(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if key.code == KeyCode::Char('c') && key.modifiers.contains(CTRL) {
                return Some(Msg::Action(Action::ForceQuit));
            }
            // Nothing is drawn but "too small": a key may only quit (a question it raises
            // waits, unanswerable, until the terminal is large enough to show it).
            if crate::view::layout::too_small(model.size) {
                return (key.code == KeyCode::Char('q') && model.overlay.is_none())
                    .then_some(Msg::Action(Action::Quit));
            }
            let routed = routed(model, key, event);
            // While a write is on its way, `q` asks about quitting wherever it means nothing
            // else (a save's panel swallowed it); elsewhere a form keeps `q` from losing its
            // edit unasked.
            let quits = key.code == KeyCode::Char('q')
                && key.modifiers == NONE
                && model.overlay.is_none()
                && model.writes_in_flight() > 0;
            match routed {
                None if quits => Some(Msg::Action(Action::Quit)),
                routed => routed,
            }
        }
        _ => other_event(model, event),
    }
}

/// A key for whoever has the focus.
fn routed(model: &Model, key: &KeyEvent, event: &Event) -> Option<Msg> {
    match model.focus() {
        // A question cut off by a small terminal takes only Esc: a button not on
        // screen is never pressed.
        Focus::Overlay(_) if !super::frame::dialog_fits(model) => {
            route(CUT_OFF, key, event, Msg::Dialog)
        }
        Focus::Overlay(overlay) => route(overlay_keys(overlay), key, event, Msg::Dialog),
        Focus::Setup => route(SETUP, key, event, Msg::Action),
        Focus::NoPool(_) => route(placeholder::keys(), key, event, Msg::Action),
        Focus::Pools => route(pools::keys(&model.pools), key, event, Msg::from),
        Focus::Identities => route(identities::keys(&model.identities), key, event, Msg::from),
        Focus::Wizard(w) => route(
            wizard::keys(w, model.store.catalog()),
            key,
            event,
            Msg::from,
        ),
        Focus::Access => route(access::keys(&model.access), key, event, Msg::from),
        Focus::Roles => route(roles::keys(&model.roles), key, event, Msg::from),
        Focus::TestAccess(panel) => route(
            crate::screens::test_access::keys(panel),
            key,
            event,
            Msg::from,
        ),
        Focus::Export(view) => route(crate::screens::export::keys(view), key, event, Msg::from),
        Focus::Doctor(view) => route(crate::screens::doctor::keys(view), key, event, Msg::from),
        Focus::Inventory(view) => {
            route(crate::screens::inventory::keys(view), key, event, Msg::from)
        }
        Focus::Journal(view) => route(crate::screens::journal::keys(view), key, event, Msg::from),
        Focus::Held(view) => route(crate::screens::held::keys(view), key, event, Msg::from),
    }
}

/// The mouse and the terminal's size.
fn other_event(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Mouse(_) if crate::view::layout::too_small(model.size) => None,
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(_) => Some(Msg::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Msg::Resize(*width, *height)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Session;
    use crate::console::Options;
    use crate::console::model::Connection;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, NONE))
    }

    fn ready() -> Model {
        let mut model = Model::new(Options::default(), (100, 30));
        model.connection = Connection::Ready(Session {
            profile: "default".into(),
            region: "us-east-1".into(),
            endpoint: "AWS".into(),
            sandbox: false,
            caller: None,
        });
        model
    }

    #[test]
    fn list_keys_map_to_the_screens_intents() {
        let model = ready();
        assert_eq!(
            to_msg(&model, &key(KeyCode::Char('j'))),
            Some(Msg::from(pools::Action::Move(
                crate::screens::cursor::Move::Down
            )))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::PageDown)),
            Some(Msg::from(pools::Action::Move(
                crate::screens::cursor::Move::PageDown
            )))
        );
        assert_eq!(
            to_msg(
                &model,
                &Event::Key(KeyEvent::new(KeyCode::Char('G'), SHIFT))
            ),
            Some(Msg::from(pools::Action::Move(
                crate::screens::cursor::Move::Bottom
            )))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::Char('3'))),
            Some(Msg::Action(Action::GoTab(Tab::Identities)))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::Char('x'))),
            Some(Msg::from(pools::Action::Export))
        );
        assert_eq!(to_msg(&model, &key(KeyCode::Char('z'))), None);
    }

    #[test]
    fn typing_goes_to_the_filter_not_to_the_keys() {
        let mut model = ready();
        model.pools.filter_editing = true;
        assert!(matches!(
            to_msg(&model, &key(KeyCode::Char('q'))),
            Some(Msg::Input(_))
        ));
        assert!(matches!(
            to_msg(&model, &key(KeyCode::Char('d'))),
            Some(Msg::Input(_))
        ));
        assert_eq!(
            to_msg(&model, &key(KeyCode::Esc)),
            Some(Msg::from(pools::Action::Back))
        );
        assert_eq!(
            to_msg(&model, &Event::Key(KeyEvent::new(KeyCode::Char('c'), CTRL))),
            Some(Msg::Action(Action::ForceQuit))
        );
    }

    #[test]
    fn every_hint_is_a_binding_of_its_context() {
        let model = ready();
        let hints: Vec<&str> = active_sheet(&model)
            .iter()
            .filter(|b| b.hint)
            .map(|b| b.help)
            .collect();
        assert_eq!(
            hints,
            vec![
                "new",
                "open",
                "delete",
                "refresh",
                "filter",
                "copy id",
                "test access",
                "export",
                "help",
                "quit"
            ]
        );
    }

    #[test]
    fn mutating_bindings_are_the_ones_whose_intent_changes_something() {
        let model = ready();
        let mutating: Vec<&str> = active_sheet(&model)
            .iter()
            .filter(|b| b.mutates)
            .map(|b| b.help)
            .collect();
        assert_eq!(mutating, vec!["new", "delete"]);
    }
}
