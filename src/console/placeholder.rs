//! The keys of a tab with nothing of its own to act on (tabs 2–4 before a pool is chosen).

use super::Action;
use crate::app::keys::Keys;

/// A tab with no pool chosen has only the global keys.
pub fn keys() -> Keys<Action> {
    Keys::with_global("No pool chosen", &[]).noted(&[
        "It acts on the current pool.",
        "Choose one: 1 for Pools, select a pool, ⏎,",
        "then come back to this tab.",
    ])
}
