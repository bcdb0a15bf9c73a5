//! Keys to messages. Each screen owns its key tables (`screens::*::keys`, `wizard::keys`); this
//! module holds the global table, the overlays' tables, and the one lookup that turns a key into
//! a message for whoever has the focus. The same tables drive the footer hints and the help overlay,
//! so the three never disagree.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::intent::Intent;
use super::model::{Focus, Overlay, Tab};
use super::msg::DialogAction;
use super::{Action, Model, Msg};
use crate::screens::{access, identities, placeholder, pools, roles};
use crate::wizard;

/// One key binding of a screen whose intents are `A`.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    /// The keys that trigger it.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in hints ("⏎", "j/k").
    pub label: &'static str,
    /// What it does, in a word or two.
    pub help: &'static str,
    /// The intent it sends.
    pub action: A,
    /// Whether it appears in the footer (all appear in help).
    pub hint: bool,
}

/// A binding as the footer and the help overlay show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    /// How the keys are written.
    pub label: &'static str,
    /// What it does.
    pub help: &'static str,
    /// Whether it appears in the footer.
    pub hint: bool,
    /// Whether it changes something (dimmed and refused in read-only mode).
    pub mutates: bool,
}

impl<A: Intent> Binding<A> {
    /// Whether it changes something on the service.
    pub fn mutates(&self) -> bool {
        self.action.changes().is_some()
    }

    fn help_entry(&self) -> KeyHelp {
        KeyHelp {
            label: self.label,
            help: self.help,
            hint: self.hint,
            mutates: self.mutates(),
        }
    }
}

/// The keys of one state of a screen.
#[derive(Debug, Clone, Copy)]
pub struct Keys<A: 'static> {
    /// Its name in the help overlay.
    pub title: &'static str,
    /// Its bindings.
    pub bindings: &'static [Binding<A>],
    /// Whether the global keys (tabs, help, `:`, `q`) apply too.
    pub global: bool,
    /// Whether typed characters go to a text field.
    pub text: bool,
    /// Extra lines for the help overlay.
    pub notes: &'static [&'static str],
}

impl<A: Intent> Keys<A> {
    /// Keys that take the global keys too, with no text field.
    pub const fn with_global(title: &'static str, bindings: &'static [Binding<A>]) -> Self {
        Self {
            title,
            bindings,
            global: true,
            text: false,
            notes: &[],
        }
    }

    /// Keys of a form or panel that takes every key itself.
    pub const fn own(title: &'static str, bindings: &'static [Binding<A>]) -> Self {
        Self {
            title,
            bindings,
            global: false,
            text: false,
            notes: &[],
        }
    }

    /// Keys of a state where typing goes into a text field.
    pub const fn typing(title: &'static str, bindings: &'static [Binding<A>]) -> Self {
        Self {
            title,
            bindings,
            global: false,
            text: true,
            notes: &[],
        }
    }

    /// The same keys with notes for the help overlay.
    pub const fn noted(self, notes: &'static [&'static str]) -> Self {
        Self { notes, ..self }
    }

    /// The keys as the footer and help show them.
    pub fn sheet(&self) -> KeySheet {
        KeySheet {
            title: self.title,
            entries: self.bindings.iter().map(Binding::help_entry).collect(),
            global: self.global,
            notes: self.notes,
        }
    }

    fn find(&self, key: &KeyEvent) -> Option<A> {
        self.bindings
            .iter()
            .find(|b| matches(b.keys, key))
            .map(|b| b.action)
    }
}

/// The keys of the focused state, as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySheet {
    /// Its name in the help overlay.
    pub title: &'static str,
    /// Its bindings.
    pub entries: Vec<KeyHelp>,
    /// Whether the global keys apply too.
    pub global: bool,
    /// Extra lines for the help overlay.
    pub notes: &'static [&'static str],
}

