//! The Role settings tab: who gets which role on the current pool, and why. Its default roles and
//! every provider's role mapping (edited with the wizard's forms and saved by the shared safe
//! save), the trust and permissions of every role the pool hands out (checked against this pool,
//! fixed after a diff), and the resolution simulator.

mod changes;
mod fetch;
mod keys;
mod msg;
mod panels;
mod simulator;
mod state;
mod update;
pub mod view;
mod write;

pub use fetch::PARALLEL;
pub use keys::keys;
pub use msg::{Action, Msg};
pub use simulator::{SimFocus, Simulator};
pub use state::{Fetch, Item, Panel, PolicyRef, RoleFacts, RolesState};
pub use update::update;
pub use write::{DocTarget, DocWrite, WritePhase, check, diff_lines, pretty};
