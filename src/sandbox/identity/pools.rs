//! CreateIdentityPool, DescribeIdentityPool, ListIdentityPools, UpdateIdentityPool, DeleteIdentityPool.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use crate::domain::limits::{self, MAX_POOLS_PER_REGION, MAX_USER_POOL_PROVIDERS};
use crate::domain::{CognitoProvider, IdentityPool};
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::{State, StoredPool};

/// The configurable part of a pool, as CreateIdentityPool and UpdateIdentityPool both take it.
struct PoolInput {
    name: Option<String>,
    allow_unauthenticated: Option<bool>,
    allow_classic_flow: Option<bool>,
    login_providers: Option<std::collections::BTreeMap<String, String>>,
    developer_provider_name: Option<String>,
    oidc_arns: Option<Vec<String>>,
    user_pools: Option<Vec<CognitoProvider>>,
    saml_arns: Option<Vec<String>>,
    tags: Option<std::collections::BTreeMap<String, String>>,
}

fn read_pool_input(input: &mut Input) -> PoolInput {
    PoolInput {
        name: input.string("IdentityPoolName", &limits::POOL_NAME, true),
        allow_unauthenticated: input.boolean("AllowUnauthenticatedIdentities", true),
        allow_classic_flow: input.boolean("AllowClassicFlow", false),
        login_providers: input.string_map(
            "SupportedLoginProviders",
            Some(limits::MAX_LOGIN_PROVIDERS),
            &limits::LOGIN_PROVIDER_KEY,
            &limits::LOGIN_PROVIDER_APP_ID,
            false,
        ),
        developer_provider_name: input.string(
            "DeveloperProviderName",
            &limits::DEVELOPER_PROVIDER_NAME,
            false,
        ),
        oidc_arns: input.string_list(
            "OpenIdConnectProviderARNs",
            &limits::PROVIDER_ARN,
            (0, None),
            false,
        ),
        user_pools: input.object_list("CognitoIdentityProviders", (0, None), |item| {
            CognitoProvider {
                provider_name: item
                    .string("ProviderName", &limits::USER_POOL_PROVIDER_NAME, false)
                    .unwrap_or_default(),
                client_id: item
                    .string("ClientId", &limits::USER_POOL_CLIENT_ID, false)
                    .unwrap_or_default(),
                server_side_token_check: item
                    .boolean("ServerSideTokenCheck", false)
                    .unwrap_or(false),
            }
        }),
        saml_arns: input.string_list("SamlProviderARNs", &limits::PROVIDER_ARN, (0, None), false),
        tags: input.string_map(
            "IdentityPoolTags",
            None,
            &limits::TAG_KEY,
            &limits::TAG_VALUE,
            false,
        ),
    }
}

/// The semantic checks the service makes after the model's constraints pass.
fn check_semantics(config: &PoolInput) -> Result<(), ServiceError> {
    if let Some(user_pools) = &config.user_pools {
        if user_pools.len() > MAX_USER_POOL_PROVIDERS {
            return Err(ServiceError::client(
                "LimitExceededException",
                format!(
                    "An identity pool can have at most {MAX_USER_POOL_PROVIDERS} Cognito user pool providers."
                ),
            ));
        }
        for provider in user_pools {
            check_user_pool_provider(provider)?;
        }
    }
    for arn in config.oidc_arns.iter().flatten() {
        check_iam_provider_arn(arn, "oidc-provider", "OpenIdConnectProviderARNs")?;
    }
    for arn in config.saml_arns.iter().flatten() {
        check_iam_provider_arn(arn, "saml-provider", "SamlProviderARNs")?;
    }
    if let Some(tags) = &config.tags {
        super::tags::check_tags(tags.iter(), tags.len())?;
    }
    Ok(())
}

/// A user pool provider: `cognito-idp.<region>.amazonaws.com/<region>_<id>` and an app client. The
/// user pool may be in another region than the identity pool (the service allows it), but the
/// host must name the user pool's own region.
fn check_user_pool_provider(provider: &CognitoProvider) -> Result<(), ServiceError> {
    let invalid = || {
        ServiceError::invalid_parameter(format!(
            "Invalid Cognito Identity Provider: {} (expected cognito-idp.<region>.amazonaws.com/<user pool id>, with the user pool's own region, and an app client id).",
            provider.provider_name
        ))
    };
    if provider.client_id.is_empty() {
        return Err(invalid());
    }
    let (host_region, pool_id) = provider
        .provider_name
        .strip_prefix("cognito-idp.")
        .and_then(|rest| rest.split_once(".amazonaws.com/"))
        .ok_or_else(invalid)?;
    let looks_like_region = !host_region.is_empty()
        && host_region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    match pool_id.split_once('_') {
        Some((pool_region, suffix))
            if looks_like_region && pool_region == host_region && !suffix.is_empty() =>
        {
            Ok(())
        }
        _ => Err(invalid()),
    }
}

fn check_iam_provider_arn(arn: &str, kind: &str, member: &str) -> Result<(), ServiceError> {
    let ok = arn
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, resource)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource
                    .strip_prefix(kind)
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(|name| !name.is_empty())
        });
    if ok {
        Ok(())
    } else {
        Err(ServiceError::invalid_parameter(format!(
            "Invalid {member} entry: {arn} is not an IAM {kind} ARN."
        )))
    }
}

