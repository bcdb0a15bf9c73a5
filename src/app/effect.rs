//! What `update` asks the outside world to do. Plain data: the runner turns each into an SDK call
//! (or a terminal write) and sends the result back as a message.

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
        /// The ids.
        ids: Vec<String>,
    },
    /// Put text on the system clipboard through the terminal (OSC 52).
    CopyToClipboard(String),
    /// Leave the console, restoring the terminal.
    Quit,
}
