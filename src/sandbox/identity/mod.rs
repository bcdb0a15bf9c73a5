//! Amazon Cognito Identity (`AWSCognitoIdentityService`), JSON 1.1.

mod credentials;
mod identities;
mod logins;
mod openid;

pub use openid::{TokenProblem, verify as verify_open_id_token};
mod pools;
mod roles;
mod tags;

use serde_json::Value;

use super::faults::Faults;
use super::input::Input;

use super::protocol::{RequestContext, ServiceError};
use super::store::Store;

/// The `X-Amz-Target` prefix of this service.
pub const TARGET_PREFIX: &str = "AWSCognitoIdentityService";

/// Runs one operation against the store.
pub fn handle(
    store: &Store,
    ctx: &RequestContext,
    operation: &str,
    input: Input,
    faults: &Faults,
) -> Result<Value, ServiceError> {
    if !OPERATIONS.contains(&operation) {
        return Err(unknown_operation(operation));
    }
    // Unsigned operations take their region from the ids they carry.
    match operation {
        "GetId" => return store.write(|s| credentials::get_id(s, input)),
        "GetCredentialsForIdentity" => {
            return store.write(|s| credentials::get_credentials(s, input));
        }
        "GetOpenIdToken" => return store.write(|s| openid::get_open_id_token(s, input)),
        "UnlinkIdentity" => return store.write(|s| openid::unlink_identity(s, input)),
        _ => {}
    }
    // The other operations are SigV4-signed; the region is the credential scope's.
    let region = ctx.require_signed_region()?;
    match operation {
        "CreateIdentityPool" => store.write(|s| pools::create(s, region, input)),
        "DescribeIdentityPool" => store.read(|s| pools::describe(s, region, input)),
        "ListIdentityPools" => store.read(|s| pools::list(s, region, input)),
        "UpdateIdentityPool" => store.write(|s| pools::update(s, region, input)),
        "DeleteIdentityPool" => store.write(|s| pools::delete(s, region, input)),
        "TagResource" => store.write(|s| tags::tag(s, region, input)),
        "UntagResource" => store.write(|s| tags::untag(s, region, input)),
        "ListTagsForResource" => store.read(|s| tags::list(s, region, input)),
        "ListIdentities" => store.read(|s| identities::list(s, region, input)),
        "DescribeIdentity" => store.read(|s| identities::describe(s, region, input)),
        "DeleteIdentities" => store.write(|s| identities::delete(s, region, faults, input)),
        "LookupDeveloperIdentity" => store.read(|s| identities::lookup_developer(s, region, input)),
        "GetOpenIdTokenForDeveloperIdentity" => {
            store.write(|s| openid::get_developer_token(s, region, input))
        }
        "MergeDeveloperIdentities" => store.write(|s| openid::merge_developer(s, region, input)),
        "UnlinkDeveloperIdentity" => store.write(|s| openid::unlink_developer(s, region, input)),
        "SetIdentityPoolRoles" => store.write(|s| roles::set_roles(s, region, input)),
        "GetIdentityPoolRoles" => store.read(|s| roles::get_roles(s, region, input)),
        "SetPrincipalTagAttributeMap" => {
            store.write(|s| roles::set_principal_tags(s, region, input))
        }
        "GetPrincipalTagAttributeMap" => {
            store.read(|s| roles::get_principal_tags(s, region, input))
        }
        _ => Err(unknown_operation(operation)),
    }
}

/// The operations this sandbox serves.
pub const OPERATIONS: &[&str] = &[
    "CreateIdentityPool",
    "DescribeIdentityPool",
    "ListIdentityPools",
    "UpdateIdentityPool",
    "DeleteIdentityPool",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
    "ListIdentities",
    "DescribeIdentity",
    "DeleteIdentities",
    "LookupDeveloperIdentity",
    "SetIdentityPoolRoles",
    "GetIdentityPoolRoles",
    "SetPrincipalTagAttributeMap",
    "GetPrincipalTagAttributeMap",
    "GetId",
    "GetCredentialsForIdentity",
    "GetOpenIdToken",
    "GetOpenIdTokenForDeveloperIdentity",
    "MergeDeveloperIdentities",
    "UnlinkDeveloperIdentity",
    "UnlinkIdentity",
];

/// The JSON services' answer to a target they do not have.
pub fn unknown_operation(operation: &str) -> ServiceError {
    ServiceError::client(
        "UnknownOperationException",
        format!("The operation {operation} is not supported by this sandbox."),
    )
}