/// No modifier.
pub const NONE: KeyModifiers = KeyModifiers::NONE;
/// Control.
pub const CTRL: KeyModifiers = KeyModifiers::CONTROL;
/// Shift.
pub const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
/// ⏎.
pub const ENTER: (KeyCode, KeyModifiers) = (KeyCode::Enter, NONE);
/// Esc.
pub const ESC: (KeyCode, KeyModifiers) = (KeyCode::Esc, NONE);
/// Tab and Shift-Tab (as terminals send it, with or without SHIFT).
pub const TAB_KEYS: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::Tab, NONE),
    (KeyCode::BackTab, SHIFT),
    (KeyCode::BackTab, NONE),
];

/// A binding (a table reads best with one per line).
pub const fn b<A: Copy>(
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    help: &'static str,
    action: A,
    hint: bool,
) -> Binding<A> {
    Binding {
        keys,
        label,
        help,
        action,
        hint,
    }
}

/// The six moves of every list (j/k, g/G, PgUp/PgDn), for a screen whose intents are `A`.
#[rustfmt::skip]
pub const fn list_moves<A: Copy>(
    up: A,
    down: A,
    top: A,
    bottom: A,
    page_up: A,
    page_down: A,
) -> [Binding<A>; 6] {
    [
        b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "down", down, false),
        b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "up", up, false),
        b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g/Home", "top", top, false),
        b(&[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)], "G/End", "bottom", bottom, false),
        b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", page_up, false),
        b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", page_down, false),
    ]
}

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
        _ => (crate::screens::screen(model.tab).keys)(model),
    }
}

/// The keys that apply now (the focused state's first, then the global ones where they apply).
pub fn active_sheet(model: &Model) -> Vec<KeyHelp> {
    let sheet = match &model.overlay {
        Some(overlay) => overlay_keys(overlay).sheet(),
        None => sheet_below_overlay(model),
    };
    let mut entries = sheet.entries;
    if sheet.global {
        entries.extend(global_sheet().entries);
    }
    entries
}

fn matches(keys: &[(KeyCode, KeyModifiers)], key: &KeyEvent) -> bool {
    keys.iter().any(|&(code, mods)| {
        // Letters arrive with SHIFT when upper case; the character already says so.
        let pressed = if matches!(key.code, KeyCode::Char(_)) {
            key.modifiers - KeyModifiers::SHIFT
        } else {
            key.modifiers
        };
        code == key.code && (mods == pressed || (code == KeyCode::BackTab && mods == NONE))
    })
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
            match model.focus() {
                Focus::Overlay(overlay) => route(overlay_keys(overlay), key, event, Msg::Dialog),
                Focus::Setup => route(SETUP, key, event, Msg::Action),
                Focus::NoPool(_) => route(placeholder::keys(), key, event, Msg::Action),
                Focus::Pools => route(pools::keys(&model.pools), key, event, Msg::from),
                Focus::Identities => {
                    route(identities::keys(&model.identities), key, event, Msg::from)
                }
                Focus::Wizard(w) => route(wizard::keys(w), key, event, Msg::from),
                Focus::Access => route(access::keys(&model.access), key, event, Msg::from),
                Focus::Roles => route(roles::keys(&model.roles), key, event, Msg::from),
                Focus::TestAccess(panel) => route(
                    crate::screens::test_access::keys(panel),
                    key,
                    event,
                    Msg::from,
                ),
                Focus::Export(view) => {
                    route(crate::screens::export::keys(view), key, event, Msg::from)
                }
                Focus::Doctor(view) => {
                    route(crate::screens::doctor::keys(view), key, event, Msg::from)
                }
                Focus::Inventory(view) => {
                    route(crate::screens::inventory::keys(view), key, event, Msg::from)
                }
                Focus::Journal(view) => {
                    route(crate::screens::journal::keys(view), key, event, Msg::from)
                }
            }
        }
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
    use crate::app::Options;
    use crate::app::model::{Connection, Session};

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
            Some(Msg::from(pools::Action::Down))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::PageDown)),
            Some(Msg::from(pools::Action::PageDown))
        );
        assert_eq!(
            to_msg(
                &model,
                &Event::Key(KeyEvent::new(KeyCode::Char('G'), SHIFT))
            ),
            Some(Msg::from(pools::Action::Bottom))
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
