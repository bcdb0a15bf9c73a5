//! Just enough YAML for a CloudFormation template: maps, lists, quoted strings, booleans and
//! the short-form intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`) written as they are. Strings
//! are written JSON-quoted, which YAML reads as double-quoted scalars: nothing needs escaping
//! rules of its own.

use serde_json::Value;

/// A YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum Y {
    /// A string, quoted.
    Str(String),
    /// `true` / `false`.
    Bool(bool),
    /// Written as it is: a number, or an intrinsic function (`!Ref IdentityPool`).
    Raw(String),
    /// A sequence.
    List(Vec<Y>),
    /// A mapping, in order.
    Map(Vec<(String, Y)>),
}

impl Y {
    /// A string node.
    pub fn s(text: impl Into<String>) -> Y {
        Y::Str(text.into())
    }

    /// A JSON document as YAML, with `replace` deciding which strings become something else.
    pub fn from_json(value: &Value, replace: &dyn Fn(&str) -> Option<Y>) -> Y {
        match value {
            Value::Null => Y::Raw("null".into()),
            Value::Bool(b) => Y::Bool(*b),
            Value::Number(n) => Y::Raw(n.to_string()),
            Value::String(s) => replace(s).unwrap_or_else(|| Y::s(s.clone())),
            Value::Array(items) => {
                Y::List(items.iter().map(|v| Y::from_json(v, replace)).collect())
            }
            Value::Object(entries) => Y::Map(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Y::from_json(v, replace)))
                    .collect(),
            ),
        }
    }
}

fn key(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric());
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

/// A node written on the line of its key or dash, when it fits there.
fn inline(node: &Y) -> Option<String> {
    match node {
        Y::Str(s) => Some(quoted(s)),
        Y::Bool(b) => Some(b.to_string()),
        Y::Raw(r) => Some(r.clone()),
        Y::List(items) if items.is_empty() => Some("[]".into()),
        Y::Map(entries) if entries.is_empty() => Some("{}".into()),
        _ => None,
    }
}

fn write_map(out: &mut String, entries: &[(String, Y)], indent: usize) {
    let pad = " ".repeat(indent);
    for (k, v) in entries {
        match inline(v) {
            Some(text) => out.push_str(&format!("{pad}{}: {text}\n", key(k))),
            None => {
                out.push_str(&format!("{pad}{}:\n", key(k)));
                write_node(out, v, indent + 2);
            }
        }
    }
}

fn write_node(out: &mut String, node: &Y, indent: usize) {
    let pad = " ".repeat(indent);
    match node {
        Y::Map(entries) => write_map(out, entries, indent),
        Y::List(items) => {
            for item in items {
                match inline(item) {
                    Some(text) => out.push_str(&format!("{pad}- {text}\n")),
                    None => {
                        // The item's first line goes after the dash.
                        let mut inner = String::new();
                        write_node(&mut inner, item, indent + 2);
                        out.push_str(&pad);
                        out.push_str("- ");
                        out.push_str(&inner[indent + 2..]);
                    }
                }
            }
        }
        scalar => {
            let text = inline(scalar).unwrap_or_default();
            out.push_str(&format!("{pad}{text}\n"));
        }
    }
}

/// The document.
pub fn to_yaml(root: &Y) -> String {
    let mut out = String::new();
    write_node(&mut out, root, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lists_and_intrinsics_are_written_as_yaml() {
        let doc = Y::Map(vec![
            ("Name".into(), Y::s("a \"b\"")),
            ("Ref".into(), Y::Raw("!Ref Pool".into())),
            (
                "Rules".into(),
                Y::List(vec![
                    Y::Map(vec![
                        ("Claim".into(), Y::s("x")),
                        ("Value".into(), Y::s("y")),
                    ]),
                    Y::s("z"),
                ]),
            ),
            ("a:b".into(), Y::Map(vec![])),
            ("On".into(), Y::Bool(true)),
        ]);
        assert_eq!(
            to_yaml(&doc),
            "Name: \"a \\\"b\\\"\"\nRef: !Ref Pool\nRules:\n  - Claim: \"x\"\n    Value: \"y\"\n  - \"z\"\n\"a:b\": {}\nOn: true\n"
        );
    }
}
