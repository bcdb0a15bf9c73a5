//! The create wizard's messages, intents, and what its creation calls produced.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::{RequestId, Response};
use crate::domain::IdentityPool;

/// What the wizard's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The next step (when this one is valid).
    NextStep,
    /// The previous step.
    PrevStep,
    /// The next field, button or option.
    FocusNext,
    /// The previous field, button or option.
    FocusPrev,
    /// Toggle the focused checkbox.
    Toggle,
    /// The next option of the focused choice.
    ChooseNext,
    /// The previous option of the focused choice.
    ChoosePrev,
    /// Pick from a list, press a button, or go to the next field.
    Open,
    /// Press the focused button of a question.
    Submit,
    /// Show the policy documents a new role gets.
    ViewPolicy,
    /// Show or hide the focused secret (the Twitter consumer secret) as typed.
    RevealSecret,
    /// Remove the focused table row.
    DeleteRow,
    /// Move the focused rule up.
    MoveRowUp,
    /// Move the focused rule down.
    MoveRowDown,
    /// Show the help overlay.
    Help,
    /// Leave, close or cancel the topmost thing.
    Back,
    /// Review: create the pool.
    Create,
    /// Review: edit the focused section.
    Edit,
    /// Up one row (sections, picker items, policy text).
    Up,
    /// Down one row.
    Down,
    /// Up one screen.
    PageUp,
    /// Down one screen.
    PageDown,
    /// The picker: list the account's items again (the account as it is now).
    Relist,
    /// After a failure: try the failed call again.
    Retry,
    /// After a failure: delete what the creation made.
    Undo,
    /// After a failure: keep what was made and open the pool.
    Keep,
}

impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        match self {
            Action::Create | Action::Retry => Some("creating pools"),
            Action::Undo => Some("deleting what the wizard created"),
            _ => None,
        }
    }
}

/// A message for the wizard.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// `n` on the Pools tab: open it (or offer the kept draft).
    Open,
    /// The User access tab: edit one section of a live pool.
    EditSection(Box<super::scoped::EditScope>),
    /// The section edit form of `tab`, held while its save is reviewed: shown again (`resume`,
    /// the edit kept) or let go.
    HeldEdit {
        /// The tab whose form it is.
        tab: crate::app::Tab,
        /// Show it again rather than let it go.
        resume: bool,
    },
    /// A key.
    Action(Action),
    /// Typing into the focused field or the picker's filter.
    Input(InputRequest),
    /// A click at (column, row).
    Click(u16, u16),
    /// The mouse wheel.
    Scroll(i16),
    /// The answer to a request of the wizard's.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Response,
    },
}

/// What a creation (or undo) call produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    /// The new pool, as CreateIdentityPool answered.
    Pool(IdentityPool),
    /// A new role's ARN.
    Role(String),
    /// A new user pool's id.
    UserPool(String),
    /// A new app client's id.
    Client(String),
    /// Nothing to report but success.
    Done,
}

impl Created {
    /// A creation or undo call's answer, as what it produced; `None` for other operations.
    pub fn from_response(response: Response) -> Option<Result<Created, crate::app::AwsError>> {
        Some(match response {
            Response::CreateIdentityPool(result) => result.map(Created::Pool),
            Response::CreateRole(result) => result.map(Created::Role),
            Response::CreateUserPool(result) => result.map(Created::UserPool),
            Response::CreateUserPoolClient(result) => result.map(Created::Client),
            Response::DeleteUserPoolClient(result) | Response::DeleteUserPool(result) => {
                result.map(|()| Created::Done)
            }
            Response::PutRolePolicy(result)
            | Response::SetIdentityPoolRoles(result)
            | Response::SetPrincipalTagAttributeMap(result)
            | Response::DeleteRolePolicy(result)
            | Response::DeleteRole(result)
            | Response::DeleteIdentityPool(result) => result.map(|()| Created::Done),
            _ => return None,
        })
    }
}
