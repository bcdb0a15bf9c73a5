//! Amazon Cognito user pools (`AWSCognitoIdentityProviderService`, JSON 1.1): the pools and app
//! clients the console and the wizard pick from.

mod auth;
mod clients;
pub mod keys;
mod pools;
mod srp_auth;
pub mod users;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::input::Input;
use super::protocol::{RequestContext, ServiceError};
use super::store::Store;
use crate::domain::validation::StrRule;

/// The `X-Amz-Target` prefix of this service.
pub const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService";

/// The operations served.
pub const OPERATIONS: &[&str] = &[
    "CreateUserPool",
    "DescribeUserPool",
    "ListUserPools",
    "DeleteUserPool",
    "CreateUserPoolClient",
    "DescribeUserPoolClient",
    "DeleteUserPoolClient",
    "ListUserPoolClients",
    "AdminCreateUser",
    "AdminSetUserPassword",
    "CreateGroup",
    "AdminAddUserToGroup",
    "InitiateAuth",
    "RespondToAuthChallenge",
];

/// Operations sent without a signature; they find their pool through the client id.
const UNSIGNED: &[&str] = &["InitiateAuth", "RespondToAuthChallenge"];

/// An app client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredClient {
    /// Creation order within the pool.
    pub seq: u64,
    /// DescribeUserPoolClient's `UserPoolClient`, secret included.
    pub description: Map<String, Value>,
}

/// A user pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredUserPool {
    /// Creation order in the sandbox.
    pub seq: u64,
    /// DescribeUserPool's `UserPool`.
    pub description: Map<String, Value>,
    /// App clients by id.
    pub clients: BTreeMap<String, StoredClient>,
    /// Users by user name.
    #[serde(default)]
    pub users: BTreeMap<String, users::User>,
    /// Groups by name.
    #[serde(default)]
    pub groups: BTreeMap<String, users::Group>,
    /// The token signing key, made on first use.
    #[serde(default)]
    pub key: Option<keys::SigningKey>,
    /// Refresh tokens → (user name, client id).
    #[serde(default)]
    pub refresh_tokens: BTreeMap<String, (String, String)>,
    /// NEW_PASSWORD_REQUIRED sessions → (user name, client id).
    #[serde(default)]
    pub sessions: BTreeMap<String, (String, String)>,
    /// USER_SRP_AUTH challenges waiting for their PASSWORD_VERIFIER answer, by secret block.
    #[serde(default)]
    pub srp_challenges: BTreeMap<String, srp_auth::Pending>,
}

impl StoredUserPool {
    /// A pool with no clients, users or groups yet.
    pub fn new(seq: u64, description: Map<String, Value>) -> Self {
        Self {
            seq,
            description,
            clients: BTreeMap::new(),
            users: BTreeMap::new(),
            groups: BTreeMap::new(),
            key: None,
            refresh_tokens: BTreeMap::new(),
            sessions: BTreeMap::new(),
            srp_challenges: BTreeMap::new(),
        }
    }
}

/// Every user pool, by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserPools {
    /// The next creation number.
    pub next_seq: u64,
    /// Pools by id (`<region>_<9 characters>`).
    pub pools: BTreeMap<String, StoredUserPool>,
}

/// Runs one operation.
pub fn handle(
    store: &Store,
    ctx: &RequestContext,
    operation: &str,
    input: Input,
) -> Result<Value, ServiceError> {
    if !OPERATIONS.contains(&operation) {
        return Err(super::identity::unknown_operation(operation));
    }
    if UNSIGNED.contains(&operation) {
        return match operation {
            "InitiateAuth" => store.write(|s| auth::initiate(&mut s.user_pools, input)),
            _ => store.write(|s| auth::respond(&mut s.user_pools, input)),
        };
    }
    let region = ctx.require_signed_region()?;
    match operation {
        "CreateUserPool" => {
            store.write(|s| pools::create(&mut s.user_pools, &s.iam, region, input))
        }
        "DescribeUserPool" => store.read(|s| pools::describe(&s.user_pools, region, input)),
        "ListUserPools" => store.read(|s| pools::list(&s.user_pools, region, input)),
        "DeleteUserPool" => store.write(|s| pools::delete(&mut s.user_pools, region, input)),
        "CreateUserPoolClient" => {
            store.write(|s| clients::create(&mut s.user_pools, region, input))
        }
        "DescribeUserPoolClient" => store.read(|s| clients::describe(&s.user_pools, region, input)),
        "DeleteUserPoolClient" => {
            store.write(|s| clients::delete(&mut s.user_pools, region, input))
        }
        "ListUserPoolClients" => store.read(|s| clients::list(&s.user_pools, region, input)),
        "AdminCreateUser" => store.write(|s| users::admin_create(&mut s.user_pools, region, input)),
        "AdminSetUserPassword" => {
            store.write(|s| users::admin_set_password(&mut s.user_pools, region, input))
        }
        "CreateGroup" => store.write(|s| users::create_group(&mut s.user_pools, region, input)),
        "AdminAddUserToGroup" => {
            store.write(|s| users::add_to_group(&mut s.user_pools, region, input))
        }
        _ => Err(super::identity::unknown_operation(operation)),
    }
}

