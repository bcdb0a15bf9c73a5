//! The Query protocol of IAM and STS: form-encoded requests, XML answers and XML errors.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

use super::protocol::ServiceError;
use crate::domain::validation::{StrRule, Violation, service_message};

/// A Query request's parameters, read with the model's constraints.
pub struct QueryInput {
    params: BTreeMap<String, String>,
    violations: Vec<(String, String, Violation)>,
}

/// Escapes text for XML element content.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `<Name>escaped value</Name>`.
pub fn element(name: &str, value: &str) -> String {
    format!("<{name}>{}</{name}>", xml_escape(value))
}

fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl QueryInput {
    /// Parses a form body.
    pub fn parse(body: &[u8]) -> Self {
        let params = form_urlencoded::parse(body).into_owned().collect();
        Self {
            params,
            violations: Vec::new(),
        }
    }

    /// The `Action` parameter.
    pub fn action(&self) -> Option<&str> {
        self.params.get("Action").map(String::as_str)
    }

    /// A required string parameter. When it is missing or breaks `rule` the violation is recorded
    /// and the request is refused when the input is checked, so the empty stand-in goes no further.
    pub fn required(&mut self, name: &str, rule: &StrRule) -> String {
        self.string(name, rule, true).unwrap_or_default()
    }

    /// A string parameter, checked against `rule`.
    pub fn string(&mut self, name: &str, rule: &StrRule, required: bool) -> Option<String> {
        let Some(value) = self.params.get(name).cloned() else {
            if required {
                self.violations
                    .push((lower_camel(name), String::new(), Violation::Missing));
            }
            return None;
        };
        for violation in rule.check(&value) {
            self.violations
                .push((lower_camel(name), value.clone(), violation));
        }
        Some(value)
    }

    /// An integer parameter within `min..=max` (a non-number is a violation of the range).
    pub fn integer(&mut self, name: &str, min: i64, max: i64) -> Option<i64> {
        let text = self.params.get(name)?.clone();
        match text.parse::<i64>() {
            Ok(v) if v < min => {
                self.violations
                    .push((lower_camel(name), text, Violation::TooSmall(min)))
            }
            Ok(v) if v > max => {
                self.violations
                    .push((lower_camel(name), text, Violation::TooLarge(max)))
            }
            Ok(v) => return Some(v),
            Err(_) => self
                .violations
                .push((lower_camel(name), text, Violation::TooSmall(min))),
        }
        None
    }

    /// `Name.member.1`, `Name.member.2`, … in order.
    pub fn members(&mut self, name: &str, rule: &StrRule) -> Vec<String> {
        let mut out = Vec::new();
        for n in 1.. {
            let key = format!("{name}.member.{n}");
            let Some(value) = self.params.get(&key).cloned() else {
                break;
            };
            for violation in rule.check(&value) {
                self.violations.push((
                    format!("{}.{n}.member", lower_camel(name)),
                    value.clone(),
                    violation,
                ));
            }
            out.push(value);
        }
        out
    }

    /// `Tags.member.N.Key` / `.Value` pairs, in order.
    pub fn tags(&mut self, key_rule: &StrRule, value_rule: &StrRule) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for n in 1.. {
            let Some(key) = self.params.get(&format!("Tags.member.{n}.Key")).cloned() else {
                break;
            };
            let value = self
                .params
                .get(&format!("Tags.member.{n}.Value"))
                .cloned()
                .unwrap_or_default();
            for violation in key_rule.check(&key) {
                self.violations
                    .push((format!("tags.{n}.member.key"), key.clone(), violation));
            }
            for violation in value_rule.check(&value) {
                self.violations
                    .push((format!("tags.{n}.member.value"), value.clone(), violation));
            }
            out.push((key, value));
        }
        out
    }

    /// Ends reading: broken constraints are IAM's and STS's `ValidationError`.
    pub fn finish(self) -> Result<(), ServiceError> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::client(
                "ValidationError",
                service_message(&self.violations),
            ))
        }
    }
}

fn xml(status: StatusCode, body: String, request_id: &str) -> Response {
    let mut response = (status, body).into_response();
    let headers: &mut HeaderMap = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static("text/xml"));
    if let Ok(v) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-requestid", v);
    }
    response
}

/// `<OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`;
/// `result: None` for operations without output.
pub fn xml_ok(namespace: &str, action: &str, result: Option<&str>, request_id: &str) -> Response {
    let result = result.map_or(String::new(), |r| {
        format!("<{action}Result>{r}</{action}Result>")
    });
    let body = format!(
        "<{action}Response xmlns=\"{namespace}\">{result}<ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata></{action}Response>"
    );
    xml(StatusCode::OK, body, request_id)
}

/// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>…`.
pub fn xml_error(namespace: &str, error: &ServiceError, request_id: &str) -> Response {
    let kind = if error.status >= 500 {
        "Receiver"
    } else {
        "Sender"
    };
    let body = format!(
        "<ErrorResponse xmlns=\"{namespace}\"><Error><Type>{kind}</Type>{}{}</Error><RequestId>{request_id}</RequestId></ErrorResponse>",
        element("Code", error.code),
        element("Message", &error.message)
    );
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    xml(status, body, request_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_members_and_tags() {
        let mut input = QueryInput::parse(
            b"Action=CreateOpenIDConnectProvider&ClientIDList.member.1=a&ClientIDList.member.2=b&Tags.member.1.Key=k&Tags.member.1.Value=v%20w",
        );
        let any = StrRule {
            min: 0,
            max: 100,
            pattern: None,
            allowed: "",
        };
        assert_eq!(input.action(), Some("CreateOpenIDConnectProvider"));
        assert_eq!(input.members("ClientIDList", &any), vec!["a", "b"]);
        assert_eq!(
            input.tags(&any, &any),
            vec![("k".to_string(), "v w".to_string())]
        );
        assert!(input.finish().is_ok());
    }

    #[test]
    fn escapes_xml() {
        assert_eq!(element("M", "a<b&\"c\""), "<M>a&lt;b&amp;&quot;c&quot;</M>");
    }
}
