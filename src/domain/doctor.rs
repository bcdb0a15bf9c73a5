//! The security report: what is risky about a pool, by severity, each finding with the reason and
//! the fix. Pure: the pool's configuration and what IAM holds (read by `aws::doctor`) in,
//! findings out; the trust checks are `trust_check`'s.
//!
//! Severity: **high** when identities could get credentials nobody meant them to (a role any pool
//! can assume, a guest role allowing everything) or the pool points at something that is gone (a
//! role or provider deleted: sign-ins fail); **medium** when a safeguard is off (the classic flow,
//! an `amr` condition, server-side token checks, rules whose misses fall back to the
//! authenticated role); **low** when the report could not look (a role it may not read).

use serde_json::Value;
use std::collections::BTreeMap;

use super::config::PoolConfig;
use super::role_use::handed_out;
use super::trust_check::{strings, unconditioned};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Credentials nobody meant to hand out, or a pool pointing at something gone.
    High,
    /// A safeguard is off.
    Medium,
    /// The report could not look.
    Low,
}

impl Severity {
    /// As the report writes it.
    pub fn name(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How bad.
    pub severity: Severity,
    /// The pool.
    pub pool_id: String,
    /// Its name.
    pub pool_name: String,
    /// Which check (`trust-without-aud`, …).
    pub check: &'static str,
    /// What is wrong, naming the role or provider.
    pub reason: String,
    /// What to do.
    pub fix: String,
    /// The console tab that fixes it.
    pub fix_in: &'static str,
}

/// A role the pool refers to, as IAM holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleState {
    /// Read: its trust policy and every policy document (inline and attached).
    Found {
        /// The trust policy.
        trust_policy: String,
        /// Its permissions policies' documents.
        policies: Vec<String>,
    },
    /// IAM says it does not exist.
    Missing,
    /// Could not be read (the error).
    Unreadable(String),
}

/// What the report knows of the account around a pool.
#[derive(Debug, Clone, Default)]
pub struct Account {
    /// Roles by ARN.
    pub roles: BTreeMap<String, RoleState>,
    /// The IAM OIDC providers' ARNs.
    pub oidc_providers: Vec<String>,
    /// The IAM SAML providers' ARNs.
    pub saml_providers: Vec<String>,
}

/// A statement allowing every action or every resource, when a policy has one.
fn wildcard(document: &str) -> Option<String> {
    let policy: Value = serde_json::from_str(document).ok()?;
    let statements: Vec<&Value> = match policy.get("Statement")? {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    statements.into_iter().find_map(|s| {
        if s.get("Effect").and_then(Value::as_str) != Some("Allow") {
            return None;
        }
        if strings(s.get("Action")).iter().any(|a| a == "*") {
            return Some("Action \"*\"".to_string());
        }
        strings(s.get("Resource"))
            .iter()
            .any(|r| r == "*")
            .then(|| format!("Resource \"*\" for {}", strings(s.get("Action")).join(", ")))
    })
}

/// A region's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How many pools were checked.
    pub pools_checked: usize,
    /// Every pool's findings, most severe first.
    pub findings: Vec<Finding>,
}

/// The report on these pools.
pub fn report(configs: &[PoolConfig], account: &Account) -> Report {
    let mut findings: Vec<Finding> = configs.iter().flat_map(|c| check(c, account)).collect();
    findings.sort_by_key(|f| f.severity);
    Report {
        pools_checked: configs.len(),
        findings,
    }
}

