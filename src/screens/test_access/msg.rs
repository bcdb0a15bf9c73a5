//! The Test access panel's messages and intents.

use crate::app::intent::Intent;
use crate::app::{RequestId, Response, Tab};

/// What the panel's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The next field.
    Next,
    /// The previous field.
    Previous,
    /// ← on a choice.
    ChooseLeft,
    /// → on a choice.
    ChooseRight,
    /// Sign in (after the one-time warning that it creates identities).
    Run,
    /// Copy the credentials as `export AWS_…` lines.
    CopyExports,
    /// Read the pool again.
    Refresh,
    /// Close the warning, or the panel.
    Back,
    /// The help overlay.
    Help,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            // GetId and GetOpenIdTokenForDeveloperIdentity make identities in the pool.
            Action::Run => Some("test access (it signs in and creates identities)"),
            _ => None,
        }
    }
}

/// A message for the Test access panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Open the panel on a pool, over the tab it was asked from.
    Open {
        /// The pool.
        pool_id: String,
        /// Its name.
        name: String,
        /// The tab it covers.
        origin: Tab,
    },
    /// A key.
    Action(Action),
    /// Typing into the focused field.
    Input(tui_input::InputRequest),
    /// An answer to one of the panel's requests.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
}