/// The error code cognito-idp gives for most bad requests.
const INVALID: &str = "InvalidParameterException";

/// A pagination token of the list operations.
const NEXT_TOKEN: StrRule = StrRule {
    min: 1,
    max: usize::MAX,
    pattern: Some(r"[\S]+"),
    allowed: "a token",
};

/// Epoch seconds now, as cognito-idp timestamps are written.
fn now() -> f64 {
    crate::clock::epoch_seconds().floor()
}

/// `count` random characters from `alphabet`.
fn random_text(alphabet: &[u8], count: usize) -> String {
    (0..count)
        .map(|_| alphabet[fastrand::usize(..alphabet.len())] as char)
        .collect()
}

fn pool_not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("User pool {id} does not exist."))
}

/// The pool with this id, if it lives in `region`.
fn pool_in<'a>(
    pools: &'a UserPools,
    region: &str,
    id: &str,
) -> Result<&'a StoredUserPool, ServiceError> {
    pools
        .pools
        .get(id)
        .filter(|_| id.split_once('_').is_some_and(|(r, _)| r == region))
        .ok_or_else(|| pool_not_found(id))
}

/// Adds a user pool with a fixed id and app clients with fixed ids (for the demo seed, whose identity
/// pools name them).
pub fn insert_fixed(pools: &mut UserPools, id: &str, name: &str, clients: &[(&str, &str)]) {
    let region = id.split_once('_').map_or("us-east-1", |(r, _)| r);
    let created = now();
    let mut description = pools::defaults();
    description.insert("Id".into(), Value::String(id.into()));
    description.insert("Name".into(), Value::String(name.into()));
    description.insert(
        "Arn".into(),
        Value::String(format!(
            "arn:aws:cognito-idp:{region}:{}:userpool/{id}",
            super::store::SANDBOX_ACCOUNT
        )),
    );
    description.insert("CreationDate".into(), serde_json::json!(created));
    description.insert("LastModifiedDate".into(), serde_json::json!(created));
    let mut stored = StoredUserPool::new(0, description);
    for (i, (client_id, client_name)) in clients.iter().enumerate() {
        let description = serde_json::json!({
            "UserPoolId": id, "ClientName": client_name, "ClientId": client_id,
            "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
            "RefreshTokenValidity": 30, "PreventUserExistenceErrors": "ENABLED",
            "CreationDate": created, "LastModifiedDate": created,
        });
        if let Value::Object(description) = description {
            stored.clients.insert(
                client_id.to_string(),
                StoredClient {
                    seq: i as u64 + 1,
                    description,
                },
            );
        }
    }
    pools.next_seq += 1;
    stored.seq = pools.next_seq;
    pools.pools.insert(id.to_string(), stored);
}

/// The pool with this id in `region`, mutably.
fn pool_in_mut<'a>(
    pools: &'a mut UserPools,
    region: &str,
    id: &str,
) -> Result<&'a mut StoredUserPool, ServiceError> {
    pools
        .pools
        .get_mut(id)
        .filter(|_| id.split_once('_').is_some_and(|(r, _)| r == region))
        .ok_or_else(|| pool_not_found(id))
}

/// The JWKS of a pool (`{"keys": […]}`), making its key on first use.
pub fn jwks(pools: &mut UserPools, pool_id: &str) -> Result<Value, ServiceError> {
    let pool = pools
        .pools
        .get_mut(pool_id)
        .ok_or_else(|| pool_not_found(pool_id))?;
    if pool.key.is_none() {
        pool.key = Some(keys::SigningKey::generate()?);
    }
    let keys: Vec<Value> = pool.key.iter().map(keys::SigningKey::jwk).collect();
    Ok(serde_json::json!({ "keys": keys }))
}
