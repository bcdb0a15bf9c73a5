//! What the service holds, as last read: one place below every screen. The app hands it every
//! answer of a read (and of a write that answers with the new state) before the screen that asked
//! sees it, so a value read or verified by one tab is what every tab draws. Each entry knows which
//! request read it, so an answer to an older request never replaces a newer one.
//!
//! Screens never write here: they ask for reads (effects) and draw what the store holds. What is
//! theirs alone — selection, scroll, forms, filters, requests in flight, the snapshot a review
//! compares — stays in their own state.

mod catalog;
mod pools;
mod roles;
mod subject;

pub use catalog::{Catalog, CatalogList, ListState, Listing};
pub use pools::PoolEntry;
pub use roles::{Fetch, PolicyRef, RoleFacts};
pub use subject::Subject;

use std::collections::{BTreeMap, HashMap};

use crate::app::{RequestId, Response};
use crate::domain::IdentityPool;
use crate::domain::config::PoolConfig;
use crate::domain::roles::{PoolRoles, PrincipalTagMap};

/// When a part of an entry was read: the request that read it (ids grow, so a larger one was asked
/// later) and the clock when its answer arrived.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    /// The request whose answer this is.
    pub req: RequestId,
    /// The clock when the answer arrived (epoch seconds), once the clock has ticked.
    pub at: Option<f64>,
}

impl Stamp {
    /// How long before `now` it was read: "4 s ago", "3 min ago", "2 h ago" (unknown before the
    /// clock has ticked).
    pub fn ago(&self, now: Option<f64>) -> Option<String> {
        let secs = (now? - self.at?).max(0.0) as u64;
        Some(match secs {
            0..=59 => format!("{secs} s ago"),
            60..=3599 => format!("{} min ago", secs / 60),
            _ => format!("{} h ago", secs / 3600),
        })
    }
}

/// What an answer taught the store, for the app to pass on to the screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Learned {
    /// Nothing new (not a read of the service's state, or an older answer than the one held).
    Nothing,
    /// The pool's entry changed.
    Changed(String),
    /// The pool's entry changed and its name is this, for the first time or anew (a rename here
    /// or elsewhere).
    Renamed {
        /// The pool.
        pool_id: String,
        /// Its name as the service now has it.
        name: String,
    },
    /// The pool no longer exists (deleted here, or a read answered ResourceNotFoundException).
    Gone {
        /// The pool.
        pool_id: String,
        /// Its last known name, if it was known.
        name: Option<String>,
    },
}

/// Everything the console knows of the service: its identity pools, the IAM roles read, and the
/// account's lists the pickers offer.
#[derive(Debug, Default, Clone)]
pub struct Store {
    pools: HashMap<String, PoolEntry>,
    /// What IAM said of each role read, by role name.
    roles: HashMap<String, RoleFacts>,
    /// Pools learned to be deleted, with their last known name.
    gone: BTreeMap<String, String>,
    /// The account's roles, user pools, clients and IAM identity providers, as listed.
    catalog: Catalog,
}

impl Store {
    /// The pool's configuration as DescribeIdentityPool last gave it.
    pub fn pool(&self, pool_id: &str) -> Option<&IdentityPool> {
        self.pools.get(pool_id).and_then(PoolEntry::described)
    }

    /// The pool's default roles and role mappings as GetIdentityPoolRoles last gave them.
    pub fn pool_roles(&self, pool_id: &str) -> Option<&PoolRoles> {
        self.pools.get(pool_id).and_then(PoolEntry::roles)
    }

    /// A provider's attributes for access control: `None` when not read yet, `Some(None)` when
    /// read and inactive (no map, or an empty one).
    pub fn tag_map(&self, pool_id: &str, provider: &str) -> Option<Option<&PrincipalTagMap>> {
        self.pools.get(pool_id)?.tag_map(provider)
    }

    /// The pool's whole configuration, once both DescribeIdentityPool and GetIdentityPoolRoles
    /// have been read (attributes for access control of the providers read so far).
    pub fn config(&self, pool_id: &str) -> Option<&PoolConfig> {
        self.pools.get(pool_id).and_then(PoolEntry::config)
    }

    /// The pool's entry, with when each part was read.
    pub fn entry(&self, pool_id: &str) -> Option<&PoolEntry> {
        self.pools.get(pool_id)
    }

    /// What IAM said of a role, by name (an ARN's last part), as far as it was read.
    pub fn role(&self, role_name: &str) -> Option<&RoleFacts> {
        self.roles.get(role_name)
    }

