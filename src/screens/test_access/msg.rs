//! The Test access panel's messages and intents.

use crate::app::intent::Intent;

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

crate::app::cover::covering_screen!(super::TestAccessState, crate::app::cover::OnPool, Action);
