//! The fresh read a save starts from, makes again just before writing, and makes once more to
//! verify: DescribeIdentityPool, GetIdentityPoolRoles and GetPrincipalTagAttributeMap for each
//! provider the edit concerns, all at once, then for every other provider the pool turns out to
//! have (so a change anywhere in the pool is seen, not only in what the edit writes).

use std::collections::BTreeMap;

use crate::app::{AwsError, Effect, RequestId, Response};
use crate::domain::config::PoolConfig;
use crate::domain::roles::PrincipalTagMap;
use crate::domain::{IdentityPool, roles::PoolRoles};

/// A read of everything a save may replace, answer by answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pool: Option<IdentityPool>,
    roles: Option<PoolRoles>,
    tags: BTreeMap<String, Option<PrincipalTagMap>>,
    /// The requests awaited: what each one reads.
    pending: BTreeMap<RequestId, Part>,
    /// The first failure, if any.
    failed: Option<(String, AwsError)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Pool,
    Roles,
    Tags(String),
}

impl Read {
    /// Starts the reads of `pool_id` and the principal tags of `providers`; the effects to run.
    pub fn start(
        pool_id: &str,
        providers: &[String],
        mut start: impl FnMut(&'static str) -> RequestId,
    ) -> (Self, Vec<Effect>) {
        let mut pending = BTreeMap::new();
        let mut effects = Vec::new();
        let req = start("DescribeIdentityPool");
        pending.insert(req, Part::Pool);
        effects.push(Effect::DescribeIdentityPool {
            req,
            pool_id: pool_id.to_string(),
        });
        let req = start("GetIdentityPoolRoles");
        pending.insert(req, Part::Roles);
        effects.push(Effect::GetIdentityPoolRoles {
            req,
            pool_id: pool_id.to_string(),
        });
        let mut read = Self {
            pool: None,
            roles: None,
            tags: BTreeMap::new(),
            pending,
            failed: None,
        };
        effects.extend(read.ask(pool_id, providers, start));
        (read, effects)
    }

    /// Asks for the attributes for access control of more providers, within this read.
    pub fn ask(
        &mut self,
        pool_id: &str,
        providers: &[String],
        mut start: impl FnMut(&'static str) -> RequestId,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        for provider in providers {
            let req = start("GetPrincipalTagAttributeMap");
            self.pending.insert(req, Part::Tags(provider.clone()));
            effects.push(Effect::GetPrincipalTagAttributeMap {
                req,
                pool_id: pool_id.to_string(),
                provider: provider.clone(),
            });
        }
        effects
    }

    /// Takes an answer, and once the pool is described asks for the attributes for access
    /// control of every provider it has that were not asked for: the read is then of the whole
    /// pool.
    pub fn on_whole_response(
        &mut self,
        req: RequestId,
        response: Response,
        start: impl FnMut(&'static str) -> RequestId,
    ) -> Vec<Effect> {
        let described = self.pool.is_none();
        self.on_response(req, response);
        let Some(pool) = self.pool.as_ref().filter(|_| described) else {
            return Vec::new();
        };
        let asked = self.providers();
        let unasked: Vec<String> = pool
            .tag_providers()
            .into_iter()
            .filter(|p| !asked.contains(p))
            .collect();
        let pool_id = pool.identity_pool_id.clone();
        self.ask(&pool_id, &unasked, start)
    }

    /// The requests still awaited.
    pub fn pending(&self) -> Vec<RequestId> {
        self.pending.keys().copied().collect()
    }

    /// The providers whose attributes for access control were asked for.
    pub fn providers(&self) -> Vec<String> {
        let mut out: Vec<String> = self.tags.keys().cloned().collect();
        out.extend(self.pending.values().filter_map(|p| match p {
            Part::Tags(provider) => Some(provider.clone()),
            _ => None,
        }));
        out
    }

    /// Whether `req` is one of this read's.
    pub fn awaits(&self, req: RequestId) -> bool {
        self.pending.contains_key(&req)
    }

    /// An answer to one of this read's requests.
    pub fn on_response(&mut self, req: RequestId, response: Response) {
        let Some(part) = self.pending.remove(&req) else {
            return;
        };
        let failed = |operation: &str, error: AwsError| Some((operation.to_string(), error));
        match (part, response) {
            (Part::Pool, Response::DescribeIdentityPool(Ok(pool))) => self.pool = Some(pool),
            (Part::Roles, Response::GetIdentityPoolRoles(Ok(roles))) => self.roles = Some(roles),
            (Part::Tags(provider), Response::GetPrincipalTagAttributeMap(result)) => match result {
                Ok(map) => {
                    self.tags.insert(provider, Some(map));
                }
                // A provider the pool does not have yet (being added) has no map.
                Err(error) if error.is_not_found() => {
                    self.tags.insert(provider, None);
                }
                Err(error) => {
                    self.failed = self
                        .failed
                        .take()
                        .or_else(|| failed("GetPrincipalTagAttributeMap", error));
                }
            },
            (Part::Pool, Response::DescribeIdentityPool(Err(error))) => {
                self.failed = self
                    .failed
                    .take()
                    .or_else(|| failed("DescribeIdentityPool", error));
            }
            (Part::Roles, Response::GetIdentityPoolRoles(Err(error))) => {
                self.failed = self
                    .failed
                    .take()
                    .or_else(|| failed("GetIdentityPoolRoles", error));
            }
            _ => {}
        }
    }

    /// Once every answer is in: the configuration, or the first failure.
    pub fn outcome(&self) -> Option<Result<PoolConfig, (String, AwsError)>> {
        if !self.pending.is_empty() {
            return None;
        }
        if let Some(failure) = &self.failed {
            return Some(Err(failure.clone()));
        }
        let (Some(pool), Some(roles)) = (&self.pool, &self.roles) else {
            return None;
        };
        Some(Ok(PoolConfig {
            pool: pool.clone(),
            roles: roles.clone(),
            principal_tags: self
                .tags
                .iter()
                .filter_map(|(p, m)| m.clone().map(|m| (p.clone(), m)))
                // An inactive map and no map read the same: nothing is mapped.
                .filter(|(_, m)| *m != PrincipalTagMap::default())
                .collect(),
        }))
    }
}
