//! Cognito Identity's own OpenID tokens (RS512, `iss` https://cognito-identity.amazonaws.com) and
//! the operations around them: GetOpenIdToken (the basic flow), GetOpenIdTokenForDeveloperIdentity,
//! MergeDeveloperIdentities, UnlinkDeveloperIdentity and UnlinkIdentity.

use serde_json::{Value, json};

use super::identities::{identity_not_found, identity_with_pool};
use super::logins;
use crate::clock::epoch_seconds;
use crate::domain::limits;
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::{SANDBOX_ACCOUNT, State};
use crate::sandbox::userpools::keys::SigningKey;

/// The issuer of Cognito Identity's tokens, and the Logins key they are sent under.
pub const ISSUER_HOST: &str = "cognito-identity.amazonaws.com";
/// GetOpenIdToken's tokens live 10 minutes.
const BASIC_SECONDS: i64 = 600;

/// The claims of a verified OpenID token.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenIdClaims {
    /// The identity pool.
    pub aud: String,
    /// The identity.
    pub sub: String,
    /// `unauthenticated`, or `authenticated` and the providers.
    pub amr: Vec<String>,
}

/// Signs an OpenID token for an identity.
fn issue(
    state: &mut State,
    pool_id: &str,
    identity_id: &str,
    amr: &[String],
    seconds: i64,
) -> Result<String, ServiceError> {
    if state.openid_key.is_none() {
        *state.openid_key = Some(SigningKey::generate()?);
    }
    let key = state
        .openid_key
        .as_ref()
        .cloned()
        .ok_or_else(|| ServiceError::internal("no OpenID key"))?;
    let issued = epoch_seconds() as i64;
    let claims = json!({
        "iss": format!("https://{ISSUER_HOST}"), "aud": pool_id, "sub": identity_id, "amr": amr,
        "https://cognito-identity.amazonaws.com/identity-pool-arn":
            crate::domain::pool::pool_arn(pool_id, SANDBOX_ACCOUNT),
        "iat": issued, "exp": issued + seconds,
    });
    key.sign_with(jsonwebtoken::Algorithm::RS512, &claims)
}

/// Why a token was refused: not ours or malformed, or expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// Bad signature, issuer or shape.
    Invalid,
    /// Past `exp`.
    Expired,
}

/// Verifies a token this sandbox's Cognito Identity issued.
pub fn verify(state: &State, token: &str) -> Result<OpenIdClaims, TokenProblem> {
    let key = state.openid_key.as_ref().ok_or(TokenProblem::Invalid)?;
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS512);
    validation.validate_aud = false;
    validation.validate_exp = false;
    validation.set_issuer(&[format!("https://{ISSUER_HOST}")]);
    let decoding = key.decoding_key().map_err(|_| TokenProblem::Invalid)?;
    let claims = jsonwebtoken::decode::<Value>(token, &decoding, &validation)
        .map_err(|_| TokenProblem::Invalid)?
        .claims;
    if claims
        .get("exp")
        .and_then(Value::as_f64)
        .is_some_and(|exp| exp < epoch_seconds())
    {
        return Err(TokenProblem::Expired);
    }
    let text = |name: &str| {
        claims
            .get(name)
            .and_then(Value::as_str)
            .map(String::from)
            .ok_or(TokenProblem::Invalid)
    };
    let amr = claims.get("amr").and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect()
    });
    Ok(OpenIdClaims {
        aud: text("aud")?,
        sub: text("sub")?,
        amr: amr.ok_or(TokenProblem::Invalid)?,
    })
}

