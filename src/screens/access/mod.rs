//! The User access tab: guest and authenticated access, the identity providers with their three
//! sections, and the pool's properties — each edited in the wizard's own form and saved safely.

mod keys;
mod msg;
mod state;
pub mod summary;
mod update;
pub mod view;

pub use keys::keys;
pub use msg::{Action, Msg};
pub use state::{AccessState, Item, Panel, SaveView, addable_kinds, providers};
pub use update::update;
