//! Test access: a panel over the Pools or User access tab that signs in to the current pool as a
//! guest, a user-pool user, a pasted token or a developer user — as an app does — and shows what
//! the pool really handed out beside what the Role settings simulator predicted.

mod keys;
mod msg;
pub mod prediction;
mod result_view;
mod state;
mod update;
pub mod view;

pub use keys::keys;
pub use msg::update;
pub use msg::{Action, Msg};
pub use state::{Done, Field, Mode, Panel, Run, TestAccessState, Warned};
