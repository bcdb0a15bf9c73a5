//! Field constraints as the service states them (length, pattern, range), checked the same way by the
//! console (as the user types) and by the sandbox (as the service would).

use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// A string field's constraints, with the service's pattern and a sentence for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrRule {
    /// Shortest allowed length, in characters.
    pub min: usize,
    /// Longest allowed length, in characters.
    pub max: usize,
    /// The service model's regular expression (Java syntax, matched against the whole value).
    pub pattern: Option<&'static str>,
    /// What is allowed, said for a person ("1–128 characters: letters, numbers, …").
    pub allowed: &'static str,
}

/// One broken constraint, in the words the service uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A required member was absent.
    Missing,
    /// Shorter than the minimum length.
    TooShort(usize),
    /// Longer than the maximum length.
    TooLong(usize),
    /// Does not match the model's pattern.
    Pattern(&'static str),
    /// A number below the minimum.
    TooSmall(i64),
    /// A number above the maximum.
    TooLarge(i64),
    /// Not one of the allowed values.
    Enum(&'static [&'static str]),
}

impl Violation {
    /// The constraint sentence of the service's "1 validation error detected" message.
    pub fn service_text(&self) -> String {
        match self {
            Violation::Missing => "Member must not be null".to_string(),
            Violation::TooShort(n) => {
                format!("Member must have length greater than or equal to {n}")
            }
            Violation::TooLong(n) => format!("Member must have length less than or equal to {n}"),
            Violation::Pattern(p) => {
                format!("Member must satisfy regular expression pattern: {p}")
            }
            Violation::TooSmall(n) => {
                format!("Member must have value greater than or equal to {n}")
            }
            Violation::TooLarge(n) => format!("Member must have value less than or equal to {n}"),
            Violation::Enum(values) => {
                format!(
                    "Member must satisfy enum value set: [{}]",
                    values.join(", ")
                )
            }
        }
    }
}

impl StrRule {
    /// Every constraint `value` breaks (empty when it is valid).
    pub fn check(&self, value: &str) -> Vec<Violation> {
        let mut out = Vec::new();
        let len = value.chars().count();
        if len < self.min {
            out.push(Violation::TooShort(self.min));
        }
        if len > self.max {
            out.push(Violation::TooLong(self.max));
        }
        if let Some(pattern) = self.pattern
            && !value.is_empty()
            && !matches_whole(pattern, value)
        {
            out.push(Violation::Pattern(pattern));
        }
        out
    }

    /// The message shown next to a field in the console, or `None` when the value is allowed.
    pub fn explain(&self, value: &str) -> Option<String> {
        let problems = self.check(value);
        if problems.is_empty() {
            return None;
        }
        let len = value.chars().count();
        let what = if len < self.min && self.min == 1 {
            "Required".to_string()
        } else if len < self.min {
            format!("Too short ({len})")
        } else if len > self.max {
            format!("Too long ({len})")
        } else {
            "Not allowed".to_string()
        };
        Some(format!("{what}: {}", self.allowed))
    }
}

/// Whether the whole of `value` matches the service pattern `pattern`.
pub fn matches_whole(pattern: &'static str, value: &str) -> bool {
    static CACHE: LazyLock<Mutex<HashMap<&'static str, Option<Regex>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let Ok(mut cache) = CACHE.lock() else {
        return false;
    };
    let compiled = cache
        .entry(pattern)
        .or_insert_with(|| Regex::new(&format!("^(?:{})$", java_to_rust(pattern))).ok());
    compiled.as_ref().is_some_and(|re| re.is_match(value))
}

/// Service patterns are Java regular expressions, where `\w`, `\s` and `\d` are ASCII-only; Rust's are
/// Unicode-aware, so spell them as ASCII classes.
fn java_to_rust(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let class = match next {
                    'w' => Some("[:word:]"),
                    's' => Some("[:space:]"),
                    'd' => Some("[:digit:]"),
                    'S' => Some("^[:space:]"),
                    _ => None,
                };
                match (class, in_class) {
                    (Some(class), true) if !class.starts_with('^') => out.push_str(class),
                    // Outside a class (or negated inside one) wrap it: `[[:word:]]`, `[^[:space:]]`;
                    // Rust accepts a nested class inside an outer one.
                    (Some(class), _) => match class.strip_prefix('^') {
                        Some(negated) => out.push_str(&format!("[^{negated}]")),
                        None => out.push_str(&format!("[{class}]")),
                    },
                    (None, _) => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The service's message for a list of (member, value, violation): "1 validation error detected: …".
pub fn service_message(errors: &[(String, String, Violation)]) -> String {
    let n = errors.len();
    let plural = if n == 1 { "error" } else { "errors" };
    let parts: Vec<String> = errors
        .iter()
        .map(|(member, value, violation)| {
            let shown = if *violation == Violation::Missing {
                "null".to_string()
            } else {
                format!("'{value}'")
            };
            format!(
                "Value {shown} at '{member}' failed to satisfy constraint: {}",
                violation.service_text()
            )
        })
        .collect();
    format!("{n} validation {plural} detected: {}", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits;

    #[test]
    fn pool_name_rule_follows_the_model() {
        assert!(limits::POOL_NAME.check("orders app+1=2,.@-x_").is_empty());
        assert_eq!(limits::POOL_NAME.check(""), vec![Violation::TooShort(1)]);
        assert_eq!(
            limits::POOL_NAME.check("bad/name"),
            vec![Violation::Pattern(r"[\w\s+=,.@-]+")]
        );
        assert_eq!(
            limits::POOL_NAME.check(&"a".repeat(129)),
            vec![Violation::TooLong(128)]
        );
        assert!(limits::POOL_NAME.check(&"a".repeat(128)).is_empty());
    }

    #[test]
    fn word_class_is_ascii_like_java() {
        assert!(!matches_whole(r"[\w\s+=,.@-]+", "café"));
        assert!(matches_whole(
            r"[\w-]+:[0-9a-f-]+",
            "us-east-1:0c1f6e2b-3c55"
        ));
        assert!(!matches_whole(r"[\S]+", "a b"));
        assert!(matches_whole(r"[\S]+", "abc=="));
    }

    #[test]
    fn explain_says_what_is_allowed() {
        let msg = limits::POOL_NAME.explain("a/b").unwrap_or_default();
        assert!(msg.starts_with("Not allowed: "), "{msg}");
        assert!(msg.contains("letters"), "{msg}");
        assert_eq!(limits::POOL_NAME.explain("ok"), None);
    }

    #[test]
    fn service_message_has_the_coral_form() {
        let msg = service_message(&[(
            "identityPoolName".into(),
            "a/b".into(),
            Violation::Pattern(r"[\w\s+=,.@-]+"),
        )]);
        assert_eq!(
            msg,
            r"1 validation error detected: Value 'a/b' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+"
        );
    }
}
