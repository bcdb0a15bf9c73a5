//! The writes that turn one pool configuration into another, in an order the service accepts:
//! a role mapping may name only a provider the pool has, and principal tags may be set only for a
//! configured provider, so what goes away is unmapped first and what comes is configured first.

use std::collections::BTreeMap;

use super::config::PoolConfig;
use super::policy::NewRole;
use super::pool::IdentityPool;
use super::roles::{PoolRoles, PrincipalTagMap};

/// One write of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// SetPrincipalTagAttributeMap for one provider.
    SetPrincipalTags {
        /// The provider name.
        provider: String,
        /// The map to set.
        map: PrincipalTagMap,
    },
    /// SetIdentityPoolRoles (replaces roles and mappings).
    SetRoles(PoolRoles),
    /// UpdateIdentityPool (replaces the configuration; tags are not sent: they have their own calls).
    UpdatePool(IdentityPool),
    /// TagResource: add or change these tags.
    Tag(BTreeMap<String, String>),
    /// UntagResource: remove these tag keys.
    Untag(Vec<String>),
    /// CreateRole: a new default role whose trust names the pool (before anything names it).
    CreateRole(NewRole),
    /// PutRolePolicy: the new role's basic permissions.
    PutRolePolicy(String),
    /// CreateRole: a new user pool's SMS role (trusting Cognito user pools with the external id).
    CreateSmsRole {
        /// Its name.
        name: String,
        /// The external id its trust requires.
        external_id: String,
    },
    /// PutRolePolicy: the SMS role may publish to SNS.
    PutSmsRolePolicy(String),
    /// CreateUserPool (the SMS role's ARN is put in when the call is made).
    CreateUserPool(Box<crate::domain::new_user_pool::NewUserPoolPlan>),
    /// CreateUserPoolClient in the user pool just created.
    CreateUserPoolClient(crate::domain::new_user_pool::ClientSettings),
}

impl Write {
    /// The operation's name.
    pub fn operation(&self) -> &'static str {
        match self {
            Write::SetPrincipalTags { .. } => "SetPrincipalTagAttributeMap",
            Write::SetRoles(_) => "SetIdentityPoolRoles",
            Write::UpdatePool(_) => "UpdateIdentityPool",
            Write::Tag(_) => "TagResource",
            Write::Untag(_) => "UntagResource",
            Write::CreateRole(_) => "CreateRole",
            Write::PutRolePolicy(_) | Write::PutSmsRolePolicy(_) => "PutRolePolicy",
            Write::CreateSmsRole { .. } => "CreateRole",
            Write::CreateUserPool(_) => "CreateUserPool",
            Write::CreateUserPoolClient(_) => "CreateUserPoolClient",
        }
    }
}

/// The pool as UpdateIdentityPool compares it: without its tags.
fn untagged(pool: &IdentityPool) -> IdentityPool {
    IdentityPool {
        identity_pool_tags: BTreeMap::new(),
        ..pool.clone()
    }
}

