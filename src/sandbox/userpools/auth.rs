//! InitiateAuth (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH) and RespondToAuthChallenge
//! (NEW_PASSWORD_REQUIRED), issuing RS256 ID and access tokens with the service's claims.

use aws_lc_rs::hmac;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use std::collections::BTreeMap;

use super::keys::SigningKey;
use super::users::{check_password, hash_password};
use super::{INVALID, StoredUserPool, UserPools, now, random_text};
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;

const CLIENT_ID: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w+]+"),
    allowed: "an app client id",
};
const ANY: StrRule = StrRule {
    min: 0,
    max: usize::MAX,
    pattern: None,
    allowed: "",
};
const FLOWS: &[&str] = &[
    "USER_PASSWORD_AUTH",
    "REFRESH_TOKEN_AUTH",
    "REFRESH_TOKEN",
    "USER_SRP_AUTH",
    "CUSTOM_AUTH",
    "ADMIN_NO_SRP_AUTH",
    "ADMIN_USER_PASSWORD_AUTH",
    "USER_AUTH",
];
/// Token lifetime (the service's default for ID and access tokens).
const TOKEN_SECONDS: f64 = 3600.0;

pub(super) fn not_authorized(message: &str) -> ServiceError {
    ServiceError::client("NotAuthorizedException", message)
}

/// The pool holding this app client.
fn pool_of_client<'a>(
    pools: &'a mut UserPools,
    client_id: &str,
) -> Result<(String, &'a mut StoredUserPool), ServiceError> {
    pools
        .pools
        .iter_mut()
        .find(|(_, p)| p.clients.contains_key(client_id))
        .map(|(id, p)| (id.clone(), p))
        .ok_or_else(|| {
            ServiceError::not_found(format!("User pool client {client_id} does not exist."))
        })
}

pub(super) fn client_allows(pool: &StoredUserPool, client_id: &str, flows: &[&str]) -> bool {
    pool.clients
        .get(client_id)
        .and_then(|c| c.description.get("ExplicitAuthFlows"))
        .and_then(Value::as_array)
        .is_some_and(|allowed| {
            allowed
                .iter()
                .any(|f| f.as_str().is_some_and(|f| flows.contains(&f)))
        })
}

/// Checks SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId)) when the client has a secret.
pub(super) fn check_secret_hash(
    pool: &StoredUserPool,
    client_id: &str,
    username: &str,
    given: Option<&String>,
) -> Result<(), ServiceError> {
    let secret = pool
        .clients
        .get(client_id)
        .and_then(|c| c.description.get("ClientSecret"))
        .and_then(Value::as_str);
    let Some(secret) = secret else { return Ok(()) };
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let expected =
        STANDARD.encode(hmac::sign(&key, format!("{username}{client_id}").as_bytes()).as_ref());
    if given.is_some_and(|g| *g == expected) {
        Ok(())
    } else {
        Err(not_authorized(&format!(
            "Unable to verify secret hash for client {client_id}"
        )))
    }
}

/// `cognito:preferred_role`: the role of the lowest-precedence tier when that tier has exactly one
/// role, or the only role the user has; absent on a tie.
pub fn preferred_role(groups: &[(Option<i64>, String)]) -> Option<String> {
    let mut distinct: Vec<&String> = groups.iter().map(|(_, r)| r).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() == 1 {
        return distinct.first().map(|r| (*r).clone());
    }
    let best = groups.iter().filter_map(|(p, _)| *p).min()?;
    let mut tier: Vec<&String> = groups
        .iter()
        .filter(|(p, _)| *p == Some(best))
        .map(|(_, r)| r)
        .collect();
    tier.sort();
    tier.dedup();
    (tier.len() == 1).then(|| tier[0].clone())
}

