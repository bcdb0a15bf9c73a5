//! Tab 1, Pools: every identity pool of the region, streamed in page by page, with lazily loaded
//! details for the rows on screen, a filter, a summary view and deletion.

mod keys;
mod msg;
mod opening;
mod state;
mod summary;
mod summary_reads;
mod update;
pub mod view;

pub use keys::keys;
pub use msg::{Action, Msg};
pub use state::{Detail, Listing, MAX_DETAILS_IN_FLIGHT, PoolsState, SummaryTags};
pub use update::update;
