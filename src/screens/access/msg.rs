//! The User access tab's messages and intents.

use crate::app::intent::Intent;
use crate::app::{RequestId, Response};
use crate::wizard::scoped::Finished;

/// What the User access tab's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The previous row (or option).
    Up,
    /// The next row (or option).
    Down,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// A page up (a save's panel).
    PageUp,
    /// A page down (a save's panel).
    PageDown,
    /// Edit the selected section (a provider: open its sections).
    Edit,
    /// Guest access: activate (with its role) or deactivate.
    ToggleGuest,
    /// Add an identity provider.
    Add,
    /// Remove the selected provider.
    Remove,
    /// Read the pool again.
    Refresh,
    /// Test access on this pool.
    TestAccess,
    /// Press the focused button (save the reviewed diff, confirm a removal, pick a kind).
    Submit,
    /// After a conflict: apply the edit again on the pool as it is now.
    Reapply,
    /// After a failure: retry the failed call and the rest.
    Retry,
    /// Close the topmost thing.
    Back,
    /// Show the help overlay.
    Help,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            Action::Edit | Action::ToggleGuest | Action::Add => Some("changing pools"),
            Action::Remove => Some("removing identity providers"),
            Action::Submit | Action::Reapply | Action::Retry => Some("saving changes to pools"),
            _ => None,
        }
    }
}

/// A message for the User access tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key.
    Action(Action),
    /// An answer to one of this tab's requests.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
    /// A section edit's form is done: save it safely.
    Save {
        /// The pool.
        pool_id: String,
        /// What to save.
        finished: Box<Finished>,
    },
    /// After every message: read the current pool when the tab shows another one.
    Settle,
}
