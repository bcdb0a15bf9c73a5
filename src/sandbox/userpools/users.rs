//! AdminCreateUser, AdminSetUserPassword, CreateGroup, AdminAddUserToGroup, and the password policy.

use aws_lc_rs::digest;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

use super::pools::USER_POOL_ID;
use super::{INVALID, StoredUserPool, UserPools, now, pool_in_mut};
use crate::domain::roles::ROLE_ARN;
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;

const USERNAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+"),
    allowed: "1–128 characters",
};
const PASSWORD: StrRule = StrRule {
    min: 1,
    max: 256,
    pattern: Some(r"[\S]+"),
    allowed: "no spaces",
};
const GROUP_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+"),
    allowed: "1–128 characters",
};
const DESCRIPTION: StrRule = StrRule {
    min: 0,
    max: 2048,
    pattern: None,
    allowed: "at most 2048 characters",
};

/// A user of a pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// The `sub` (a UUID).
    pub sub: String,
    /// Attributes (email, custom:x, …), `sub` excluded.
    pub attributes: BTreeMap<String, String>,
    /// SHA-256 of the password (base64); never the password itself.
    pub password_hash: Option<String>,
    /// USER_SRP_AUTH's (salt, verifier), in hex: what SRP checks instead of the password.
    #[serde(default)]
    pub srp: Option<(String, String)>,
    /// FORCE_CHANGE_PASSWORD or CONFIRMED.
    pub status: String,
    /// Enabled.
    pub enabled: bool,
    /// Group names.
    pub groups: Vec<String>,
    /// Epoch seconds.
    pub created: f64,
}

/// A group of a pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The IAM role for members (cognito:roles / cognito:preferred_role).
    pub role_arn: Option<String>,
    /// Lower wins; None is worst.
    pub precedence: Option<i64>,
    /// Description.
    pub description: Option<String>,
    /// Epoch seconds.
    pub created: f64,
}

/// The SRP (salt, verifier) of a password, for a user of `pool_id` (a new random salt).
pub fn srp_secret(pool_id: &str, username: &str, password: &str) -> Option<(String, String)> {
    use crate::domain::srp;
    let salt = num_bigint::BigUint::from_bytes_be(&fastrand_bytes(16));
    let v = srp::verifier(srp::pool_name(pool_id), username, password, &salt);
    Some((srp::hex(&salt), srp::hex(&v)))
}

/// `n` random bytes (the sandbox's own randomness: salts and SRP secrets, never keys).
pub fn fastrand_bytes(n: usize) -> Vec<u8> {
    (0..n).map(|_| fastrand::u8(..)).collect()
}

/// Sets a password: its hash for USER_PASSWORD_AUTH and its verifier for USER_SRP_AUTH.
pub fn set_password(user: &mut User, pool_id: &str, username: &str, password: &str) {
    user.password_hash = Some(hash_password(password));
    user.srp = srp_secret(pool_id, username, password);
}

/// The stored form of a password.
pub fn hash_password(password: &str) -> String {
    STANDARD.encode(digest::digest(&digest::SHA256, password.as_bytes()).as_ref())
}

/// Checks a password against the pool's policy; InvalidPasswordException with the service's wording.
pub fn check_password(pool: &StoredUserPool, password: &str) -> Result<(), ServiceError> {
    let policy = pool
        .description
        .get("Policies")
        .and_then(|p| p.get("PasswordPolicy"))
        .cloned()
        .unwrap_or(json!({}));
    let flag = |name: &str| policy.get(name).and_then(Value::as_bool).unwrap_or(false);
    let minimum = policy
        .get("MinimumLength")
        .and_then(Value::as_u64)
        .unwrap_or(8) as usize;
    let problem = if password.chars().count() < minimum {
        Some("Password not long enough")
    } else if flag("RequireUppercase") && !password.chars().any(char::is_uppercase) {
        Some("Password must have uppercase characters")
    } else if flag("RequireLowercase") && !password.chars().any(char::is_lowercase) {
        Some("Password must have lowercase characters")
    } else if flag("RequireNumbers") && !password.chars().any(|c| c.is_ascii_digit()) {
        Some("Password must have numeric characters")
    } else if flag("RequireSymbols") && password.chars().all(char::is_alphanumeric) {
        Some("Password must have symbol characters")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(ServiceError::client(
            "InvalidPasswordException",
            format!("Password did not conform with policy: {problem}"),
        )),
        None => Ok(()),
    }
}

/// The `UserPoolId` and `Username` every admin user operation starts with.
fn pool_and_user(input: &mut Input) -> (String, String) {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let name = input.required("Username", &USERNAME);
    (pool_id, name)
}

fn user_not_found() -> ServiceError {
    ServiceError::client("UserNotFoundException", "User does not exist.")
}