/// Mints the ID, access and refresh tokens of a signed-in user.
fn tokens(
    pool_id: &str,
    pool: &mut StoredUserPool,
    username: &str,
    client_id: &str,
    refresh: Option<String>,
) -> Result<Value, ServiceError> {
    if pool.key.is_none() {
        pool.key = Some(SigningKey::generate()?);
    }
    let key = pool
        .key
        .clone()
        .ok_or_else(|| ServiceError::internal("no signing key"))?;
    let user = pool
        .users
        .get(username)
        .ok_or_else(|| not_authorized("Incorrect username or password."))?;
    let region = pool_id.split_once('_').map_or("us-east-1", |(r, _)| r);
    let issuer = format!("https://cognito-idp.{region}.amazonaws.com/{pool_id}");
    let issued = now();
    let jti = uuid::Uuid::new_v4().to_string();
    let mut id = json!({
        "sub": user.sub, "aud": client_id, "iss": issuer, "token_use": "id", "auth_time": issued as i64,
        "iat": issued as i64, "exp": (issued + TOKEN_SECONDS) as i64, "jti": jti, "origin_jti": jti,
        "cognito:username": username, "event_id": uuid::Uuid::new_v4().to_string(),
    });
    for (name, value) in &user.attributes {
        id[name] = match value.as_str() {
            "true" if name.ends_with("_verified") => json!(true),
            "false" if name.ends_with("_verified") => json!(false),
            _ => json!(value),
        };
    }
    let groups: Vec<(Option<i64>, String)> = user
        .groups
        .iter()
        .filter_map(|g| {
            pool.groups
                .get(g)
                .and_then(|group| Some((group.precedence, group.role_arn.clone()?)))
        })
        .collect();
    if !user.groups.is_empty() {
        id["cognito:groups"] = json!(user.groups);
    }
    if !groups.is_empty() {
        let mut roles: Vec<&String> = groups.iter().map(|(_, r)| r).collect();
        roles.dedup();
        id["cognito:roles"] = json!(roles);
        if let Some(preferred) = preferred_role(&groups) {
            id["cognito:preferred_role"] = json!(preferred);
        }
    }
    let mut access = json!({
        "sub": user.sub, "iss": id["iss"], "client_id": client_id, "token_use": "access",
        "scope": "aws.cognito.signin.user.admin", "auth_time": issued as i64, "iat": issued as i64,
        "exp": (issued + TOKEN_SECONDS) as i64, "jti": uuid::Uuid::new_v4().to_string(), "origin_jti": jti,
        "username": username,
    });
    if !user.groups.is_empty() {
        access["cognito:groups"] = json!(user.groups);
    }
    let mut result = json!({
        "IdToken": key.sign(&id)?,
        "AccessToken": key.sign(&access)?,
        "ExpiresIn": TOKEN_SECONDS as i64,
        "TokenType": "Bearer",
    });
    if refresh.is_none() {
        let token = random_text(
            b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            64,
        );
        pool.refresh_tokens
            .insert(token.clone(), (username.to_string(), client_id.to_string()));
        result["RefreshToken"] = json!(token);
    }
    Ok(json!({ "ChallengeParameters": {}, "AuthenticationResult": result }))
}

/// InitiateAuth.
pub fn initiate(pools: &mut UserPools, mut input: Input) -> Result<Value, ServiceError> {
    let flow = input
        .enumerated("AuthFlow", FLOWS, true)
        .unwrap_or_default();
    let client_id = input.required("ClientId", &CLIENT_ID);
    let params = input
        .string_map("AuthParameters", None, &ANY, &ANY, false)
        .unwrap_or_default();
    input.finish_as(INVALID)?;
    let (pool_id, pool) = pool_of_client(pools, &client_id)?;
    match flow.as_str() {
        "USER_PASSWORD_AUTH" => password_auth(&pool_id, pool, &client_id, &params),
        "USER_SRP_AUTH" => super::srp_auth::initiate(pool, &client_id, &params),
        "REFRESH_TOKEN_AUTH" | "REFRESH_TOKEN" => {
            if !client_allows(pool, &client_id, &["ALLOW_REFRESH_TOKEN_AUTH"]) {
                return Err(ServiceError::client(
                    INVALID,
                    "Refresh Token has been disabled for this client",
                ));
            }
            let token = params.get("REFRESH_TOKEN").cloned().unwrap_or_default();
            let (username, owner) = pool
                .refresh_tokens
                .get(&token)
                .cloned()
                .ok_or_else(|| not_authorized("Invalid Refresh Token"))?;
            if owner != client_id {
                return Err(not_authorized("Invalid Refresh Token"));
            }
            check_secret_hash(pool, &client_id, &username, params.get("SECRET_HASH"))?;
            tokens(&pool_id, pool, &username, &client_id, Some(token))
        }
        "ADMIN_NO_SRP_AUTH" | "ADMIN_USER_PASSWORD_AUTH" => Err(ServiceError::client(
            INVALID,
            "Initiate Auth method not supported",
        )),
        other => Err(ServiceError::client(
            INVALID,
            format!("{other} is not served by this sandbox; use USER_PASSWORD_AUTH"),
        )),
    }
}

fn password_auth(
    pool_id: &str,
    pool: &mut StoredUserPool,
    client_id: &str,
    params: &BTreeMap<String, String>,
) -> Result<Value, ServiceError> {
    if !client_allows(
        pool,
        client_id,
        &["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"],
    ) {
        return Err(ServiceError::client(
            INVALID,
            "USER_PASSWORD_AUTH flow not enabled for this client",
        ));
    }
    let username = params.get("USERNAME").cloned().unwrap_or_default();
    let password = params.get("PASSWORD").cloned().unwrap_or_default();
    check_secret_hash(pool, client_id, &username, params.get("SECRET_HASH"))?;
    let user = enabled_user(pool, client_id, &username)?;
    if user.password_hash.as_deref() != Some(hash_password(&password).as_str()) {
        return Err(not_authorized("Incorrect username or password."));
    }
    signed_in(pool_id, pool, &username, client_id)
}

