//! One module per tab: its state, its update and its view.

pub mod identities;
pub mod placeholder;
pub mod pools;
