//! The IAM reads of the tab: every role the pool hands out (GetRole), then its inline and
//! attached policies and each one's document. At most [`PARALLEL`] run at once, the rest queued,
//! so a pool with many roles is checked in a few round trips without a burst IAM would throttle.

use std::collections::{BTreeMap, VecDeque};

use super::state::PolicyRef;
use crate::app::{Effect, RequestId, Response};
use crate::domain::roles::role_name;

/// How many IAM reads run at once.
pub const PARALLEL: usize = 8;

/// One IAM read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// GetRole of the role with this ARN.
    Role(String),
    /// ListRolePolicies.
    Inline(String),
    /// ListAttachedRolePolicies.
    Attached(String),
    /// A policy's document.
    Document(String, PolicyRef),
}

impl Job {
    fn role_arn(&self) -> &str {
        match self {
            Job::Role(arn) | Job::Inline(arn) | Job::Attached(arn) | Job::Document(arn, _) => arn,
        }
    }

    fn operation(&self) -> &'static str {
        match self {
            Job::Role(_) => "GetRole",
            Job::Inline(_) => "ListRolePolicies",
            Job::Attached(_) => "ListAttachedRolePolicies",
            Job::Document(_, PolicyRef::Inline(_)) => "GetRolePolicy",
            Job::Document(_, PolicyRef::Managed(..)) => "GetPolicyVersion",
        }
    }

    fn effect(&self, req: RequestId) -> Effect {
        let role = role_name(self.role_arn()).to_string();
        match self {
            Job::Role(_) => Effect::GetRole {
                req,
                role_name: role,
            },
            Job::Inline(_) => Effect::ListRolePolicies {
                req,
                role_name: role,
            },
            Job::Attached(_) => Effect::ListAttachedRolePolicies {
                req,
                role_name: role,
            },
            Job::Document(_, PolicyRef::Inline(name)) => Effect::GetRolePolicy {
                req,
                role_name: role,
                policy_name: name.clone(),
            },
            Job::Document(_, PolicyRef::Managed(_, arn)) => Effect::GetManagedPolicy {
                req,
                arn: arn.clone(),
            },
        }
    }
}

/// The reads queued and running.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Fetcher {
    queue: VecDeque<Job>,
    running: BTreeMap<RequestId, Job>,
}

impl Fetcher {
    /// Queues a read.
    pub fn push(&mut self, job: Job) {
        self.queue.push_back(job);
    }

    /// Drops every read; the requests no longer waited for.
    pub fn clear(&mut self) -> Vec<RequestId> {
        self.queue.clear();
        std::mem::take(&mut self.running).into_keys().collect()
    }

    /// Whether this request is one of its reads.
    pub fn awaits(&self, req: RequestId) -> bool {
        self.running.contains_key(&req)
    }

    /// Reads running.
    pub fn in_flight(&self) -> usize {
        self.running.len()
    }

    /// Reads not finished (running or queued).
    pub fn left(&self) -> usize {
        self.running.len() + self.queue.len()
    }

    /// Starts queued reads up to [`PARALLEL`] running.
    pub fn start_more(&mut self, mut start: impl FnMut(&'static str) -> RequestId) -> Vec<Effect> {
        let mut effects = Vec::new();
        while self.running.len() < PARALLEL {
            let Some(job) = self.queue.pop_front() else {
                break;
            };
            let req = start(job.operation());
            effects.push(job.effect(req));
            self.running.insert(req, job);
        }
        effects
    }

    /// Queues what an answer leads to (a role read: its policies; a policy list: each
    /// document); what the answer says is filed in the store. False when the request was not
    /// one of its reads.
    pub fn on_response(&mut self, req: RequestId, response: &Response) -> bool {
        let Some(job) = self.running.remove(&req) else {
            return false;
        };
        let arn = job.role_arn().to_string();
        match (job, response) {
            (Job::Role(_), Response::GetRole(Ok(_))) => {
                self.push(Job::Inline(arn.clone()));
                self.push(Job::Attached(arn));
            }
            (Job::Inline(_), Response::ListRolePolicies(Ok(names))) => {
                for name in names {
                    let policy = PolicyRef::Inline(name.clone());
                    self.queue.push_back(Job::Document(arn.clone(), policy));
                }
            }
            (Job::Attached(_), Response::ListAttachedRolePolicies(Ok(attached))) => {
                for (name, policy_arn) in attached {
                    let policy = PolicyRef::Managed(name.clone(), policy_arn.clone());
                    self.queue.push_back(Job::Document(arn.clone(), policy));
                }
            }
            _ => {}
        }
        true
    }
}
