//! Which IAM role an authenticated login gets, step by step: the mapping that applies, each rule
//! tried in order with why it matched or not, and the role chosen or the refusal the service
//! gives. One implementation: the sandbox's GetCredentialsForIdentity answers with it, and the
//! console's simulator explains with it, so the two cannot drift.

use std::collections::BTreeMap;

use serde_json::Value;

use super::roles::{MappingRule, RoleMapping};

/// A refusal as the service words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The error code.
    pub code: &'static str,
    /// The message.
    pub message: String,
}

impl Refusal {
    /// No default authenticated role to fall back on (or a role that can't be used).
    pub fn bad_configuration() -> Self {
        Self {
            code: "InvalidIdentityPoolConfigurationException",
            message: "Invalid identity pool configuration. Check assigned IAM roles for this pool."
                .into(),
        }
    }

    fn denied(key: &str) -> Self {
        Self {
            code: "NotAuthorizedException",
            message: format!("The ambiguous role mapping rules for: {key} denied this request."),
        }
    }

    fn forbidden(role: &str) -> Self {
        Self {
            code: "NotAuthorizedException",
            message: format!("Access to Role '{role}' is forbidden."),
        }
    }
}

/// One rule tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleStep {
    /// The rule.
    pub rule: MappingRule,
    /// Whether it matched.
    pub matched: bool,
    /// Why, in words (`cognito:groups ["admins","staff"] contains "adm"`).
    pub why: String,
}

/// A resolution, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The mapping key that applied (the first of the login's keys with a mapping), if any.
    pub key: Option<String>,
    /// `Rules` or `Token` when a mapping applied.
    pub mapping_type: Option<String>,
    /// The rules tried, in order (all of them: the first match wins, later ones are shown too).
    pub steps: Vec<RuleStep>,
    /// What was decided and why, in words.
    pub reason: String,
    /// The role's ARN, or the service's refusal.
    pub outcome: Result<String, Refusal>,
}

/// The claim's values as strings (an array claim has several), or None when absent.
fn claim_values(claims: &Value, claim: &str) -> Option<Vec<String>> {
    Some(match claims.get(claim)? {
        Value::Null => return None,
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
            .collect(),
        Value::String(s) => vec![s.clone()],
        other => vec![other.to_string()],
    })
}

/// One rule against the token's claims, and why: array claims match when any element does;
/// NotEqual needs the claim present and every element different.
pub fn rule_matches(rule: &MappingRule, claims: &Value) -> (bool, String) {
    let Some(values) = claim_values(claims, &rule.claim) else {
        return (false, format!("the token has no {} claim", rule.claim));
    };
    let value = rule.value.as_str();
    let matched = match rule.match_type.as_str() {
        "Equals" => values.iter().any(|v| v == value),
        "Contains" => values.iter().any(|v| v.contains(value)),
        "StartsWith" => values.iter().any(|v| v.starts_with(value)),
        "NotEqual" => values.iter().all(|v| v != value),
        _ => false,
    };
    let shown = if values.len() == 1 {
        format!("{:?}", values[0])
    } else {
        format!("{values:?}")
    };
    let verb = match (rule.match_type.as_str(), matched) {
        ("Equals", true) => "equals",
        ("Equals", false) => "does not equal",
        ("Contains", true) => "contains",
        ("Contains", false) => "does not contain",
        ("StartsWith", true) => "starts with",
        ("StartsWith", false) => "does not start with",
        ("NotEqual", true) => "differs from",
        ("NotEqual", false) => "has",
        _ => "can't be compared with (unknown operator)",
    };
    (matched, format!("{} {shown} {verb} {value:?}", rule.claim))
}

