//! Least privilege, checked: which statements of a permissions policy allow every action (or
//! every action of a service) or every resource. The Role settings tab flags them.

use serde_json::Value;

use super::trust_check::strings;

/// One sentence per over-broad grant of `document` (empty when it has none, or is not JSON).
pub fn broad(document: &str) -> Vec<String> {
    let Ok(policy) = serde_json::from_str::<Value>(document) else {
        return Vec::new();
    };
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (i, statement) in statements.iter().enumerate() {
        if statement.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let name = statement.get("Sid").and_then(Value::as_str).map_or_else(
            || format!("statement {}", i + 1),
            |sid| format!("statement {sid}"),
        );
        let actions = strings(statement.get("Action"));
        let every_action = actions.iter().any(|a| a == "*");
        let service_wide: Vec<&String> = actions.iter().filter(|a| a.ends_with(":*")).collect();
        let every_resource = strings(statement.get("Resource")).iter().any(|r| r == "*");
        if statement.get("NotAction").is_some() {
            out.push(format!(
                "{name} allows every action but those it names (NotAction)"
            ));
        }
        match (every_action, every_resource) {
            (true, true) => out.push(format!(
                "{name} allows * (every action) on * (every resource)"
            )),
            (true, false) => out.push(format!("{name} allows * (every action)")),
            (false, true) if !service_wide.is_empty() => out.push(format!(
                "{name} allows {} on * (every resource)",
                service_wide
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (false, true) => out.push(format!("{name} applies to * (every resource)")),
            (false, false) if !service_wide.is_empty() => out.push(format!(
                "{name} allows {}",
                service_wide
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::broad;

    #[test]
    fn wildcards_are_flagged_and_scoped_grants_are_not() {
        let admin = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        assert_eq!(
            broad(admin),
            ["statement 1 allows * (every action) on * (every resource)"]
        );
        let scoped = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#;
        assert!(broad(scoped).is_empty());
        let service = r#"{"Statement":[{"Sid":"S","Effect":"Allow","Action":["s3:*","sqs:Send"],"Resource":"*"},
            {"Effect":"Deny","Action":"*","Resource":"*"}]}"#;
        assert_eq!(
            broad(service),
            ["statement S allows s3:* on * (every resource)"]
        );
        assert!(broad("not json").is_empty());
    }
}
