//! Evaluating a role's trust policy for an identity-pool web identity: would STS let this pool's
//! identity assume the role? Used by the sandbox (GetCredentialsForIdentity) and, later, by the
//! console's check of an existing role.

use serde_json::Value;

/// What STS checks the trust policy against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebIdentity {
    /// `cognito-identity.amazonaws.com:aud`: the identity pool id.
    pub aud: String,
    /// `cognito-identity.amazonaws.com:sub`: the identity id.
    pub sub: String,
    /// `cognito-identity.amazonaws.com:amr`: `unauthenticated`, or `authenticated` and providers.
    pub amr: Vec<String>,
    /// Whether session tags are passed (then `sts:TagSession` must be allowed too).
    pub tag_session: bool,
}

const PRINCIPAL: &str = "cognito-identity.amazonaws.com";

fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// IAM's `StringLike`: `*` any run, `?` one character.
fn like(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn action_allows(actions: &[&str], wanted: &str) -> bool {
    actions
        .iter()
        .any(|a| *a == "*" || *a == "sts:*" || a.eq_ignore_ascii_case(wanted))
}

/// One condition operator block against the identity; unknown operators fail closed.
fn condition_holds(
    operator: &str,
    block: &serde_json::Map<String, Value>,
    who: &WebIdentity,
) -> bool {
    let (set, op) = match operator.split_once(':') {
        Some((set, op)) if set == "ForAnyValue" || set == "ForAllValues" => (Some(set), op),
        _ => (None, operator),
    };
    block.iter().all(|(key, expected)| {
        let expected = strings(Some(expected));
        let actual: Vec<&str> = match key.strip_prefix("cognito-identity.amazonaws.com:") {
            Some("aud") => vec![who.aud.as_str()],
            Some("sub") => vec![who.sub.as_str()],
            Some("amr") => who.amr.iter().map(String::as_str).collect(),
            _ => return false,
        };
        let one = |value: &str| match op {
            "StringEquals" => expected.contains(&value),
            "StringNotEquals" => !expected.contains(&value),
            "StringLike" => expected.iter().any(|p| like(p, value)),
            "StringNotLike" => !expected.iter().any(|p| like(p, value)),
            _ => false,
        };
        match set {
            Some("ForAllValues") => actual.iter().all(|v| one(v)),
            // Plain operators on a multi-valued key behave like ForAnyValue for the sandbox.
            _ => actual.iter().any(|v| one(v)),
        }
    })
}

fn statement_applies(statement: &Value, who: &WebIdentity, action: &str) -> bool {
    let federated = statement.get("Principal").and_then(|p| p.get("Federated"));
    if !strings(federated).contains(&PRINCIPAL) {
        return false;
    }
    if !action_allows(&strings(statement.get("Action")), action) {
        return false;
    }
    match statement.get("Condition") {
        None => true,
        Some(Value::Object(operators)) => operators.iter().all(|(operator, block)| match block {
            Value::Object(block) => condition_holds(operator, block, who),
            _ => false,
        }),
        Some(_) => false,
    }
}

/// Whether the trust policy lets `who` assume the role (AssumeRoleWithWebIdentity, and TagSession
/// when tags are passed). An explicit Deny wins.
pub fn allows(trust_policy: &str, who: &WebIdentity) -> bool {
    let Ok(policy) = serde_json::from_str::<Value>(trust_policy) else {
        return false;
    };
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        _ => return false,
    };
    let mut wanted = vec!["sts:AssumeRoleWithWebIdentity"];
    if who.tag_session {
        wanted.push("sts:TagSession");
    }
    wanted.iter().all(|action| {
        let effect_is =
            |s: &Value, effect: &str| s.get("Effect").and_then(Value::as_str) == Some(effect);
        let denied = statements
            .iter()
            .any(|s| effect_is(s, "Deny") && statement_applies(s, who, action));
        let allowed = statements
            .iter()
            .any(|s| effect_is(s, "Allow") && statement_applies(s, who, action));
        allowed && !denied
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::{Audience, cognito_trust_policy};

    fn who(amr: &[&str], tag_session: bool) -> WebIdentity {
        WebIdentity {
            aud: "us-east-1:pool".into(),
            sub: "us-east-1:id".into(),
            amr: amr.iter().map(|s| s.to_string()).collect(),
            tag_session,
        }
    }

    #[test]
    fn the_console_policies_admit_exactly_their_audience() {
        let auth = cognito_trust_policy("us-east-1:pool", Audience::Authenticated, false);
        assert!(allows(
            &auth,
            &who(
                &[
                    "authenticated",
                    "cognito-idp.us-east-1.amazonaws.com/us-east-1_A"
                ],
                false
            )
        ));
        assert!(
            !allows(&auth, &who(&["unauthenticated"], false)),
            "wrong amr"
        );
        assert!(
            !allows(
                &auth,
                &WebIdentity {
                    aud: "us-east-1:other".into(),
                    ..who(&["authenticated"], false)
                }
            ),
            "wrong aud"
        );
        assert!(
            !allows(&auth, &who(&["authenticated"], true)),
            "no TagSession"
        );
        let tagged = cognito_trust_policy("us-east-1:pool", Audience::Authenticated, true);
        assert!(allows(&tagged, &who(&["authenticated"], true)));
        let guest = cognito_trust_policy("us-east-1:pool", Audience::Guest, false);
        assert!(allows(&guest, &who(&["unauthenticated"], false)));
    }

    #[test]
    fn other_principals_and_denies_do_not_admit() {
        let service = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
        assert!(!allows(service, &who(&["authenticated"], false)));
        let deny = r#"{"Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:*"},
            {"Effect":"Deny","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:sub":"us-east-1:id"}}}]}"#;
        assert!(!allows(deny, &who(&["authenticated"], false)));
    }

    #[test]
    fn string_like_wildcards() {
        assert!(like("auth*", "authenticated"));
        assert!(like("a?c", "abc"));
        assert!(!like("a?c", "abbc"));
        assert!(like("*", ""));
    }
}
