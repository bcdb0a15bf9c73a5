//! GetId and GetCredentialsForIdentity: the enhanced flow, with the service's role resolution
//! (default roles, Token and Rules mappings, AmbiguousRoleResolution) and the role's trust policy
//! evaluated as STS would.

use serde_json::{Value, json};

use super::logins::{self, VerifiedLogin};
use crate::clock::epoch_seconds;
use crate::domain::limits;
use crate::domain::resolution;
use crate::domain::roles;
use crate::domain::trust::{self, WebIdentity};
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::{State, StoredPool, StsSession};

const ACCOUNT_ID: StrRule = StrRule {
    min: 1,
    max: 15,
    pattern: Some(r"\d+"),
    allowed: "1–15 digits",
};
/// Enhanced-flow credentials last an hour.
const CREDENTIALS_SECONDS: f64 = 3600.0;

fn guests_refused() -> ServiceError {
    ServiceError::client(
        "NotAuthorizedException",
        "Unauthenticated access is not supported for this identity pool.",
    )
}

fn bad_configuration() -> ServiceError {
    let refusal = resolution::Refusal::bad_configuration();
    ServiceError::client(refusal.code, refusal.message)
}

fn verify_all(
    state: &State,
    stored: &StoredPool,
    given: &[(String, String)],
) -> Result<Vec<VerifiedLogin>, ServiceError> {
    let now = epoch_seconds();
    given
        .iter()
        .map(|(provider, token)| logins::verify(state, &stored.pool, provider, token, now))
        .collect()
}

/// GetId: a new guest identity each call, or the identity of the logins (created, linked or merged).
pub fn get_id(state: &mut State, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.required("IdentityPoolId", &limits::POOL_ID);
    let given = logins::given(&mut input, false);
    let _ = input.string("AccountId", &ACCOUNT_ID, false);
    input.finish()?;
    let stored = state
        .pool(
            crate::domain::pool::region_of(&pool_id).unwrap_or_default(),
            &pool_id,
        )
        .ok_or_else(|| ServiceError::not_found(format!("IdentityPool '{pool_id}' not found.")))?
        .clone();
    let time = epoch_seconds();
    if given.is_empty() {
        if !stored.pool.allow_unauthenticated_identities {
            return Err(guests_refused());
        }
        let id = state.identities.insert(
            &pool_id,
            uuid::Uuid::new_v4(),
            Vec::new(),
            (time, time),
            false,
        );
        return Ok(json!({ "IdentityId": id }));
    }
    let verified = verify_all(state, &stored, &given)?;
    let owners: Vec<String> = verified
        .iter()
        .filter_map(|l| {
            state
                .identities
                .with_login(&pool_id, &l.provider, &l.subject)
                .map(|i| i.id.clone())
        })
        .collect();
    let id = match owners.first() {
        Some(id) => id.clone(),
        None => state.identities.insert(
            &pool_id,
            uuid::Uuid::new_v4(),
            Vec::new(),
            (time, time),
            false,
        ),
    };
    // Logins owned by another identity are merged into this one, which disables the other.
    for other in owners.iter().filter(|o| **o != id) {
        let moved = state.identities.take_logins(other);
        state.identities.add_logins(&id, moved, time);
    }
    let new: Vec<(String, String)> = verified
        .iter()
        .map(|l| (l.provider.clone(), l.subject.clone()))
        .collect();
    state.identities.add_logins(&id, new, time);
    Ok(json!({ "IdentityId": id }))
}

/// The role for an authenticated login, by §6.3 of the facts sheet: the domain's resolution,
/// the same the console's simulator explains.
fn resolve_role(
    stored: &StoredPool,
    login: &VerifiedLogin,
    custom: Option<&str>,
) -> Result<String, ServiceError> {
    resolution::resolve(
        &stored.roles,
        &stored.role_mappings,
        &login.mapping_keys,
        &login.claims,
        custom,
    )
    .outcome
    .map_err(|refusal| ServiceError::client(refusal.code, refusal.message))
}

