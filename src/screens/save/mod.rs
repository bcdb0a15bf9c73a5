//! A safe save of one edit to a live pool, shared by every screen that changes a pool. Nothing is
//! lost: it starts from a fresh read, shows a field-level diff and the calls to be made, reads again
//! just before writing and writes nothing if the pool changed meanwhile (the edit can be re-applied
//! on the new state), writes in an order the service accepts with each call's outcome kept, and
//! reads once more to check that the pool is what was intended.

mod reads;

pub use reads::Read;

use crate::app::{AwsError, Effect, RequestId, Response};
use crate::domain::config::{FieldChange, PoolConfig, diff};
use crate::domain::edit::Edit;
use crate::domain::roles::PrincipalTagMap;
use crate::domain::save_plan::{Write, plan};

/// Where a call of the save stands.
#[derive(Debug, Clone, PartialEq)]
pub enum CallStatus {
    /// Not sent yet.
    Waiting,
    /// Sent; its request.
    Running(RequestId),
    /// Done.
    Done,
    /// Refused by the service.
    Failed(AwsError),
}

/// Where the save stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Reading the pool fresh.
    Reading(Read),
    /// The diff is shown; ⏎ saves.
    Review,
    /// Reading again just before writing.
    Rereading(Read),
    /// The pool changed since the edit began: nothing was written.
    Conflict {
        /// What changed elsewhere (from the first read to now).
        elsewhere: Vec<FieldChange>,
        /// The pool as it is now.
        now: PoolConfig,
    },
    /// Writing, one call at a time.
    Writing,
    /// Reading once more to check.
    Verifying(Read),
    /// Written and checked: the fields that differ from the intended configuration (none: saved).
    Done(Vec<FieldChange>),
    /// A call failed; the rest were not made.
    Failed,
    /// Nothing can be saved: why.
    Refused(String),
}

/// One save.
#[derive(Debug, Clone, PartialEq)]
pub struct Save {
    /// The pool.
    pub pool_id: String,
    /// The edit.
    pub edit: Edit,
    /// Where it stands.
    pub phase: Phase,
    /// The configuration the edit was applied to.
    pub base: Option<PoolConfig>,
    /// The configuration to write.
    pub intended: Option<PoolConfig>,
    /// The field-level diff from `base` to `intended`.
    pub changes: Vec<FieldChange>,
    /// The calls, in order, with their outcomes.
    pub calls: Vec<(Write, CallStatus)>,
}