/// `roles` with only the mappings whose keys `pool` accepts.
fn mappings_valid_for(roles: &PoolRoles, pool: &IdentityPool) -> PoolRoles {
    let keys = pool.mapping_keys();
    PoolRoles {
        roles: roles.roles.clone(),
        role_mappings: roles
            .role_mappings
            .iter()
            .filter(|(key, _)| keys.contains(key))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

/// The writes from `before` to `after`, in order; empty when they are the same.
pub fn plan(before: &PoolConfig, after: &PoolConfig) -> Vec<Write> {
    let mut writes = Vec::new();
    let leaving: Vec<String> = before
        .pool
        .tag_providers()
        .into_iter()
        .filter(|p| !after.pool.tag_providers().contains(p))
        .collect();
    // A provider that goes takes its attributes for access control with it, while it still exists.
    for provider in &leaving {
        if before
            .principal_tags
            .get(provider)
            .is_some_and(|map| *map != PrincipalTagMap::default())
        {
            writes.push(Write::SetPrincipalTags {
                provider: provider.clone(),
                map: PrincipalTagMap::default(),
            });
        }
    }
    let pool_changes = untagged(&before.pool) != untagged(&after.pool);
    let roles_change = before.roles != after.roles;
    let mut roles_done = !roles_change;
    if pool_changes {
        // Mappings of providers that go must go first; mappings of providers that come can only
        // be set once the pool has them.
        let before_ok = before
            .roles
            .role_mappings
            .keys()
            .all(|k| after.pool.mapping_keys().contains(k));
        if roles_change && !before_ok {
            let interim = mappings_valid_for(&after.roles, &before.pool);
            roles_done = interim == after.roles;
            writes.push(Write::SetRoles(interim));
        }
        writes.push(Write::UpdatePool(untagged(&after.pool)));
    }
    if !roles_done {
        writes.push(Write::SetRoles(after.roles.clone()));
    }
    for (provider, map) in &after.principal_tags {
        let was = before
            .principal_tags
            .get(provider)
            .cloned()
            .unwrap_or_default();
        if *map != was {
            writes.push(Write::SetPrincipalTags {
                provider: provider.clone(),
                map: map.clone(),
            });
        }
    }
    let removed: Vec<String> = before
        .pool
        .identity_pool_tags
        .keys()
        .filter(|k| !after.pool.identity_pool_tags.contains_key(*k))
        .cloned()
        .collect();
    if !removed.is_empty() {
        writes.push(Write::Untag(removed));
    }
    let set: BTreeMap<String, String> = after
        .pool
        .identity_pool_tags
        .iter()
        .filter(|(k, v)| before.pool.identity_pool_tags.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !set.is_empty() {
        writes.push(Write::Tag(set));
    }
    writes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pool::CognitoProvider;
    use crate::domain::roles::RoleMapping;

    const USER_POOL: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc";

    fn token() -> RoleMapping {
        RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: Some("AuthenticatedRole".into()),
            rules_configuration: None,
        }
    }

    fn with_user_pool() -> PoolConfig {
        let mut config = PoolConfig::default();
        config.pool.identity_pool_name = "p".into();
        config
            .pool
            .cognito_identity_providers
            .push(CognitoProvider {
                provider_name: USER_POOL.into(),
                client_id: "c1".into(),
                server_side_token_check: false,
            });
        config
            .roles
            .role_mappings
            .insert(format!("{USER_POOL}:c1"), token());
        config.principal_tags.insert(
            USER_POOL.into(),
            PrincipalTagMap {
                use_defaults: true,
                principal_tags: BTreeMap::new(),
            },
        );
        config
    }

    fn ops(writes: &[Write]) -> Vec<&'static str> {
        writes.iter().map(Write::operation).collect()
    }

    #[test]
    fn nothing_changed_writes_nothing() {
        assert_eq!(plan(&with_user_pool(), &with_user_pool()), Vec::new());
    }

    #[test]
    fn a_rename_is_one_update_without_tags() {
        let before = with_user_pool();
        let mut after = before.clone();
        after.pool.identity_pool_name = "q".into();
        after
            .pool
            .identity_pool_tags
            .insert("env".into(), "prod".into());
        let writes = plan(&before, &after);
        assert_eq!(ops(&writes), vec!["UpdateIdentityPool", "TagResource"]);
        let Write::UpdatePool(pool) = &writes[0] else {
            panic!()
        };
        assert!(
            pool.identity_pool_tags.is_empty(),
            "tags have their own calls"
        );
    }

    #[test]
    fn a_provider_that_goes_is_untagged_and_unmapped_before_the_pool_drops_it() {
        let before = with_user_pool();
        let mut after = before.clone();
        after.pool.cognito_identity_providers.clear();
        after.roles.role_mappings.clear();
        after.principal_tags.clear();
        let writes = plan(&before, &after);
        assert_eq!(
            ops(&writes),
            vec![
                "SetPrincipalTagAttributeMap",
                "SetIdentityPoolRoles",
                "UpdateIdentityPool"
            ]
        );
        assert_eq!(
            writes[0],
            Write::SetPrincipalTags {
                provider: USER_POOL.into(),
                map: PrincipalTagMap::default()
            }
        );
    }

    #[test]
    fn a_provider_that_comes_is_configured_before_its_mapping_and_tags() {
        let before = PoolConfig::default();
        let after = with_user_pool();
        assert_eq!(
            ops(&plan(&before, &after)),
            vec![
                "UpdateIdentityPool",
                "SetIdentityPoolRoles",
                "SetPrincipalTagAttributeMap"
            ]
        );
    }

    #[test]
    fn a_client_swap_unmaps_the_old_key_then_maps_the_new_one() {
        let before = with_user_pool();
        let mut after = before.clone();
        after.pool.cognito_identity_providers[0].client_id = "c2".into();
        after.roles.role_mappings.clear();
        after
            .roles
            .role_mappings
            .insert(format!("{USER_POOL}:c2"), token());
        let writes = plan(&before, &after);
        assert_eq!(
            ops(&writes),
            vec![
                "SetIdentityPoolRoles",
                "UpdateIdentityPool",
                "SetIdentityPoolRoles"
            ]
        );
        assert_eq!(writes[0], Write::SetRoles(PoolRoles::default()));
    }
}
