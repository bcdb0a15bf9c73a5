//! Every region at once (`:region all`, `0` on the Pools list): the pools of every region where
//! Cognito identity pools are offered, listed a few regions at a time and streamed into one table
//! with a region column; a region that can't be listed is one line. ⏎ opens a pool, switching to
//! its region.

mod keys;
mod state;
mod update;
pub mod view;

pub use keys::keys;
pub use state::{InventoryState, InventoryView, RegionSweep, Sweep};
pub use update::{AT_ONCE, Action, Msg, update};
