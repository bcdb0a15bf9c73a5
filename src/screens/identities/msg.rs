//! The Identity browser's messages and intents.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::{RequestId, Response};
use crate::screens::cursor::Move;

/// What the Identity browser's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A list move (j/k, g/G, PgUp/PgDn).
    Move(Move),
    /// Open the selected identity, or press the focused button.
    Open,
    /// Close the panel, or clear the filter.
    Back,
    /// Delete the marked identities (or the selected one), after confirmation.
    Delete,
    /// Load the identities again.
    Refresh,
    /// Start typing a filter.
    Filter,
    /// Accept the text typed (filter, lookup) or press the focused button.
    Submit,
    /// Copy the selected identity's id (or, in a report, the failed ids).
    CopyId,
    /// Mark or unmark the selected row.
    Mark,
    /// Mark every row the filter shows.
    MarkAll,
    /// Invert the marks of the rows the filter shows.
    InvertMarks,
    /// Clear every mark.
    ClearMarks,
    /// Stop or resume loading pages.
    TogglePause,
    /// Toggle HideDisabled (reloads).
    ToggleHideDisabled,
    /// Look up a developer user identifier.
    Lookup,
    /// Cancel the running deletion.
    Cancel,
    /// Switch the confirmation's button.
    FocusNext,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            Action::Delete => Some("deleting identities"),
            _ => None,
        }
    }
}

/// A message for the Identity browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key.
    Action(Action),
    /// Typing into the filter, the lookup field or the typed count.
    Input(InputRequest),
    /// The answer to a request of this screen's.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
    /// After every message: load the current pool's identities when the tab shows another's.
    Settle,
}
