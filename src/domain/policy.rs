//! IAM policy grammar: what IAM accepts as a trust policy or a permissions policy. Shared by the
//! sandbox's IAM (which refuses malformed documents as IAM does) and the console (which checks a
//! trust policy before a role is used).

use serde_json::{Map, Value};

/// Which kind of policy a document is; they differ in Principal and Resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// A role's trust policy: every statement names a Principal, none a Resource.
    Trust,
    /// An inline or managed permissions policy: Resource required, Principal not allowed.
    Permissions,
}

const TOP_KEYS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_KEYS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

fn strings_or_string(value: &Value) -> bool {
    match value {
        Value::String(_) => true,
        Value::Array(items) => !items.is_empty() && items.iter().all(Value::is_string),
        _ => false,
    }
}

fn check_principal(value: &Value) -> Result<(), String> {
    match value {
        Value::String(s) if s == "*" => Ok(()),
        Value::Object(map) if !map.is_empty() => {
            for (kind, who) in map {
                if !["AWS", "Federated", "Service", "CanonicalUser"].contains(&kind.as_str()) {
                    return Err(format!("Invalid principal type {kind}"));
                }
                if !strings_or_string(who) {
                    return Err(format!("Invalid principal in policy: {kind}"));
                }
            }
            Ok(())
        }
        _ => Err("Invalid principal in policy".into()),
    }
}

fn check_condition(value: &Value) -> Result<(), String> {
    let Value::Object(operators) = value else {
        return Err("Syntax errors in policy.".into());
    };
    for block in operators.values() {
        let Value::Object(keys) = block else {
            return Err("Syntax errors in policy.".into());
        };
        if keys
            .values()
            .any(|v| !(strings_or_string(v) || v.is_boolean() || v.is_number()))
        {
            return Err("Syntax errors in policy.".into());
        }
    }
    Ok(())
}

fn check_statement(statement: &Map<String, Value>, kind: PolicyKind) -> Result<(), String> {
    if let Some(key) = statement
        .keys()
        .find(|k| !STATEMENT_KEYS.contains(&k.as_str()))
    {
        return Err(format!("Syntax errors in policy. Unknown field {key}."));
    }
    match statement.get("Effect") {
        Some(Value::String(effect)) if effect == "Allow" || effect == "Deny" => {}
        Some(_) => return Err("Syntax errors in policy. Effect must be Allow or Deny.".into()),
        None => return Err("Missing required field Effect".into()),
    }
    let action = statement
        .get("Action")
        .or_else(|| statement.get("NotAction"));
    match action {
        Some(value) if strings_or_string(value) => {}
        Some(_) => return Err("Syntax errors in policy.".into()),
        None => return Err("Missing required field Action".into()),
    }
    let principal = statement
        .get("Principal")
        .or_else(|| statement.get("NotPrincipal"));
    let resource = statement
        .get("Resource")
        .or_else(|| statement.get("NotResource"));
    match kind {
        PolicyKind::Trust => {
            let principal = principal.ok_or("Missing required field Principal")?;
            check_principal(principal)?;
            if resource.is_some() {
                return Err("Has prohibited field Resource".into());
            }
        }
        PolicyKind::Permissions => {
            if principal.is_some() {
                return Err("Policy document should not specify a principal.".into());
            }
            match resource {
                Some(value) if strings_or_string(value) => {}
                Some(_) => return Err("Syntax errors in policy.".into()),
                None => return Err("Missing required field Resource".into()),
            }
        }
    }
    if let Some(condition) = statement.get("Condition") {
        check_condition(condition)?;
    }
    Ok(())
}

