//! The key-table kit every screen writes its keys with: a binding (keys, label, help, intent),
//! the keys of one state of a screen, and how they are shown (the footer's hints and the help
//! overlay are drawn from the same tables that drive the keymap, so the three never disagree).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::intent::Intent;

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

    /// The intent `key` triggers, if any.
    pub fn find(&self, key: &KeyEvent) -> Option<A> {
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

/// A move the list keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// One row up.
    Up,
    /// One row down.
    Down,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// A screen up.
    PageUp,
    /// A screen down.
    PageDown,
}

impl Move {
    /// Where the selection `selected` lands after this move over `len` rows shown in pages of
    /// `page` rows.
    pub fn from(self, selected: usize, len: usize, page: usize) -> usize {
        let page = page.max(1) as isize;
        let by = |delta: isize| moved(selected, delta, len);
        match self {
            Move::Up => by(-1),
            Move::Down => by(1),
            Move::PageUp => by(-page),
            Move::PageDown => by(page),
            Move::Top => 0,
            Move::Bottom => len.saturating_sub(1),
        }
    }
}

/// `selected` moved by `delta` within a list of `len` items (0 when it is empty).
pub fn moved(selected: usize, delta: isize, len: usize) -> usize {
    selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// The six moves of every list (j/k, g/G, PgUp/PgDn) for a screen whose intent carries a
/// [`Move`]: `list_moves!(Action::Move)`, or through a wrapper, `list_moves!(Action::List,
/// ListKey::Move)`.
macro_rules! list_moves {
    ($($wrap:path),+) => {
        $crate::app::keys::list_bindings([
            list_moves!(@wrap $crate::app::keys::Move::Up; $($wrap),+),
            list_moves!(@wrap $crate::app::keys::Move::Down; $($wrap),+),
            list_moves!(@wrap $crate::app::keys::Move::Top; $($wrap),+),
            list_moves!(@wrap $crate::app::keys::Move::Bottom; $($wrap),+),
            list_moves!(@wrap $crate::app::keys::Move::PageUp; $($wrap),+),
            list_moves!(@wrap $crate::app::keys::Move::PageDown; $($wrap),+),
        ])
    };
    (@wrap $value:expr; $outer:path) => { $outer($value) };
    (@wrap $value:expr; $outer:path, $($inner:path),+) => {
        $outer(list_moves!(@wrap $value; $($inner),+))
    };
}
pub(crate) use list_moves;

/// The bindings of the six moves, given the intents of up, down, top, bottom, page up and page
/// down (see [`list_moves!`]).
#[rustfmt::skip]
pub const fn list_bindings<A: Copy>(moves: [A; 6]) -> [Binding<A>; 6] {
    let [up, down, top, bottom, page_up, page_down] = moves;
    [
        b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "down", down, false),
        b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "up", up, false),
        b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g/Home", "top", top, false),
        b(&[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)], "G/End", "bottom", bottom, false),
        b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", page_up, false),
        b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", page_down, false),
    ]
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
