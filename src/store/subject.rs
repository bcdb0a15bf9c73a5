//! What a request reads or writes of the store, said once when the request starts (from its
//! effect), so that its answer — which carries only the result — can be filed in the right place.

use super::CatalogList;
use crate::app::{Effect, RequestId};

/// The part of the store a request's answer concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The pool's configuration: DescribeIdentityPool, or UpdateIdentityPool's answer.
    Pool(String),
    /// The pool's default roles and role mappings: GetIdentityPoolRoles.
    Roles(String),
    /// A provider's attributes for access control: GetPrincipalTagAttributeMap (pool, provider).
    TagMap(String, String),
    /// CreateIdentityPool: the answer is the new pool.
    Created,
    /// DeleteIdentityPool.
    Deleted(String),
    /// What IAM says of a role (GetRole, ListRolePolicies, ListAttachedRolePolicies), by name.
    Role(String),
    /// An inline policy's document (GetRolePolicy): (role name, policy name).
    RolePolicy(String, String),
    /// A managed policy's default document (GetPolicy + GetPolicyVersion), by ARN.
    ManagedPolicy(String),
    /// A write whose answer carries no state (SetIdentityPoolRoles, SetPrincipalTagAttributeMap,
    /// TagResource, UntagResource): what was read before it may now be old.
    Wrote(String),
    /// A page of one of the account's lists, asked after a marker (`None`: the first page).
    Listed(CatalogList, Option<String>),
}

impl Subject {
    /// The request an effect starts and what its answer concerns, for effects that read or write
    /// a pool.
    pub fn of(effect: &Effect) -> Option<(RequestId, Subject)> {
        let (req, subject) = match effect {
            Effect::DescribeIdentityPool { req, pool_id } => (req, Subject::Pool(pool_id.clone())),
            Effect::UpdateIdentityPool { req, pool } => {
                (req, Subject::Pool(pool.identity_pool_id.clone()))
            }
            Effect::GetIdentityPoolRoles { req, pool_id } => (req, Subject::Roles(pool_id.clone())),
            Effect::GetPrincipalTagAttributeMap {
                req,
                pool_id,
                provider,
            } => (req, Subject::TagMap(pool_id.clone(), provider.clone())),
            Effect::CreateIdentityPool { req, .. } => (req, Subject::Created),
            Effect::DeleteIdentityPool { req, pool_id, .. } => {
                (req, Subject::Deleted(pool_id.clone()))
            }
            Effect::SetIdentityPoolRoles { req, pool_id, .. }
            | Effect::SetPrincipalTagAttributeMap { req, pool_id, .. }
            | Effect::TagResource { req, pool_id, .. }
            | Effect::UntagResource { req, pool_id, .. } => (req, Subject::Wrote(pool_id.clone())),
            Effect::GetRole { req, role_name }
            | Effect::ListRolePolicies { req, role_name }
            | Effect::ListAttachedRolePolicies { req, role_name } => {
                (req, Subject::Role(role_name.clone()))
            }
            Effect::GetRolePolicy {
                req,
                role_name,
                policy_name,
            } => (
                req,
                Subject::RolePolicy(role_name.clone(), policy_name.clone()),
            ),
            Effect::GetManagedPolicy { req, arn } => (req, Subject::ManagedPolicy(arn.clone())),
            Effect::ListRoles { req, marker } => {
                (req, Subject::Listed(CatalogList::Roles, marker.clone()))
            }
            Effect::ListUserPools { req, next_token } => (
                req,
                Subject::Listed(CatalogList::UserPools, next_token.clone()),
            ),
            Effect::ListUserPoolClients {
                req,
                user_pool_id,
                next_token,
            } => (
                req,
                Subject::Listed(
                    CatalogList::Clients(user_pool_id.clone()),
                    next_token.clone(),
                ),
            ),
            Effect::ListOpenIdConnectProviders { req } => {
                (req, Subject::Listed(CatalogList::Oidc, None))
            }
            Effect::ListSamlProviders { req } => (req, Subject::Listed(CatalogList::Saml, None)),
            _ => return None,
        };
        Some((*req, subject))
    }
}
