//! What the app does when the store learns something every screen must follow: a pool renamed
//! (the Pools list's row and the tab bar's name), a pool gone (its row, and the current pool).
//! Everything else the screens draw straight from the store.

use super::Model;
use super::plug::{Pools, Roles, to};
use crate::app::Effect;
use crate::screens::{pools, roles};
use crate::store::Learned;

/// The current pool goes by the name the store holds for it (opened by id, or renamed).
fn name_current(model: &mut Model, pool_id: &str) {
    let Some(name) = model.store.pool(pool_id).map(|p| &p.identity_pool_name) else {
        return;
    };
    if let Some((_, current)) = model.current_pool.as_mut().filter(|(id, _)| *id == pool_id)
        && current != name
    {
        current.clone_from(name);
    }
}

/// The screens that derive something from a pool's entry beyond drawing it follow a change.
fn stored(model: &mut Model, pool_id: String) -> Vec<Effect> {
    if model.roles.pool_id.as_deref() != Some(pool_id.as_str()) {
        return Vec::new();
    }
    to::<Roles>(model, roles::Msg::Stored(pool_id))
}

/// Passes on what the store learned from an answer, after the screen that asked has handled it.
pub(super) fn passed_on(model: &mut Model, learned: Learned) -> Vec<Effect> {
    match learned {
        Learned::Nothing => Vec::new(),
        Learned::Changed(pool_id) => {
            name_current(model, &pool_id);
            stored(model, pool_id)
        }
        Learned::Renamed { pool_id, name } => {
            name_current(model, &pool_id);
            let mut effects = to::<Pools>(
                model,
                pools::Msg::Renamed {
                    pool_id: pool_id.clone(),
                    name,
                },
            );
            effects.extend(stored(model, pool_id));
            effects
        }
        Learned::Gone { pool_id, name } => {
            // A pool never described nor listed (`:open` of an id that isn't there) is not said
            // to be gone: the screen that asked says what the service answered.
            let known = name.is_some() || model.pools.pool(&pool_id).is_some();
            model.lose_pool(&pool_id, known);
            to::<Pools>(model, pools::Msg::Gone(pool_id))
        }
    }
}
