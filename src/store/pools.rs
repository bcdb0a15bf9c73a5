//! One pool's entry: its configuration as last read, part by part, with when each part was read.

use std::collections::BTreeMap;

use super::Stamp;
use crate::app::RequestId;
use crate::domain::IdentityPool;
use crate::domain::config::PoolConfig;
use crate::domain::roles::{PoolRoles, PrincipalTagMap};

/// What is known of one pool.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PoolEntry {
    /// The parts read so far; `pool` and `roles` are meaningful only once stamped.
    config: PoolConfig,
    described: Option<Stamp>,
    roles: Option<Stamp>,
    /// The providers whose attributes for access control were read (active or not).
    tags: BTreeMap<String, Stamp>,
    /// The latest write that took effect (after which parts read earlier may be old).
    written: Option<RequestId>,
}

impl PoolEntry {
    /// DescribeIdentityPool's answer, once read.
    pub fn described(&self) -> Option<&IdentityPool> {
        self.described.map(|_| &self.config.pool)
    }

    /// GetIdentityPoolRoles' answer, once read.
    pub fn roles(&self) -> Option<&PoolRoles> {
        self.roles.map(|_| &self.config.roles)
    }

    /// The whole configuration, once both the pool and its roles are read.
    pub fn config(&self) -> Option<&PoolConfig> {
        (self.described.is_some() && self.roles.is_some()).then_some(&self.config)
    }

    /// A provider's map: `None` when not read, `Some(None)` when inactive.
    pub fn tag_map(&self, provider: &str) -> Option<Option<&PrincipalTagMap>> {
        self.tags
            .contains_key(provider)
            .then(|| self.config.principal_tags.get(provider))
    }

    /// When its roles and role mappings were read.
    pub fn roles_at(&self) -> Option<Stamp> {
        self.roles
    }

    /// How many providers' attributes for access control were read, of how many the pool has.
    pub fn tag_maps_read(&self) -> (usize, usize) {
        let providers = self.config.pool.tag_providers();
        let read = providers
            .iter()
            .filter(|p| self.tags.contains_key(*p))
            .count();
        (read, providers.len())
    }

    /// When the configuration was described.
    pub fn described_at(&self) -> Option<Stamp> {
        self.described
    }

    /// Whether a write took effect after the pool or its roles were read: what is held may be
    /// older than the service's state until the next read.
    pub fn written_since_read(&self) -> bool {
        let read = match (self.described, self.roles) {
            (Some(d), Some(r)) => d.req.min(r.req),
            (Some(d), None) => d.req,
            (None, Some(r)) => r.req,
            (None, None) => return false,
        };
        self.written.is_some_and(|w| w > read)
    }

    /// Takes a described pool unless a later one is held; whether it was taken.
    pub(super) fn set_described(&mut self, pool: &IdentityPool, stamp: Stamp) -> bool {
        if self.described.is_some_and(|held| held.req > stamp.req) {
            return false;
        }
        self.config.pool = pool.clone();
        self.described = Some(stamp);
        // A provider that left the pool has no attributes for access control any more.
        let providers = pool.tag_providers();
        self.tags.retain(|p, _| providers.contains(p));
        self.config
            .principal_tags
            .retain(|p, _| providers.contains(p));
        true
    }

    /// Takes the pool's roles unless later ones are held; whether they were taken.
    pub(super) fn set_roles(&mut self, roles: &PoolRoles, stamp: Stamp) -> bool {
        if self.roles.is_some_and(|held| held.req > stamp.req) {
            return false;
        }
        self.config.roles = roles.clone();
        self.roles = Some(stamp);
        true
    }

    /// Takes a provider's map unless a later one is held; whether it was taken. An inactive map
    /// and no map read the same (nothing is mapped), as in a save's read.
    pub(super) fn set_tag_map(
        &mut self,
        provider: &str,
        map: &PrincipalTagMap,
        stamp: Stamp,
    ) -> bool {
        if self
            .tags
            .get(provider)
            .is_some_and(|held| held.req > stamp.req)
        {
            return false;
        }
        if *map == PrincipalTagMap::default() {
            self.config.principal_tags.remove(provider);
        } else {
            self.config
                .principal_tags
                .insert(provider.to_string(), map.clone());
        }
        self.tags.insert(provider.to_string(), stamp);
        true
    }

    /// A write to the pool took effect.
    pub(super) fn written(&mut self, req: RequestId) {
        self.written = Some(self.written.map_or(req, |w| w.max(req)));
    }
}
