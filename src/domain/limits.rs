//! The service's limits (botocore's model and the Cognito quotas page), in one place, so the console
//! validates with exactly the rules the sandbox enforces.

use super::validation::StrRule;

/// Results in one ListIdentityPools / ListIdentities / LookupDeveloperIdentity call.
pub const MAX_PAGE: i32 = 60;
/// Identity pools per account and region (not adjustable).
pub const MAX_POOLS_PER_REGION: usize = 1_000;
/// Tags on one identity pool.
pub const MAX_TAGS: usize = 50;
/// Entries in SupportedLoginProviders.
pub const MAX_LOGIN_PROVIDERS: usize = 10;
/// Entries in a `Logins` map (GetId, GetCredentialsForIdentity, GetOpenIdToken…).
pub const MAX_LOGINS: usize = 10;
/// User-pool providers on one identity pool.
pub const MAX_USER_POOL_PROVIDERS: usize = 50;

/// `IdentityPoolName`.
pub const POOL_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w\s+=,.@-]+"),
    allowed: "1–128 characters: letters, numbers, spaces and + = , . @ - _",
};

/// `IdentityPoolId` (and `IdentityId`): `<region>:<uuid>`.
pub const POOL_ID: StrRule = StrRule {
    min: 1,
    max: 55,
    pattern: Some(r"[\w-]+:[0-9a-f-]+"),
    allowed: "an id of the form <region>:<uuid>, at most 55 characters",
};

/// `DeveloperProviderName`.
pub const DEVELOPER_PROVIDER_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w._-]+"),
    allowed: "1–128 characters: letters, numbers and . _ -",
};

/// A key of `SupportedLoginProviders` (the provider's domain).
pub const LOGIN_PROVIDER_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};

/// A value of `SupportedLoginProviders` (the app or client id).
pub const LOGIN_PROVIDER_APP_ID: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w.;_/-]+"),
    allowed: "1–128 characters: letters, numbers and . ; _ / -",
};

/// `CognitoIdentityProviders[].ProviderName`.
pub const USER_POOL_PROVIDER_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w._:/-]+"),
    allowed: "cognito-idp.<region>.amazonaws.com/<user pool id>, at most 128 characters",
};

/// `CognitoIdentityProviders[].ClientId`.
pub const USER_POOL_CLIENT_ID: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w_]+"),
    allowed: "1–128 characters: letters, numbers and _",
};

/// An OpenID Connect or SAML provider ARN.
pub const PROVIDER_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "an IAM provider ARN, 20–2048 characters",
};

/// A tag key.
pub const TAG_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};

/// A tag value.
pub const TAG_VALUE: StrRule = StrRule {
    min: 0,
    max: 256,
    pattern: None,
    allowed: "at most 256 characters",
};

/// A resource ARN for the tagging operations.
pub const RESOURCE_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "an identity pool ARN, 20–2048 characters",
};

/// `NextToken` in list calls.
pub const NEXT_TOKEN: StrRule = StrRule {
    min: 1,
    max: 65535,
    pattern: Some(r"[\S]+"),
    allowed: "the token a previous page returned",
};

/// An IAM role name (CreateRole `RoleName`).
pub const IAM_ROLE_NAME: StrRule = StrRule {
    min: 1,
    max: 64,
    pattern: Some(r"[\w+=,.@-]+"),
    allowed: "1–64 of letters, digits and + = , . @ _ -",
};

/// `UserPoolId`.
pub const USER_POOL_ID: StrRule = StrRule {
    min: 1,
    max: 55,
    pattern: Some(r"[\w-]+_[0-9a-zA-Z]+"),
    allowed: "a user pool id: <region>_<id>, e.g. us-east-1_AbC123",
};

/// A key of a `Logins` map (the provider name).
pub const LOGIN_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};

/// A token of a `Logins` map.
pub const LOGIN_TOKEN: StrRule = StrRule {
    min: 1,
    max: 50_000,
    pattern: None,
    allowed: "1–50000 characters",
};

/// A developer user identifier (`DeveloperUserIdentifier`, `SourceUserIdentifier`…).
pub const DEVELOPER_USER_ID: StrRule = StrRule {
    min: 1,
    max: 1024,
    pattern: None,
    allowed: "1–1024 characters",
};
