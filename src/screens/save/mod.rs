//! A safe save of one edit to a live pool, shared by every screen that changes a pool. Nothing is
//! lost: it starts from a fresh read, shows a field-level diff and the calls to be made, reads again
//! just before writing and writes nothing if the pool changed meanwhile (the edit can be re-applied
//! on the new state), creates a new role first when the edit names one, writes in an order the
//! service accepts with each call's outcome kept, and reads once more to check that the pool is
//! what was intended — or, after a failure part-way, to say what is now true on the service.

mod calls;
pub mod host;
mod reads;
pub mod tab_read;
mod unknown;
pub mod view;

pub use reads::Read;

use crate::app::{AwsError, Effect, RequestId, Response};
use crate::domain::config::{FieldChange, PoolConfig, diff};
use crate::domain::edit::{Edit, new_role_placeholder};
use crate::domain::new_user_pool::NewUserPoolPlan;
use crate::domain::policy::NewRole;
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
    /// A call failed; the rest were not made. Reading the pool to say what is now true.
    FailedReading(Read),
    /// A call failed; the rest were not made. What a fresh read showed afterwards (`None` when that
    /// read failed too).
    Failed(Option<PoolConfig>),
    /// A read before writing failed (the first, or the check just before writing): nothing was
    /// written, and the edit is kept to check again.
    ReadFailed {
        /// What failed: the operation and the service's error.
        why: String,
        /// Whether it was the check just before writing (the diff had been confirmed).
        confirmed: bool,
    },
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
    /// A role to create first; the edit names it by [`new_role_placeholder`] until it exists.
    pub new_role: Option<NewRole>,
    /// A user pool and app client to create first (a provider added with "Create a new user
    /// pool"); the edit names them by placeholders until they exist.
    pub new_user_pool: Option<NewUserPoolPlan>,
    /// What was made of the new user pool so far: the SMS role's ARN, the user pool's id.
    pub made: (Option<String>, Option<String>),
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
    pub fn begin(pool_id: &str, edit: Edit, start: impl Start) -> (Self, Vec<Effect>) {
        Self::begin_with_role(pool_id, edit, None, start)
    }

    /// Starts a save of `edit` that names `new_role` (by its placeholder), to be created first.
    pub fn begin_with_role(
        pool_id: &str,
        edit: Edit,
        new_role: Option<NewRole>,
        mut start: impl Start,
    ) -> (Self, Vec<Effect>) {
        let (read, effects) = Read::start(pool_id, &edit.providers_read(), |op| start(op, false));
        let save = Self {
            pool_id: pool_id.to_string(),
            edit,
            new_role,
            new_user_pool: None,
            made: (None, None),
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
            Phase::Reading(read)
            | Phase::Rereading(read)
            | Phase::Verifying(read)
            | Phase::FailedReading(read) => read.awaits(req),
            Phase::Writing => self
                .calls
                .iter()
                .any(|(_, s)| *s == CallStatus::Running(req)),
            _ => false,
        }
    }

    /// Whether a write has been sent and the save has not finished (quitting then asks first).
    pub fn is_writing(&self) -> bool {
        matches!(self.phase, Phase::Writing | Phase::Rereading(_))
    }

    /// Applies the edit to `base`: the diff and the calls, or why there is nothing to save.
    fn prepare(&mut self, base: PoolConfig) {
        match self.edit.apply(&base) {
            Ok(intended) => {
                let intended = normalized(intended);
                self.changes = diff(&base, &intended);
                let mut calls: Vec<Write> = self
                    .new_user_pool
                    .as_ref()
                    .map(calls::user_pool_writes)
                    .unwrap_or_default();
                if let Some(role) = &self.new_role {
                    calls.push(Write::CreateRole(role.clone()));
                    calls.push(Write::PutRolePolicy(role.name.clone()));
                }
                let pool_writes = plan(&base, &intended);
                self.phase = if pool_writes.is_empty() {
                    Phase::Refused("Nothing to save: the pool already is like that".into())
                } else {
                    Phase::Review
                };
                calls.extend(pool_writes);
                self.calls = calls
                    .into_iter()
                    .map(|w| (w, CallStatus::Waiting))
                    .collect();
                self.intended = Some(intended);
            }
            Err(why) => self.phase = Phase::Refused(why),
        }
        self.base = Some(base);
    }

    /// The new role exists: its ARN goes where the edit named it, and the pool's writes are
    /// planned again with it.
    fn role_created(&mut self, arn: &str) {
        let Some(role) = &self.new_role else {
            return;
        };
        self.edit.fill_role(&new_role_placeholder(&role.name), arn);
        self.replan();
    }

    /// What a creating call made: the role's ARN where the edit names it, or the new user pool's
    /// pieces (the pool's writes planned again once its client exists).
    fn made(&mut self, write: &Write, made: calls::Made) {
        match (write, made) {
            (Write::CreateSmsRole { .. }, calls::Made::Arn(arn)) => self.made.0 = Some(arn),
            (_, calls::Made::Arn(arn)) => self.role_created(&arn),
            (_, calls::Made::UserPool(id)) => self.made.1 = Some(id),
            (_, calls::Made::Client(client_id)) => {
                let Some(pool) = self.made.1.clone() else {
                    return;
                };
                let provider = crate::domain::new_user_pool::user_pool_provider_name(&pool);
                self.edit.fill_user_pool(&provider, &client_id);
                self.replan();
            }
            (_, calls::Made::Nothing) => {}
        }
    }

    /// The pool's writes planned again from the edit as it is now (the creating calls kept).
    fn replan(&mut self) {
        let Some(base) = self.base.clone() else {
            return;
        };
        let Ok(intended) = self.edit.apply(&base) else {
            return;
        };
        let intended = normalized(intended);
        self.changes = diff(&base, &intended);
        self.calls.retain(|(w, _)| calls::creates(w));
        self.calls.extend(
            plan(&base, &intended)
                .into_iter()
                .map(|w| (w, CallStatus::Waiting)),
        );
        self.intended = Some(intended);
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

    /// After a failed read before writing: read again, keeping the edit (back to the diff, or
    /// straight on to writing when the diff was confirmed and the pool is as it was).
    pub fn read_again(&mut self, start: impl Start) -> Vec<Effect> {
        let Phase::ReadFailed { confirmed, .. } = self.phase else {
            return Vec::new();
        };
        let (read, effects) = self.read(start);
        self.phase = if confirmed {
            Phase::Rereading(read)
        } else {
            Phase::Reading(read)
        };
        effects
    }

    /// The requests a read under way awaits (to let them go when the save is cancelled).
    pub fn reading(&self) -> Vec<RequestId> {
        match &self.phase {
            Phase::Reading(read) | Phase::Rereading(read) => read.pending(),
            _ => Vec::new(),
        }
    }

    /// After a conflict: apply the edit again on the pool as it is now, and show the new diff.
    pub fn reapply(&mut self) {
        if let Phase::Conflict { now, .. } = &self.phase {
            let now = now.clone();
            self.prepare(now);
        }
    }

    /// After a failure: make what is still missing. The writes are planned again from what the
    /// read after the failure showed (a call that failed may still have taken effect, and nothing
    /// already true is sent twice); without that read, the failed call and the rest are sent again.
    pub fn retry(&mut self, start: impl Start) -> Vec<Effect> {
        let Phase::Failed(now) = &self.phase else {
            return Vec::new();
        };
        let role_pending = self
            .calls
            .iter()
            .any(|(w, s)| calls::creates(w) && *s != CallStatus::Done);
        match (now, &self.intended, role_pending) {
            (Some(now), Some(intended), false) => {
                let replanned = plan(now, intended);
                self.calls.retain(|(_, s)| *s == CallStatus::Done);
                self.calls
                    .extend(replanned.into_iter().map(|w| (w, CallStatus::Waiting)));
            }
            _ => {
                for (_, status) in &mut self.calls {
                    if matches!(status, CallStatus::Failed(_)) {
                        *status = CallStatus::Waiting;
                    }
                }
            }
        }
        self.phase = Phase::Writing;
        self.next_call(start)
    }

    /// The failed call and its error, if one failed.
    pub fn failure(&self) -> Option<(&Write, &AwsError)> {
        self.calls.iter().find_map(|(w, s)| match s {
            CallStatus::Failed(error) => Some((w, error)),
            _ => None,
        })
    }

    /// An answer to one of this save's requests.
    pub fn on_response(
        &mut self,
        req: RequestId,
        response: Response,
        mut start: impl Start,
    ) -> Vec<Effect> {
        // Every read is of the whole pool: the answer may ask for more providers' maps.
        let mut more = |read: &mut Read, response| {
            read.on_whole_response(req, response, |op| start(op, false))
        };
        match &mut self.phase {
            Phase::Reading(read) => {
                let effects = more(read, response);
                if !effects.is_empty() {
                    return effects;
                }
                match read.outcome() {
                    Some(Ok(config)) => self.prepare(config),
                    Some(Err((operation, error))) => {
                        self.phase = Phase::ReadFailed {
                            why: format!("{operation}: {error}"),
                            confirmed: false,
                        };
                    }
                    None => {}
                }
                Vec::new()
            }
            Phase::Rereading(read) => {
                let effects = more(read, response);
                if !effects.is_empty() {
                    return effects;
                }
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
                        self.phase = Phase::ReadFailed {
                            why: format!("{operation}: {error}"),
                            confirmed: true,
                        };
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            Phase::Writing => self.on_written(req, response, start),
            Phase::Verifying(read) => {
                let effects = more(read, response);
                if !effects.is_empty() {
                    return effects;
                }
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
            Phase::FailedReading(read) => {
                let effects = more(read, response);
                if !effects.is_empty() {
                    return effects;
                }
                match read.outcome() {
                    Some(Ok(now)) => {
                        let note = self.unknown_outcome_found(&now);
                        self.phase = Phase::Failed(Some(now));
                        return note.into_iter().collect();
                    }
                    Some(Err(_)) => self.phase = Phase::Failed(None),
                    None => {}
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn on_written(
        &mut self,
        req: RequestId,
        response: Response,
        mut start: impl Start,
    ) -> Vec<Effect> {
        let Some(index) = self
            .calls
            .iter()
            .position(|(_, s)| *s == CallStatus::Running(req))
        else {
            return Vec::new();
        };
        match calls::written(response) {
            Ok(made) => {
                self.calls[index].1 = CallStatus::Done;
                let write = self.calls[index].0.clone();
                self.made(&write, made);
                self.next_call(&mut start)
            }
            Err(error) => {
                self.calls[index].1 = CallStatus::Failed(error);
                let (read, effects) = self.read(start);
                self.phase = Phase::FailedReading(read);
                effects
            }
        }
    }

    fn read(&self, mut start: impl Start) -> (Read, Vec<Effect>) {
        Read::start(&self.pool_id, &self.edit.providers_read(), |op| {
            start(op, false)
        })
    }

    /// Sends the next waiting call, or the verification read once all are done.
    fn next_call(&mut self, mut start: impl Start) -> Vec<Effect> {
        let Some(index) = self
            .calls
            .iter()
            .position(|(_, s)| *s == CallStatus::Waiting)
        else {
            let (read, effects) = self.read(start);
            self.phase = Phase::Verifying(read);
            return effects;
        };
        let write = self.calls[index].0.clone();
        let req = start(write.operation(), true);
        self.calls[index].1 = CallStatus::Running(req);
        let name = self
            .base
            .as_ref()
            .map(|b| b.pool.identity_pool_name.clone())
            .unwrap_or_default();
        let made = (self.made.0.as_deref(), self.made.1.as_deref());
        vec![calls::effect(&self.pool_id, &name, req, write, made)]
    }
}