/// Every finding for one pool, most severe first.
pub fn check(config: &PoolConfig, account: &Account) -> Vec<Finding> {
    let pool = &config.pool;
    let mut findings = Vec::new();
    let mut add = |severity, check, reason: String, fix: String, fix_in| {
        findings.push(Finding {
            severity,
            pool_id: pool.identity_pool_id.clone(),
            pool_name: pool.identity_pool_name.clone(),
            check,
            reason,
            fix,
            fix_in,
        });
    };
    for handed in handed_out(config) {
        let name = handed.name().to_string();
        match account.roles.get(&handed.arn) {
            Some(RoleState::Found { trust_policy, .. }) => {
                let (no_aud, no_amr) = unconditioned(trust_policy);
                if no_aud {
                    add(Severity::High, "trust-without-aud",
                        format!("{name}'s trust policy has no cognito-identity.amazonaws.com:aud condition: identities of any pool, in any account, can assume it"),
                        format!("Add StringEquals cognito-identity.amazonaws.com:aud = {} (f on the role fixes the trust)", pool.identity_pool_id),
                        "Role settings");
                }
                if no_amr {
                    add(Severity::Medium, "trust-without-amr",
                        format!("{name}'s trust policy has no cognito-identity.amazonaws.com:amr condition: guests and signed-in users alike can assume it"),
                        "Add ForAnyValue:StringLike cognito-identity.amazonaws.com:amr = authenticated (or unauthenticated for a guest role); f on the role fixes the trust".to_string(),
                        "Role settings");
                }
            }
            Some(RoleState::Missing) => add(Severity::High, "missing-role",
                format!("{name} ({}) no longer exists: the identities it is handed out to get no credentials", handed.arn),
                "Choose an existing role, or create it again".to_string(),
                "Role settings"),
            Some(RoleState::Unreadable(error)) => add(Severity::Low, "role-not-readable",
                format!("{name} could not be read ({error}), so its trust and permissions are not checked"),
                "Run the report with credentials that may call iam:GetRole, iam:ListRolePolicies and iam:GetRolePolicy".to_string(),
                "Role settings"),
            None => {}
        }
    }
    if pool.allow_unauthenticated_identities
        && let Some(arn) = config.roles.roles.get("unauthenticated")
        && let Some(RoleState::Found { policies, .. }) = account.roles.get(arn)
        && let Some(statement) = policies.iter().find_map(|p| wildcard(p))
    {
        add(Severity::High, "guest-role-wildcard",
            format!("Guest access is on and the guest role {} allows {statement}: anyone on the internet gets those permissions", crate::domain::roles::role_name(arn)),
            "Scope the guest role's policies to the actions and resources guests need, or turn guest access off".to_string(),
            "User access");
    }
    if pool.allow_classic_flow == Some(true) {
        add(Severity::Medium, "classic-flow",
            "The basic (classic) flow is on: clients can call GetOpenIdToken and AssumeRoleWithWebIdentity themselves, past the pool's role mappings".to_string(),
            "Turn the basic flow off unless an app needs it".to_string(),
            "User access");
    }
    for provider in &pool.cognito_identity_providers {
        if !provider.server_side_token_check {
            add(
                Severity::Medium,
                "no-server-side-token-check",
                format!(
                    "{} (client {}) has no server-side token check: tokens of a signed-out or deleted user still get credentials until they expire",
                    provider.provider_name, provider.client_id
                ),
                "Turn on server-side token check for this provider".to_string(),
                "User access",
            );
        }
    }
    for (key, mapping) in &config.roles.role_mappings {
        if mapping.mapping_type == "Rules"
            && mapping.ambiguous_role_resolution.as_deref() == Some("AuthenticatedRole")
        {
            add(Severity::Medium, "rules-fall-back-to-authenticated",
                format!("The rules for {key} restrict roles, but a user no rule matches still gets the authenticated role"),
                "Set the resolution to Deny so that only users a rule matches get credentials (the provider's role settings)".to_string(),
                "User access");
        }
    }
    for (arns, existing, kind) in [
        (
            &pool.open_id_connect_provider_arns,
            &account.oidc_providers,
            "OIDC",
        ),
        (&pool.saml_provider_arns, &account.saml_providers, "SAML"),
    ] {
        for arn in arns.iter().filter(|a| !existing.contains(a)) {
            add(
                Severity::High,
                if kind == "OIDC" {
                    "missing-oidc-provider"
                } else {
                    "missing-saml-provider"
                },
                format!(
                    "The {kind} provider {arn} no longer exists in IAM: its users cannot sign in"
                ),
                "Remove it from the pool, or create the IAM provider again".to_string(),
                "User access",
            );
        }
    }
    findings.sort_by_key(|f| f.severity);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_are_every_action_or_every_resource_of_an_allow() {
        assert_eq!(
            wildcard(
                r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b"}]}"#
            ),
            Some("Action \"*\"".into())
        );
        assert_eq!(
            wildcard(
                r#"{"Statement":{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}}"#
            ),
            Some("Resource \"*\" for s3:GetObject".into())
        );
        assert_eq!(
            wildcard(r#"{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#),
            None
        );
        assert_eq!(
            wildcard(
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}"#
            ),
            None
        );
        assert_eq!(
            Severity::High.cmp(&Severity::Low),
            std::cmp::Ordering::Less,
            "high sorts first"
        );
    }
}
