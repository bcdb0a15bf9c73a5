//! The corrected trust policy of a role an existing pool hands out: read-modify-write, so only the
//! statement that admits Cognito identities changes (its principal, actions and `aud` / `amr`
//! conditions made right for this pool); every other statement is kept exactly as it was. A policy
//! with no such statement gets the console's statement appended.

use serde_json::{Value, json};

use super::policy::{Audience, cognito_trust_policy};

const PRINCIPAL: &str = "cognito-identity.amazonaws.com";
const AUD: &str = "cognito-identity.amazonaws.com:aud";
const AMR: &str = "cognito-identity.amazonaws.com:amr";

fn names_cognito(statement: &Value) -> bool {
    let federated = statement.get("Principal").and_then(|p| p.get("Federated"));
    match federated {
        Some(Value::String(s)) => s == PRINCIPAL,
        Some(Value::Array(items)) => items.iter().any(|v| v.as_str() == Some(PRINCIPAL)),
        _ => false,
    }
}

/// The policy with its Cognito statement fixed for `pool_id` and `audience` (with
/// `sts:TagSession` when `tag_session`), as pretty JSON; or why it can't be read.
pub fn fixed(
    trust_policy: &str,
    pool_id: &str,
    audience: Audience,
    tag_session: bool,
) -> Result<String, String> {
    if trust_policy.trim().is_empty() {
        return Ok(cognito_trust_policy(pool_id, audience, tag_session));
    }
    let mut policy: Value = serde_json::from_str(trust_policy)
        .map_err(|e| format!("The trust policy is not valid JSON: {e}"))?;
    let console: Value =
        serde_json::from_str(&cognito_trust_policy(pool_id, audience, tag_session))
            .map_err(|e| e.to_string())?;
    let wanted = console["Statement"][0].clone();
    if !policy.is_object() {
        return Err("The trust policy is not a JSON object".into());
    }
    // One statement may be written as an object: make it a list of one.
    let listed = match policy.get("Statement") {
        Some(Value::Array(items)) => items.clone(),
        Some(single @ Value::Object(_)) => vec![single.clone()],
        _ => Vec::new(),
    };
    policy["Statement"] = Value::Array(listed);
    let Some(statements) = policy.get_mut("Statement").and_then(Value::as_array_mut) else {
        return Err("The trust policy is not a JSON object".into());
    };
    let target = statements
        .iter()
        .position(|s| s.get("Effect").and_then(Value::as_str) == Some("Allow") && names_cognito(s));
    match target {
        None => statements.push(wanted),
        Some(i) => {
            let statement = &mut statements[i];
            if !statement.is_object() {
                return Err("A statement of the trust policy is not a JSON object".into());
            }
            statement["Action"] = wanted["Action"].clone();
            let mut condition = statement
                .get("Condition")
                .cloned()
                .unwrap_or_else(|| json!({}));
            let Value::Object(operators) = &mut condition else {
                return Err("The statement's Condition is not an object".into());
            };
            // The aud and amr keys are set under the console's operators, removed elsewhere;
            // other condition keys stay.
            for (_, block) in operators.iter_mut() {
                if let Value::Object(keys) = block {
                    keys.remove(AUD);
                    keys.remove(AMR);
                }
            }
            operators.retain(|_, block| block.as_object().is_none_or(|k| !k.is_empty()));
            for (operator, key) in [("StringEquals", AUD), ("ForAnyValue:StringLike", AMR)] {
                let value = wanted["Condition"][operator][key].clone();
                let block = operators.entry(operator).or_insert_with(|| json!({}));
                let Some(keys) = block.as_object_mut() else {
                    return Err(format!(
                        "The statement's {operator} condition is not an object"
                    ));
                };
                keys.insert(key.to_string(), value);
            }
            statement["Condition"] = condition;
        }
    }
    serde_json::to_string_pretty(&policy).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::trust_check::{Target, diagnose};

    #[test]
    fn the_cognito_statement_is_fixed_and_every_other_statement_kept() {
        let broken = r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"},
            {"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:other",
                                           "aws:SourceAccount":"123456789012"}}}]}"#;
        let pool = "us-east-1:mine";
        assert!(!diagnose(broken, Audience::Authenticated, true, Target::Pool(pool)).is_empty());
        let fixed = fixed(broken, pool, Audience::Authenticated, true).unwrap_or_default();
        assert_eq!(
            diagnose(&fixed, Audience::Authenticated, true, Target::Pool(pool)),
            Vec::<String>::new()
        );
        let value: Value = serde_json::from_str(&fixed).unwrap_or_default();
        let original: Value = serde_json::from_str(broken).unwrap_or_default();
        assert_eq!(value["Statement"][0], original["Statement"][0], "untouched");
        assert_eq!(
            value["Statement"][1]["Condition"]["StringEquals"]["aws:SourceAccount"], "123456789012",
            "other condition keys kept"
        );
    }

    #[test]
    fn a_policy_without_a_cognito_statement_gets_the_consoles_appended() {
        let other = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
        let fixed = fixed(other, "us-east-1:p", Audience::Guest, false).unwrap_or_default();
        assert_eq!(
            diagnose(&fixed, Audience::Guest, false, Target::Pool("us-east-1:p")),
            Vec::<String>::new()
        );
        let value: Value = serde_json::from_str(&fixed).unwrap_or_default();
        assert_eq!(value["Statement"].as_array().map(Vec::len), Some(2));
        assert!(super::fixed("{", "p", Audience::Guest, false).is_err());
        assert!(
            super::fixed("[1]", "p", Audience::Guest, false).is_err(),
            "no panic"
        );
    }
}
