//! One module per tab: its state, its update and its view.

pub mod placeholder;
pub mod pools;