/// GetCredentialsForIdentity.
pub fn get_credentials(state: &mut State, mut input: Input) -> Result<Value, ServiceError> {
    let identity_id = input.required("IdentityId", &limits::POOL_ID);
    let given = logins::given(&mut input, false);
    let custom = input.string("CustomRoleArn", &roles::ROLE_ARN, false);
    input.finish()?;
    let (identity, stored) = super::identities::identity_with_pool(state, &identity_id)?;
    let pool_id = stored.pool.identity_pool_id.clone();
    let (role_arn, amr, provider) = if identity.logins.is_empty() && given.is_empty() {
        if !stored.pool.allow_unauthenticated_identities {
            return Err(guests_refused());
        }
        let role = stored
            .roles
            .get("unauthenticated")
            .cloned()
            .ok_or_else(bad_configuration)?;
        (role, vec!["unauthenticated".to_string()], None)
    } else if let Some((_, token)) = given
        .iter()
        .find(|(k, _)| k.as_str() == super::openid::ISSUER_HOST)
    {
        // Developer-authenticated: the OpenID token from GetOpenIdTokenForDeveloperIdentity.
        let claims = super::openid::verify(state, token).map_err(|problem| match problem {
            super::openid::TokenProblem::Expired => ServiceError::client(
                "NotAuthorizedException",
                "Invalid login token. Token expired.",
            ),
            super::openid::TokenProblem::Invalid => {
                ServiceError::client("NotAuthorizedException", "Invalid login token.")
            }
        })?;
        if claims.sub != identity_id || claims.aud != pool_id {
            return Err(ServiceError::client(
                "NotAuthorizedException",
                "Logins don't match. Please include at least one valid login for this identity or identity pool.",
            ));
        }
        let role = stored
            .roles
            .get("authenticated")
            .cloned()
            .ok_or_else(bad_configuration)?;
        let provider = claims.amr.get(1).cloned();
        (role, claims.amr, provider)
    } else {
        if given.is_empty() {
            return Err(ServiceError::client(
                "NotAuthorizedException",
                format!("Access to Identity '{identity_id}' is forbidden."),
            ));
        }
        let verified = verify_all(state, &stored, &given)?;
        let own: Vec<&VerifiedLogin> = verified
            .iter()
            .filter(|l| {
                identity
                    .logins
                    .iter()
                    .any(|(p, s)| *p == l.provider && *s == l.subject)
            })
            .collect();
        // Decision 7: the first login, in request order, that has a role mapping; else the first.
        let login = own
            .iter()
            .find(|l| l.mapping_keys.iter().any(|k| stored.role_mappings.contains_key(k)))
            .or(own.first())
            .map(|l| (*l).clone())
            .ok_or_else(|| {
                ServiceError::client(
                    "NotAuthorizedException",
                    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
                )
            })?;
        let role = resolve_role(&stored, &login, custom.as_deref())?;
        let amr = vec!["authenticated".to_string(), login.provider.clone()];
        (role, amr, Some(login.provider))
    };
    // STS is asked on the pool's behalf: the role must exist and trust this identity.
    let role_name = roles::role_name(&role_arn).to_string();
    let role = state
        .iam
        .roles
        .get(&role_name)
        .filter(|r| r.arn() == role_arn)
        .ok_or_else(bad_configuration)?;
    let tag_session = provider
        .as_ref()
        .and_then(|p| {
            // OIDC logins are keyed by issuer host; their tag map by the provider's ARN.
            stored.principal_tags.get(p).or_else(|| {
                let suffix = format!(":oidc-provider/{p}");
                stored
                    .principal_tags
                    .iter()
                    .find(|(name, _)| name.ends_with(&suffix))
                    .map(|(_, map)| map)
            })
        })
        .is_some_and(|t| t.use_defaults || !t.principal_tags.is_empty());
    let who = WebIdentity {
        aud: pool_id.clone(),
        sub: identity_id.clone(),
        amr,
        tag_session,
    };
    if !trust::allows(&role.trust_policy, &who) {
        return Err(bad_configuration());
    }
    let session = StsSession::issue(
        role,
        "CognitoIdentityCredentials",
        epoch_seconds() + CREDENTIALS_SECONDS,
    );
    let out = json!({
        "IdentityId": identity_id,
        "Credentials": {
            "AccessKeyId": session.access_key_id,
            "SecretKey": session.secret_access_key,
            "SessionToken": session.session_token,
            "Expiration": session.expires,
        }
    });
    state
        .sts_sessions
        .insert(session.access_key_id.clone(), session);
    Ok(out)
}
