//! The Cognito Identity calls of a save on a live pool: UpdateIdentityPool (without tags: they
//! have their own calls), GetPrincipalTagAttributeMap, TagResource and UntagResource.

use std::collections::{BTreeMap, HashMap};

use aws_sdk_cognitoidentity::Client;

use super::error::from_sdk;
use super::identity::pool_from_output;
use crate::app::AwsError;
use crate::domain::roles::PrincipalTagMap;
use crate::domain::{CognitoProvider, IdentityPool};

/// UpdateIdentityPool: replaces the whole configuration with `pool`'s (a list left empty is
/// cleared); the pool's tags are not sent, so they stay as they are.
pub async fn update_pool(client: &Client, pool: IdentityPool) -> Result<IdentityPool, AwsError> {
    let providers = super::creation::providers_to_sdk(&pool.cognito_identity_providers);
    let non_empty = |v: Vec<String>| (!v.is_empty()).then_some(v);
    let logins = pool.supported_login_providers;
    let out = client
        .update_identity_pool()
        .identity_pool_id(pool.identity_pool_id)
        .identity_pool_name(pool.identity_pool_name)
        .allow_unauthenticated_identities(pool.allow_unauthenticated_identities)
        .set_allow_classic_flow(pool.allow_classic_flow)
        .set_supported_login_providers(
            (!logins.is_empty()).then(|| logins.into_iter().collect::<HashMap<_, _>>()),
        )
        .set_developer_provider_name(pool.developer_provider_name)
        .set_open_id_connect_provider_arns(non_empty(pool.open_id_connect_provider_arns))
        .set_cognito_identity_providers((!providers.is_empty()).then_some(providers))
        .set_saml_provider_arns(non_empty(pool.saml_provider_arns))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(pool_from_output!(out))
}

/// GetPrincipalTagAttributeMap for one provider.
pub async fn get_principal_tags(
    client: &Client,
    pool_id: &str,
    provider: &str,
) -> Result<PrincipalTagMap, AwsError> {
    let out = client
        .get_principal_tag_attribute_map()
        .identity_pool_id(pool_id)
        .identity_provider_name(provider)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(PrincipalTagMap {
        use_defaults: out.use_defaults.unwrap_or(false),
        principal_tags: out.principal_tags.unwrap_or_default().into_iter().collect(),
    })
}

/// TagResource: adds or changes these tags.
pub async fn tag(
    client: &Client,
    pool_arn: &str,
    tags: BTreeMap<String, String>,
) -> Result<(), AwsError> {
    client
        .tag_resource()
        .resource_arn(pool_arn)
        .set_tags(Some(tags.into_iter().collect()))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// UntagResource: removes these tag keys.
pub async fn untag(client: &Client, pool_arn: &str, keys: Vec<String>) -> Result<(), AwsError> {
    client
        .untag_resource()
        .resource_arn(pool_arn)
        .set_tag_keys(Some(keys))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// The caller's account, for the pool's ARN (GetCallerIdentity).
pub async fn account(client: &aws_sdk_sts::Client) -> Result<String, AwsError> {
    let out = client
        .get_caller_identity()
        .send()
        .await
        .map_err(from_sdk)?;
    out.account.ok_or_else(|| {
        AwsError::new(
            crate::app::ErrorKind::Other,
            "GetCallerIdentity gave no account",
        )
    })
}