/// GetOpenIdToken: the basic flow's token, for a guest or with a login of the identity.
pub fn get_open_id_token(state: &mut State, mut input: Input) -> Result<Value, ServiceError> {
    let identity_id = input.required("IdentityId", &limits::POOL_ID);
    let given = logins::given(&mut input, false);
    input.finish()?;
    let (identity, stored) = identity_with_pool(state, &identity_id)?;
    let pool_id = stored.pool.identity_pool_id.clone();
    // Decision 4: the AllowClassicFlow check comes first, then the RoleMappings check.
    if stored.pool.allow_classic_flow == Some(false) {
        return Err(ServiceError::invalid_parameter(
            "Basic (classic) flow is not enabled, please use enhanced flow.",
        ));
    }
    if !stored.role_mappings.is_empty() {
        return Err(ServiceError::invalid_parameter(
            "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
        ));
    }
    let amr = if identity.logins.is_empty() && given.is_empty() {
        if !stored.pool.allow_unauthenticated_identities {
            return Err(ServiceError::client(
                "NotAuthorizedException",
                "Unauthenticated access is not supported for this identity pool.",
            ));
        }
        vec!["unauthenticated".to_string()]
    } else {
        let time = epoch_seconds();
        let mut matched = None;
        for (provider, token) in &given {
            let login = logins::verify(state, &stored.pool, provider, token, time)?;
            if identity
                .logins
                .iter()
                .any(|(p, s)| *p == login.provider && *s == login.subject)
            {
                matched = Some(login);
            }
        }
        let login = matched.ok_or_else(|| {
            ServiceError::client("NotAuthorizedException", "Logins don't match. Please include at least one valid login for this identity or identity pool.")
        })?;
        vec![
            "authenticated".to_string(),
            login.provider.clone(),
            format!("{}:{}", login.provider, login.subject),
        ]
    };
    let token = issue(state, &pool_id, &identity_id, &amr, BASIC_SECONDS)?;
    Ok(json!({ "IdentityId": identity_id, "Token": token }))
}

fn developer_pool(
    state: &State,
    region: &str,
    pool_id: &str,
    provider: &str,
) -> Result<(), ServiceError> {
    let stored = state
        .pool(region, pool_id)
        .ok_or_else(|| ServiceError::not_found(format!("IdentityPool '{pool_id}' not found.")))?;
    if stored.pool.developer_provider_name.as_deref() == Some(provider) {
        Ok(())
    } else {
        Err(ServiceError::invalid_parameter(format!(
            "This identity pool does not support the developer provider {provider}."
        )))
    }
}

/// GetOpenIdTokenForDeveloperIdentity: the identity of a developer user (created on first sight).
pub fn get_developer_token(
    state: &mut State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.required("IdentityPoolId", &limits::POOL_ID);
    let given_id = input.string("IdentityId", &limits::POOL_ID, false);
    let given = logins::given(&mut input, true);
    let _ = input.string_map(
        "PrincipalTags",
        Some(50),
        &limits::LOGIN_KEY,
        &StrRule {
            min: 1,
            max: 256,
            pattern: None,
            allowed: "",
        },
        false,
    );
    let duration = input
        .integer("TokenDuration", 1, 86_400, false)
        .unwrap_or(900);
    input.finish()?;
    let developer = state
        .pool(region, &pool_id)
        .and_then(|p| p.pool.developer_provider_name.clone())
        .unwrap_or_default();
    let (provider, user) = given
        .iter()
        .find(|(k, _)| **k == developer)
        .map(|(k, v)| (k.clone(), v.clone()))
        .ok_or_else(|| {
            ServiceError::invalid_parameter("Logins must hold the pool's developer provider name.")
        })?;
    developer_pool(state, region, &pool_id, &provider)?;
    let owner = state
        .identities
        .with_login(&pool_id, &provider, &user)
        .map(|i| i.id.clone());
    let time = epoch_seconds();
    let identity_id = match (given_id, owner) {
        (Some(given), Some(owner)) if given != owner => {
            return Err(ServiceError::client(
                "DeveloperUserAlreadyRegisteredException",
                format!("The developer user {user} is already registered with identity {owner}."),
            ));
        }
        (_, Some(owner)) => owner,
        (Some(given), None) => {
            if state
                .identities
                .get(&given)
                .is_none_or(|(p, _)| p != pool_id)
            {
                return Err(identity_not_found(&given));
            }
            state
                .identities
                .add_logins(&given, vec![(provider.clone(), user.clone())], time);
            given
        }
        (None, None) => state.identities.insert(
            &pool_id,
            uuid::Uuid::new_v4(),
            vec![(provider.clone(), user.clone())],
            (time, time),
            false,
        ),
    };
    let amr = vec![
        "authenticated".to_string(),
        provider.clone(),
        format!("{provider}:{pool_id}:{user}"),
    ];
    let token = issue(state, &pool_id, &identity_id, &amr, duration)?;
    Ok(json!({ "IdentityId": identity_id, "Token": token }))
}

