//! The Pools tab's state and the queries `update` and `view` share.

use std::collections::HashMap;
use tui_input::Input;

use crate::app::{AwsError, RequestId};
use crate::domain::PoolSummary;
use crate::screens::list::FilteredList;

/// At most this many DescribeIdentityPool calls run at once, so scrolling never floods the service.
pub const MAX_DETAILS_IN_FLIGHT: usize = 4;

/// Where the tab's own DescribeIdentityPool of a pool stands (what it answered is in the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// DescribeIdentityPool is on its way.
    Loading(RequestId),
    /// Described: the store has it.
    Read,
    /// Describing failed; `r` tries again.
    Failed(AwsError),
}

/// Where the ListIdentityPools paging stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Listing {
    /// Nothing asked yet.
    #[default]
    Idle,
    /// Pages are arriving; `req` is the page awaited.
    Loading {
        /// The page request in flight.
        req: RequestId,
        /// Pages received so far in this listing.
        pages: usize,
    },
    /// Every page is in.
    Done {
        /// How many pages it took.
        pages: usize,
    },
    /// A page failed; the rows so far stay.
    Failed(AwsError),
}

/// The Pools tab.
#[derive(Debug, Default)]
pub struct PoolsState {
    /// Every pool listed, in the service's order, the ones the filter shows, and the selection.
    pub list: FilteredList<PoolSummary>,
    /// The tab's describes of the pools, by id (their answers are in the store).
    pub details: HashMap<String, Detail>,
    /// The paging state.
    pub listing: Listing,
    /// Whether the next page replaces the rows (the first page of a refresh).
    pub replace_on_next_page: bool,
    /// The filter text.
    pub filter: Input,
    /// Whether keys go to the filter.
    pub filter_editing: bool,
    /// The pool whose summary is open.
    pub open: Option<String>,
    /// How far the summary is scrolled.
    pub summary_scroll: u16,
    /// The open pool's GetIdentityPoolRoles: (request awaited, why it failed).
    pub summary_roles: Option<(RequestId, Option<AwsError>)>,
    /// The open pool's attributes for access control, per provider.
    pub summary_tags: Option<SummaryTags>,
    /// Pools with a DeleteIdentityPool in flight, and its request.
    pub deleting: HashMap<String, RequestId>,
}

/// The open pool's attributes for access control: GetPrincipalTagAttributeMap per provider.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummaryTags {
    /// The pool.
    pub pool_id: String,
    /// Requests awaited, by the provider each reads.
    pub pending: std::collections::BTreeMap<RequestId, String>,
    /// The reads that failed, by provider name (the maps read are in the store).
    pub failed: std::collections::BTreeMap<String, AwsError>,
}

impl PoolsState {
    /// The selected pool, if any row is shown.
    pub fn selected_pool(&self) -> Option<&PoolSummary> {
        self.list.selected_row()
    }

    /// The id of the pool a key acts on: the open summary's, else the selected row's.
    pub fn acted_on(&self) -> Option<String> {
        self.open
            .clone()
            .or_else(|| self.selected_pool().map(|p| p.id.clone()))
    }

    /// The pool with this id.
    pub fn pool(&self, id: &str) -> Option<&PoolSummary> {
        self.list.rows.iter().find(|p| p.id == id)
    }

    /// Whether the list is still growing.
    pub fn is_loading(&self) -> bool {
        matches!(self.listing, Listing::Loading { .. })
    }

    /// Whether the filter lets this pool through (its name or id contains the text, any case).
    fn matcher(&self) -> impl Fn(&PoolSummary) -> bool + use<> {
        let needle = self.filter.value().to_lowercase();
        move |p: &PoolSummary| {
            needle.is_empty()
                || p.name.to_lowercase().contains(&needle)
                || p.id.to_lowercase().contains(&needle)
        }
    }

    /// Recomputes what shows after the filter changed, keeping the selected pool selected.
    pub fn refilter(&mut self) {
        let keep = self.matcher();
        self.list.refilter(keep, |a, b| a.id == b.id);
    }

    /// Adds a page of pools, filtering only them.
    pub fn append(&mut self, page: Vec<PoolSummary>) {
        let keep = self.matcher();
        self.list.append(page, keep);
    }

    /// Keeps the selection on screen in a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.list.scroll_into_view(height);
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_selection(&mut self, delta: isize) {
        self.list.move_selection(delta);
    }

    /// The DescribeIdentityPool calls in flight.
    pub fn details_in_flight(&self) -> usize {
        self.details
            .values()
            .filter(|d| matches!(d, Detail::Loading(_)))
            .count()
    }

    /// Forgets a pool that no longer exists.
    pub fn remove(&mut self, id: &str) {
        let keep = self.matcher();
        self.list.remove(|p| p.id == id, keep);
        self.details.remove(id);
        self.deleting.remove(id);
        if self.open.as_deref() == Some(id) {
            self.open = None;
        }
    }
}