/// The role for a login whose mapping keys are `keys` (in the order the service tries them) and
/// whose token has `claims`; `custom` is a CustomRoleArn asked for.
pub fn resolve(
    roles: &BTreeMap<String, String>,
    mappings: &BTreeMap<String, RoleMapping>,
    keys: &[String],
    claims: &Value,
    custom: Option<&str>,
) -> Resolution {
    let default = || {
        roles
            .get("authenticated")
            .cloned()
            .ok_or_else(Refusal::bad_configuration)
    };
    let Some((key, mapping)) = keys
        .iter()
        .find_map(|k| mappings.get(k).map(|m| (k.clone(), m)))
    else {
        return Resolution {
            key: None,
            mapping_type: None,
            steps: Vec::new(),
            reason: "No role mapping for this provider: the default authenticated role".into(),
            outcome: default(),
        };
    };
    let deny = mapping.ambiguous_role_resolution.as_deref() == Some("Deny");
    let ambiguous = |why: &str| {
        if deny {
            (
                format!("{why}; the role resolution is Deny"),
                Err(Refusal::denied(&key)),
            )
        } else {
            (
                format!("{why}; the role resolution is the default authenticated role"),
                default(),
            )
        }
    };
    let mut steps = Vec::new();
    let (reason, outcome) = if mapping.mapping_type == "Token" {
        let token_roles: Vec<String> = claim_values(claims, "cognito:roles").unwrap_or_default();
        match (
            custom,
            claims.get("cognito:preferred_role").and_then(Value::as_str),
        ) {
            (Some(custom), _) if token_roles.iter().any(|r| r == custom) => (
                format!("The asked-for role {custom} is among the token's cognito:roles"),
                Ok(custom.to_string()),
            ),
            (Some(custom), _) => (
                format!("The asked-for role {custom} is not among the token's cognito:roles"),
                Err(Refusal::forbidden(custom)),
            ),
            (None, Some(role)) => (
                "The token's cognito:preferred_role".to_string(),
                Ok(role.to_string()),
            ),
            (None, None) => ambiguous("The token has no cognito:preferred_role"),
        }
    } else {
        let rules = mapping
            .rules_configuration
            .as_ref()
            .map(|r| r.rules.as_slice())
            .unwrap_or_default();
        for rule in rules {
            let (matched, why) = rule_matches(rule, claims);
            steps.push(RuleStep {
                rule: rule.clone(),
                matched,
                why,
            });
        }
        let matching: Vec<(usize, &RuleStep)> = steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.matched)
            .collect();
        let asked = custom.and_then(|c| matching.iter().find(|(_, s)| s.rule.role_arn == c));
        match (asked, matching.first()) {
            (Some((i, step)), _) => (
                format!("Rule {} matches and names the asked-for role", i + 1),
                Ok(step.rule.role_arn.clone()),
            ),
            (None, Some((i, step))) => (
                format!("Rule {} is the first that matches", i + 1),
                Ok(step.rule.role_arn.clone()),
            ),
            (None, None) => ambiguous("No rule matches"),
        }
    };
    Resolution {
        key: Some(key.clone()),
        mapping_type: Some(mapping.mapping_type.clone()),
        steps,
        reason,
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::RulesConfiguration;
    use serde_json::json;

    fn rule(claim: &str, op: &str, value: &str, role: &str) -> MappingRule {
        MappingRule {
            claim: claim.into(),
            match_type: op.into(),
            value: value.into(),
            role_arn: role.into(),
        }
    }

    fn pool(mapping: RoleMapping) -> (BTreeMap<String, String>, BTreeMap<String, RoleMapping>) {
        let roles = BTreeMap::from([("authenticated".to_string(), "auth".to_string())]);
        let mappings = BTreeMap::from([("up:c".to_string(), mapping)]);
        (roles, mappings)
    }

    fn rules(rules: Vec<MappingRule>, resolution: &str) -> RoleMapping {
        RoleMapping {
            mapping_type: "Rules".into(),
            ambiguous_role_resolution: Some(resolution.into()),
            rules_configuration: Some(RulesConfiguration { rules }),
        }
    }

    #[test]
    fn the_first_matching_rule_wins_and_every_rule_says_why() {
        let (roles, mappings) = pool(rules(
            vec![
                rule("custom:tier", "Equals", "partner", "partner"),
                rule("cognito:groups", "Contains", "adm", "admin"),
                rule("email", "NotEqual", "x", "other"),
            ],
            "Deny",
        ));
        let claims = json!({"cognito:groups": ["admins", "staff"], "email": "a@b"});
        let r = resolve(&roles, &mappings, &["up:c".into()], &claims, None);
        assert_eq!(r.outcome, Ok("admin".to_string()));
        assert_eq!(r.reason, "Rule 2 is the first that matches");
        let whys: Vec<&str> = r.steps.iter().map(|s| s.why.as_str()).collect();
        assert_eq!(
            whys,
            vec![
                "the token has no custom:tier claim",
                "cognito:groups [\"admins\", \"staff\"] contains \"adm\"",
                "email \"a@b\" differs from \"x\"",
            ]
        );
    }

    #[test]
    fn no_match_denies_or_falls_back_and_token_mappings_read_the_preferred_role() {
        let (roles, mappings) = pool(rules(vec![rule("a", "Equals", "1", "r")], "Deny"));
        let r = resolve(
            &roles,
            &mappings,
            &["up:c".into()],
            &json!({"a": "2"}),
            None,
        );
        assert_eq!(r.outcome.map_err(|e| e.code), Err("NotAuthorizedException"));
        let (roles, mappings) = pool(RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: Some("AuthenticatedRole".into()),
            rules_configuration: None,
        });
        let claims = json!({"cognito:preferred_role": "pref", "cognito:roles": ["pref", "x"]});
        let r = resolve(&roles, &mappings, &["up:c".into()], &claims, None);
        assert_eq!(r.outcome, Ok("pref".to_string()));
        let r = resolve(&roles, &mappings, &["up:c".into()], &json!({}), None);
        assert_eq!(r.outcome, Ok("auth".to_string()), "fallback: {}", r.reason);
        let r = resolve(&roles, &mappings, &["up:c".into()], &claims, Some("y"));
        assert_eq!(
            r.outcome.map_err(|e| e.message),
            Err("Access to Role 'y' is forbidden.".into())
        );
        let r = resolve(
            &BTreeMap::new(),
            &BTreeMap::new(),
            &["up:c".into()],
            &claims,
            None,
        );
        assert_eq!(
            r.outcome.map_err(|e| e.code),
            Err("InvalidIdentityPoolConfigurationException"),
            "no mapping and no default role"
        );
    }
}
