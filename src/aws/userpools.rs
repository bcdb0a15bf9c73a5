//! Cognito user pool calls of the create wizard: the pools and app clients to pick from.

use aws_sdk_cognitoidentityprovider::config::Region;
use aws_sdk_cognitoidentityprovider::{Client, Config};

use super::error::from_sdk;
use crate::app::AwsError;
use crate::app::response::{Named, Page};
use crate::domain::limits::MAX_PAGE;

/// One page of ListUserPools (60 a call, the most it gives).
pub async fn list_user_pools(
    client: &Client,
    next_token: Option<String>,
) -> Result<Page<Named>, AwsError> {
    let out = client
        .list_user_pools()
        .max_results(MAX_PAGE)
        .set_next_token(next_token)
        .send()
        .await
        .map_err(from_sdk)?;
    let pools = out
        .user_pools()
        .iter()
        .filter_map(|p| {
            Some((
                p.id()?.to_string(),
                p.name().unwrap_or_default().to_string(),
            ))
        })
        .collect();
    Ok((pools, out.next_token().map(String::from)))
}

/// One page of ListUserPoolClients, asked of the user pool's own region (the prefix of its id):
/// an identity pool may trust a user pool of another region, typed by its id.
pub async fn list_clients(
    client: &Client,
    user_pool_id: &str,
    next_token: Option<String>,
) -> Result<Page<Named>, AwsError> {
    let call = client
        .list_user_pool_clients()
        .user_pool_id(user_pool_id)
        .max_results(MAX_PAGE)
        .set_next_token(next_token);
    let out = match user_pool_id.split_once('_') {
        Some((region, _)) if !region.is_empty() => {
            call.customize()
                .config_override(Config::builder().region(Region::new(region.to_string())))
                .send()
                .await
        }
        _ => call.send().await,
    }
    .map_err(from_sdk)?;
    let clients = out
        .user_pool_clients()
        .iter()
        .filter_map(|c| {
            Some((
                c.client_id()?.to_string(),
                c.client_name().unwrap_or_default().to_string(),
            ))
        })
        .collect();
    Ok((clients, out.next_token().map(String::from)))
}