fn user_json(name: &str, user: &User) -> Value {
    let mut attributes = vec![json!({ "Name": "sub", "Value": user.sub })];
    attributes.extend(
        user.attributes
            .iter()
            .map(|(k, v)| json!({ "Name": k, "Value": v })),
    );
    json!({
        "Username": name, "Attributes": attributes, "UserCreateDate": user.created,
        "UserLastModifiedDate": user.created, "Enabled": user.enabled, "UserStatus": user.status,
    })
}

/// AdminCreateUser: FORCE_CHANGE_PASSWORD with the temporary password (one is made when none is given).
pub fn admin_create(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let (pool_id, name) = pool_and_user(&mut input);
    let temporary = input.string("TemporaryPassword", &PASSWORD, false);
    let attributes = input.object_list("UserAttributes", (0, None), |a| {
        let any = StrRule {
            min: 1,
            max: 2048,
            pattern: None,
            allowed: "",
        };
        (
            a.required("Name", &any),
            a.string("Value", &any, false).unwrap_or_default(),
        )
    });
    input.finish_as(INVALID)?;
    let pool = pool_in_mut(pools, region, &pool_id)?;
    if pool.users.contains_key(&name) {
        return Err(ServiceError::client(
            "UsernameExistsException",
            "User account already exists",
        ));
    }
    let temporary = match temporary {
        Some(password) => {
            check_password(pool, &password)?;
            password
        }
        None => format!("Tmp-{}9a!", uuid::Uuid::new_v4().simple()),
    };
    let user = User {
        sub: uuid::Uuid::new_v4().to_string(),
        attributes: attributes
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "sub")
            .collect(),
        password_hash: Some(hash_password(&temporary)),
        srp: srp_secret(&pool_id, &name, &temporary),
        status: "FORCE_CHANGE_PASSWORD".into(),
        enabled: true,
        groups: Vec::new(),
        created: now(),
    };
    let out = json!({ "User": user_json(&name, &user) });
    pool.users.insert(name, user);
    Ok(out)
}

/// AdminSetUserPassword: Permanent makes the user CONFIRMED.
pub fn admin_set_password(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let (pool_id, name) = pool_and_user(&mut input);
    let password = input.required("Password", &PASSWORD);
    let permanent = input.boolean("Permanent", false).unwrap_or(false);
    input.finish_as(INVALID)?;
    let pool = pool_in_mut(pools, region, &pool_id)?;
    check_password(pool, &password)?;
    let user = pool.users.get_mut(&name).ok_or_else(user_not_found)?;
    set_password(user, &pool_id, &name, &password);
    user.status = if permanent {
        "CONFIRMED"
    } else {
        "FORCE_CHANGE_PASSWORD"
    }
    .into();
    Ok(json!({}))
}

/// CreateGroup.
pub fn create_group(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.required("UserPoolId", &USER_POOL_ID);
    let name = input.required("GroupName", &GROUP_NAME);
    let description = input.string("Description", &DESCRIPTION, false);
    let role_arn = input.string("RoleArn", &ROLE_ARN, false);
    let precedence = input.integer("Precedence", 0, i64::from(i32::MAX), false);
    input.finish_as(INVALID)?;
    let pool = pool_in_mut(pools, region, &pool_id)?;
    if pool.groups.contains_key(&name) {
        return Err(ServiceError::client(
            "GroupExistsException",
            "A group with the name already exists.",
        ));
    }
    let group = Group {
        role_arn,
        precedence,
        description,
        created: now(),
    };
    let mut out = Map::new();
    out.insert("GroupName".into(), json!(name));
    out.insert("UserPoolId".into(), json!(pool_id));
    if let Some(d) = &group.description {
        out.insert("Description".into(), json!(d));
    }
    if let Some(r) = &group.role_arn {
        out.insert("RoleArn".into(), json!(r));
    }
    if let Some(p) = group.precedence {
        out.insert("Precedence".into(), json!(p));
    }
    out.insert("CreationDate".into(), json!(group.created));
    out.insert("LastModifiedDate".into(), json!(group.created));
    pool.groups.insert(name, group);
    Ok(json!({ "Group": out }))
}

/// AdminAddUserToGroup.
pub fn add_to_group(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let (pool_id, name) = pool_and_user(&mut input);
    let group = input.required("GroupName", &GROUP_NAME);
    input.finish_as(INVALID)?;
    let pool = pool_in_mut(pools, region, &pool_id)?;
    if !pool.groups.contains_key(&group) {
        return Err(ServiceError::not_found("Group not found."));
    }
    let user = pool.users.get_mut(&name).ok_or_else(user_not_found)?;
    if !user.groups.contains(&group) {
        user.groups.push(group);
    }
    Ok(json!({}))
}
