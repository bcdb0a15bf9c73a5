//! The identities of every pool: kept per pool in creation order (which drives ListIdentities'
//! pagination), with an index by id for DescribeIdentity and DeleteIdentities and one by login
//! for GetId. The indexes are B-trees, not hash maps: a hash map doubles (and rehashes every
//! entry, under the store's one lock) as a pool grows, which showed as a pause proportional to the
//! pool's size; a B-tree grows a node at a time. Every change records the identity it touched, so
//! a persistent store writes just those rows.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredIdentity {
    /// `<region>:<uuid>`.
    pub id: String,
    /// Creation sequence number within the sandbox.
    pub seq: u64,
    /// Linked logins: (provider name, the user's subject or developer user identifier).
    pub logins: Vec<(String, String)>,
    /// Epoch seconds.
    pub created: f64,
    /// Epoch seconds.
    pub modified: f64,
    /// Merged away or left with no logins.
    pub disabled: bool,
}

impl StoredIdentity {
    /// The provider names of its logins, each once, as ListIdentities and DescribeIdentity show them.
    pub fn provider_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (provider, _) in &self.logins {
            if !names.contains(&provider.as_str()) {
                names.push(provider);
            }
        }
        names
    }
}

/// Every pool's identities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Identities {
    next_seq: u64,
    by_pool: BTreeMap<String, BTreeMap<u64, StoredIdentity>>,
    /// id → (pool id, seq); rebuilt after loading, never written.
    #[serde(skip)]
    index: BTreeMap<String, (String, u64)>,
    /// (pool id, provider, subject) → the identity holding that login; rebuilt after loading.
    #[serde(skip)]
    by_login: BTreeMap<(String, String, String), String>,
    /// Identities changed since the last [`Identities::take_changed`].
    #[serde(skip)]
    changed: BTreeSet<String>,
}

/// Where a changed identity stands now.
#[derive(Debug)]
pub enum Changed<'a> {
    /// It exists (new or modified): its pool and its record.
    Present(&'a str, &'a StoredIdentity),
    /// It was removed.
    Removed(String),
}

fn login_key(pool_id: &str, (provider, subject): &(String, String)) -> (String, String, String) {
    (pool_id.to_string(), provider.clone(), subject.clone())
}

impl Identities {
    /// Rebuilds the indexes (after loading).
    pub fn reindex(&mut self) {
        self.index = self
            .by_pool
            .iter()
            .flat_map(|(pool, ids)| {
                ids.values()
                    .map(move |i| (i.id.clone(), (pool.clone(), i.seq)))
            })
            .collect();
        self.by_login = self
            .by_pool
            .iter()
            .flat_map(|(pool, ids)| {
                ids.values().flat_map(move |i| {
                    i.logins
                        .iter()
                        .map(move |login| (login_key(pool, login), i.id.clone()))
                })
            })
            .collect();
    }

    /// Identities as a database holds them: the creation counter and each (pool, identity).
    pub fn from_rows(
        next_seq: u64,
        rows: impl IntoIterator<Item = (String, StoredIdentity)>,
    ) -> Self {
        let mut identities = Self {
            next_seq,
            ..Self::default()
        };
        for (pool, identity) in rows {
            identities
                .by_pool
                .entry(pool)
                .or_default()
                .insert(identity.seq, identity);
        }
        identities.reindex();
        identities
    }

    /// The creation counter (persisted beside the rows).
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Every identity with its pool.
    pub fn all(&self) -> impl Iterator<Item = (&str, &StoredIdentity)> {
        self.by_pool
            .iter()
            .flat_map(|(pool, ids)| ids.values().map(move |i| (pool.as_str(), i)))
    }

    /// The ids of the identities changed since the last call; the record is cleared.
    pub fn take_changed(&mut self) -> BTreeSet<String> {
        std::mem::take(&mut self.changed)
    }

