//! ListIdentities, DescribeIdentity, DeleteIdentities and LookupDeveloperIdentity.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use crate::domain::limits;
use crate::sandbox::faults::Faults;
use crate::sandbox::identities::StoredIdentity;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::{State, StoredPool};

fn pool_not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("IdentityPool '{id}' not found."))
}

pub(super) fn identity_not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("Identity '{id}' not found."))
}

/// The identity `identity_id` and the pool it belongs to (copies, so the state can change after),
/// or ResourceNotFoundException naming the identity.
pub(super) fn identity_with_pool(
    state: &State,
    identity_id: &str,
) -> Result<(StoredIdentity, StoredPool), ServiceError> {
    let (pool_id, identity) = state
        .identities
        .get(identity_id)
        .ok_or_else(|| identity_not_found(identity_id))?;
    let region = crate::domain::pool::region_of(identity_id).unwrap_or_default();
    let stored = state
        .pool(region, pool_id)
        .ok_or_else(|| identity_not_found(identity_id))?;
    Ok((identity.clone(), stored.clone()))
}

fn encode_token(kind: &str, position: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{position}"))
}

fn decode_token(kind: &str, token: &str) -> Result<u64, ServiceError> {
    URL_SAFE_NO_PAD
        .decode(token)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix(kind)?.strip_prefix(':')?.parse().ok())
        .ok_or_else(|| ServiceError::invalid_parameter("The NextToken is not valid."))
}

fn describe_json(identity: &StoredIdentity) -> Value {
    json!({
        "IdentityId": identity.id,
        "Logins": identity.provider_names(),
        "CreationDate": identity.created,
        "LastModifiedDate": identity.modified,
    })
}

/// ListIdentities: `MaxResults` (1–60, required) per page, in creation order; `HideDisabled` leaves
/// disabled identities out.
pub fn list(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    let max = input.integer("MaxResults", 1, i64::from(limits::MAX_PAGE), true);
    let token = input.string("NextToken", &limits::NEXT_TOKEN, false);
    let hide_disabled = input.boolean("HideDisabled", false).unwrap_or(false);
    input.finish()?;
    let pool_id = pool_id.unwrap_or_default();
    if state.pool(region, &pool_id).is_none() {
        return Err(pool_not_found(&pool_id));
    }
    let after = match token {
        Some(token) => decode_token("identities-after", &token)?,
        None => 0,
    };
    let max = usize::try_from(max.unwrap_or(1)).unwrap_or(1);
    let (page, more) = state.identities.page(&pool_id, after, max, hide_disabled);
    let mut out = json!({
        "IdentityPoolId": pool_id,
        "Identities": page.iter().map(|i| describe_json(i)).collect::<Vec<_>>(),
    });
    if more && let Some(last) = page.last() {
        out["NextToken"] = Value::String(encode_token("identities-after", last.seq));
    }
    Ok(out)
}

/// DescribeIdentity.
pub fn describe(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let id = input.string("IdentityId", &limits::POOL_ID, true);
    input.finish()?;
    let id = id.unwrap_or_default();
    match state.identities.get(&id) {
        Some((pool_id, identity)) if state.pool(region, pool_id).is_some() => {
            Ok(describe_json(identity))
        }
        _ => Err(identity_not_found(&id)),
    }
}

/// DeleteIdentities: 1–60 ids. Unknown ids count as processed; with fault injection on, some ids
/// fail individually and come back in `UnprocessedIdentityIds`.
pub fn delete(
    state: &mut State,
    region: &str,
    faults: &Faults,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let ids = input.string_list("IdentityIdsToDelete", &limits::POOL_ID, (1, Some(60)), true);
    input.finish()?;
    let mut unprocessed = Vec::new();
    for id in ids.unwrap_or_default() {
        if faults.delete_failure_rate > 0.0 && fastrand::f64() < faults.delete_failure_rate {
            unprocessed.push(json!({ "IdentityId": id, "ErrorCode": "InternalServerError" }));
            continue;
        }
        let in_region = state
            .identities
            .get(&id)
            .is_some_and(|(pool_id, _)| state.pool(region, pool_id).is_some());
        if in_region {
            state.identities.remove(&id);
        }
    }
    Ok(json!({ "UnprocessedIdentityIds": unprocessed }))
}

/// LookupDeveloperIdentity: from an identity to its developer user identifiers, or back.
pub fn lookup_developer(
    state: &State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    let identity_id = input.string("IdentityId", &limits::POOL_ID, false);
    let user = input.string("DeveloperUserIdentifier", &limits::DEVELOPER_USER_ID, false);
    let max = input.integer("MaxResults", 1, i64::from(limits::MAX_PAGE), false);
    let token = input.string("NextToken", &limits::NEXT_TOKEN, false);
    input.finish()?;
    let pool_id = pool_id.unwrap_or_default();
    let pool = state
        .pool(region, &pool_id)
        .ok_or_else(|| pool_not_found(&pool_id))?;
    let Some(provider) = pool.pool.developer_provider_name.as_deref() else {
        return Err(ServiceError::not_found(format!(
            "IdentityPool '{pool_id}' has no developer provider."
        )));
    };
    let by_user = match &user {
        Some(user) => Some(
            state
                .identities
                .with_login(&pool_id, provider, user)
                .ok_or_else(|| {
                    ServiceError::not_found(format!("Developer user '{user}' not found."))
                })?,
        ),
        None => None,
    };
    let by_id = match &identity_id {
        Some(id) => match state.identities.get(id) {
            Some((owner, identity)) if owner == pool_id => Some(identity),
            _ => return Err(identity_not_found(id)),
        },
        None => None,
    };
    let identity = match (by_id, by_user) {
        (Some(a), Some(b)) if a.id != b.id => {
            return Err(ServiceError::client(
                "ResourceConflictException",
                "The IdentityId and DeveloperUserIdentifier belong to different identities.",
            ));
        }
        (Some(identity), _) | (None, Some(identity)) => identity,
        (None, None) => {
            return Err(ServiceError::invalid_parameter(
                "Either IdentityId or DeveloperUserIdentifier must be specified.",
            ));
        }
    };
    let users: Vec<&str> = identity
        .logins
        .iter()
        .filter(|(p, _)| p == provider)
        .map(|(_, user)| user.as_str())
        .collect();
    let start = match token {
        Some(token) => decode_token("developer-users-from", &token)?,
        None => 0,
    };
    let start = usize::try_from(start).unwrap_or(usize::MAX);
    let max = usize::try_from(max.unwrap_or(60)).unwrap_or(60);
    let page: Vec<&str> = users.iter().skip(start).take(max).copied().collect();
    let mut out = json!({ "IdentityId": identity.id, "DeveloperUserIdentifierList": page });
    if start + max < users.len() {
        out["NextToken"] =
            Value::String(encode_token("developer-users-from", (start + max) as u64));
    }
    Ok(out)
}
