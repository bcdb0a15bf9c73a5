//! Tab 1, Pools: every identity pool of the region, streamed in page by page, with lazily loaded
//! details for the rows on screen, a filter, a summary view and deletion.

mod state;
mod update;
pub mod view;

pub use state::{Detail, Listing, MAX_DETAILS_IN_FLIGHT, PoolsState};
pub use update::{
    begin_listing, detail_requests, on_action, on_click_row, on_deleted, on_described,
    on_filter_input, on_page, on_roles, on_scroll, open_delete_dialog, show_created,
};
