//! USER_SRP_AUTH as the service serves it: InitiateAuth with USERNAME and SRP_A answers the
//! PASSWORD_VERIFIER challenge (SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP); RespondToAuthChallenge
//! with PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE and TIMESTAMP signs in when the
//! signature proves the password ("Incorrect username or password." otherwise). The math is
//! `domain::srp`, the client's half of which the console uses.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;

use super::auth::{check_secret_hash, client_allows, enabled_user, not_authorized, signed_in};
use super::users::fastrand_bytes;
use super::{INVALID, StoredUserPool};
use crate::domain::srp::{self, Server};
use crate::sandbox::protocol::ServiceError;

/// A challenge sent and not answered yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The user.
    pub username: String,
    /// The app client that asked.
    pub client_id: String,
    /// SRP_A, in hex.
    pub client_public: String,
    /// The server's secret b (random bytes, base64): B follows from it and the verifier.
    pub secret: String,
}

fn missing(name: &str) -> ServiceError {
    ServiceError::client(INVALID, format!("Missing required parameter {name}"))
}

/// InitiateAuth with AuthFlow USER_SRP_AUTH.
pub fn initiate(
    pool: &mut StoredUserPool,
    client_id: &str,
    params: &BTreeMap<String, String>,
) -> Result<Value, ServiceError> {
    if !client_allows(pool, client_id, &["ALLOW_USER_SRP_AUTH"]) {
        return Err(ServiceError::client(
            INVALID,
            "USER_SRP_AUTH is not enabled for the client.",
        ));
    }
    let username = params.get("USERNAME").ok_or_else(|| missing("USERNAME"))?;
    let a_hex = params.get("SRP_A").ok_or_else(|| missing("SRP_A"))?;
    let Some(a) = srp::parse_hex(a_hex) else {
        return Err(ServiceError::client(INVALID, "SRP_A is not a hex number."));
    };
    check_secret_hash(pool, client_id, username, params.get("SECRET_HASH"))?;
    let user = enabled_user(pool, client_id, username)?;
    let Some((salt, verifier)) = user.srp.clone() else {
        return Err(not_authorized("Incorrect username or password."));
    };
    let Some(v) = srp::parse_hex(&verifier) else {
        return Err(not_authorized("Incorrect username or password."));
    };
    let secret = fastrand_bytes(32);
    let server = Server::new(&v, &secret);
    // A ≡ 0 (mod N) would let anyone in: refused, as the protocol says.
    if server.expected_signature(&a, &v, "", "", &[], "").is_none() {
        return Err(ServiceError::client(INVALID, "SRP_A is not valid."));
    }
    let block = STANDARD.encode(fastrand_bytes(64));
    pool.srp_challenges.insert(
        block.clone(),
        Pending {
            username: username.clone(),
            client_id: client_id.to_string(),
            client_public: srp::hex(&a),
            secret: STANDARD.encode(&secret),
        },
    );
    Ok(json!({
        "ChallengeName": "PASSWORD_VERIFIER",
        "ChallengeParameters": {
            "SALT": salt,
            "SRP_B": srp::hex(&server.public),
            "SECRET_BLOCK": block,
            "USER_ID_FOR_SRP": username,
            "USERNAME": username,
        },
    }))
}

/// RespondToAuthChallenge with ChallengeName PASSWORD_VERIFIER.
pub fn respond(
    pool_id: &str,
    pool: &mut StoredUserPool,
    client_id: &str,
    responses: &BTreeMap<String, String>,
) -> Result<Value, ServiceError> {
    let block = responses
        .get("PASSWORD_CLAIM_SECRET_BLOCK")
        .ok_or_else(|| missing("PASSWORD_CLAIM_SECRET_BLOCK"))?;
    let signature = responses
        .get("PASSWORD_CLAIM_SIGNATURE")
        .ok_or_else(|| missing("PASSWORD_CLAIM_SIGNATURE"))?;
    let timestamp = responses
        .get("TIMESTAMP")
        .ok_or_else(|| missing("TIMESTAMP"))?;
    let refused = || not_authorized("Incorrect username or password.");
    // One answer per challenge, right or wrong.
    let pending = pool.srp_challenges.remove(block).ok_or_else(refused)?;
    if pending.client_id != client_id
        || responses
            .get("USERNAME")
            .is_some_and(|u| *u != pending.username)
    {
        return Err(refused());
    }
    check_secret_hash(
        pool,
        client_id,
        &pending.username,
        responses.get("SECRET_HASH"),
    )?;
    let user = pool.users.get(&pending.username).ok_or_else(refused)?;
    let (_, verifier) = user.srp.clone().ok_or_else(refused)?;
    let v = srp::parse_hex(&verifier).ok_or_else(refused)?;
    let a = srp::parse_hex(&pending.client_public).ok_or_else(refused)?;
    let secret = STANDARD.decode(&pending.secret).map_err(|_| refused())?;
    let block_bytes = STANDARD.decode(block).map_err(|_| refused())?;
    let given = STANDARD.decode(signature).map_err(|_| refused())?;
    let expected = Server::new(&v, &secret)
        .expected_signature(
            &a,
            &v,
            srp::pool_name(pool_id),
            &pending.username,
            &block_bytes,
            timestamp,
        )
        .ok_or_else(refused)?;
    if !constant_time_eq(&given, &expected) {
        return Err(refused());
    }
    signed_in(pool_id, pool, &pending.username, client_id)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
