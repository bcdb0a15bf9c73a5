//! What the runner answers: one variant per operation, each carrying that operation's result. The
//! answer goes back to the screen that asked (see `console::Owner`).

use super::context::Session;
use super::error::AwsError;
use crate::domain::roles::{IamRole, PoolRoles, PrincipalTagMap};
use crate::domain::{Identity, IdentityPool, PoolSummary};

/// One page of a paged listing: the items and the token of the next page.
pub type Page<T> = (Vec<T>, Option<String>);

/// An (id, name) row: a user pool or an app client.
pub type Named = (String, String);

/// The result of one request, typed by its operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// Connect: the session, or why there is none.
    Connect(Result<Session, AwsError>),
    /// ListIdentityPools: one page.
    ListIdentityPools(Result<Page<PoolSummary>, AwsError>),
    /// DescribeIdentityPool.
    DescribeIdentityPool(Result<IdentityPool, AwsError>),
    /// GetIdentityPoolRoles.
    GetIdentityPoolRoles(Result<PoolRoles, AwsError>),
    /// DeleteIdentityPool.
    DeleteIdentityPool(Result<(), AwsError>),
    /// ListIdentities: one page.
    ListIdentities(Result<Page<Identity>, AwsError>),
    /// DescribeIdentity.
    DescribeIdentity(Result<Identity, AwsError>),
    /// LookupDeveloperIdentity: the identity id and its developer user identifiers.
    LookupDeveloperIdentity(Result<(String, Vec<String>), AwsError>),
    /// DeleteIdentities: the (id, error code) pairs the service left unprocessed.
    DeleteIdentities(Result<Vec<(String, String)>, AwsError>),
    /// IAM ListRoles: one page.
    ListRoles(Result<Page<IamRole>, AwsError>),
    /// ListUserPools: one page.
    ListUserPools(Result<Page<Named>, AwsError>),
    /// ListUserPoolClients: one page.
    ListUserPoolClients(Result<Page<Named>, AwsError>),
    /// IAM ListOpenIDConnectProviders: the ARNs.
    ListOpenIdConnectProviders(Result<Vec<String>, AwsError>),
    /// IAM ListSAMLProviders: the ARNs.
    ListSamlProviders(Result<Vec<String>, AwsError>),
    /// CreateIdentityPool: the new pool.
    CreateIdentityPool(Result<IdentityPool, AwsError>),
    /// CreateUserPool: the new user pool's id.
    CreateUserPool(Result<String, AwsError>),
    /// CreateUserPoolClient: the new client's id.
    CreateUserPoolClient(Result<String, AwsError>),
    /// DeleteUserPoolClient.
    DeleteUserPoolClient(Result<(), AwsError>),
    /// DeleteUserPool.
    DeleteUserPool(Result<(), AwsError>),
    /// IAM CreateRole: the new role's ARN.
    CreateRole(Result<String, AwsError>),
    /// IAM PutRolePolicy.
    PutRolePolicy(Result<(), AwsError>),
    /// SetIdentityPoolRoles.
    SetIdentityPoolRoles(Result<(), AwsError>),
    /// SetPrincipalTagAttributeMap.
    SetPrincipalTagAttributeMap(Result<(), AwsError>),
    /// IAM DeleteRolePolicy.
    DeleteRolePolicy(Result<(), AwsError>),
    /// IAM DeleteRole.
    DeleteRole(Result<(), AwsError>),
    /// UpdateIdentityPool: the pool as the service now has it.
    UpdateIdentityPool(Result<IdentityPool, AwsError>),
    /// GetPrincipalTagAttributeMap.
    GetPrincipalTagAttributeMap(Result<PrincipalTagMap, AwsError>),
    /// TagResource.
    TagResource(Result<(), AwsError>),
    /// UntagResource.
    UntagResource(Result<(), AwsError>),
    /// IAM GetRole: the role with its trust policy.
    GetRole(Result<IamRole, AwsError>),
    /// IAM UpdateAssumeRolePolicy.
    UpdateAssumeRolePolicy(Result<(), AwsError>),
    /// IAM ListRolePolicies: the inline policies' names.
    ListRolePolicies(Result<Vec<String>, AwsError>),
    /// IAM GetRolePolicy: the document.
    GetRolePolicy(Result<String, AwsError>),
    /// IAM ListAttachedRolePolicies: (name, ARN) of each.
    ListAttachedRolePolicies(Result<Vec<(String, String)>, AwsError>),
    /// IAM GetPolicy + GetPolicyVersion: the default version's document.
    GetManagedPolicy(Result<String, AwsError>),
    /// Test access: how the attempt ended.
    TestAccess(Box<super::test_access::Trial>),
    /// The security report.
    Doctor(Result<Box<crate::domain::doctor::Report>, AwsError>),
    /// The journal's entries (oldest first) and its unreadable lines, or why it can't be read.
    Journal(Result<(Vec<crate::journal::Entry>, usize), String>),
    /// Export: everything read for it.
    Export(Result<Box<crate::export::PoolExport>, AwsError>),
    /// A file written: its path, or why not (`exists` when it was there and not to be replaced).
    FileWritten(Result<std::path::PathBuf, FileError>),
    /// `$EDITOR`: the text as saved, or why the editor could not run.
    Edited(Result<String, String>),
}

/// Why a file was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file exists (and was not to be replaced).
    pub exists: bool,
    /// What happened, in words.
    pub message: String,
}
