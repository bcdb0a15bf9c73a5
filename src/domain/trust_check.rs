//! Why an existing role's trust policy would not let a new identity pool's identities assume it.
//! The pool's id is not known until it is created, so `aud` is judged by whether it could admit
//! any new pool of the region (a wildcard), not by a probe id.

use serde_json::Value;

use super::policy::Audience;

const PRINCIPAL: &str = "cognito-identity.amazonaws.com";
const AUD: &str = "cognito-identity.amazonaws.com:aud";
const AMR: &str = "cognito-identity.amazonaws.com:amr";

/// A policy field's strings: one string, or the strings of a list.
pub(crate) fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

fn allows_action(statement: &Value, action: &str) -> bool {
    strings(statement.get("Action"))
        .iter()
        .any(|a| a == "*" || a == "sts:*" || a.eq_ignore_ascii_case(action))
}

/// The values a condition key is compared with, and whether any operator on it is a `Like`.
fn condition_values(statement: &Value, key: &str) -> Option<(Vec<String>, bool)> {
    let operators = statement.get("Condition")?.as_object()?;
    let mut values = Vec::new();
    let mut like = false;
    for (operator, block) in operators {
        if let Some(found) = block.get(key) {
            values.extend(strings(Some(found)));
            like |= operator.contains("Like");
        }
    }
    (!values.is_empty()).then_some((values, like))
}

/// IAM's `StringLike` with `*` and `?`.
fn like(pattern: &str, text: &str) -> bool {
    match pattern.chars().next() {
        None => text.is_empty(),
        Some('*') => {
            let rest = &pattern[1..];
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .any(|i| like(rest, &text[i..]))
        }
        Some(c) => {
            let mut chars = text.chars();
            match chars.next() {
                Some(t) if c == '?' || c == t => like(&pattern[c.len_utf8()..], chars.as_str()),
                _ => false,
            }
        }
    }
}

/// Which conditions the trust's Cognito web-identity Allow statements go without: (`aud`, `amr`).
/// A statement without `aud` lets identities of any pool, in any account, assume the role; one
/// without `amr` lets guests assume a role meant for signed-in users. (false, false) when every
/// such statement has both, or there is none.
pub fn unconditioned(trust_policy: &str) -> (bool, bool) {
    let Ok(policy) = serde_json::from_str::<Value>(trust_policy) else {
        return (false, false);
    };
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        _ => return (false, false),
    };
    let mut missing = (false, false);
    for statement in statements {
        let cognito = statement.get("Effect").and_then(Value::as_str) == Some("Allow")
            && allows_action(statement, "sts:AssumeRoleWithWebIdentity")
            && statement
                .get("Principal")
                .is_some_and(|p| strings(p.get("Federated")).iter().any(|f| f == PRINCIPAL));
        if cognito {
            missing.0 |= condition_values(statement, AUD).is_none();
            missing.1 |= condition_values(statement, AMR).is_none();
        }
    }
    missing
}