/// MergeDeveloperIdentities: the source user moves to the destination user's identity.
pub fn merge_developer(
    state: &mut State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let source = input.required("SourceUserIdentifier", &limits::DEVELOPER_USER_ID);
    let destination = input.required("DestinationUserIdentifier", &limits::DEVELOPER_USER_ID);
    let provider = input.required("DeveloperProviderName", &limits::DEVELOPER_PROVIDER_NAME);
    let pool_id = input.required("IdentityPoolId", &limits::POOL_ID);
    input.finish()?;
    developer_pool(state, region, &pool_id, &provider)?;
    let find = |user: &str| {
        state
            .identities
            .with_login(&pool_id, &provider, user)
            .map(|i| i.id.clone())
    };
    let source_id = find(&source)
        .ok_or_else(|| ServiceError::not_found(format!("Developer user '{source}' not found.")))?;
    let destination_id = find(&destination).ok_or_else(|| {
        ServiceError::not_found(format!("Developer user '{destination}' not found."))
    })?;
    if source_id != destination_id {
        let moved = state.identities.take_logins(&source_id);
        state
            .identities
            .add_logins(&destination_id, moved, epoch_seconds());
    }
    Ok(json!({ "IdentityId": destination_id }))
}

/// UnlinkDeveloperIdentity: the developer user leaves the identity (next time it gets a new one).
pub fn unlink_developer(
    state: &mut State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let identity_id = input.required("IdentityId", &limits::POOL_ID);
    let pool_id = input.required("IdentityPoolId", &limits::POOL_ID);
    let provider = input.required("DeveloperProviderName", &limits::DEVELOPER_PROVIDER_NAME);
    let user = input.required("DeveloperUserIdentifier", &limits::DEVELOPER_USER_ID);
    input.finish()?;
    developer_pool(state, region, &pool_id, &provider)?;
    if !state
        .identities
        .remove_login(&identity_id, &provider, &user)
    {
        return Err(ServiceError::not_found(format!(
            "Developer user '{user}' is not linked to identity '{identity_id}'."
        )));
    }
    Ok(json!({}))
}

/// UnlinkIdentity: removes the named providers' logins, proven by a valid login of the identity.
pub fn unlink_identity(state: &mut State, mut input: Input) -> Result<Value, ServiceError> {
    let identity_id = input.required("IdentityId", &limits::POOL_ID);
    let given = logins::given(&mut input, true);
    let remove = input
        .string_list("LoginsToRemove", &limits::LOGIN_KEY, (0, None), true)
        .unwrap_or_default();
    input.finish()?;
    let (identity, stored) = identity_with_pool(state, &identity_id)?;
    let time = epoch_seconds();
    let mut proven = false;
    for (provider, token) in &given {
        let login = logins::verify(state, &stored.pool, provider, token, time)?;
        proven |= identity
            .logins
            .iter()
            .any(|(p, s)| *p == login.provider && *s == login.subject);
    }
    if !proven {
        return Err(ServiceError::client(
            "NotAuthorizedException",
            "Logins don't match. Please include at least one valid login for this identity or identity pool.",
        ));
    }
    for provider in remove {
        state.identities.remove_provider(&identity_id, &provider);
    }
    Ok(json!({}))
}