/// CreateIdentityPool: a new pool with a fresh `<region>:<uuid>` id.
pub fn create(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let config = read_pool_input(&mut input);
    input.finish()?;
    check_semantics(&config)?;
    if state.pools_in(region).count() >= MAX_POOLS_PER_REGION {
        return Err(ServiceError::client(
            "LimitExceededException",
            format!(
                "You have reached the limit of {MAX_POOLS_PER_REGION} identity pools in {region}."
            ),
        ));
    }
    let pool = IdentityPool {
        identity_pool_id: format!("{region}:{}", uuid::Uuid::new_v4()),
        identity_pool_name: config.name.unwrap_or_default(),
        allow_unauthenticated_identities: config.allow_unauthenticated.unwrap_or(false),
        allow_classic_flow: config.allow_classic_flow,
        supported_login_providers: config.login_providers.unwrap_or_default(),
        developer_provider_name: config.developer_provider_name,
        open_id_connect_provider_arns: config.oidc_arns.unwrap_or_default(),
        cognito_identity_providers: config.user_pools.unwrap_or_default(),
        saml_provider_arns: config.saml_arns.unwrap_or_default(),
        identity_pool_tags: config.tags.unwrap_or_default(),
    };
    let seq = state.next_seq;
    state.next_seq += 1;
    state.pools.push(StoredPool::new(seq, pool.clone()));
    Ok(to_json(&pool))
}

/// Reads and checks `IdentityPoolId`, then finds the pool in the caller's region.
fn pool_id(input: &mut Input) -> Option<String> {
    input.string("IdentityPoolId", &limits::POOL_ID, true)
}

fn not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("IdentityPool '{id}' not found."))
}

/// DescribeIdentityPool.
pub fn describe(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let id = pool_id(&mut input);
    input.finish()?;
    let id = id.unwrap_or_default();
    let stored = state.pool(region, &id).ok_or_else(|| not_found(&id))?;
    Ok(to_json(&stored.pool))
}

/// DeleteIdentityPool.
pub fn delete(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let id = pool_id(&mut input);
    input.finish()?;
    let id = id.unwrap_or_default();
    let seq = state.pool(region, &id).ok_or_else(|| not_found(&id))?.seq;
    state.pools.retain(|p| p.seq != seq);
    state.identities.remove_pool(&id);
    Ok(json!({}))
}

/// UpdateIdentityPool: replaces the whole configuration (omitted lists and maps are cleared), except
/// that an omitted DeveloperProviderName or IdentityPoolTags is kept.
pub fn update(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let id = pool_id(&mut input);
    let config = read_pool_input(&mut input);
    input.finish()?;
    check_semantics(&config)?;
    let id = id.unwrap_or_default();
    let stored = state.pool_mut(region, &id).ok_or_else(|| not_found(&id))?;
    let pool = &mut stored.pool;
    if let (Some(old), Some(new)) = (
        &pool.developer_provider_name,
        &config.developer_provider_name,
    ) && old != new
    {
        return Err(ServiceError::invalid_parameter(
            "DeveloperProviderName cannot be changed once it is set.",
        ));
    }
    pool.identity_pool_name = config.name.unwrap_or_default();
    pool.allow_unauthenticated_identities = config.allow_unauthenticated.unwrap_or(false);
    pool.allow_classic_flow = config.allow_classic_flow;
    pool.supported_login_providers = config.login_providers.unwrap_or_default();
    if config.developer_provider_name.is_some() {
        pool.developer_provider_name = config.developer_provider_name;
    }
    pool.open_id_connect_provider_arns = config.oidc_arns.unwrap_or_default();
    pool.cognito_identity_providers = config.user_pools.unwrap_or_default();
    pool.saml_provider_arns = config.saml_arns.unwrap_or_default();
    if let Some(tags) = config.tags {
        pool.identity_pool_tags = tags;
    }
    Ok(to_json(pool))
}

/// ListIdentityPools: `MaxResults` (1–60) per page, in creation order, with an opaque NextToken.
pub fn list(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let max = input.integer("MaxResults", 1, i64::from(limits::MAX_PAGE), true);
    let token = input.string("NextToken", &limits::NEXT_TOKEN, false);
    input.finish()?;
    let max = usize::try_from(max.unwrap_or(1)).unwrap_or(1);
    let after = match token {
        Some(token) => decode_token(&token)?,
        None => 0,
    };
    let mut page = state.pools_in(region).filter(|p| p.seq > after);
    let items: Vec<&StoredPool> = page.by_ref().take(max).collect();
    let more = page.next().is_some();
    let pools: Vec<Value> = items
        .iter()
        .map(|p| {
            json!({
                "IdentityPoolId": p.pool.identity_pool_id,
                "IdentityPoolName": p.pool.identity_pool_name,
            })
        })
        .collect();
    let mut out = json!({ "IdentityPools": pools });
    if more && let Some(last) = items.last() {
        out["NextToken"] = Value::String(encode_token(last.seq));
    }
    Ok(out)
}

/// An opaque page token: the creation number of the last pool returned.
fn encode_token(seq: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("pools-after:{seq}"))
}

fn decode_token(token: &str) -> Result<u64, ServiceError> {
    URL_SAFE_NO_PAD
        .decode(token)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("pools-after:")?.parse().ok())
        .ok_or_else(|| ServiceError::invalid_parameter("The NextToken is not valid."))
}

fn to_json(pool: &IdentityPool) -> Value {
    serde_json::to_value(pool).unwrap_or_else(|_| json!({}))
}
