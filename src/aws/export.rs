//! Reading everything an export needs, fresh and in parallel: DescribeIdentityPool first (it
//! names the providers and nothing else can start without it), then GetIdentityPoolRoles and
//! every provider's GetPrincipalTagAttributeMap together; with roles, each referenced role's
//! GetRole, inline policies and attachments together too.

use futures::future::try_join_all;
use std::collections::BTreeMap;

use super::{Clients, identity, roles, update};
use crate::app::AwsError;
use crate::domain::config::PoolConfig;
use crate::domain::roles::role_name;
use crate::export::{ExportedRole, PoolExport, referenced_roles};

/// The pool (and, with `include_roles`, the roles it references) as an export reads it.
pub async fn read(
    clients: &Clients,
    pool_id: &str,
    include_roles: bool,
) -> Result<PoolExport, AwsError> {
    let pool = identity::describe_pool(&clients.identity, pool_id).await?;
    let providers = pool.tag_providers();
    let tags = try_join_all(providers.iter().map(|provider| async move {
        update::get_principal_tags(&clients.identity, pool_id, provider)
            .await
            .map(|map| (provider.clone(), map))
    }));
    let (pool_roles, tags) =
        futures::try_join!(identity::get_roles(&clients.identity, pool_id), tags)?;
    let config = PoolConfig {
        pool,
        roles: pool_roles,
        principal_tags: tags.into_iter().collect::<BTreeMap<_, _>>(),
    };
    let roles = if include_roles {
        Some(
            try_join_all(
                referenced_roles(&config)
                    .into_iter()
                    .map(|arn| read_role(clients, arn)),
            )
            .await?,
        )
    } else {
        None
    };
    Ok(PoolExport { config, roles })
}

async fn read_role(clients: &Clients, arn: String) -> Result<ExportedRole, AwsError> {
    let name = role_name(&arn).to_string();
    let (role, inline, attached) = futures::try_join!(
        roles::get_role(&clients.iam, &name),
        async {
            let names = roles::inline_policies(&clients.iam, &name).await?;
            try_join_all(names.into_iter().map(|policy| {
                let name = name.clone();
                async move {
                    roles::inline_policy(&clients.iam, &name, &policy)
                        .await
                        .map(|document| (policy, document))
                }
            }))
            .await
        },
        roles::attached_policies(&clients.iam, &name),
    )?;
    Ok(ExportedRole {
        arn,
        name,
        trust_policy: role.trust_policy,
        inline,
        attached: attached.into_iter().map(|(_, arn)| arn).collect(),
    })
}
