//! CreateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients.

use serde_json::{Map, Value, json};

use super::pools::USER_POOL_ID;
use super::{INVALID, NEXT_TOKEN, StoredClient, UserPools, now, pool_in, random_text};
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;

use crate::domain::new_user_pool::CLIENT_NAME;
const CLIENT_ID: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w+]+"),
    allowed: "an app client id",
};
const CLIENT_SECRET: StrRule = StrRule {
    min: 24,
    max: 64,
    pattern: Some(r"[\w+]+"),
    allowed: "24–64 letters, digits, _ or +",
};

/// `ExplicitAuthFlows` values.
pub const AUTH_FLOWS: &[&str] = &[
    "ADMIN_NO_SRP_AUTH",
    "CUSTOM_AUTH_FLOW_ONLY",
    "USER_PASSWORD_AUTH",
    "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    "ALLOW_CUSTOM_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_USER_AUTH",
    "ALLOW_TOKEN_EXCHANGE_DELEGATION",
    "ALLOW_TOKEN_EXCHANGE_IMPERSONATION",
];

/// Without ExplicitAuthFlows a client allows only these (so not USER_PASSWORD_AUTH).
const DEFAULT_FLOWS: &[&str] = &[
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_CUSTOM_AUTH",
];

fn client_not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("User pool client {id} does not exist."))
}

/// CreateUserPoolClient: a 26-character id, a secret when asked for, the service's defaults.
pub fn create(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let name = input.required("ClientName", &CLIENT_NAME);
    let generate = input.boolean("GenerateSecret", false).unwrap_or(false);
    let given_secret = input.string("ClientSecret", &CLIENT_SECRET, false);
    let flows = input.enum_list("ExplicitAuthFlows", AUTH_FLOWS);
    let _ = input.integer("RefreshTokenValidity", 0, 315_360_000, false);
    let _ = input.integer("AccessTokenValidity", 1, 86_400, false);
    let _ = input.integer("IdTokenValidity", 1, 86_400, false);
    let request = input.raw().clone();
    input.finish_as(INVALID)?;
    pool_in(pools, region, &pool_id)?;
    let client_id = random_text(b"abcdefghijklmnopqrstuvwxyz0123456789", 26);
    let created = now();
    let mut description: Map<String, Value> = match json!({
        "RefreshTokenValidity": 30, "AccessTokenValidity": 60, "IdTokenValidity": 60,
        "TokenValidityUnits": { "AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days" },
        "PreventUserExistenceErrors": "LEGACY",
        "AllowedOAuthFlowsUserPoolClient": false,
        "EnableTokenRevocation": true,
        "EnablePropagateAdditionalUserContextData": false,
        "AuthSessionValidity": 3,
    }) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    for (key, value) in request {
        if key != "GenerateSecret" {
            description.insert(key, value);
        }
    }
    let flows = flows.unwrap_or_else(|| DEFAULT_FLOWS.iter().map(|f| f.to_string()).collect());
    description.insert("ExplicitAuthFlows".into(), json!(flows));
    description.insert("ClientId".into(), json!(client_id));
    description.insert("ClientName".into(), json!(name));
    description.insert("UserPoolId".into(), json!(pool_id));
    description.insert("CreationDate".into(), json!(created));
    description.insert("LastModifiedDate".into(), json!(created));
    let secret = given_secret.or_else(|| {
        generate.then(|| {
            random_text(
                b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                51,
            )
        })
    });
    if let Some(secret) = secret {
        description.insert("ClientSecret".into(), json!(secret));
    }
    let pool = pools
        .pools
        .get_mut(&pool_id)
        .ok_or_else(|| client_not_found(&client_id))?;
    let seq = pool.clients.len() as u64 + 1;
    pool.clients.insert(
        client_id,
        StoredClient {
            seq,
            description: description.clone(),
        },
    );
    Ok(json!({ "UserPoolClient": description }))
}

/// DescribeUserPoolClient (the secret included, as the service returns it).
pub fn describe(pools: &UserPools, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let client_id = input.required("ClientId", &CLIENT_ID);
    input.finish_as(INVALID)?;
    let pool = pool_in(pools, region, &pool_id)?;
    let client = pool
        .clients
        .get(&client_id)
        .ok_or_else(|| client_not_found(&client_id))?;
    Ok(json!({ "UserPoolClient": client.description }))
}

/// DeleteUserPoolClient.
pub fn delete(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let client_id = input.required("ClientId", &CLIENT_ID);
    input.finish_as(INVALID)?;
    pool_in(pools, region, &pool_id)?;
    pools
        .pools
        .get_mut(&pool_id)
        .and_then(|pool| pool.clients.remove(&client_id))
        .ok_or_else(|| client_not_found(&client_id))?;
    Ok(json!({}))
}

/// ListUserPoolClients: `MaxResults` 1–60 (default 60), in creation order.
pub fn list(pools: &UserPools, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let max = input.integer("MaxResults", 1, 60, false).unwrap_or(60);
    let token = input.string("NextToken", &NEXT_TOKEN, false);
    input.finish_as(INVALID)?;
    let pool = pool_in(pools, region, &pool_id)?;
    let after: u64 = match token {
        Some(t) => t
            .strip_prefix("clients-after-")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ServiceError::client(INVALID, "The NextToken is not valid."))?,
        None => 0,
    };
    let mut clients: Vec<&StoredClient> = pool.clients.values().filter(|c| c.seq > after).collect();
    clients.sort_by_key(|c| c.seq);
    let max = usize::try_from(max).unwrap_or(60);
    let page: Vec<Value> = clients
        .iter()
        .take(max)
        .map(|c| json!({ "ClientId": c.description.get("ClientId"), "UserPoolId": pool_id, "ClientName": c.description.get("ClientName") }))
        .collect();
    let mut out = json!({ "UserPoolClients": page });
    if clients.len() > max
        && let Some(last) = clients.get(max - 1)
    {
        out["NextToken"] = json!(format!("clients-after-{}", last.seq));
    }
    Ok(out)
}
