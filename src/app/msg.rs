//! Everything that can happen to the console: keys (already mapped to actions), time, and results.

use tui_input::InputRequest;

use super::effect::RequestId;
use super::error::AwsError;
use super::model::{Session, Tab};
use crate::domain::roles::IamRole;
use crate::domain::{Identity, IdentityPool, PoolSummary};

/// A user intent, produced by the keymap from a key and the focused context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Move up one screen.
    PageUp,
    /// Move down one screen.
    PageDown,
    /// Open the selected item (or confirm the focused button).
    Open,
    /// Go back or close the topmost thing.
    Back,
    /// Delete the selected item.
    Delete,
    /// Reload what the screen shows.
    Refresh,
    /// Start typing a filter.
    Filter,
    /// Copy the selected item's id.
    CopyId,
    /// Show the help overlay.
    Help,
    /// Open the command line.
    Command,
    /// Quit (asks when writes are in flight).
    Quit,
    /// Quit at once (Ctrl-C).
    ForceQuit,
    /// Switch to a tab.
    GoTab(Tab),
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Create a new pool.
    New,
    /// Move focus to the next button or field.
    FocusNext,
    /// Move focus to the previous button or field.
    FocusPrev,
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
    /// Cancel the running operation.
    Cancel,
    /// Accept the text typed in a line editor.
    Submit,
    /// Wizard: the next step (when this one is valid).
    NextStep,
    /// Wizard: the previous step.
    PrevStep,
    /// Toggle the focused checkbox.
    Toggle,
    /// The next option of the focused choice.
    ChooseNext,
    /// The previous option of the focused choice.
    ChoosePrev,
    /// Review: edit the focused section.
    Edit,
    /// Show the policy documents a new role gets.
    ViewPolicy,
    /// Remove the focused table row.
    DeleteRow,
    /// Move the focused rule up.
    MoveRowUp,
    /// Move the focused rule down.
    MoveRowDown,
    /// Undo what a failed creation made.
    Undo,
    /// Keep what a failed creation made and open the pool.
    Keep,
    /// Try the failed call again.
    Retry,
}

/// (id, name) rows of one page, and the token of the next.
pub type NamedRows = (Vec<(String, String)>, Option<String>);

/// What a creation (or undo) call produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    /// The new pool, as CreateIdentityPool answered.
    Pool(IdentityPool),
    /// A new role's ARN.
    Role(String),
    /// Nothing to report but success.
    Done,
}

/// A message to `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The wall clock, in epoch seconds (drives the spinner, rates and "30 days ago").
    Tick(f64),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A user action from the keymap.
    Action(Action),
    /// An edit to the focused text field.
    Input(InputRequest),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The mouse wheel: negative is up.
    Scroll(i16),
    /// A Connect effect finished.
    Connected {
        /// The Connect request.
        req: RequestId,
        /// The session, or why there is none.
        result: Result<Session, AwsError>,
    },
    /// One page of ListIdentityPools arrived.
    PoolsPage {
        /// The page request.
        req: RequestId,
        /// The pools and the token for the next page.
        result: Result<(Vec<PoolSummary>, Option<String>), AwsError>,
    },
    /// DescribeIdentityPool finished.
    PoolDescribed {
        /// The request.
        req: RequestId,
        /// Which pool was asked for.
        pool_id: String,
        /// Its configuration.
        result: Result<IdentityPool, AwsError>,
    },
    /// GetIdentityPoolRoles finished.
    PoolRolesLoaded {
        /// The request.
        req: RequestId,
        /// The roles and role mappings.
        result: Result<crate::domain::roles::PoolRoles, AwsError>,
    },
    /// One page of ListIdentities arrived.
    IdentitiesPage {
        /// The page request.
        req: RequestId,
        /// The identities and the token for the next page.
        result: Result<(Vec<Identity>, Option<String>), AwsError>,
    },
    /// DescribeIdentity finished.
    IdentityDescribed {
        /// The request.
        req: RequestId,
        /// The identity.
        result: Result<Identity, AwsError>,
    },
    /// LookupDeveloperIdentity finished: the identity id and its developer user identifiers.
    DeveloperLookedUp {
        /// The request.
        req: RequestId,
        /// The identity and its developer users.
        result: Result<(String, Vec<String>), AwsError>,
    },
    /// A DeleteIdentities batch finished: the ids the service left unprocessed, with their codes.
    IdentitiesDeleted {
        /// The batch's request.
        req: RequestId,
        /// Unprocessed (id, error code) pairs, or the call's error.
        result: Result<Vec<(String, String)>, AwsError>,
    },
    /// One page of ListRoles arrived.
    RolesPage {
        /// The page request.
        req: RequestId,
        /// The roles and the marker for the next page.
        result: Result<(Vec<IamRole>, Option<String>), AwsError>,
    },
    /// One page of ListUserPools or ListUserPoolClients arrived: (id, name) rows.
    NamedPage {
        /// The page request.
        req: RequestId,
        /// The rows and the token for the next page.
        result: Result<NamedRows, AwsError>,
    },
    /// ListOpenIDConnectProviders or ListSAMLProviders finished: the ARNs.
    ArnsListed {
        /// The request.
        req: RequestId,
        /// The providers' ARNs.
        result: Result<Vec<String>, AwsError>,
    },
    /// A creation or undo call finished.
    CallDone {
        /// The request.
        req: RequestId,
        /// What it made, or why not.
        result: Result<Created, AwsError>,
    },
    /// DeleteIdentityPool finished.
    PoolDeleted {
        /// The request.
        req: RequestId,
        /// Which pool.
        pool_id: String,
        /// Success, or why not.
        result: Result<(), AwsError>,
    },
}
