//! The Role settings tab's messages and intents.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::{RequestId, Response};
use crate::screens::cursor::Move;
use crate::wizard::scoped::Finished;

/// What the Role settings tab's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A move over the tab's rows (j/k, g/G, PgUp/PgDn).
    Move(Move),
    /// The previous row of a panel (policy, line).
    Up,
    /// The next row of a panel (policy, line).
    Down,
    /// The top of a document.
    Top,
    /// A page up (a save's panel).
    PageUp,
    /// A page down (a save's panel).
    PageDown,
    /// Open the selected row (a role's details, a document, the simulator); on a default role
    /// or a mapping, its form (as [`Action::Edit`]).
    Open,
    /// Edit the selected default role or mapping, or the focused inline policy in `$EDITOR`.
    Edit,
    /// Fix the selected role's trust policy for this pool.
    Fix,
    /// Open the resolution simulator.
    Simulate,
    /// Read the pool and check its roles again.
    Refresh,
    /// Press the focused button (write the reviewed change).
    Submit,
    /// After a conflict: apply the change again on the state as it is now.
    Reapply,
    /// After a failure: retry.
    Retry,
    /// The simulator: the other part (login choice ↔ claims).
    NextField,
    /// The simulator's login choice: previous.
    Left,
    /// The simulator's login choice: next.
    Right,
    /// The simulator's claims: a new line.
    NewLine,
    /// Close the topmost thing.
    Back,
    /// A new inline policy on the role shown.
    NewPolicy,
    /// Delete the focused inline policy.
    DeletePolicy,
    /// Show the help overlay.
    Help,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            Action::Edit | Action::Fix | Action::NewPolicy | Action::DeletePolicy => {
                Some("changing roles")
            }
            Action::Submit | Action::Reapply | Action::Retry => Some("saving changes to roles"),
            _ => None,
        }
    }
}

/// A message for the Role settings tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key.
    Action(Action),
    /// Typing (the simulator's claims, a new policy's name).
    Input(InputRequest),
    /// An answer to one of this tab's requests.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
    /// A form opened from this tab is done: save it safely.
    Save {
        /// The pool.
        pool_id: String,
        /// What to save.
        finished: Box<Finished>,
    },
    /// After every message: read the current pool when the tab shows another one.
    Settle,
    /// The store holds something new of this pool (read or written by any tab): the simulator
    /// answers again and roles the pool now hands out are checked.
    Stored(String),
}
