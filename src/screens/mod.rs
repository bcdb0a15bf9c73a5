//! One module per screen, each owning its state, its messages, its key tables, its update and its
//! view. A screen speaks `app` (the vocabulary below it) and reads no other screen's state; the
//! composition that holds them all is `console`.

pub mod access;
pub mod cursor;
pub mod doctor;
pub mod export;
pub mod held;
pub mod identities;
pub mod inventory;
pub mod journal;
pub mod list;
pub mod pools;
pub mod roles;
pub mod save;
pub mod secret_input;
pub mod test_access;
