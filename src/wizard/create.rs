//! Running a plan: the calls in order, one at a time, each with its outcome; on a failure, what
//! exists and what doesn't, and the undo of what was made. Pure: it hands out effects and takes
//! their results.

use std::collections::BTreeMap;

use super::msg::Created;
use super::plan::Plan;
use crate::app::{AwsError, Effect, RequestId};
use crate::domain::policy::{self, Audience};
use crate::domain::{IdentityPool, roles::role_name};

/// One call of the creation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// CreateRole for the new user pool's SMS role.
    CreateSmsRole,
    /// PutRolePolicy: the SMS role may publish to SNS.
    PutSmsRolePolicy,
    /// CreateUserPool.
    CreateUserPool,
    /// CreateUserPoolClient.
    CreateUserPoolClient,
    /// CreateIdentityPool.
    CreatePool,
    /// CreateRole for the new role of this access (its trust policy names the new pool).
    CreateRole(Audience),
    /// PutRolePolicy: the new role's basic permissions.
    PutRolePolicy(Audience),
    /// SetIdentityPoolRoles: default roles and role mappings.
    SetRoles,
    /// SetPrincipalTagAttributeMap for one provider.
    SetPrincipalTags(String),
    /// Undo: DeleteRolePolicy.
    DeleteRolePolicy(Audience),
    /// Undo: DeleteRole.
    DeleteRole(Audience),
    /// Undo: DeleteIdentityPool.
    DeletePool,
    /// Undo: DeleteUserPoolClient.
    DeleteUserPoolClient,
    /// Undo: DeleteUserPool.
    DeleteUserPool,
    /// Undo: DeleteRolePolicy on the SMS role.
    DeleteSmsRolePolicy,
    /// Undo: DeleteRole of the SMS role.
    DeleteSmsRole,
}

/// Where a call stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Not started.
    Waiting,
    /// Sent; waiting for this request.
    Running(RequestId),
    /// Succeeded.
    Done,
    /// Failed with this error.
    Failed(AwsError),
}

/// Where the whole creation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Calls are running.
    Creating,
    /// A call failed; the operator chooses retry, undo or keep.
    Failed,
    /// Everything was created.
    Created,
    /// Undo is running.
    Undoing,
    /// Undo finished (each step's outcome is in `undo`).
    Undone,
}

/// A creation in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Creation {
    /// What to create.
    pub plan: Plan,
    /// The calls, in order, with their status.
    pub calls: Vec<(Call, Status)>,
    /// The undo calls, once undo was asked for.
    pub undo: Vec<(Call, Status)>,
    /// The pool, once created.
    pub pool: Option<IdentityPool>,
    /// The new roles' ARNs, once created.
    pub role_arns: BTreeMap<Audience, String>,
    /// The new user pool's pieces, once created.
    pub user_pool: super::create_user_pool::MadeUserPool,
}

/// The operation a call is.
pub fn operation(call: &Call) -> &'static str {
    match call {
        Call::CreatePool => "CreateIdentityPool",
        Call::CreateRole(_) => "CreateRole",
        Call::PutRolePolicy(_) => "PutRolePolicy",
        Call::SetRoles => "SetIdentityPoolRoles",
        Call::SetPrincipalTags(_) => "SetPrincipalTagAttributeMap",
        Call::DeleteRolePolicy(_) => "DeleteRolePolicy",
        Call::DeleteRole(_) => "DeleteRole",
        Call::DeletePool => "DeleteIdentityPool",
        Call::CreateSmsRole => "CreateRole",
        Call::PutSmsRolePolicy => "PutRolePolicy",
        Call::CreateUserPool => "CreateUserPool",
        Call::CreateUserPoolClient => "CreateUserPoolClient",
        Call::DeleteUserPoolClient => "DeleteUserPoolClient",
        Call::DeleteUserPool => "DeleteUserPool",
        Call::DeleteSmsRolePolicy => "DeleteRolePolicy",
        Call::DeleteSmsRole => "DeleteRole",
    }
}

impl Creation {
    /// The calls a plan needs, in the order they must run.
    pub fn new(plan: Plan) -> Self {
        let mut calls = super::create_user_pool::first_calls(&plan);
        calls.push((Call::CreatePool, Status::Waiting));
        for role in &plan.new_roles {
            calls.push((Call::CreateRole(role.audience), Status::Waiting));
            calls.push((Call::PutRolePolicy(role.audience), Status::Waiting));
        }
        if !plan.default_roles.is_empty() || !plan.mappings.is_empty() {
            calls.push((Call::SetRoles, Status::Waiting));
        }
        for (provider, _) in &plan.principal_tags {
            calls.push((Call::SetPrincipalTags(provider.clone()), Status::Waiting));
        }
        Self {
            plan,
            calls,
            undo: Vec::new(),
            pool: None,
            role_arns: BTreeMap::new(),
            user_pool: Default::default(),
        }
    }

