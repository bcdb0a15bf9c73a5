//! Checking the tokens in a `Logins` map.
//!
//! User-pool ID tokens are verified like the service does: RS256 signature against that sandbox user
//! pool's key, `iss` = the provider name, `aud` = an app client configured on the identity pool,
//! `token_use` = `id`, not expired. The sandbox's rule for every other provider (social, OIDC, SAML):
//! the token is a JWT (its signature is not checked) whose payload has `sub`, an `aud` equal to the
//! app id configured on the pool (Google, Facebook, Amazon, Apple; Twitter's consumer key) or, for
//! OIDC, one of the IAM provider's client ids, and no past `exp`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use crate::domain::{IdentityPool, limits};
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::State;

/// A login that checked out.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedLogin {
    /// The Logins key (provider name).
    pub provider: String,
    /// The user's subject at that provider.
    pub subject: String,
    /// The token's claims.
    pub claims: Value,
    /// The RoleMappings keys that apply to it, most specific first.
    pub mapping_keys: Vec<String>,
}

fn not_supported() -> ServiceError {
    ServiceError::client(
        "NotAuthorizedException",
        "Token is not from a supported provider of this identity pool.",
    )
}

fn invalid(reason: &str) -> ServiceError {
    ServiceError::client(
        "NotAuthorizedException",
        format!("Invalid login token. {reason}"),
    )
}

fn check_exp(claims: &Value, now: f64) -> Result<(), ServiceError> {
    match claims.get("exp").and_then(Value::as_f64) {
        Some(exp) if exp < now => Err(invalid(&format!(
            "Token expired: {} >= {}",
            now as i64, exp as i64
        ))),
        _ => Ok(()),
    }
}

fn unverified_claims(token: &str) -> Result<Value, ServiceError> {
    let payload = token
        .split('.')
        .nth(1)
        .ok_or_else(|| invalid("Not a valid OpenId Connect identity token."))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| invalid("Not a valid OpenId Connect identity token."))?;
    serde_json::from_slice(&bytes)
        .map_err(|_| invalid("Not a valid OpenId Connect identity token."))
}

fn user_pool_login(
    state: &State,
    pool: &IdentityPool,
    provider: &str,
    token: &str,
    now: f64,
) -> Result<VerifiedLogin, ServiceError> {
    let clients: Vec<&str> = pool
        .cognito_identity_providers
        .iter()
        .filter(|p| p.provider_name == provider)
        .map(|p| p.client_id.as_str())
        .collect();
    if clients.is_empty() {
        return Err(not_supported());
    }
    let user_pool_id = provider.rsplit('/').next().unwrap_or_default();
    let key = state
        .user_pools
        .pools
        .get(user_pool_id)
        .and_then(|p| p.key.clone())
        .ok_or_else(|| invalid("The token was not signed by this user pool."))?;
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let claims = jsonwebtoken::decode::<Value>(token, &key.decoding_key()?, &validation)
        .map_err(|_| invalid("The token's signature does not verify with the user pool's key."))?
        .claims;
    if claims.get("iss").and_then(Value::as_str) != Some(format!("https://{provider}").as_str()) {
        return Err(invalid("Issuer doesn't match providerName"));
    }
    if claims.get("token_use").and_then(Value::as_str) != Some("id") {
        return Err(invalid("Not a valid OpenId Connect identity token."));
    }
    let aud = claims
        .get("aud")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if !clients.contains(&aud.as_str()) {
        return Err(not_supported());
    }
    check_exp(&claims, now)?;
    let subject = claims
        .get("sub")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(VerifiedLogin {
        provider: provider.into(),
        subject,
        mapping_keys: vec![format!("{provider}:{aud}")],
        claims,
    })
}

fn other_login(
    state: &State,
    pool: &IdentityPool,
    provider: &str,
    token: &str,
    now: f64,
) -> Result<VerifiedLogin, ServiceError> {
    let claims = unverified_claims(token)?;
    let aud: Vec<&str> = match claims.get("aud") {
        Some(Value::String(a)) => vec![a.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut mapping_keys = vec![provider.to_string()];
    if let Some(app_id) = pool.supported_login_providers.get(provider) {
        let expected = app_id.split(';').next().unwrap_or(app_id);
        if !aud.contains(&expected) {
            return Err(not_supported());
        }
    } else if let Some(arn) = pool
        .open_id_connect_provider_arns
        .iter()
        .find(|arn| arn.ends_with(&format!(":oidc-provider/{provider}")))
    {
        if let Some(oidc) = state.iam.oidc_providers.get(arn)
            && !oidc.client_ids.is_empty()
            && !aud.iter().any(|a| oidc.client_ids.iter().any(|c| c == a))
        {
            return Err(not_supported());
        }
        mapping_keys.push(arn.clone());
    } else if !pool.saml_provider_arns.iter().any(|arn| arn == provider) {
        return Err(not_supported());
    }
    check_exp(&claims, now)?;
    let subject = claims
        .get("sub")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| invalid("The token has no sub."))?
        .to_string();
    Ok(VerifiedLogin {
        provider: provider.into(),
        subject,
        mapping_keys,
        claims,
    })
}

/// The request's `Logins` (at most ten; each provider name and token checked as the model
/// says), in the order given: the first login is the one that counts where one is chosen.
pub fn given(input: &mut Input, required: bool) -> Vec<(String, String)> {
    input
        .string_pairs(
            "Logins",
            Some(limits::MAX_LOGINS),
            &limits::LOGIN_KEY,
            &limits::LOGIN_TOKEN,
            required,
        )
        .unwrap_or_default()
}

/// Checks one login of a Logins map against the pool's providers.
pub fn verify(
    state: &State,
    pool: &IdentityPool,
    provider: &str,
    token: &str,
    now: f64,
) -> Result<VerifiedLogin, ServiceError> {
    if pool.developer_provider_name.as_deref() == Some(provider) {
        // Developer provider names are not Logins keys for GetId (facts §3.5).
        return Err(not_supported());
    }
    if provider.starts_with("cognito-idp.") {
        user_pool_login(state, pool, provider, token, now)
    } else {
        other_login(state, pool, provider, token, now)
    }
}
