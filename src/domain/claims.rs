//! A token's claims as the operator gives them to the resolution simulator: a pasted JWT (its
//! payload decoded, not verified) or `key=value` lines, a comma making an array claim
//! (`cognito:groups=admins,staff`). Every mistake is said with the line or part it is in.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

/// Claims from `key=value` lines (blank lines and `#` comments skipped).
pub fn from_lines(text: &str) -> Result<Value, String> {
    let mut claims = Map::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!(
                "Line {n}: write a claim as name=value (a comma makes a list: cognito:groups=admins,staff)"
            ));
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("Line {n}: the claim needs a name before ="));
        }
        if claims.contains_key(key) {
            return Err(format!(
                "Line {n}: {key} is given twice; put every value on one line, separated by commas"
            ));
        }
        let value = value.trim();
        let value = if value.contains(',') {
            Value::Array(
                value
                    .split(',')
                    .map(|v| Value::String(v.trim().to_string()))
                    .collect(),
            )
        } else {
            Value::String(value.to_string())
        };
        claims.insert(key.to_string(), value);
    }
    Ok(Value::Object(claims))
}

/// The claims of a pasted JWT: its payload decoded. The signature is not checked (the simulator
/// says so); the service checks it.
pub fn from_jwt(token: &str) -> Result<Value, String> {
    let parts: Vec<&str> = token.trim().split('.').collect();
    if parts.len() != 3 {
        return Err(format!(
            "A JWT has three parts separated by dots (header.payload.signature); this has {}",
            parts.len()
        ));
    }
    let payload = parts[1].trim_end_matches('=');
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| format!("The payload (the second part) is not base64url: {e}"))?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|e| format!("The payload (the second part) is not JSON: {e}"))?;
    if !value.is_object() {
        return Err("The payload (the second part) is not a JSON object of claims".into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lines_make_claims_and_commas_make_arrays() {
        let claims =
            from_lines("# a partner\ncustom:tier = partner\n\ncognito:groups=admins, staff\n");
        assert_eq!(
            claims,
            Ok(json!({"custom:tier": "partner", "cognito:groups": ["admins", "staff"]}))
        );
        assert!(from_lines("a=1\nnonsense").is_err_and(|e| e.starts_with("Line 2: write a claim")));
        assert!(from_lines("=x").is_err_and(|e| e.contains("needs a name")));
        assert!(from_lines("a=1\na=2").is_err_and(|e| e.contains("given twice")));
    }

    #[test]
    fn a_jwts_payload_is_decoded_and_each_defect_is_named() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"u1","cognito:groups":["admins"]}"#);
        let token = format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln");
        assert_eq!(
            from_jwt(&token),
            Ok(json!({"sub": "u1", "cognito:groups": ["admins"]}))
        );
        assert!(from_jwt("abc").is_err_and(|e| e.contains("this has 1")));
        assert!(from_jwt("a.%%%.c").is_err_and(|e| e.contains("not base64url")));
        let not_json = URL_SAFE_NO_PAD.encode(b"hello");
        assert!(from_jwt(&format!("a.{not_json}.c")).is_err_and(|e| e.contains("not JSON")));
        let array = URL_SAFE_NO_PAD.encode(b"[1]");
        assert!(from_jwt(&format!("a.{array}.c")).is_err_and(|e| e.contains("not a JSON object")));
    }
}
