//! `:journal`: the writes made from the console, newest first, with a filter; the selected
//! entry's region, profile, request ids and error below the list.

mod keys;
mod update;
pub mod view;

pub use keys::keys;
pub use update::{Action, JournalState, JournalView, Msg, update};