/// Requests are handed out by the caller: (operation, whether it writes) → id.
pub trait Start: FnMut(&'static str, bool) -> RequestId {}
impl<F: FnMut(&'static str, bool) -> RequestId> Start for F {}

/// Drops the principal-tag maps that map nothing, as reads do.
fn normalized(mut config: PoolConfig) -> PoolConfig {
    config
        .principal_tags
        .retain(|_, map| *map != PrincipalTagMap::default());
    config
}

impl Save {
    /// Starts a save of `edit` on `pool_id`: the first fresh read.
    pub fn begin(pool_id: &str, edit: Edit, mut start: impl Start) -> (Self, Vec<Effect>) {
        let (read, effects) = Read::start(pool_id, &edit.providers_read(), |op| start(op, false));
        let save = Self {
            pool_id: pool_id.to_string(),
            edit,
            phase: Phase::Reading(read),
            base: None,
            intended: None,
            changes: Vec::new(),
            calls: Vec::new(),
        };
        (save, effects)
    }

    /// Whether `req` is one of this save's.
    pub fn awaits(&self, req: RequestId) -> bool {
        match &self.phase {
            Phase::Reading(read) | Phase::Rereading(read) | Phase::Verifying(read) => {
                read.awaits(req)
            }
            Phase::Writing => self
                .calls
                .iter()
                .any(|(_, s)| *s == CallStatus::Running(req)),
            _ => false,
        }
    }

    /// Applies the edit to `base`: the diff and the calls, or why there is nothing to save.
    fn prepare(&mut self, base: PoolConfig) {
        match self.edit.apply(&base) {
            Ok(intended) => {
                let intended = normalized(intended);
                self.changes = diff(&base, &intended);
                self.calls = plan(&base, &intended)
                    .into_iter()
                    .map(|w| (w, CallStatus::Waiting))
                    .collect();
                self.phase = if self.calls.is_empty() {
                    Phase::Refused("Nothing to save: the pool already is like that".into())
                } else {
                    Phase::Review
                };
                self.intended = Some(intended);
            }
            Err(why) => self.phase = Phase::Refused(why),
        }
        self.base = Some(base);
    }

    /// ⏎ on the diff: read again before writing.
    pub fn confirm(&mut self, mut start: impl Start) -> Vec<Effect> {
        if self.phase != Phase::Review {
            return Vec::new();
        }
        let (read, effects) = Read::start(&self.pool_id, &self.edit.providers_read(), |op| {
            start(op, false)
        });
        self.phase = Phase::Rereading(read);
        effects
    }

    /// After a conflict: apply the edit again on the pool as it is now, and show the new diff.
    pub fn reapply(&mut self) {
        if let Phase::Conflict { now, .. } = &self.phase {
            let now = now.clone();
            self.prepare(now);
        }
    }

    /// After a failure: try the failed call and the rest again.
    pub fn retry(&mut self, start: impl Start) -> Vec<Effect> {
        if self.phase != Phase::Failed {
            return Vec::new();
        }
        for (_, status) in &mut self.calls {
            if matches!(status, CallStatus::Failed(_)) {
                *status = CallStatus::Waiting;
            }
        }
        self.phase = Phase::Writing;
        self.next_call(start)
    }

    /// An answer to one of this save's requests.
    pub fn on_response(
        &mut self,
        req: RequestId,
        response: Response,
        mut start: impl Start,
    ) -> Vec<Effect> {
        match &mut self.phase {
            Phase::Reading(read) => {
                read.on_response(req, response);
                match read.outcome() {
                    Some(Ok(config)) => self.prepare(config),
                    Some(Err((operation, error))) => {
                        self.phase = Phase::Refused(format!("{operation} failed: {error}"));
                    }
                    None => {}
                }
                Vec::new()
            }
            Phase::Rereading(read) => {
                read.on_response(req, response);
                match read.outcome() {
                    Some(Ok(now)) if Some(&now) == self.base.as_ref() => {
                        self.phase = Phase::Writing;
                        self.next_call(start)
                    }
                    Some(Ok(now)) => {
                        let base = self.base.clone().unwrap_or_default();
                        self.phase = Phase::Conflict {
                            elsewhere: diff(&base, &now),
                            now,
                        };
                        Vec::new()
                    }
                    Some(Err((operation, error))) => {
                        self.phase = Phase::Refused(format!(
                            "Nothing was written: the check before writing failed ({operation}: {error})"
                        ));
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            Phase::Writing => {
                let Some(index) = self
                    .calls
                    .iter()
                    .position(|(_, s)| *s == CallStatus::Running(req))
                else {
                    return Vec::new();
                };
                match written(response) {
                    Ok(()) => {
                        self.calls[index].1 = CallStatus::Done;
                        self.next_call(&mut start)
                    }
                    Err(error) => {
                        self.calls[index].1 = CallStatus::Failed(error);
                        self.phase = Phase::Failed;
                        Vec::new()
                    }
                }
            }
            Phase::Verifying(read) => {
                read.on_response(req, response);
                match read.outcome() {
                    Some(Ok(now)) => {
                        let intended = self.intended.clone().unwrap_or_default();
                        self.phase = Phase::Done(diff(&intended, &now));
                    }
                    Some(Err((operation, error))) => {
                        self.phase = Phase::Refused(format!(
                            "Written, but the check afterwards failed ({operation}: {error}); refresh to see the pool"
                        ));
                    }
                    None => {}
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Sends the next waiting call, or the verification read once all are done.
    fn next_call(&mut self, mut start: impl Start) -> Vec<Effect> {
        let Some(index) = self
            .calls
            .iter()
            .position(|(_, s)| *s == CallStatus::Waiting)
        else {
            let (read, effects) = Read::start(&self.pool_id, &self.edit.providers_read(), |op| {
                start(op, false)
            });
            self.phase = Phase::Verifying(read);
            return effects;
        };
        let write = self.calls[index].0.clone();
        let req = start(write.operation(), true);
        self.calls[index].1 = CallStatus::Running(req);
        vec![effect(&self.pool_id, req, write)]
    }
}

/// A write call's answer as success or the service's error.
fn written(response: Response) -> Result<(), AwsError> {
    match response {
        Response::UpdateIdentityPool(result) => result.map(|_| ()),
        Response::SetIdentityPoolRoles(result)
        | Response::SetPrincipalTagAttributeMap(result)
        | Response::TagResource(result)
        | Response::UntagResource(result) => result,
        other => Err(AwsError::new(
            crate::app::ErrorKind::Other,
            format!("unexpected answer {other:?}"),
        )),
    }
}

/// The effect of one write.
fn effect(pool_id: &str, req: RequestId, write: Write) -> Effect {
    let pool_id = pool_id.to_string();
    match write {
        Write::UpdatePool(pool) => Effect::UpdateIdentityPool { req, pool },
        Write::SetRoles(roles) => Effect::SetIdentityPoolRoles {
            req,
            pool_id,
            roles: roles.roles,
            role_mappings: roles.role_mappings,
        },
        Write::SetPrincipalTags { provider, map } => Effect::SetPrincipalTagAttributeMap {
            req,
            pool_id,
            provider,
            tags: map,
        },
        Write::Tag(tags) => Effect::TagResource { req, pool_id, tags },
        Write::Untag(keys) => Effect::UntagResource { req, pool_id, keys },
    }
}
