//! The security report's reads: every pool of the region (a few at a time), each role the pools
//! name once (trust, inline and attached policies), and the IAM identity providers.

use futures::stream::{self, StreamExt, TryStreamExt};
use std::collections::{BTreeMap, BTreeSet};

use super::{Clients, iam, identity, roles};
use crate::app::AwsError;
use crate::domain::config::PoolConfig;
use crate::domain::doctor::{Account, RoleState};
use crate::domain::role_use::handed_out;

/// How many pools or roles are read at once.
const AT_ONCE: usize = 4;

/// Every pool of the session's region with its roles, and the account around them.
pub async fn read(clients: &Clients) -> Result<(Vec<PoolConfig>, Account), AwsError> {
    let mut ids = Vec::new();
    let mut token = None;
    loop {
        let (page, next) = identity::list_pools(&clients.identity, token).await?;
        ids.extend(page.into_iter().map(|p| p.id));
        match next {
            Some(next) => token = Some(next),
            None => break,
        }
    }
    let configs: Vec<PoolConfig> = stream::iter(ids)
        .map(|id| async move {
            let (pool, pool_roles) = futures::try_join!(
                identity::describe_pool(&clients.identity, &id),
                identity::get_roles(&clients.identity, &id)
            )?;
            Ok::<_, AwsError>(PoolConfig {
                pool,
                roles: pool_roles,
                principal_tags: BTreeMap::new(),
            })
        })
        .buffered(AT_ONCE)
        .try_collect()
        .await?;
    let arns: BTreeSet<String> = configs
        .iter()
        .flat_map(|c| handed_out(c).into_iter().map(|h| h.arn))
        .collect();
    let role_states: Vec<(String, RoleState)> = stream::iter(arns)
        .map(|arn| async move {
            let state = role(clients, &arn).await;
            (arn, state)
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    let (oidc_providers, saml_providers) = futures::try_join!(
        iam::list_oidc_providers(&clients.iam),
        iam::list_saml_providers(&clients.iam)
    )?;
    Ok((
        configs,
        Account {
            roles: role_states.into_iter().collect(),
            oidc_providers,
            saml_providers,
        },
    ))
}

async fn role(clients: &Clients, arn: &str) -> RoleState {
    let name = crate::domain::roles::role_name(arn);
    let found = match roles::get_role(&clients.iam, name).await {
        Ok(found) => found,
        // Only GetRole's NoSuchEntity means the role is gone (a policy's means the policy is).
        Err(error) if error.code.as_deref() == Some("NoSuchEntity") => return RoleState::Missing,
        Err(error) => return RoleState::Unreadable(error.to_string()),
    };
    let policies = async {
        let mut policies = Vec::new();
        for policy in roles::inline_policies(&clients.iam, name).await? {
            policies.push(roles::inline_policy(&clients.iam, name, &policy).await?);
        }
        for (_, attached) in roles::attached_policies(&clients.iam, name).await? {
            policies.push(roles::managed_policy(&clients.iam, &attached).await?);
        }
        Ok::<_, AwsError>(policies)
    };
    match policies.await {
        Ok(policies) => RoleState::Found {
            trust_policy: found.trust_policy,
            policies,
        },
        Err(error) => RoleState::Unreadable(error.to_string()),
    }
}