    /// Where it stands.
    pub fn phase(&self) -> Phase {
        if !self.undo.is_empty() {
            let running = self
                .undo
                .iter()
                .any(|(_, s)| matches!(s, Status::Waiting | Status::Running(_)));
            return if running {
                Phase::Undoing
            } else {
                Phase::Undone
            };
        }
        if self
            .calls
            .iter()
            .any(|(_, s)| matches!(s, Status::Failed(_)))
        {
            Phase::Failed
        } else if self.calls.iter().all(|(_, s)| *s == Status::Done) {
            Phase::Created
        } else {
            Phase::Creating
        }
    }

    /// Whether quitting now would leave something made but not finished or undone.
    pub fn is_unfinished(&self) -> bool {
        let made = self.pool.is_some() || !self.role_arns.is_empty() || self.user_pool.any();
        matches!(self.phase(), Phase::Creating | Phase::Undoing)
            || (self.phase() == Phase::Failed && made)
    }

    /// The name of the new role of an access.
    pub fn role_name(&self, audience: Audience) -> String {
        self.plan
            .new_roles
            .iter()
            .find(|r| r.audience == audience)
            .map(|r| r.name.clone())
            .unwrap_or_default()
    }

    fn list_mut(&mut self) -> &mut Vec<(Call, Status)> {
        if self.undo.is_empty() {
            &mut self.calls
        } else {
            &mut self.undo
        }
    }

