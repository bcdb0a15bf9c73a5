//! Everything that can happen to the console: time, the terminal, keys (already mapped to the
//! intents of the screen that has them), and the answers to requests.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::{RequestId, Response, Tab};
use crate::screens::{access, identities, pools, roles};
use crate::wizard;

/// An intent that works on every screen that takes the global keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Switch to a tab.
    GoTab(Tab),
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Reload what the screen shows (or connect again when not connected).
    Refresh,
    /// Open the command line.
    Command,
    /// Show the help overlay.
    Help,
    /// Quit (asks when writes are in flight).
    Quit,
    /// Quit at once (Ctrl-C).
    ForceQuit,
}

/// An intent in an overlay (help, errors, command line, confirmations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DialogAction {
    /// Move to the other button.
    FocusNext,
    /// Press the focused button, or run the typed command.
    Submit,
    /// Close the overlay.
    Back,
    /// `?`: closes the help overlay.
    Help,
    /// ↑ on the command line: the command run before.
    Previous,
    /// ↓ on the command line: the next command run.
    Next,
    /// Tab on the command line: complete the word.
    Complete,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        None
    }
}

impl Intent for DialogAction {
    fn changes(&self) -> Option<&'static str> {
        None
    }
}

/// A message to `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The wall clock, in epoch seconds (drives the spinner, rates and "30 days ago").
    Tick(f64),
    /// The journal could not record a write (the write itself happened).
    JournalFailed(String),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A global key.
    Action(Action),
    /// A key in an overlay.
    Dialog(DialogAction),
    /// An edit to the focused text field, wherever it is.
    Input(InputRequest),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The mouse wheel: negative is up.
    Scroll(i16),
    /// For the Pools tab.
    Pools(pools::Msg),
    /// For the Identity browser.
    Identities(identities::Msg),
    /// For the create wizard.
    Wizard(wizard::Msg),
    /// For the User access tab.
    Access(access::Msg),
    /// For the Role settings tab.
    Roles(roles::Msg),
    /// For the Test access panel.
    TestAccess(crate::screens::test_access::Msg),
    /// For the export view.
    Export(crate::screens::export::Msg),
    /// For the security report view.
    Doctor(crate::screens::doctor::Msg),
    /// For the inventory of every region.
    Inventory(crate::screens::inventory::Msg),
    /// For the journal view.
    Journal(crate::screens::journal::Msg),
    /// For the view of what the console holds.
    Held(crate::screens::held::Msg),
    /// A request's answer; it goes to the screen that asked.
    Response {
        /// The request.
        req: RequestId,
        /// Its result, typed by operation.
        response: Response,
    },
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

impl From<DialogAction> for Msg {
    fn from(action: DialogAction) -> Self {
        Msg::Dialog(action)
    }
}
