//! Cognito Identity calls and the SDK ↔ domain conversions they need.

use aws_sdk_cognitoidentity::Client;
use aws_sdk_cognitoidentity::operation::describe_identity_pool::DescribeIdentityPoolOutput;

use super::error::from_sdk;
use crate::app::AwsError;
use crate::domain::limits::MAX_PAGE;
use crate::domain::{CognitoProvider, IdentityPool, PoolSummary};

/// One page of ListIdentityPools (60 a call, the most the service gives).
pub async fn list_pools(
    client: &Client,
    next_token: Option<String>,
) -> Result<(Vec<PoolSummary>, Option<String>), AwsError> {
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

fn pool_from_sdk(out: DescribeIdentityPoolOutput) -> IdentityPool {
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
}
