//! Tab 3, Identity browser: the current pool's identities, loaded page by page into a table that
//! stays fast at 100,000 rows, filtered, inspected, marked and deleted in bulk.

pub mod deletion;
mod keys;
mod msg;
mod panel_keys;
mod panels;
mod state;
pub mod stats_view;
mod status;
mod update;
pub mod view;

pub use deletion::{Deletion, Report};
pub use keys::keys;
pub use msg::{Action, Msg};
pub use state::{Detail, IdentitiesState, Loading, Panel, Row, TYPE_COUNT_ABOVE};
pub use status::StatusCheck;
pub use update::update;
