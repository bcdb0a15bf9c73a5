//! The Identity browser's state: the loaded identities (up to 100,000 and more), the filter, the
//! marks, the open identity and the bulk deletion.

use tui_input::Input;

use super::deletion::{Deletion, Report};
use super::status::StatusCheck;
use crate::app::{AwsError, RequestId};
use crate::domain::Identity;
use crate::domain::identity_filter::{Filter, Status};
use crate::screens::list::FilteredList;

/// Where ListIdentities paging stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Loading {
    /// Nothing asked yet.
    #[default]
    Idle,
    /// A page is on its way.
    Running {
        /// The page request.
        req: RequestId,
    },
    /// Stopped by the user; `p` resumes from `next_token`.
    Paused {
        /// Where to resume.
        next_token: String,
    },
    /// Every page is in.
    Done,
    /// A page failed; `p` retries from `next_token`.
    Failed {
        /// Why.
        error: AwsError,
        /// Where to resume (None: from the start).
        next_token: Option<String>,
    },
}

/// One row: an identity and whether it is marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The identity.
    pub identity: Identity,
    /// Marked for deletion.
    pub marked: bool,
    /// Enabled or disabled, once known.
    pub status: Status,
}

/// The open identity's details.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Which identity.
    pub id: String,
    /// DescribeIdentity: in flight, answered, or failed.
    pub described: Option<Result<Identity, AwsError>>,
    /// LookupDeveloperIdentity (pools with a developer provider): the developer user identifiers.
    pub developer_users: Option<Result<Vec<String>, AwsError>>,
    /// Requests awaited for this view.
    pub reqs: Vec<RequestId>,
}

/// What the Identity browser shows over the table.
#[derive(Debug, Clone)]
pub enum Panel {
    /// One identity's details.
    Detail(Detail),
    /// Typing a developer user identifier to look up.
    LookupInput(Input),
    /// The answer of a lookup by developer user identifier.
    LookupResult {
        /// What was looked up.
        user: String,
        /// The request, while in flight.
        req: Option<RequestId>,
        /// The identity and all its developer user identifiers.
        result: Option<Result<(String, Vec<String>), AwsError>>,
    },
    /// Confirm deleting `ids`.
    ConfirmDelete {
        /// The identities to delete.
        ids: Vec<String>,
        /// The count typed (needed above the threshold).
        typed: Input,
        /// Whether Delete (rather than Cancel) is focused.
        confirm_focused: bool,
    },
    /// The final report of a deletion.
    Report(Report),
}

/// Above this many identities the confirmation needs the count typed.
pub const TYPE_COUNT_ABOVE: usize = 1_000;

/// Whether the deletion of `count` identities is confirmed by what was typed: nothing needed at
/// or below [`TYPE_COUNT_ABOVE`]; above it the count, with or without thousands separators.
pub fn count_confirmed(count: usize, typed: &str) -> bool {
    count <= TYPE_COUNT_ABOVE || typed.trim().replace([',', '_', ' '], "") == count.to_string()
}

/// The Identity browser tab.
#[derive(Debug, Default)]
pub struct IdentitiesState {
    /// The pool whose identities are loaded.
    pub pool_id: Option<String>,
    /// Stop after the page in flight.
    pub pause_requested: bool,
    /// The token of the page in flight (to retry it after a failure).
    pub page_token: Option<String>,
    /// Every identity loaded, in the service's order, the ones the filter shows, and the selection.
    pub list: FilteredList<Row>,
    /// Pages received.
    pub pages: usize,
    /// The paging state.
    pub loading: Loading,
    /// List with `HideDisabled`.
    pub hide_disabled: bool,
    /// Which identities are disabled, when a filter asked.
    pub status_check: StatusCheck,
    /// The filter being typed or applied.
    pub filter_input: Input,
    /// Whether keys go to the filter.
    pub filter_editing: bool,
    /// The parsed filter.
    pub filter: Filter,
    /// Why the filter text does not parse (the previous filter stays applied).
    pub filter_error: Option<String>,
    /// How many rows are marked.
    pub marked: usize,
    /// What is open over the table.
    pub panel: Option<Panel>,
    /// The deletion running, if any.
    pub deletion: Option<Deletion>,
}

impl IdentitiesState {
    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.list.selected_row()
    }

    /// Recomputes what shows after the filter changed, keeping the selected identity selected.
    pub fn refilter(&mut self) {
        let filter = &self.filter;
        self.list.refilter(
            |r| filter.matches(&r.identity, r.status),
            |a, b| a.identity.id == b.identity.id,
        );
    }

    /// Appends a page, filtering only the new rows.
    pub fn append(&mut self, identities: Vec<Identity>) {
        let rows: Vec<Row> = identities
            .into_iter()
            .map(|identity| Row {
                status: self.status_of(&identity),
                identity,
                marked: false,
            })
            .collect();
        let filter = &self.filter;
        self.list
            .append(rows, |r| filter.matches(&r.identity, r.status));
    }

    /// Removes the rows with these ids (deleted), keeping marks and selection consistent.
    pub fn remove_ids(&mut self, ids: &std::collections::HashSet<&str>) {
        if ids.is_empty() {
            return;
        }
        let filter = &self.filter;
        self.list.remove(
            |r| ids.contains(r.identity.id.as_str()),
            |r| filter.matches(&r.identity, r.status),
        );
        self.marked = self.list.rows.iter().filter(|r| r.marked).count();
    }

    /// Keeps the selection on screen in a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.list.scroll_into_view(height);
    }

    /// Moves the selection by `delta`, clamped.
    pub fn move_selection(&mut self, delta: isize) {
        self.list.move_selection(delta);
    }

    /// The ids of the marked rows, in table order.
    pub fn marked_ids(&self) -> Vec<String> {
        self.list
            .rows
            .iter()
            .filter(|r| r.marked)
            .map(|r| r.identity.id.clone())
            .collect()
    }

    /// Forgets everything loaded (another pool, or a reload).
    pub fn reset(&mut self, pool_id: Option<String>) {
        let hide_disabled = self.hide_disabled;
        let filter_input = std::mem::take(&mut self.filter_input);
        let filter = std::mem::take(&mut self.filter);
        *self = Self {
            pool_id,
            hide_disabled,
            filter_input,
            filter,
            ..Default::default()
        };
    }
}