    /// Starts the next call if none is running and nothing failed (creation stops at a failure;
    /// undo goes on past one so it removes all it can). `start` hands out a request id.
    pub fn next_effect(
        &mut self,
        mut start: impl FnMut(&'static str, bool) -> RequestId,
    ) -> Option<Effect> {
        let undoing = !self.undo.is_empty();
        let list = if undoing { &self.undo } else { &self.calls };
        if list.iter().any(|(_, s)| matches!(s, Status::Running(_))) {
            return None;
        }
        if !undoing && list.iter().any(|(_, s)| matches!(s, Status::Failed(_))) {
            return None;
        }
        let index = list.iter().position(|(_, s)| *s == Status::Waiting)?;
        let call = list[index].0.clone();
        let req = start(operation(&call), true);
        let effect = self.effect(&call, req)?;
        self.list_mut()[index].1 = Status::Running(req);
        Some(effect)
    }

    fn effect(&self, call: &Call, req: RequestId) -> Option<Effect> {
        if let Some(effect) = super::create_user_pool::effect(self, call, req) {
            return Some(effect);
        }
        let pool_id = self.pool.as_ref().map(|p| p.identity_pool_id.clone());
        // With a new user pool, its ids replace the plan's placeholders once they exist.
        let plan = || self.filled_plan();
        Some(match call {
            Call::CreatePool => Effect::CreateIdentityPool {
                req,
                pool: plan()?.pool,
            },
            Call::CreateRole(audience) => {
                let role = self
                    .plan
                    .new_roles
                    .iter()
                    .find(|r| r.audience == *audience)?;
                let pool_id = pool_id?;
                Effect::CreateRole {
                    req,
                    name: role.name.clone(),
                    trust_policy: policy::cognito_trust_policy(
                        &pool_id,
                        *audience,
                        role.tag_session,
                    ),
                    description: role.description(&self.plan.pool.identity_pool_name, &pool_id),
                }
            }
            Call::PutRolePolicy(audience) => Effect::PutRolePolicy {
                req,
                role_name: self.role_name(*audience),
                policy_name: policy::BASIC_PERMISSIONS_NAME.into(),
                document: policy::cognito_basic_permissions(),
            },
            Call::SetRoles => {
                let (roles, role_mappings) = plan()?.roles_request(&self.role_arns)?;
                Effect::SetIdentityPoolRoles {
                    req,
                    pool_id: pool_id?,
                    roles,
                    role_mappings,
                }
            }
            Call::SetPrincipalTags(provider) => {
                // The call names the provider as planned (a placeholder for a new user pool).
                let index = self
                    .plan
                    .principal_tags
                    .iter()
                    .position(|(p, _)| p == provider)?;
                let (provider, tags) = plan()?.principal_tags.get(index)?.clone();
                Effect::SetPrincipalTagAttributeMap {
                    req,
                    pool_id: pool_id?,
                    provider,
                    tags,
                }
            }
            Call::DeleteRolePolicy(audience) => Effect::DeleteRolePolicy {
                req,
                role_name: self.role_name(*audience),
                policy_name: policy::BASIC_PERMISSIONS_NAME.into(),
            },
            Call::DeleteRole(audience) => Effect::DeleteRole {
                req,
                role_name: self.role_name(*audience),
            },
            Call::DeletePool => Effect::DeleteIdentityPool {
                req,
                name: self.plan.pool.identity_pool_name.clone(),
                pool_id: pool_id?,
            },
            // The user pool's calls (`create_user_pool::effect`, above).
            Call::CreateSmsRole
            | Call::PutSmsRolePolicy
            | Call::CreateUserPool
            | Call::CreateUserPoolClient
            | Call::DeleteUserPoolClient
            | Call::DeleteUserPool
            | Call::DeleteSmsRolePolicy
            | Call::DeleteSmsRole => return None,
        })
    }

    /// The plan with the new user pool's ids in place of its placeholders (`None` until both
    /// exist); the plan itself when it makes no user pool.
    pub fn filled_plan(&self) -> Option<Plan> {
        if self.plan.new_user_pool.is_none() {
            return Some(self.plan.clone());
        }
        let (pool, client) = (
            self.user_pool.user_pool_id.as_ref()?,
            self.user_pool.client_id.as_ref()?,
        );
        Some(self.plan.with_user_pool(pool, client))
    }

    /// Whether `req` is one of this creation's calls in flight.
    pub fn awaits(&self, req: RequestId) -> bool {
        self.calls
            .iter()
            .chain(&self.undo)
            .any(|(_, s)| *s == Status::Running(req))
    }

    /// A call's answer.
    pub fn on_result(&mut self, req: RequestId, result: Result<Created, AwsError>) {
        let Some(index) = self
            .list_mut()
            .iter()
            .position(|(_, s)| *s == Status::Running(req))
        else {
            return;
        };
        let call = self.list_mut()[index].0.clone();
        let status = match result {
            Ok(created) => {
                match (call, created) {
                    (Call::CreatePool, Created::Pool(pool)) => self.pool = Some(pool),
                    (Call::CreateRole(audience), Created::Role(arn)) => {
                        self.role_arns.insert(audience, arn);
                    }
                    (call, created) => self.user_pool.record(&call, created),
                }
                Status::Done
            }
            Err(error) => Status::Failed(error),
        };
        self.list_mut()[index].1 = status;
    }

    /// Tries the failed call again.
    pub fn retry(&mut self) {
        for (_, status) in &mut self.calls {
            if matches!(status, Status::Failed(_)) {
                *status = Status::Waiting;
            }
        }
    }

    /// Tries the failed undo calls again, in their order.
    pub fn retry_undo(&mut self) {
        for (_, status) in &mut self.undo {
            if matches!(status, Status::Failed(_)) {
                *status = Status::Waiting;
            }
        }
    }

    /// How many undo calls failed.
    pub fn undo_failures(&self) -> usize {
        self.undo
            .iter()
            .filter(|(_, s)| matches!(s, Status::Failed(_)))
            .count()
    }

    /// Plans the undo of everything that was made: inline policies, then roles, then the pool.
    pub fn begin_undo(&mut self) {
        let done = |call: &Call| {
            self.calls
                .iter()
                .any(|(c, s)| c == call && *s == Status::Done)
        };
        let mut undo = Vec::new();
        for role in &self.plan.new_roles {
            if done(&Call::PutRolePolicy(role.audience)) {
                undo.push((Call::DeleteRolePolicy(role.audience), Status::Waiting));
            }
            if done(&Call::CreateRole(role.audience)) {
                undo.push((Call::DeleteRole(role.audience), Status::Waiting));
            }
        }
        if self.pool.is_some() {
            undo.push((Call::DeletePool, Status::Waiting));
        }
        undo.extend(self.user_pool.undo());
        self.undo = undo;
    }

    /// What exists now, one line each ("identity pool orders (us-east-1:…)", "role X (arn)").
    pub fn made(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(pool) = &self.pool {
            out.push(format!(
                "identity pool {} ({})",
                pool.identity_pool_name, pool.identity_pool_id
            ));
        }
        for (audience, arn) in &self.role_arns {
            let audience = if *audience == Audience::Guest {
                "guest"
            } else {
                "authenticated"
            };
            out.push(format!("{audience} role {} ({arn})", role_name(arn)));
        }
        out.extend(self.user_pool.made());
        out
    }
}
