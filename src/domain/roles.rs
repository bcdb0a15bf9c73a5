//! Roles and role mappings of an identity pool (SetIdentityPoolRoles), and attributes for access
//! control (principal tags), in the service's JSON shape.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::validation::StrRule;

/// Rules in one role mapping: the service enforces 25 although the model allows 400.
pub const MAX_RULES: usize = 25;
/// Providers that can carry a role mapping.
pub const MAX_ROLE_MAPPINGS: usize = 10;
/// Principal tags per provider.
pub const MAX_PRINCIPAL_TAGS: usize = 50;

/// `MappingRule.Claim`.
pub const CLAIM: StrRule = StrRule {
    min: 1,
    max: 64,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+"),
    allowed: "1–64 characters, no spaces",
};
/// `MappingRule.Value`.
pub const RULE_VALUE: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};
/// A role ARN.
pub const ROLE_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
};
/// A key of `Roles`.
pub const ROLES_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some("(un)?authenticated"),
    allowed: "authenticated or unauthenticated",
};
/// A key of `RoleMappings` and an `IdentityProviderName`.
pub const PROVIDER_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};
/// A principal tag key.
pub const PRINCIPAL_TAG_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: None,
    allowed: "1–128 characters",
};
/// A principal tag's claim name.
pub const PRINCIPAL_TAG_VALUE: StrRule = StrRule {
    min: 1,
    max: 256,
    pattern: None,
    allowed: "1–256 characters",
};

/// `Type` values.
pub const MAPPING_TYPES: &[&str] = &["Token", "Rules"];
/// `AmbiguousRoleResolution` values.
pub const RESOLUTIONS: &[&str] = &["AuthenticatedRole", "Deny"];
/// `MatchType` values.
pub const MATCH_TYPES: &[&str] = &["Equals", "Contains", "StartsWith", "NotEqual"];

/// One rule: when `claim` `match_type` `value`, use `role_arn`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MappingRule {
    /// The token claim.
    pub claim: String,
    /// Equals, Contains, StartsWith or NotEqual.
    pub match_type: String,
    /// The value to compare with.
    pub value: String,
    /// The role to use.
    #[serde(rename = "RoleARN")]
    pub role_arn: String,
}

/// The rules of a Rules mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RulesConfiguration {
    /// In order; the first match wins.
    pub rules: Vec<MappingRule>,
}

/// How one provider's users get a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoleMapping {
    /// `Token` (cognito:preferred_role / cognito:roles) or `Rules`.
    #[serde(rename = "Type")]
    pub mapping_type: String,
    /// `AuthenticatedRole` or `Deny` when nothing matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambiguous_role_resolution: Option<String>,
    /// The rules, for `Rules`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_configuration: Option<RulesConfiguration>,
}

/// A provider's attributes for access control.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PrincipalTagMap {
    /// Use the provider's default mappings.
    pub use_defaults: bool,
    /// Tag key → claim name.
    pub principal_tags: BTreeMap<String, String>,
}

/// `arn:aws:iam::<12 digits>:role/<path/name>`?
pub fn is_role_arn(arn: &str) -> bool {
    arn.strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, resource)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource
                    .strip_prefix("role/")
                    .is_some_and(|name| !name.is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns() {
        assert!(is_role_arn("arn:aws:iam::123456789012:role/Cognito_Auth"));
        assert!(is_role_arn(
            "arn:aws:iam::123456789012:role/service/path/Name"
        ));
        assert!(!is_role_arn("Cognito_Auth"));
        assert!(!is_role_arn("arn:aws:iam::12345:role/x"));
        assert!(!is_role_arn("arn:aws:iam::123456789012:user/x"));
    }

    #[test]
    fn a_mapping_serialises_like_the_service() {
        let mapping = RoleMapping {
            mapping_type: "Rules".into(),
            ambiguous_role_resolution: Some("Deny".into()),
            rules_configuration: Some(RulesConfiguration {
                rules: vec![MappingRule {
                    claim: "cognito:groups".into(),
                    match_type: "Contains".into(),
                    value: "admins".into(),
                    role_arn: "arn:aws:iam::123456789012:role/Admin".into(),
                }],
            }),
        };
        let json = serde_json::to_value(&mapping).unwrap_or_default();
        assert_eq!(json["Type"], "Rules");
        assert_eq!(
            json["RulesConfiguration"]["Rules"][0]["RoleARN"],
            "arn:aws:iam::123456789012:role/Admin"
        );
    }
}

/// What GetIdentityPoolRoles returns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoolRoles {
    /// `authenticated` / `unauthenticated` → role ARN.
    pub roles: BTreeMap<String, String>,
    /// Provider key → mapping.
    pub role_mappings: BTreeMap<String, RoleMapping>,
}

/// The role name of a role ARN (`…:role/path/Name` → `Name`).
pub fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// A role of the account, as ListRoles gives it (the trust policy already percent-decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamRole {
    /// The role name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// Its trust policy (JSON text).
    pub trust_policy: String,
}