/// The user signing in, enabled; an unknown one is UserNotFoundException, or the same refusal
/// as a wrong password where the client prevents user-existence errors.
pub(super) fn enabled_user<'a>(
    pool: &'a StoredUserPool,
    client_id: &str,
    username: &str,
) -> Result<&'a super::users::User, ServiceError> {
    let prevent = pool
        .clients
        .get(client_id)
        .and_then(|c| c.description.get("PreventUserExistenceErrors"))
        .and_then(Value::as_str)
        == Some("ENABLED");
    let Some(user) = pool.users.get(username) else {
        return Err(if prevent {
            not_authorized("Incorrect username or password.")
        } else {
            ServiceError::client("UserNotFoundException", "User does not exist.")
        });
    };
    if !user.enabled {
        return Err(not_authorized("User is disabled."));
    }
    Ok(user)
}

/// The password was right: the new-password challenge for a user who must change it, else
/// tokens.
pub(super) fn signed_in(
    pool_id: &str,
    pool: &mut StoredUserPool,
    username: &str,
    client_id: &str,
) -> Result<Value, ServiceError> {
    let username = username.to_string();
    let Some(user) = pool.users.get(&username) else {
        return Err(not_authorized("Incorrect username or password."));
    };
    if user.status == "FORCE_CHANGE_PASSWORD" {
        let session = random_text(
            b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            80,
        );
        let sub = user.sub.clone();
        pool.sessions
            .insert(session.clone(), (username.clone(), client_id.to_string()));
        return Ok(json!({
            "ChallengeName": "NEW_PASSWORD_REQUIRED",
            "Session": session,
            "ChallengeParameters": { "USER_ID_FOR_SRP": sub, "requiredAttributes": "[]", "userAttributes": "{}" },
        }));
    }
    tokens(pool_id, pool, &username, client_id, None)
}

/// RespondToAuthChallenge for NEW_PASSWORD_REQUIRED.
pub fn respond(pools: &mut UserPools, mut input: Input) -> Result<Value, ServiceError> {
    let client_id = input.required("ClientId", &CLIENT_ID);
    let challenge = input.required("ChallengeName", &ANY);
    let session = input.string("Session", &ANY, false).unwrap_or_default();
    let responses = input
        .string_map("ChallengeResponses", None, &ANY, &ANY, false)
        .unwrap_or_default();
    input.finish_as(INVALID)?;
    let (pool_id, pool) = pool_of_client(pools, &client_id)?;
    if challenge == "PASSWORD_VERIFIER" {
        return super::srp_auth::respond(&pool_id, pool, &client_id, &responses);
    }
    if challenge != "NEW_PASSWORD_REQUIRED" {
        return Err(ServiceError::client(
            INVALID,
            format!("The challenge {challenge} is not served by this sandbox."),
        ));
    }
    let (username, owner) = pool
        .sessions
        .get(&session)
        .cloned()
        .ok_or_else(|| not_authorized("Invalid session for the user."))?;
    if owner != client_id || responses.get("USERNAME").is_some_and(|u| *u != username) {
        return Err(not_authorized("Invalid session for the user."));
    }
    check_secret_hash(pool, &client_id, &username, responses.get("SECRET_HASH"))?;
    let password = responses.get("NEW_PASSWORD").cloned().unwrap_or_default();
    check_password(pool, &password)?;
    pool.sessions.remove(&session);
    if let Some(user) = pool.users.get_mut(&username) {
        super::users::set_password(user, &pool_id, &username, &password);
        user.status = "CONFIRMED".into();
    }
    tokens(&pool_id, pool, &username, &client_id, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_role_follows_precedence_and_ties_drop_it() {
        let r = |p: Option<i64>, role: &str| (p, role.to_string());
        assert_eq!(
            preferred_role(&[r(Some(2), "b"), r(Some(1), "a")]),
            Some("a".into())
        );
        assert_eq!(
            preferred_role(&[r(Some(1), "a"), r(Some(1), "b")]),
            None,
            "a tie"
        );
        assert_eq!(
            preferred_role(&[r(None, "a"), r(None, "a")]),
            Some("a".into()),
            "one role only"
        );
        assert_eq!(
            preferred_role(&[r(None, "a"), r(Some(5), "b")]),
            Some("b".into()),
            "null is worst"
        );
        assert_eq!(preferred_role(&[r(None, "a"), r(None, "b")]), None);
    }
}