/// Checks a policy document; the error is the message IAM's MalformedPolicyDocument carries.
pub fn check(document: &str, kind: PolicyKind) -> Result<Value, String> {
    let value: Value =
        serde_json::from_str(document).map_err(|_| "Syntax errors in policy.".to_string())?;
    let Value::Object(top) = &value else {
        return Err("Syntax errors in policy.".into());
    };
    if let Some(key) = top.keys().find(|k| !TOP_KEYS.contains(&k.as_str())) {
        return Err(format!("Syntax errors in policy. Unknown field {key}."));
    }
    match top.get("Version") {
        None => {}
        Some(Value::String(v)) if v == "2012-10-17" || v == "2008-10-17" => {}
        Some(_) => return Err("The policy must contain a valid version string".into()),
    }
    let statements: Vec<&Value> = match top.get("Statement") {
        Some(Value::Array(items)) if !items.is_empty() => items.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        Some(_) => return Err("Syntax errors in policy.".into()),
        None => return Err("Missing required field Statement".into()),
    };
    for statement in statements {
        let Value::Object(statement) = statement else {
            return Err("Syntax errors in policy.".into());
        };
        check_statement(statement, kind)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Principal":{"Federated":"cognito-identity.amazonaws.com"},
        "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
        "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:abc"},
        "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}"#;

    #[test]
    fn a_cognito_trust_policy_is_valid() {
        assert!(check(TRUST, PolicyKind::Trust).is_ok());
        assert_eq!(
            check(TRUST, PolicyKind::Permissions).err().as_deref(),
            Some("Policy document should not specify a principal.")
        );
    }

    #[test]
    fn malformed_documents_say_why() {
        let cases = [
            ("not json", PolicyKind::Trust, "Syntax errors in policy."),
            (
                r#"{"Statement":[]}"#,
                PolicyKind::Trust,
                "Syntax errors in policy.",
            ),
            (
                r#"{"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
                PolicyKind::Permissions,
                "The policy must contain a valid version string",
            ),
            (
                r#"{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}"#,
                PolicyKind::Trust,
                "Missing required field Principal",
            ),
            (
                r#"{"Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}"#,
                PolicyKind::Permissions,
                "Syntax errors in policy. Effect must be Allow or Deny.",
            ),
            (
                r#"{"Statement":{"Effect":"Allow","Resource":"*"}}"#,
                PolicyKind::Permissions,
                "Missing required field Action",
            ),
            (
                r#"{"Statement":{"Effect":"Allow","Action":"s3:*"}}"#,
                PolicyKind::Permissions,
                "Missing required field Resource",
            ),
            (
                r#"{"Statement":{"Effect":"Allow","Action":"sts:X","Principal":{"Robot":"x"}}}"#,
                PolicyKind::Trust,
                "Invalid principal type Robot",
            ),
        ];
        for (doc, kind, message) in cases {
            assert_eq!(check(doc, kind).err().as_deref(), Some(message), "{doc}");
        }
        assert!(check(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"]}}"#, PolicyKind::Permissions).is_ok());
    }
}

/// Which identities of a pool a role is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// Signed-in users (`amr` = `authenticated`).
    Authenticated,
    /// Guests (`amr` = `unauthenticated`).
    Guest,
}

/// The trust policy the Cognito console gives a new identity-pool role: federated principal
/// `cognito-identity.amazonaws.com`, `sts:AssumeRoleWithWebIdentity` (plus `sts:TagSession` when
/// attributes for access control are on), `aud` = the pool id and `amr` = the audience.
pub fn cognito_trust_policy(pool_id: &str, audience: Audience, tag_session: bool) -> String {
    let amr = match audience {
        Audience::Authenticated => "authenticated",
        Audience::Guest => "unauthenticated",
    };
    let actions: Vec<&str> = if tag_session {
        vec!["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
    } else {
        vec!["sts:AssumeRoleWithWebIdentity"]
    };
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Federated": "cognito-identity.amazonaws.com" },
            "Action": actions,
            "Condition": {
                "StringEquals": { "cognito-identity.amazonaws.com:aud": pool_id },
                "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr }
            }
        }]
    });
    serde_json::to_string_pretty(&policy).unwrap_or_default()
}

/// The inline permissions policy the console gives a new identity-pool role: the basic permission
/// to get credentials for an identity, nothing more (the operator adds what the app needs).
pub const BASIC_PERMISSIONS_NAME: &str = "CognitoIdentityBasic";

/// The document of [`BASIC_PERMISSIONS_NAME`].
pub fn cognito_basic_permissions() -> String {
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["cognito-identity:GetCredentialsForIdentity"],
            "Resource": ["*"]
        }]
    });
    serde_json::to_string_pretty(&policy).unwrap_or_default()
}

#[cfg(test)]
mod trust_tests {
    use super::*;

    #[test]
    fn the_console_trust_policy_is_a_valid_trust_policy() {
        for (audience, tag) in [(Audience::Authenticated, false), (Audience::Guest, true)] {
            let doc = cognito_trust_policy("us-east-1:abc", audience, tag);
            let value = check(&doc, PolicyKind::Trust).unwrap_or_default();
            let statement = &value["Statement"][0];
            assert_eq!(
                statement["Condition"]["StringEquals"]["cognito-identity.amazonaws.com:aud"],
                "us-east-1:abc"
            );
            assert_eq!(
                statement["Action"].as_array().map(Vec::len),
                Some(if tag { 2 } else { 1 })
            );
        }
        assert!(check(&cognito_basic_permissions(), PolicyKind::Permissions).is_ok());
    }
}

/// A role to create with the console's trust and basic permissions: the default role of one kind
/// of access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRole {
    /// Which access it is the default role of.
    pub audience: Audience,
    /// Its name.
    pub name: String,
    /// Whether its trust policy also allows `sts:TagSession` (attributes for access control).
    pub tag_session: bool,
}

impl NewRole {
    /// The role's description in IAM.
    pub fn description(&self, pool_name: &str, pool_id: &str) -> String {
        format!(
            "{} role of identity pool {pool_name} ({pool_id}), created by cognito-tui",
            match self.audience {
                Audience::Guest => "Guest",
                Audience::Authenticated => "Authenticated",
            }
        )
    }
}
