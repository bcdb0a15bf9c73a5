//! One module per step: each turns the draft into that step's rows.

pub mod permissions;
pub mod properties;
pub mod providers;
pub mod trust;
