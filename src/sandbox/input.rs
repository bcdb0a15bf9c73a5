//! Reads an operation's JSON input member by member, collecting every broken constraint the way the
//! service reports them ("2 validation errors detected: …").

use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::protocol::ServiceError;
use crate::domain::validation::{StrRule, Violation, service_message};

/// An operation's input object, read with the model's constraints.
pub struct Input {
    object: Map<String, Value>,
    prefix: String,
    violations: Vec<(String, String, Violation)>,
    type_errors: Vec<String>,
}

/// Parses a request body: it must be a JSON object (an empty body reads as `{}`).
pub fn parse_body(body: &[u8]) -> Result<Input, ServiceError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Input::new(Map::new(), String::new()));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(Input::new(object, String::new())),
        Ok(_) => Err(ServiceError::serialization(
            "The request body must be a JSON object.",
        )),
        Err(e) => Err(ServiceError::serialization(format!(
            "The request body is not valid JSON: {e}"
        ))),
    }
}

/// `IdentityPoolName` → `identityPoolName`, as the service names members in its messages.
fn lower_camel(member: &str) -> String {
    let mut chars = member.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Input {
    fn new(object: Map<String, Value>, prefix: String) -> Self {
        Self {
            object,
            prefix,
            violations: Vec::new(),
            type_errors: Vec::new(),
        }
    }

    /// The whole input object, as sent.
    pub fn raw(&self) -> &Map<String, Value> {
        &self.object
    }

    fn path(&self, member: &str) -> String {
        format!("{}{}", self.prefix, lower_camel(member))
    }

    /// The member's value; JSON `null` counts as absent, as the SDKs treat it.
    fn get(&self, member: &str) -> Option<&Value> {
        self.object.get(member).filter(|v| !v.is_null())
    }

    /// The member's value (a copy), or None; a required member that is absent is recorded.
    fn present(&mut self, member: &str, required: bool) -> Option<Value> {
        let value = self.get(member).cloned();
        if value.is_none() && required {
            self.missing(member);
        }
        value
    }

    fn missing(&mut self, member: &str) {
        let path = self.path(member);
        self.violations
            .push((path, String::new(), Violation::Missing));
    }

    fn wrong_type(&mut self, member: &str, expected: &str) {
        let path = self.path(member);
        self.type_errors
            .push(format!("Expected {expected} at '{path}'."));
    }

    fn check_str(&mut self, path: String, value: &str, rule: &StrRule) {
        for violation in rule.check(value) {
            self.violations
                .push((path.clone(), value.to_string(), violation));
        }
    }

    /// A string member, checked against `rule`.
    pub fn string(&mut self, member: &str, rule: &StrRule, required: bool) -> Option<String> {
        match self.present(member, required)? {
            Value::String(s) => {
                self.check_str(self.path(member), &s, rule);
                Some(s)
            }
            _ => {
                self.wrong_type(member, "a string");
                None
            }
        }
    }

    /// A required string member. When it is missing or breaks `rule` the violation is recorded and
    /// the request is refused when the input is checked, so the empty stand-in never reaches the store.
    pub fn required(&mut self, member: &str, rule: &StrRule) -> String {
        self.string(member, rule, true).unwrap_or_default()
    }

    /// A string member that must be one of `values`.
    pub fn enumerated(
        &mut self,
        member: &str,
        values: &'static [&'static str],
        required: bool,
    ) -> Option<String> {
        let any = StrRule {
            min: 0,
            max: usize::MAX,
            pattern: None,
            allowed: "",
        };
        let value = self.string(member, &any, required)?;
        if !values.contains(&value.as_str()) {
            let path = self.path(member);
            self.violations
                .push((path, value.clone(), Violation::Enum(values)));
        }
        Some(value)
    }

    /// A structure member, read with `read` through its own `Input`.
    pub fn object<T>(
        &mut self,
        member: &str,
        required: bool,
        read: impl FnOnce(&mut Input) -> T,
    ) -> Option<T> {
        let Value::Object(object) = self.present(member, required)? else {
            self.wrong_type(member, "a structure");
            return None;
        };
        let mut inner = Input::new(object, format!("{}.", self.path(member)));
        let out = read(&mut inner);
        self.violations.append(&mut inner.violations);
        self.type_errors.append(&mut inner.type_errors);
        Some(out)
    }

    /// A map member's entries and path, after the checks every map shares: present if required,
    /// a JSON object (else a type error naming `what` it should be), at most `max_items` entries.
    fn map_member(
        &mut self,
        member: &str,
        max_items: Option<usize>,
        required: bool,
        what: &str,
    ) -> Option<(String, serde_json::Map<String, Value>)> {
        let Value::Object(entries) = self.present(member, required)? else {
            self.wrong_type(member, what);
            return None;
        };
        let path = self.path(member);
        if let Some(max) = max_items
            && entries.len() > max
        {
            let shown = format!("{} entries", entries.len());
            self.violations
                .push((path.clone(), shown, Violation::TooLong(max)));
        }
        Some((path, entries))
    }

    /// A map of structures, with limits on its size and keys; each value read with `read`.
    pub fn object_map<T>(
        &mut self,
        member: &str,
        max_items: Option<usize>,
        key_rule: &StrRule,
        required: bool,
        mut read: impl FnMut(&mut Input) -> T,
    ) -> Option<BTreeMap<String, T>> {
        let (path, entries) =
            self.map_member(member, max_items, required, "a map of structures")?;
        let mut out = BTreeMap::new();
        for (key, value) in entries {
            self.check_str(path.clone(), &key, key_rule);
            let Value::Object(object) = value else {
                self.wrong_type(member, "a map of structures");
                return None;
            };
            let mut inner = Input::new(object, format!("{path}.{key}.member."));
            out.insert(key, read(&mut inner));
            self.violations.append(&mut inner.violations);
            self.type_errors.append(&mut inner.type_errors);
        }
        Some(out)
    }

    /// A boolean member.
    pub fn boolean(&mut self, member: &str, required: bool) -> Option<bool> {
        match self.present(member, required)? {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(member, "a boolean");
                None
            }
        }
    }

    /// An integer member within `min..=max`.
    pub fn integer(&mut self, member: &str, min: i64, max: i64, required: bool) -> Option<i64> {
        match self.present(member, required)? {
            Value::Number(n) => match n.as_i64() {
                Some(v) => {
                    let path = self.path(member);
                    if v < min {
                        self.violations
                            .push((path, v.to_string(), Violation::TooSmall(min)));
                    } else if v > max {
                        self.violations
                            .push((path, v.to_string(), Violation::TooLarge(max)));
                    }
                    Some(v)
                }
                None => {
                    self.wrong_type(member, "an integer");
                    None
                }
            },
            _ => {
                self.wrong_type(member, "an integer");
                None
            }
        }
    }

    /// A map of strings, with limits on its size, keys and values.
    pub fn string_map(
        &mut self,
        member: &str,
        max_items: Option<usize>,
        key_rule: &StrRule,
        value_rule: &StrRule,
        required: bool,
    ) -> Option<BTreeMap<String, String>> {
        self.string_pairs(member, max_items, key_rule, value_rule, required)
            .map(|pairs| pairs.into_iter().collect())
    }

    /// A map of strings in the order the request gave it (Logins: the first login matters).
    pub fn string_pairs(
        &mut self,
        member: &str,
        max_items: Option<usize>,
        key_rule: &StrRule,
        value_rule: &StrRule,
        required: bool,
    ) -> Option<Vec<(String, String)>> {
        let (path, entries) = self.map_member(member, max_items, required, "a map of strings")?;
        let mut out = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let Value::String(value) = value else {
                self.wrong_type(member, "a map of strings");
                return None;
            };
            self.check_str(path.clone(), &key, key_rule);
            self.check_str(path.clone(), &value, value_rule);
            out.push((key, value));
        }
        Some(out)
    }

    /// A list of strings, each checked against `rule`.
    pub fn string_list(
        &mut self,
        member: &str,
        rule: &StrRule,
        items: (usize, Option<usize>),
        required: bool,
    ) -> Option<Vec<String>> {
        let Value::Array(values) = self.present(member, required)? else {
            self.wrong_type(member, "a list of strings");
            return None;
        };
        let path = self.path(member);
        self.check_count(&path, values.len(), items);
        let mut out = Vec::with_capacity(values.len());
        for (i, value) in values.into_iter().enumerate() {
            let Value::String(s) = value else {
                self.wrong_type(member, "a list of strings");
                return None;
            };
            self.check_str(format!("{path}.{}.member", i + 1), &s, rule);
            out.push(s);
        }
        Some(out)
    }

    /// Records a missing required member (for members read by a reader without a `required` flag).
    pub fn require(&mut self, member: &str) {
        if self.get(member).is_none() {
            self.missing(member);
        }
    }

    /// A list of structures, each read with `read` through its own `Input`.
    pub fn object_list<T>(
        &mut self,
        member: &str,
        items: (usize, Option<usize>),
        mut read: impl FnMut(&mut Input) -> T,
    ) -> Option<Vec<T>> {
        let Value::Array(values) = self.get(member).cloned()? else {
            self.wrong_type(member, "a list of structures");
            return None;
        };
        let path = self.path(member);
        self.check_count(&path, values.len(), items);
        let mut out = Vec::with_capacity(values.len());
        for (i, value) in values.into_iter().enumerate() {
            let Value::Object(object) = value else {
                self.wrong_type(member, "a list of structures");
                return None;
            };
            let mut inner = Input::new(object, format!("{path}.{}.member.", i + 1));
            out.push(read(&mut inner));
            self.violations.append(&mut inner.violations);
            self.type_errors.append(&mut inner.type_errors);
        }
        Some(out)
    }

    fn check_count(&mut self, path: &str, len: usize, (min, max): (usize, Option<usize>)) {
        let shown = format!("{len} items");
        if len < min {
            self.violations
                .push((path.to_string(), shown, Violation::TooShort(min)));
        } else if let Some(max) = max
            && len > max
        {
            self.violations
                .push((path.to_string(), shown, Violation::TooLong(max)));
        }
    }

    /// A list of strings, each one of `values`.
    pub fn enum_list(
        &mut self,
        member: &str,
        values: &'static [&'static str],
    ) -> Option<Vec<String>> {
        let any = StrRule {
            min: 0,
            max: usize::MAX,
            pattern: None,
            allowed: "",
        };
        let list = self.string_list(member, &any, (0, None), false)?;
        let path = self.path(member);
        for (i, value) in list.iter().enumerate() {
            if !values.contains(&value.as_str()) {
                self.violations.push((
                    format!("{path}.{}.member", i + 1),
                    value.clone(),
                    Violation::Enum(values),
                ));
            }
        }
        Some(list)
    }

    /// Ends reading with the service's code for broken constraints (cognito-idp uses
    /// InvalidParameterException where Cognito Identity uses ValidationException).
    pub fn finish_as(self, code: &'static str) -> Result<(), ServiceError> {
        self.finish().map_err(|mut error| {
            if error.code == "ValidationException" {
                error.code = code;
            }
            error
        })
    }

    /// Ends reading: a type error is a SerializationException, broken constraints a ValidationException.
    pub fn finish(self) -> Result<(), ServiceError> {
        if let Some(first) = self.type_errors.first() {
            return Err(ServiceError::serialization(first.clone()));
        }
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::validation(service_message(&self.violations)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits;

    #[test]
    fn collects_every_violation() {
        let mut input = parse_body(br#"{"IdentityPoolName":"a/b","MaxResults":61}"#)
            .unwrap_or_else(|_| Input::new(Map::new(), String::new()));
        input.string("IdentityPoolName", &limits::POOL_NAME, true);
        input.integer("MaxResults", 1, 60, true);
        input.boolean("AllowUnauthenticatedIdentities", true);
        let err = input
            .finish()
            .err()
            .unwrap_or_else(|| ServiceError::internal("none"));
        assert_eq!(err.code, "ValidationException");
        assert!(
            err.message.starts_with("3 validation errors detected: "),
            "{}",
            err.message
        );
        assert!(
            err.message
                .contains("Value null at 'allowUnauthenticatedIdentities'")
        );
        assert!(err.message.contains("Value '61' at 'maxResults'"));
    }

    #[test]
    fn wrong_types_and_bad_json_are_serialization_errors() {
        assert_eq!(
            parse_body(b"{not json").err().map(|e| e.code),
            Some("SerializationException")
        );
        assert_eq!(
            parse_body(b"[1]").err().map(|e| e.code),
            Some("SerializationException")
        );
        let Ok(mut input) = parse_body(br#"{"AllowUnauthenticatedIdentities":"yes"}"#) else {
            panic!("parses");
        };
        input.boolean("AllowUnauthenticatedIdentities", true);
        assert_eq!(
            input.finish().err().map(|e| e.code),
            Some("SerializationException")
        );
    }

    #[test]
    fn null_reads_as_absent() {
        let Ok(mut input) = parse_body(br#"{"DeveloperProviderName":null}"#) else {
            panic!("parses");
        };
        assert_eq!(
            input.string(
                "DeveloperProviderName",
                &limits::DEVELOPER_PROVIDER_NAME,
                false
            ),
            None
        );
        assert!(input.finish().is_ok());
    }
}
