//! Cognito Identity calls and the SDK ↔ domain conversions they need.

use aws_sdk_cognitoidentity::Client;
use aws_sdk_cognitoidentity::operation::describe_identity_pool::DescribeIdentityPoolOutput;

use super::error::from_sdk;
use crate::app::AwsError;
use crate::app::response::Page;
use crate::domain::limits::MAX_PAGE;
use crate::domain::roles;
use crate::domain::{CognitoProvider, Identity, IdentityPool, PoolSummary};

/// One page of ListIdentityPools (60 a call, the most the service gives).
pub async fn list_pools(
    client: &Client,
    next_token: Option<String>,
) -> Result<Page<PoolSummary>, AwsError> {
    let out = client
        .list_identity_pools()
        .max_results(MAX_PAGE)
        .set_next_token(next_token)
        .send()
        .await
        .map_err(from_sdk)?;
    let pools = out
        .identity_pools()
        .iter()
        .filter_map(|p| {
            Some(PoolSummary {
                id: p.identity_pool_id()?.to_string(),
                name: p.identity_pool_name().unwrap_or_default().to_string(),
            })
        })
        .collect();
    Ok((pools, out.next_token().map(String::from)))
}

/// DescribeIdentityPool.
pub async fn describe_pool(client: &Client, pool_id: &str) -> Result<IdentityPool, AwsError> {
    let out = client
        .describe_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(pool_from_sdk(out))
}

/// DeleteIdentityPool.
pub async fn delete_pool(client: &Client, pool_id: &str) -> Result<(), AwsError> {
    client
        .delete_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// DescribeIdentityPool and CreateIdentityPool answer with the same fields in two SDK types.
macro_rules! pool_from_output {
    ($out:expr) => {{
        let out = $out;

        IdentityPool {
            identity_pool_id: out.identity_pool_id,
            identity_pool_name: out.identity_pool_name,
            allow_unauthenticated_identities: out.allow_unauthenticated_identities,
            allow_classic_flow: out.allow_classic_flow,
            supported_login_providers: out
                .supported_login_providers
                .unwrap_or_default()
                .into_iter()
                .collect(),
            developer_provider_name: out.developer_provider_name,
            open_id_connect_provider_arns: out.open_id_connect_provider_arns.unwrap_or_default(),
            cognito_identity_providers: out
                .cognito_identity_providers
                .unwrap_or_default()
                .into_iter()
                .map(|p| CognitoProvider {
                    provider_name: p.provider_name.unwrap_or_default(),
                    client_id: p.client_id.unwrap_or_default(),
                    server_side_token_check: p.server_side_token_check.unwrap_or(false),
                })
                .collect(),
            saml_provider_arns: out.saml_provider_arns.unwrap_or_default(),
            identity_pool_tags: out
                .identity_pool_tags
                .unwrap_or_default()
                .into_iter()
                .collect(),
        }
    }};
}
pub(crate) use pool_from_output;

fn pool_from_sdk(out: DescribeIdentityPoolOutput) -> IdentityPool {
    pool_from_output!(out)
}

fn identity_from_sdk(d: &aws_sdk_cognitoidentity::types::IdentityDescription) -> Option<Identity> {
    Some(Identity {
        id: d.identity_id()?.to_string(),
        logins: d.logins().to_vec(),
        created: d.creation_date().map(|t| t.as_secs_f64()),
        modified: d.last_modified_date().map(|t| t.as_secs_f64()),
    })
}

/// One page of ListIdentities (60 a call).
pub async fn list_identities(
    client: &Client,
    pool_id: &str,
    next_token: Option<String>,
    hide_disabled: bool,
) -> Result<Page<Identity>, AwsError> {
    let out = client
        .list_identities()
        .identity_pool_id(pool_id)
        .max_results(MAX_PAGE)
        .set_next_token(next_token)
        .hide_disabled(hide_disabled)
        .send()
        .await
        .map_err(from_sdk)?;
    let identities = out
        .identities()
        .iter()
        .filter_map(identity_from_sdk)
        .collect();
    Ok((identities, out.next_token().map(String::from)))
}

/// DescribeIdentity.
pub async fn describe_identity(client: &Client, identity_id: &str) -> Result<Identity, AwsError> {
    let out = client
        .describe_identity()
        .identity_id(identity_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(Identity {
        id: out.identity_id().unwrap_or(identity_id).to_string(),
        logins: out.logins().to_vec(),
        created: out.creation_date().map(|t| t.as_secs_f64()),
        modified: out.last_modified_date().map(|t| t.as_secs_f64()),
    })
}

/// LookupDeveloperIdentity, following NextToken: the identity and all its developer user identifiers.
pub async fn lookup_developer(
    client: &Client,
    pool_id: &str,
    identity_id: Option<String>,
    developer_user: Option<String>,
) -> Result<(String, Vec<String>), AwsError> {
    let mut users = Vec::new();
    let mut token = None;
    loop {
        let out = client
            .lookup_developer_identity()
            .identity_pool_id(pool_id)
            .set_identity_id(identity_id.clone())
            .set_developer_user_identifier(developer_user.clone())
            .max_results(MAX_PAGE)
            .set_next_token(token)
            .send()
            .await
            .map_err(from_sdk)?;
        users.extend(out.developer_user_identifier_list().iter().cloned());
        token = out.next_token().map(String::from);
        if token.is_none() {
            let id = out
                .identity_id()
                .map(String::from)
                .or(identity_id)
                .unwrap_or_default();
            return Ok((id, users));
        }
    }
}

/// DeleteIdentities for one batch; the unprocessed ids with their error codes.
pub async fn delete_identities(
    client: &Client,
    ids: Vec<String>,
) -> Result<Vec<(String, String)>, AwsError> {
    let out = client
        .delete_identities()
        .set_identity_ids_to_delete(Some(ids))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(out
        .unprocessed_identity_ids()
        .iter()
        .filter_map(|u| {
            let code = u
                .error_code()
                .map(|c| c.as_str().to_string())
                .unwrap_or_else(|| "Unknown".into());
            Some((u.identity_id()?.to_string(), code))
        })
        .collect())
}

fn mapping_from_sdk(m: &aws_sdk_cognitoidentity::types::RoleMapping) -> roles::RoleMapping {
    roles::RoleMapping {
        mapping_type: m.r#type().as_str().to_string(),
        ambiguous_role_resolution: m
            .ambiguous_role_resolution()
            .map(|r| r.as_str().to_string()),
        rules_configuration: m.rules_configuration().map(|rc| roles::RulesConfiguration {
            rules: rc
                .rules()
                .iter()
                .map(|r| roles::MappingRule {
                    claim: r.claim().to_string(),
                    match_type: r.match_type().as_str().to_string(),
                    value: r.value().to_string(),
                    role_arn: r.role_arn().to_string(),
                })
                .collect(),
        }),
    }
}

/// GetIdentityPoolRoles.
pub async fn get_roles(client: &Client, pool_id: &str) -> Result<roles::PoolRoles, AwsError> {
    let out = client
        .get_identity_pool_roles()
        .identity_pool_id(pool_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(roles::PoolRoles {
        roles: out
            .roles()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .collect(),
        role_mappings: out
            .role_mappings()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), mapping_from_sdk(v)))
                    .collect()
            })
            .unwrap_or_default(),
    })
}
