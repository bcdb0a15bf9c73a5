//! A save's write calls: the effect each one runs, and its answer as success or the service's
//! error.

use crate::app::{AwsError, Effect, ErrorKind, RequestId, Response};
use crate::domain::policy::{self, NewRole};
use crate::domain::save_plan::Write;

/// A write call's answer: success (CreateRole: the new role's ARN) or the service's error.
pub(super) fn written(response: Response) -> Result<Option<String>, AwsError> {
    match response {
        Response::UpdateIdentityPool(result) => result.map(|_| None),
        Response::CreateRole(result) => result.map(Some),
        Response::SetIdentityPoolRoles(result)
        | Response::SetPrincipalTagAttributeMap(result)
        | Response::TagResource(result)
        | Response::UntagResource(result)
        | Response::PutRolePolicy(result) => result.map(|()| None),
        other => Err(AwsError::new(
            ErrorKind::Other,
            format!("unexpected answer {other:?}"),
        )),
    }
}

/// The effect of one write to `pool_id` (named `pool_name`).
pub(super) fn effect(pool_id: &str, pool_name: &str, req: RequestId, write: Write) -> Effect {
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
