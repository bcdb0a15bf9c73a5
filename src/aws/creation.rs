//! The Cognito Identity writes of the create wizard: CreateIdentityPool, SetIdentityPoolRoles,
//! SetPrincipalTagAttributeMap.

use std::collections::{BTreeMap, HashMap};

use aws_sdk_cognitoidentity::Client;
use aws_sdk_cognitoidentity::types::{
    AmbiguousRoleResolutionType, CognitoIdentityProvider, MappingRule, MappingRuleMatchType,
    RoleMapping, RoleMappingType, RulesConfigurationType,
};

use super::error::from_sdk;
use super::identity::pool_from_output;
use crate::app::{AwsError, ErrorKind};
use crate::domain::roles::{self, PrincipalTagMap};
use crate::domain::{CognitoProvider, IdentityPool};

fn build_error(error: impl std::fmt::Display) -> AwsError {
    AwsError::new(
        ErrorKind::Other,
        format!("Could not build the request: {error}"),
    )
}

/// The user pool providers as the SDK takes them.
pub(super) fn providers_to_sdk(providers: &[CognitoProvider]) -> Vec<CognitoIdentityProvider> {
    providers
        .iter()
        .map(|p| {
            CognitoIdentityProvider::builder()
                .provider_name(&p.provider_name)
                .client_id(&p.client_id)
                .server_side_token_check(p.server_side_token_check)
                .build()
        })
        .collect()
}

/// CreateIdentityPool with every field of `pool` but its id.
pub async fn create_pool(client: &Client, pool: IdentityPool) -> Result<IdentityPool, AwsError> {
    let providers = providers_to_sdk(&pool.cognito_identity_providers);
    let non_empty = |v: Vec<String>| (!v.is_empty()).then_some(v);
    let out = client
        .create_identity_pool()
        .identity_pool_name(pool.identity_pool_name)
        .allow_unauthenticated_identities(pool.allow_unauthenticated_identities)
        .set_allow_classic_flow(pool.allow_classic_flow)
        .set_supported_login_providers((!pool.supported_login_providers.is_empty()).then(|| {
            pool.supported_login_providers
                .into_iter()
                .collect::<HashMap<_, _>>()
        }))
        .set_developer_provider_name(pool.developer_provider_name)
        .set_open_id_connect_provider_arns(non_empty(pool.open_id_connect_provider_arns))
        .set_cognito_identity_providers((!providers.is_empty()).then_some(providers))
        .set_saml_provider_arns(non_empty(pool.saml_provider_arns))
        .set_identity_pool_tags((!pool.identity_pool_tags.is_empty()).then(|| {
            pool.identity_pool_tags
                .into_iter()
                .collect::<HashMap<_, _>>()
        }))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(pool_from_output!(out))
}

fn mapping_to_sdk(mapping: &roles::RoleMapping) -> Result<RoleMapping, AwsError> {
    let rules = match &mapping.rules_configuration {
        Some(config) => {
            let rules = config
                .rules
                .iter()
                .map(|r| {
                    MappingRule::builder()
                        .claim(&r.claim)
                        .match_type(MappingRuleMatchType::from(r.match_type.as_str()))
                        .value(&r.value)
                        .role_arn(&r.role_arn)
                        .build()
                        .map_err(build_error)
                })
                .collect::<Result<Vec<_>, _>>()?;
            Some(
                RulesConfigurationType::builder()
                    .set_rules(Some(rules))
                    .build()
                    .map_err(build_error)?,
            )
        }
        None => None,
    };
    RoleMapping::builder()
        .r#type(RoleMappingType::from(mapping.mapping_type.as_str()))
        .set_ambiguous_role_resolution(
            mapping
                .ambiguous_role_resolution
                .as_deref()
                .map(AmbiguousRoleResolutionType::from),
        )
        .set_rules_configuration(rules)
        .build()
        .map_err(build_error)
}

/// SetIdentityPoolRoles: replaces the pool's roles and role mappings.
pub async fn set_roles(
    client: &Client,
    pool_id: &str,
    roles: BTreeMap<String, String>,
    mappings: BTreeMap<String, roles::RoleMapping>,
) -> Result<(), AwsError> {
    let mappings = mappings
        .iter()
        .map(|(k, m)| Ok((k.clone(), mapping_to_sdk(m)?)))
        .collect::<Result<HashMap<_, _>, AwsError>>()?;
    client
        .set_identity_pool_roles()
        .identity_pool_id(pool_id)
        .set_roles(Some(roles.into_iter().collect()))
        // Sent even when empty: `{}` clears the mappings, where leaving it out is not documented.
        .set_role_mappings(Some(mappings))
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// SetPrincipalTagAttributeMap for one provider.
pub async fn set_principal_tags(
    client: &Client,
    pool_id: &str,
    provider: &str,
    map: PrincipalTagMap,
) -> Result<(), AwsError> {
    client
        .set_principal_tag_attribute_map()
        .identity_pool_id(pool_id)
        .identity_provider_name(provider)
        .use_defaults(map.use_defaults)
        .set_principal_tags(
            (!map.principal_tags.is_empty()).then(|| map.principal_tags.into_iter().collect()),
        )
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}