    /// Where each of these identities stands now.
    pub fn changes(&self, ids: BTreeSet<String>) -> Vec<Changed<'_>> {
        ids.into_iter()
            .map(|id| match self.index.get(&id) {
                Some((pool, seq)) => match self.by_pool.get(pool).and_then(|ids| ids.get(seq)) {
                    Some(identity) => Changed::Present(pool, identity),
                    None => Changed::Removed(id),
                },
                None => Changed::Removed(id),
            })
            .collect()
    }

    /// Forgets the record of changes (after everything was written some other way).
    pub fn clear_changed(&mut self) {
        self.changed.clear();
    }

    /// Adds an identity to a pool; its id uses the pool's region.
    pub fn insert(
        &mut self,
        pool_id: &str,
        uuid: uuid::Uuid,
        logins: Vec<(String, String)>,
        (created, modified): (f64, f64),
        disabled: bool,
    ) -> String {
        let region = crate::domain::pool::region_of(pool_id).unwrap_or("us-east-1");
        let id = format!("{region}:{uuid}");
        self.next_seq += 1;
        let seq = self.next_seq;
        for login in &logins {
            self.by_login.insert(login_key(pool_id, login), id.clone());
        }
        let identity = StoredIdentity {
            id: id.clone(),
            seq,
            logins,
            created,
            modified,
            disabled,
        };
        self.changed.insert(id.clone());
        self.by_pool
            .entry(pool_id.to_string())
            .or_default()
            .insert(seq, identity);
        self.index.insert(id.clone(), (pool_id.to_string(), seq));
        id
    }

    /// The identity with this id, and its pool's id.
    pub fn get(&self, id: &str) -> Option<(&str, &StoredIdentity)> {
        let (pool, seq) = self.index.get(id)?;
        let identity = self.by_pool.get(pool)?.get(seq)?;
        Some((pool.as_str(), identity))
    }

    /// Removes an identity; false when there was none.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some((pool, seq)) = self.index.remove(id) else {
            return false;
        };
        self.changed.insert(id.to_string());
        match self.by_pool.get_mut(&pool).and_then(|ids| ids.remove(&seq)) {
            Some(identity) => {
                for login in &identity.logins {
                    self.by_login.remove(&login_key(&pool, login));
                }
                true
            }
            None => false,
        }
    }

    /// Removes every identity of a pool.
    pub fn remove_pool(&mut self, pool_id: &str) {
        if let Some(ids) = self.by_pool.remove(pool_id) {
            for identity in ids.values() {
                self.index.remove(&identity.id);
                for login in &identity.logins {
                    self.by_login.remove(&login_key(pool_id, login));
                }
                self.changed.insert(identity.id.clone());
            }
        }
    }

    /// Up to `max` identities of a pool after creation number `after`, and whether more follow.
    pub fn page(
        &self,
        pool_id: &str,
        after: u64,
        max: usize,
        hide_disabled: bool,
    ) -> (Vec<&StoredIdentity>, bool) {
        let Some(ids) = self.by_pool.get(pool_id) else {
            return (Vec::new(), false);
        };
        let mut rest = ids
            .range(after.saturating_add(1)..)
            .map(|(_, identity)| identity)
            .filter(|identity| !(hide_disabled && identity.disabled));
        let page: Vec<&StoredIdentity> = rest.by_ref().take(max).collect();
        let more = rest.next().is_some();
        (page, more)
    }

    /// The identity of a pool holding a login (provider, subject), if any.
    pub fn with_login(
        &self,
        pool_id: &str,
        provider: &str,
        subject: &str,
    ) -> Option<&StoredIdentity> {
        let key = (
            pool_id.to_string(),
            provider.to_string(),
            subject.to_string(),
        );
        let id = self.by_login.get(&key)?;
        self.get(id).map(|(_, identity)| identity)
    }

    /// Removes and returns an identity's logins; it is left disabled (it was merged away).
    pub fn take_logins(&mut self, id: &str) -> Vec<(String, String)> {
        let Some((pool, seq)) = self.index.get(id).cloned() else {
            return Vec::new();
        };
        match self
            .by_pool
            .get_mut(&pool)
            .and_then(|ids| ids.get_mut(&seq))
        {
            Some(identity) => {
                identity.disabled = true;
                self.changed.insert(id.to_string());
                let logins = std::mem::take(&mut identity.logins);
                for login in &logins {
                    self.by_login.remove(&login_key(&pool, login));
                }
                logins
            }
            None => Vec::new(),
        }
    }

    /// Links logins to an identity (those it already has are skipped).
    pub fn add_logins(&mut self, id: &str, logins: Vec<(String, String)>, now: f64) {
        let Some((pool, seq)) = self.index.get(id).cloned() else {
            return;
        };
        if let Some(identity) = self
            .by_pool
            .get_mut(&pool)
            .and_then(|ids| ids.get_mut(&seq))
        {
            for login in logins {
                if !identity.logins.contains(&login) {
                    self.by_login
                        .insert(login_key(&pool, &login), id.to_string());
                    identity.logins.push(login);
                    identity.modified = now;
                    self.changed.insert(id.to_string());
                }
            }
        }
    }

    /// Removes one login; an identity left with none is disabled. False when it had no such login.
    pub fn remove_login(&mut self, id: &str, provider: &str, subject: &str) -> bool {
        self.remove_matching(id, |p, s| p == provider && s == subject)
    }

    /// Removes every login of a provider; an identity left with none is disabled.
    pub fn remove_provider(&mut self, id: &str, provider: &str) -> bool {
        self.remove_matching(id, |p, _| p == provider)
    }

    fn remove_matching(&mut self, id: &str, matches: impl Fn(&str, &str) -> bool) -> bool {
        let Some((pool, seq)) = self.index.get(id).cloned() else {
            return false;
        };
        let Some(identity) = self
            .by_pool
            .get_mut(&pool)
            .and_then(|ids| ids.get_mut(&seq))
        else {
            return false;
        };
        let before = identity.logins.len();
        let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut identity.logins)
            .into_iter()
            .partition(|(p, s)| matches(p, s));
        identity.logins = kept;
        if identity.logins.is_empty() && before > 0 {
            identity.disabled = true;
        }
        if gone.is_empty() {
            return false;
        }
        for login in &gone {
            self.by_login.remove(&login_key(&pool, login));
        }
        self.changed.insert(id.to_string());
        true
    }

    /// How many identities there are in all.
    pub fn total(&self) -> usize {
        self.index.len()
    }

    /// How many identities a pool has.
    pub fn count(&self, pool_id: &str) -> usize {
        self.by_pool.get(pool_id).map_or(0, BTreeMap::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_skip_disabled_on_request_and_removal_updates_the_index() {
        let mut ids = Identities::default();
        let pool = "us-east-1:p";
        let mut made = Vec::new();
        for i in 0..5u128 {
            made.push(ids.insert(
                pool,
                uuid::Uuid::from_u128(i + 1),
                Vec::new(),
                (1.0, 1.0),
                i == 1,
            ));
        }
        assert!(made[0].starts_with("us-east-1:00000000-0000-0000-0000-000000000001"));
        let (page, more) = ids.page(pool, 0, 2, false);
        assert_eq!((page.len(), more), (2, true));
        let (page, _) = ids.page(pool, 0, 2, true);
        assert_eq!(page[1].id, made[2], "the disabled one is skipped");
        assert!(ids.remove(&made[3]));
        assert!(!ids.remove(&made[3]));
        assert!(ids.get(&made[3]).is_none());
        assert_eq!(ids.count(pool), 4);
        let mut copy = ids.clone();
        copy.index.clear();
        copy.reindex();
        assert_eq!(copy.get(&made[4]).map(|(p, _)| p), Some(pool));
        ids.remove_pool(pool);
        assert!(ids.get(&made[0]).is_none());
    }
}
