//! The user pool and app client ids checked against the account: the clients of the user pool
//! typed are listed once the focus leaves its field, so a pool that does not exist is said next
//! to its id (not only inside the client picker), a client of another pool next to the client's,
//! and changing the pool drops a client that belonged to the old one.

use super::catalog::chosen_user_pool;
use super::fields::{FieldId, PickerKind, Row};
use super::{Cx, Wizard};
use crate::app::Effect;
use crate::domain::limits::USER_POOL_ID;
use crate::store::{Catalog, ListState};

/// Whether the id names a user pool this session's clients can list (its region's).
fn checkable(w: &Wizard, pool: &str) -> bool {
    USER_POOL_ID.explain(pool).is_none() && pool.starts_with(&format!("{}_", w.region))
}

/// Adds what the account says about the ids to their fields.
pub fn annotate(w: &Wizard, catalog: &Catalog, rows: &mut [Row]) {
    let pool = chosen_user_pool(&w.draft);
    if !checkable(w, &pool) {
        return;
    }
    let Some(clients) = catalog.clients(&pool) else {
        return;
    };
    let client = w.draft.client_id.value().trim();
    for row in rows.iter_mut() {
        let Row::Field(field) = row else {
            continue;
        };
        if field.error.is_some() {
            continue;
        }
        match (field.id, &clients.state) {
            (FieldId::UserPoolId, ListState::Failed(error)) if error.is_not_found() => {
                field.error = Some(format!(
                    "No user pool {pool} in {} ({}): ⏎ picks one of the account's",
                    w.region,
                    error.code.as_deref().unwrap_or("not found")
                ));
            }
            (FieldId::ClientId, ListState::Complete)
                if !client.is_empty() && !clients.items.iter().any(|(id, _)| id == client) =>
            {
                field.error = Some(format!(
                    "Not an app client of {pool}: ⏎ lists its {} client(s)",
                    clients.items.len()
                ));
            }
            _ => {}
        }
    }
}

/// The focus left `field`: a user pool id is checked by listing its clients (once).
pub(super) fn on_left(cx: &mut Cx, field: Option<FieldId>) -> Vec<Effect> {
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    let pool = chosen_user_pool(&w.draft);
    if field != Some(FieldId::UserPoolId) || !checkable(w, &pool) {
        return Vec::new();
    }
    super::lists::request_list(cx, PickerKind::Clients)
}

/// The user pool id was edited from `old`: a client id of the old pool no longer applies.
pub(super) fn on_pool_edited(w: &mut Wizard, catalog: &Catalog, old: &str) {
    if chosen_user_pool(&w.draft) == old {
        return;
    }
    let client = w.draft.client_id.value().trim().to_string();
    let belonged = catalog
        .clients(old)
        .is_some_and(|clients| clients.items.iter().any(|(id, _)| *id == client));
    if belonged {
        w.draft.client_id = Default::default();
    }
}
