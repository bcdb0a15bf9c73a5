//! A save's write calls: the effect each one runs, and its answer as success (with what it made)
//! or the service's error.

use crate::app::{AwsError, Effect, ErrorKind, RequestId, Response};
use crate::domain::new_user_pool::{
    NewUserPoolPlan, SMS_POLICY_NAME, SmsRolePlan, sms_publish_policy, sms_trust_policy,
};
use crate::domain::policy::{self, NewRole};
use crate::domain::save_plan::Write;

/// What a write call made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Made {
    /// Nothing to remember.
    Nothing,
    /// A role's ARN (CreateRole).
    Arn(String),
    /// A user pool's id.
    UserPool(String),
    /// An app client's id.
    Client(String),
}

/// A write call's answer: what it made, or the service's error.
pub(super) fn written(response: Response) -> Result<Made, AwsError> {
    match response {
        Response::UpdateIdentityPool(result) => result.map(|_| Made::Nothing),
        Response::CreateRole(result) => result.map(Made::Arn),
        Response::CreateUserPool(result) => result.map(Made::UserPool),
        Response::CreateUserPoolClient(result) => result.map(Made::Client),
        Response::SetIdentityPoolRoles(result)
        | Response::SetPrincipalTagAttributeMap(result)
        | Response::TagResource(result)
        | Response::UntagResource(result)
        | Response::PutRolePolicy(result) => result.map(|()| Made::Nothing),
        other => Err(AwsError::new(
            ErrorKind::Other,
            format!("unexpected answer {other:?}"),
        )),
    }
}

/// Whether a write creates something the pool's writes then name (kept when they are planned
/// again).
pub(super) fn creates(write: &Write) -> bool {
    matches!(
        write,
        Write::CreateRole(_)
            | Write::PutRolePolicy(_)
            | Write::CreateSmsRole { .. }
            | Write::PutSmsRolePolicy(_)
            | Write::CreateUserPool(_)
            | Write::CreateUserPoolClient(_)
    )
}

/// The writes that make a new user pool before the pool's own: its SMS role (when new), the
/// user pool and its app client.
pub(super) fn user_pool_writes(plan: &NewUserPoolPlan) -> Vec<Write> {
    let mut writes = Vec::new();
    if let SmsRolePlan::New(name) = &plan.sms_role {
        writes.push(Write::CreateSmsRole {
            name: name.clone(),
            external_id: plan.external_id.clone(),
        });
        writes.push(Write::PutSmsRolePolicy(name.clone()));
    }
    writes.push(Write::CreateUserPool(Box::new(plan.clone())));
    writes.push(Write::CreateUserPoolClient(plan.client.clone()));
    writes
}

/// The effect of one write to `pool_id` (named `pool_name`); `made` is the new SMS role's ARN
/// and the new user pool's id, once they exist.
pub(super) fn effect(
    pool_id: &str,
    pool_name: &str,
    req: RequestId,
    write: Write,
    made: (Option<&str>, Option<&str>),
) -> Effect {
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
        Write::CreateRole(role) => create_role(&pool_id, pool_name, req, &role),
        Write::PutRolePolicy(role_name) => Effect::PutRolePolicy {
            req,
            role_name,
            policy_name: policy::BASIC_PERMISSIONS_NAME.into(),
            document: policy::cognito_basic_permissions(),
        },
        Write::CreateSmsRole { name, external_id } => Effect::CreateRole {
            req,
            description: format!(
                "Lets a Cognito user pool of {pool_name} send SMS (made by cognito-tui)"
            ),
            name,
            trust_policy: sms_trust_policy(&external_id),
        },
        Write::PutSmsRolePolicy(role_name) => Effect::PutRolePolicy {
            req,
            role_name,
            policy_name: SMS_POLICY_NAME.into(),
            document: sms_publish_policy(),
        },
        Write::CreateUserPool(plan) => {
            let arn = match &plan.sms_role {
                SmsRolePlan::None => None,
                SmsRolePlan::New(_) => made.0.map(String::from),
                SmsRolePlan::Existing(arn) => Some(arn.clone()),
            };
            Effect::CreateUserPool {
                req,
                settings: plan.settings_with(arn),
            }
        }
        Write::CreateUserPoolClient(settings) => Effect::CreateUserPoolClient {
            req,
            user_pool_id: made.1.unwrap_or_default().to_string(),
            settings,
        },
    }
}

fn create_role(pool_id: &str, pool_name: &str, req: RequestId, role: &NewRole) -> Effect {
    Effect::CreateRole {
        req,
        name: role.name.clone(),
        trust_policy: policy::cognito_trust_policy(pool_id, role.audience, role.tag_session),
        description: role.description(pool_name, pool_id),
    }
}
