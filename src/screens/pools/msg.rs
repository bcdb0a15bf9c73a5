//! The Pools tab's messages and intents.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::{RequestId, Response};
use crate::domain::IdentityPool;
use crate::screens::cursor::Move;

/// What the Pools tab's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A list move (j/k, g/G, PgUp/PgDn); in the summary, j/k/g scroll it.
    Move(Move),
    /// Open the selected pool's summary.
    Open,
    /// Close the summary, or clear the filter.
    Back,
    /// Delete the selected (or open) pool, after its name is typed.
    Delete,
    /// List the pools again.
    Refresh,
    /// Start typing a filter.
    Filter,
    /// Keep the filter typed.
    Submit,
    /// Copy the pool's id.
    CopyId,
    /// Test access on the selected (or open) pool.
    TestAccess,
    /// Export the pool as code.
    Export,
    /// Create a pool (the wizard).
    New,
    /// Copy the pool's address in the AWS web console.
    CopyConsoleUrl,
    /// Every region's pools at once.
    AllRegions,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            Action::Delete => Some("deleting pools"),
            Action::New => Some("creating pools"),
            _ => None,
        }
    }
}

/// A message for the Pools tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key.
    Action(Action),
    /// Typing into the filter.
    Input(InputRequest),
    /// A click at (column, row).
    Click(u16, u16),
    /// The mouse wheel.
    Scroll(i16),
    /// The answer to a request of this tab's.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
    /// Connected: list the pools from the first page.
    Start,
    /// After every message: describe the rows on screen that lack details.
    Settle,
    /// The typed-name confirmation was accepted: delete the pool.
    DeleteConfirmed {
        /// The pool.
        pool_id: String,
        /// Its name.
        name: String,
    },
    /// The wizard made this pool: list it, select it and open it.
    ShowCreated(IdentityPool),
    /// Open this pool's summary (`:open`), listed or not.
    OpenById(String),
    /// The store learned a pool's new name (renamed here or elsewhere): the row follows.
    Renamed {
        /// The pool.
        pool_id: String,
        /// Its name now.
        name: String,
    },
    /// The store learned the pool no longer exists: its row goes.
    Gone(String),
}
