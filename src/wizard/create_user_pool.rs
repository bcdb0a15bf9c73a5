//! The creation run's user pool part: the SMS role (when a new one), CreateUserPool and
//! CreateUserPoolClient before CreateIdentityPool, what they made, and their undo (the client,
//! the user pool, the SMS role's policy and the role).

use super::create::{Call, Creation, Status};
use super::msg::Created;
use super::new_user_pool::SmsRolePlan;
use super::plan::Plan;
use crate::app::{Effect, RequestId};
use crate::domain::new_user_pool::{SMS_POLICY_NAME, sms_publish_policy, sms_trust_policy};
use crate::domain::roles::role_name;

/// What the run has made of the user pool part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MadeUserPool {
    /// The new SMS role's ARN.
    pub sms_role_arn: Option<String>,
    /// Whether its policy was put.
    pub sms_policy: bool,
    /// The new user pool's id.
    pub user_pool_id: Option<String>,
    /// The new client's id.
    pub client_id: Option<String>,
}

impl MadeUserPool {
    /// Whether anything exists.
    pub fn any(&self) -> bool {
        self.sms_role_arn.is_some() || self.user_pool_id.is_some()
    }

    /// Records what a call made.
    pub fn record(&mut self, call: &Call, created: Created) {
        match (call, created) {
            (Call::CreateSmsRole, Created::Role(arn)) => self.sms_role_arn = Some(arn),
            (Call::PutSmsRolePolicy, _) => self.sms_policy = true,
            (Call::CreateUserPool, Created::UserPool(id)) => self.user_pool_id = Some(id),
            (Call::CreateUserPoolClient, Created::Client(id)) => self.client_id = Some(id),
            _ => {}
        }
    }

    /// The undo calls for what exists, in order: the client, the user pool, then the SMS role.
    pub fn undo(&self) -> Vec<(Call, Status)> {
        let mut undo = Vec::new();
        if self.client_id.is_some() {
            undo.push((Call::DeleteUserPoolClient, Status::Waiting));
        }
        if self.user_pool_id.is_some() {
            undo.push((Call::DeleteUserPool, Status::Waiting));
        }
        if self.sms_policy {
            undo.push((Call::DeleteSmsRolePolicy, Status::Waiting));
        }
        if self.sms_role_arn.is_some() {
            undo.push((Call::DeleteSmsRole, Status::Waiting));
        }
        undo
    }

    /// What exists, one line each.
    pub fn made(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(id) = &self.user_pool_id {
            out.push(format!("user pool {id}"));
        }
        if let Some(id) = &self.client_id {
            out.push(format!("app client {id}"));
        }
        if let Some(arn) = &self.sms_role_arn {
            out.push(format!("SMS role {} ({arn})", role_name(arn)));
        }
        out
    }
}

/// The calls before CreateIdentityPool, when the plan makes a user pool.
pub fn first_calls(plan: &Plan) -> Vec<(Call, Status)> {
    let Some(new) = &plan.new_user_pool else {
        return Vec::new();
    };
    let mut calls = Vec::new();
    if matches!(new.sms_role, SmsRolePlan::New(_)) {
        calls.push((Call::CreateSmsRole, Status::Waiting));
        calls.push((Call::PutSmsRolePolicy, Status::Waiting));
    }
    calls.push((Call::CreateUserPool, Status::Waiting));
    calls.push((Call::CreateUserPoolClient, Status::Waiting));
    calls
}

/// The new SMS role's name, when the plan makes one.
pub fn sms_role_name(plan: &Plan) -> Option<&str> {
    match &plan.new_user_pool.as_ref()?.sms_role {
        SmsRolePlan::New(name) => Some(name),
        _ => None,
    }
}

/// The effect of one of the user pool calls; `None` for the others (or when what it needs is
/// not made yet).
pub fn effect(creation: &Creation, call: &Call, req: RequestId) -> Option<Effect> {
    let new = creation.plan.new_user_pool.as_ref()?;
    let made = &creation.user_pool;
    let sms_role = || sms_role_name(&creation.plan).map(String::from);
    Some(match call {
        Call::CreateSmsRole => Effect::CreateRole {
            req,
            name: sms_role()?,
            trust_policy: sms_trust_policy(&new.external_id),
            description: format!(
                "Lets the Cognito user pool {} send SMS (made by cognito-tui)",
                new.settings.name
            ),
        },
        Call::PutSmsRolePolicy => Effect::PutRolePolicy {
            req,
            role_name: sms_role()?,
            policy_name: SMS_POLICY_NAME.into(),
            document: sms_publish_policy(),
        },
        Call::CreateUserPool => {
            let arn = match &new.sms_role {
                SmsRolePlan::None => None,
                SmsRolePlan::New(_) => Some(made.sms_role_arn.clone()?),
                SmsRolePlan::Existing(arn) => Some(arn.clone()),
            };
            Effect::CreateUserPool {
                req,
                settings: new.settings_with(arn),
            }
        }
        Call::CreateUserPoolClient => Effect::CreateUserPoolClient {
            req,
            user_pool_id: made.user_pool_id.clone()?,
            settings: new.client.clone(),
        },
        Call::DeleteUserPoolClient => Effect::DeleteUserPoolClient {
            req,
            user_pool_id: made.user_pool_id.clone()?,
            client_id: made.client_id.clone()?,
        },
        Call::DeleteUserPool => Effect::DeleteUserPool {
            req,
            user_pool_id: made.user_pool_id.clone()?,
        },
        Call::DeleteSmsRolePolicy => Effect::DeleteRolePolicy {
            req,
            role_name: sms_role()?,
            policy_name: SMS_POLICY_NAME.into(),
        },
        Call::DeleteSmsRole => Effect::DeleteRole {
            req,
            role_name: sms_role()?,
        },
        _ => return None,
    })
}