/// The pool whose identities would assume the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// A pool not created yet, in this region (its id unknown: `aud` must admit any new one).
    NewPool(&'a str),
    /// This existing pool.
    Pool(&'a str),
}

/// Warnings, each a sentence saying what is wrong and what the role would need; empty when the
/// policy admits the pool's `audience` identities (with `sts:TagSession` when `tag_session`).
pub fn diagnose(
    trust_policy: &str,
    audience: Audience,
    tag_session: bool,
    target: Target<'_>,
) -> Vec<String> {
    if trust_policy.trim().is_empty() {
        return vec![
            "Its trust policy was not read (the role was typed, not listed), so it is not checked: make sure it admits this pool's identities."
                .into(),
        ];
    }
    let Ok(policy) = serde_json::from_str::<Value>(trust_policy) else {
        return vec!["Its trust policy is not valid JSON.".into()];
    };
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        _ => return vec!["Its trust policy has no statements.".into()],
    };
    // An explicit Deny wins over any Allow: one naming Cognito identities (or everyone) for the
    // web-identity action, without conditions that would spare them, refuses every credential.
    let denies = statements.iter().any(|s| {
        s.get("Effect").and_then(Value::as_str) == Some("Deny")
            && allows_action(s, "sts:AssumeRoleWithWebIdentity")
            && s.get("Condition").is_none()
            && match s.get("Principal") {
                Some(Value::String(any)) => any == "*",
                Some(principal) => strings(principal.get("Federated"))
                    .iter()
                    .any(|p| p == PRINCIPAL || p == "*"),
                None => false,
            }
    });
    if denies {
        return vec![format!(
            "An explicit Deny statement refuses sts:AssumeRoleWithWebIdentity to {PRINCIPAL}: STS refuses every credential for this role, whatever the Allow statements say."
        )];
    }
    let allow: Vec<&Value> = statements
        .iter()
        .copied()
        .filter(|s| s.get("Effect").and_then(Value::as_str) == Some("Allow"))
        .collect();
    let federated: Vec<&Value> = allow
        .iter()
        .copied()
        .filter(|s| {
            strings(s.get("Principal").and_then(|p| p.get("Federated")))
                .iter()
                .any(|p| p == PRINCIPAL)
        })
        .collect();
    if federated.is_empty() {
        return vec![format!(
            "Its trust policy does not allow the federated principal {PRINCIPAL}, so identities of this pool cannot assume it."
        )];
    }
    let assume: Vec<&Value> = federated
        .iter()
        .copied()
        .filter(|s| allows_action(s, "sts:AssumeRoleWithWebIdentity"))
        .collect();
    if assume.is_empty() {
        return vec![
            "Its trust policy allows cognito-identity.amazonaws.com but not the action sts:AssumeRoleWithWebIdentity.".into(),
        ];
    }
    let mut warnings = Vec::new();
    if tag_session && !assume.iter().any(|s| allows_action(s, "sts:TagSession")) {
        warnings.push(
            "Attributes for access control are on, but its trust policy does not allow sts:TagSession: credentials would be refused."
                .into(),
        );
    }
    let probe = match target {
        Target::NewPool(region) => format!("{region}:00000000-0000-4000-8000-000000000000"),
        Target::Pool(pool_id) => pool_id.to_string(),
    };
    let exact = matches!(target, Target::Pool(_));
    let (amr_wanted, amr_other) = match audience {
        Audience::Authenticated => ("authenticated", "unauthenticated"),
        Audience::Guest => ("unauthenticated", "authenticated"),
    };
    let mut aud_ok = false;
    let mut amr_ok = false;
    let mut aud_seen = Vec::new();
    let mut amr_seen = Vec::new();
    for statement in &assume {
        let aud = condition_values(statement, AUD);
        let amr = condition_values(statement, AMR);
        match &aud {
            None => {}
            Some((values, like_op)) => {
                let admits = |v: &String| {
                    if *like_op {
                        like(v, &probe)
                    } else {
                        *v == probe
                    }
                };
                if (*like_op || exact) && values.iter().any(admits) {
                    aud_ok = true;
                }
                aud_seen.extend(values.iter().cloned());
            }
        }
        match &amr {
            None => amr_ok = true,
            Some((values, _)) => {
                if values.iter().any(|v| like(v, amr_wanted)) {
                    amr_ok = true;
                }
                amr_seen.extend(values.iter().cloned());
            }
        }
    }
    if aud_seen.is_empty() {
        warnings.push(match target {
            Target::NewPool(_) => format!(
                "Its trust policy has no {AUD} condition, so identities of any identity pool could assume it; limit it to the new pool's id after creation."
            ),
            Target::Pool(pool_id) => format!(
                "Its trust policy has no {AUD} condition, so identities of any identity pool could assume it; limit it to {pool_id}."
            ),
        });
    } else if let (false, Target::Pool(pool_id)) = (aud_ok, target) {
        warnings.push(format!(
            "Its {AUD} condition allows only {}, not this pool ({pool_id}): STS refuses this pool's identities until the id is added to the role's trust policy.",
            aud_seen.join(", ")
        ));
    } else if !aud_ok {
        warnings.push(format!(
            "Its {AUD} condition allows only {}, not the new pool (its id is known once created): add the new id to the role's trust policy.",
            aud_seen.join(", ")
        ));
    }
    if !amr_ok {
        warnings.push(format!(
            "Its {AMR} condition allows {} but this role is for {} identities (amr \"{amr_wanted}\").",
            amr_seen.join(", "),
            if audience == Audience::Guest { "guest" } else { "authenticated" }
        ));
    } else if amr_seen.is_empty() {
        warnings.push(format!(
            "Its trust policy has no {AMR} condition, so {amr_other} identities could assume it too."
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::cognito_trust_policy;

    #[test]
    fn an_unconditional_explicit_deny_is_named_before_anything_else() {
        let doc = cognito_trust_policy("us-east-1:1111", Audience::Guest, false);
        let mut policy: serde_json::Value = serde_json::from_str(&doc).unwrap_or_default();
        if let Some(list) = policy["Statement"].as_array_mut() {
            list.push(
                serde_json::json!({"Effect": "Deny", "Principal": {"Federated": PRINCIPAL},
                "Action": "sts:AssumeRoleWithWebIdentity"}),
            );
        }
        let warnings = diagnose(
            &policy.to_string(),
            Audience::Guest,
            false,
            Target::Pool("us-east-1:1111"),
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("explicit Deny"), "{warnings:?}");
    }

    #[test]
    fn a_live_pool_is_checked_by_its_own_id() {
        let doc = cognito_trust_policy("us-east-1:1111", Audience::Guest, false);
        assert_eq!(
            diagnose(&doc, Audience::Guest, false, Target::Pool("us-east-1:1111")),
            Vec::<String>::new()
        );
        let other = diagnose(&doc, Audience::Guest, false, Target::Pool("us-east-1:2222"));
        assert_eq!(other.len(), 1, "{other:?}");
        assert!(
            other[0].contains("not this pool (us-east-1:2222)"),
            "{other:?}"
        );
        let amr = diagnose(
            &doc,
            Audience::Authenticated,
            false,
            Target::Pool("us-east-1:1111"),
        );
        assert!(amr.iter().any(|w| w.contains("amr")), "{amr:?}");
    }

    #[test]
    fn a_console_policy_for_another_pool_is_flagged_for_its_aud_only() {
        let doc = cognito_trust_policy("us-east-1:1111", Audience::Authenticated, false);
        let warnings = diagnose(
            &doc,
            Audience::Authenticated,
            false,
            Target::NewPool("us-east-1"),
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("allows only us-east-1:1111"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_wildcard_aud_with_the_right_amr_is_fine() {
        let doc = r#"{"Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
            "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
            "Condition":{"StringLike":{"cognito-identity.amazonaws.com:aud":"us-east-1:*"},
                         "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}"#;
        assert_eq!(
            diagnose(
                doc,
                Audience::Authenticated,
                true,
                Target::NewPool("us-east-1")
            ),
            Vec::<String>::new()
        );
        let wrong_region = diagnose(
            doc,
            Audience::Authenticated,
            true,
            Target::NewPool("eu-west-1"),
        );
        assert!(
            wrong_region[0].contains("allows only us-east-1:*"),
            "{wrong_region:?}"
        );
        let guest = diagnose(doc, Audience::Guest, false, Target::NewPool("us-east-1"));
        assert!(
            guest[0].contains("allows authenticated but this role is for guest"),
            "{guest:?}"
        );
    }

    #[test]
    fn principal_action_and_tag_session_problems_are_named() {
        let service = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
        assert!(
            diagnose(
                service,
                Audience::Guest,
                false,
                Target::NewPool("us-east-1")
            )[0]
            .contains("federated principal")
        );
        let action = r#"{"Statement":{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
        assert!(
            diagnose(action, Audience::Guest, false, Target::NewPool("us-east-1"))[0]
                .contains("sts:AssumeRoleWithWebIdentity")
        );
        let bare = r#"{"Statement":{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}}"#;
        let warnings = diagnose(
            bare,
            Audience::Authenticated,
            true,
            Target::NewPool("us-east-1"),
        );
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("sts:TagSession"));
        assert!(warnings[1].contains("no cognito-identity.amazonaws.com:aud"));
        assert!(warnings[2].contains("unauthenticated identities could assume it too"));
        assert_eq!(
            diagnose("{", Audience::Guest, false, Target::NewPool("us-east-1")),
            vec!["Its trust policy is not valid JSON.".to_string()]
        );
    }
}