    /// What is known of the trust of the role with this ARN, for a simulation.
    pub fn trust_of(&self, arn: &str) -> crate::domain::simulation::RoleTrust<'_> {
        self.role(crate::domain::roles::role_name(arn)).map_or(
            crate::domain::simulation::RoleTrust::Unknown,
            RoleFacts::trust,
        )
    }

    /// The account's lists: roles, user pools and their clients, IAM identity providers.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every pool held, by id (in no particular order).
    pub fn pools(&self) -> impl Iterator<Item = (&String, &PoolEntry)> {
        self.pools.iter()
    }

    /// Every pool learned to be deleted, with its last known name (empty when never described).
    pub fn gone_pools(&self) -> impl Iterator<Item = (&String, &String)> {
        self.gone.iter()
    }

    /// The last known name of a pool learned to be deleted.
    pub fn gone(&self, pool_id: &str) -> Option<&str> {
        self.gone.get(pool_id).map(String::as_str)
    }

    /// Forgets everything (another profile or region: another account's view).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Takes one answer: `subject` is what its request read or wrote, `req` its id, `now` the
    /// clock. Only answers to requests asked later than what is held replace it.
    pub fn absorb(
        &mut self,
        req: RequestId,
        subject: &Subject,
        response: &Response,
        now: Option<f64>,
    ) -> Learned {
        let stamp = Stamp { req, at: now };
        match (subject, response) {
            (Subject::Pool(id), Response::DescribeIdentityPool(Ok(pool)))
            | (Subject::Pool(id), Response::UpdateIdentityPool(Ok(pool))) => {
                self.described(id, pool, stamp)
            }
            (Subject::Created, Response::CreateIdentityPool(Ok(pool))) => {
                let id = pool.identity_pool_id.clone();
                self.described(&id, pool, stamp)
            }
            (Subject::Pool(id), Response::DescribeIdentityPool(Err(error)))
            | (Subject::Roles(id), Response::GetIdentityPoolRoles(Err(error)))
                if error.is_not_found() =>
            {
                self.forget(id)
            }
            (Subject::Roles(id), Response::GetIdentityPoolRoles(Ok(roles))) => {
                let entry = self.pools.entry(id.clone()).or_default();
                changed(id, entry.set_roles(roles, stamp))
            }
            (Subject::TagMap(id, provider), Response::GetPrincipalTagAttributeMap(result)) => {
                let map = match result {
                    Ok(map) => map,
                    // No map for a provider the pool does not have: nothing is mapped.
                    Err(error) if error.is_not_found() => &PrincipalTagMap::default(),
                    Err(_) => return Learned::Nothing,
                };
                let entry = self.pools.entry(id.clone()).or_default();
                changed(id, entry.set_tag_map(provider, map, stamp))
            }
            (Subject::Deleted(id), Response::DeleteIdentityPool(result)) => match result {
                Ok(()) => self.forget(id),
                Err(error) if error.is_not_found() => self.forget(id),
                Err(_) => Learned::Nothing,
            },
            (Subject::Role(name), response) => {
                self.roles
                    .entry(name.clone())
                    .or_default()
                    .absorb(response, None);
                Learned::Nothing
            }
            (Subject::RolePolicy(name, policy), response) => {
                let facts = self.roles.entry(name.clone()).or_default();
                facts.absorb(response, Some(policy));
                Learned::Nothing
            }
            (Subject::ManagedPolicy(arn), Response::GetManagedPolicy(result)) => {
                for facts in self.roles.values_mut() {
                    facts.managed_document(arn, result);
                }
                Learned::Nothing
            }
            (Subject::Listed(list, after), response) => {
                self.catalog.absorb(list, after.as_deref(), response, stamp);
                Learned::Nothing
            }
            (Subject::Wrote(id), response) if wrote_ok(response) => match self.pools.get_mut(id) {
                Some(entry) => {
                    entry.written(req);
                    Learned::Changed(id.clone())
                }
                None => Learned::Nothing,
            },
            _ => Learned::Nothing,
        }
    }

    fn described(&mut self, id: &str, pool: &IdentityPool, stamp: Stamp) -> Learned {
        let entry = self.pools.entry(id.to_string()).or_default();
        let old_name = entry.described().map(|p| p.identity_pool_name.clone());
        if !entry.set_described(pool, stamp) {
            return Learned::Nothing;
        }
        self.gone.remove(id);
        // A first read names the pool too: a list row may hold a name from before a rename.
        if old_name.as_deref() == Some(pool.identity_pool_name.as_str()) {
            Learned::Changed(id.to_string())
        } else {
            Learned::Renamed {
                pool_id: id.to_string(),
                name: pool.identity_pool_name.clone(),
            }
        }
    }

    /// Drops a pool that no longer exists and remembers that it went.
    fn forget(&mut self, id: &str) -> Learned {
        let name = self
            .pools
            .remove(id)
            .and_then(|e| e.described().map(|p| p.identity_pool_name.clone()));
        if let Some(name) = &name {
            self.gone.insert(id.to_string(), name.clone());
        } else {
            self.gone.entry(id.to_string()).or_default();
        }
        Learned::Gone {
            pool_id: id.to_string(),
            name,
        }
    }
}

fn changed(id: &str, changed: bool) -> Learned {
    if changed {
        Learned::Changed(id.to_string())
    } else {
        Learned::Nothing
    }
}

/// Whether a write's answer says it took effect.
fn wrote_ok(response: &Response) -> bool {
    matches!(
        response,
        Response::SetIdentityPoolRoles(Ok(()))
            | Response::SetPrincipalTagAttributeMap(Ok(()))
            | Response::TagResource(Ok(()))
            | Response::UntagResource(Ok(()))
    )
}

#[cfg(test)]
mod tests;
