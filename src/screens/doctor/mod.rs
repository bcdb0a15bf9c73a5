//! The security report in the console (`:doctor`): every pool of the region checked, the
//! findings most severe first, and ⏎ on one opens its pool on the tab that fixes it.

mod keys;
mod state;
mod update;
pub mod view;

pub use keys::keys;
pub use state::{DoctorState, Report, ReportView};
pub use update::{Action, Msg, update};
