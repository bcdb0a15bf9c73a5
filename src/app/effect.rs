//! What `update` asks the outside world to do. Plain data: the runner turns each into an SDK call
//! (or a terminal write) and sends the result back as a message.

use std::collections::BTreeMap;

use crate::domain::IdentityPool;
use crate::domain::roles::{PrincipalTagMap, RoleMapping};

/// Identifies one request, so that its answer can be matched, or ignored once stale.
pub type RequestId = u64;

/// A request for work outside the pure core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Build the SDK clients for this profile and region, and check that credentials resolve.
    Connect {
        /// Request id of this attempt.
        req: RequestId,
        /// The named profile, or the default chain's choice.
        profile: Option<String>,
        /// The region, or the default chain's choice.
        region: Option<String>,
    },
    /// One page of ListIdentityPools (60 at a time).
    ListIdentityPools {
        /// Request id of this page.
        req: RequestId,
        /// The token from the previous page.
        next_token: Option<String>,
    },
    /// One page of ListIdentityPools in another region than the session's (`:region all`),
    /// answered as `Response::ListIdentityPools`.
    ListIdentityPoolsIn {
        /// Request id of this page.
        req: RequestId,
        /// The region.
        region: String,
        /// The token from the previous page.
        next_token: Option<String>,
    },
    /// DescribeIdentityPool for one pool.
    DescribeIdentityPool {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
    },
    /// GetIdentityPoolRoles for one pool.
    GetIdentityPoolRoles {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
    },
    /// DeleteIdentityPool.
    DeleteIdentityPool {
        /// Request id.
        req: RequestId,
        /// Its name (for the journal: the pool is gone afterwards).
        name: String,
        /// The pool.
        pool_id: String,
    },
    /// One page of ListIdentities (60 at a time).
    ListIdentities {
        /// Request id of this page.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// The token from the previous page.
        next_token: Option<String>,
        /// Leave disabled identities out.
        hide_disabled: bool,
    },
    /// DescribeIdentity.
    DescribeIdentity {
        /// Request id.
        req: RequestId,
        /// The identity.
        identity_id: String,
    },
    /// LookupDeveloperIdentity, by identity or by developer user identifier.
    LookupDeveloperIdentity {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// Look up this identity's developer user identifiers…
        identity_id: Option<String>,
        /// …or the identity of this developer user.
        developer_user: Option<String>,
    },
    /// DeleteIdentities for one batch of at most 60 ids.
    DeleteIdentities {
        /// Request id of this batch.
        req: RequestId,
        /// The pool they belong to (for the journal; the call names only the ids).
        pool_id: String,
        /// The ids.
        ids: Vec<String>,
    },
    /// One page of IAM ListRoles.
    ListRoles {
        /// Request id of this page.
        req: RequestId,
        /// The marker from the previous page.
        marker: Option<String>,
    },
    /// One page of ListUserPools.
    ListUserPools {
        /// Request id of this page.
        req: RequestId,
        /// The token from the previous page.
        next_token: Option<String>,
    },
    /// One page of ListUserPoolClients.
    ListUserPoolClients {
        /// Request id of this page.
        req: RequestId,
        /// The user pool.
        user_pool_id: String,
        /// The token from the previous page.
        next_token: Option<String>,
    },
    /// IAM ListOpenIDConnectProviders.
    ListOpenIdConnectProviders {
        /// Request id.
        req: RequestId,
    },
    /// IAM ListSAMLProviders.
    ListSamlProviders {
        /// Request id.
        req: RequestId,
    },
    /// CreateIdentityPool.
    CreateIdentityPool {
        /// Request id.
        req: RequestId,
        /// Everything but the id.
        pool: IdentityPool,
    },
    /// CreateUserPool (the wizard's new user pool).
    CreateUserPool {
        /// Request id.
        req: RequestId,
        /// Its settings.
        settings: crate::domain::new_user_pool::UserPoolSettings,
    },
    /// CreateUserPoolClient.
    CreateUserPoolClient {
        /// Request id.
        req: RequestId,
        /// The user pool.
        user_pool_id: String,
        /// Its settings.
        settings: crate::domain::new_user_pool::ClientSettings,
    },
    /// DeleteUserPoolClient (undo).
    DeleteUserPoolClient {
        /// Request id.
        req: RequestId,
        /// The user pool.
        user_pool_id: String,
        /// The client.
        client_id: String,
    },
    /// DeleteUserPool (undo).
    DeleteUserPool {
        /// Request id.
        req: RequestId,
        /// The user pool.
        user_pool_id: String,
    },
    /// IAM CreateRole.
    CreateRole {
        /// Request id.
        req: RequestId,
        /// The role's name.
        name: String,
        /// Its trust policy (JSON).
        trust_policy: String,
        /// Its description.
        description: String,
    },
    /// IAM PutRolePolicy.
    PutRolePolicy {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
        /// The inline policy's name.
        policy_name: String,
        /// The policy (JSON).
        document: String,
    },
    /// SetIdentityPoolRoles (replaces the pool's roles and mappings).
    SetIdentityPoolRoles {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// `authenticated` / `unauthenticated` → role ARN.
        roles: BTreeMap<String, String>,
        /// Provider key → mapping.
        role_mappings: BTreeMap<String, RoleMapping>,
    },
    /// SetPrincipalTagAttributeMap for one provider.
    SetPrincipalTagAttributeMap {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// The provider name.
        provider: String,
        /// Defaults or tag ← claim mappings.
        tags: PrincipalTagMap,
    },
    /// IAM DeleteRolePolicy.
    DeleteRolePolicy {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
        /// The inline policy's name.
        policy_name: String,
    },
    /// IAM DeleteRole.
    DeleteRole {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
    },
    /// UpdateIdentityPool: replaces the pool's configuration (not its tags).
    UpdateIdentityPool {
        /// Request id.
        req: RequestId,
        /// The whole configuration to set.
        pool: IdentityPool,
    },
    /// GetPrincipalTagAttributeMap for one provider.
    GetPrincipalTagAttributeMap {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// The provider name.
        provider: String,
    },
    /// TagResource on a pool.
    TagResource {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// Tags to add or change.
        tags: BTreeMap<String, String>,
    },
    /// UntagResource on a pool.
    UntagResource {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// Tag keys to remove.
        keys: Vec<String>,
    },
    /// IAM GetRole (the trust policy with it).
    GetRole {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
    },
    /// IAM UpdateAssumeRolePolicy (replaces the role's trust policy).
    UpdateAssumeRolePolicy {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
        /// The whole trust policy (JSON).
        document: String,
    },
    /// IAM ListRolePolicies (every page): the inline policies' names.
    ListRolePolicies {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
    },
    /// IAM GetRolePolicy: one inline policy's document.
    GetRolePolicy {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
        /// The inline policy's name.
        policy_name: String,
    },
    /// IAM ListAttachedRolePolicies (every page).
    ListAttachedRolePolicies {
        /// Request id.
        req: RequestId,
        /// The role.
        role_name: String,
    },
    /// IAM GetPolicy + GetPolicyVersion: a managed policy's default document.
    GetManagedPolicy {
        /// Request id.
        req: RequestId,
        /// The policy's ARN.
        arn: String,
    },
    /// Open `text` in the user's `$EDITOR` (the console steps aside until it exits); the text
    /// saved comes back as [`crate::app::Response::Edited`].
    EditInEditor {
        /// Request id.
        req: RequestId,
        /// The text to edit.
        text: String,
    },
    /// Test access: sign in to the pool as the attempt says (the whole flow, timed call by call).
    TestAccess {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// Who signs in.
        attempt: Box<super::test_access::Attempt>,
    },
    /// Export: read everything the pool has (and the roles it references, when asked).
    ReadExport {
        /// Request id.
        req: RequestId,
        /// The pool.
        pool_id: String,
        /// Whether to read the roles too.
        include_roles: bool,
    },
    /// Write text to a local file (an export saved); never over an existing file unless `replace`.
    WriteFile {
        /// Request id.
        req: RequestId,
        /// Where.
        path: std::path::PathBuf,
        /// What.
        text: String,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// The security report of the session's region.
    Doctor {
        /// Request id.
        req: RequestId,
    },
    /// Read the journal of the writes made from the console.
    ReadJournal {
        /// Request id.
        req: RequestId,
    },
    /// Put text on the system clipboard through the terminal (OSC 52).
    CopyToClipboard(String),
    /// Add a line to the journal: what a read found of a write whose outcome was unknown.
    JournalNote {
        /// The write's operation.
        operation: &'static str,
        /// Its target (a pool id).
        target: String,
        /// What the read found: `took effect` or `not in effect`.
        outcome: String,
        /// In a line.
        summary: String,
    },
    /// Leave the console, restoring the terminal.
    Quit,
}
