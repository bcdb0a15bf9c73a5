//! The pool as Terraform (AWS provider): `aws_cognito_identity_pool`,
//! `aws_cognito_identity_pool_roles_attachment`, one
//! `aws_cognito_identity_pool_provider_principal_tag` per provider with an attribute map, and
//! `import` blocks with the real ids, so `terraform plan` adopts the existing pool instead of
//! making another. With `--include-roles`: `aws_iam_role` (trust pointing at the pool resource),
//! `aws_iam_role_policy` and `aws_iam_role_policy_attachment`, imported too.

use serde_json::Value;
use std::collections::BTreeMap;

use super::cloudformation::short;
use super::names::{Names, snake};
use super::{PoolExport, TWITTER, referenced_roles, twitter};
use crate::domain::roles::role_name;

const POOL: &str = "aws_cognito_identity_pool.pool";

/// A string as HCL writes it (`${` and `%{` would start a template).
fn s(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| s(i)).collect();
    format!("[{}]", items.join(", "))
}

/// A map of strings, one entry a line at `indent`.
fn string_map(entries: &[(String, String)], indent: usize) -> String {
    if entries.is_empty() {
        return "{}".into();
    }
    let pad = " ".repeat(indent + 2);
    let width = entries.iter().map(|(k, _)| s(k).len()).max().unwrap_or(0);
    let mut out = String::from("{\n");
    for (k, v) in entries {
        out.push_str(&format!("{pad}{:<width$} = {v}\n", s(k)));
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
    out
}

/// A JSON document as an HCL expression for `jsonencode(…)`; `replace` turns some strings into
/// references.
fn hcl_value(value: &Value, indent: usize, replace: &dyn Fn(&str) -> Option<String>) -> String {
    let pad = " ".repeat(indent + 2);
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => replace(text).unwrap_or_else(|| s(text)),
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|v| hcl_value(v, indent, replace))
                .collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(entries) if entries.is_empty() => "{}".into(),
        Value::Object(entries) => {
            let mut out = String::from("{\n");
            for (k, v) in entries {
                out.push_str(&format!(
                    "{pad}{} = {}\n",
                    s(k),
                    hcl_value(v, indent + 2, replace)
                ));
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
            out
        }
    }
}

/// Lines `name = value`, aligned.
fn attributes(out: &mut String, indent: usize, pairs: &[(&str, String)]) {
    let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in pairs {
        out.push_str(&format!("{}{k:<width$} = {v}\n", " ".repeat(indent)));
    }
}

fn import(out: &mut String, to: &str, id: &str) {
    out.push_str(&format!("import {{\n  to = {to}\n  id = {}\n}}\n\n", s(id)));
}

/// The configuration.
pub fn render(export: &PoolExport) -> String {
    let config = &export.config;
    let pool = &config.pool;
    let mut out = format!(
        "# Identity pool {} ({}), exported by cognito-tui.\n# The import blocks adopt the existing resources: `terraform plan` should show no change.\n\n",
        pool.identity_pool_name, pool.identity_pool_id
    );
    if twitter(export).is_some() {
        out.push_str("variable \"twitter_consumer_secret\" {\n  description = \"The Twitter app's consumer secret (not exported)\"\n  type        = string\n  sensitive   = true\n}\n\n");
    }

    // Roles: references to the resources made here, or the ARNs as they are.
    let mut names = Names::default();
    let mut role_refs: BTreeMap<String, String> = BTreeMap::new();
    let mut role_blocks = String::new();
    let mut imports = String::new();
    for arn in referenced_roles(config) {
        let Some(role) = export
            .roles
            .as_ref()
            .and_then(|roles| roles.iter().find(|r| r.arn == arn))
        else {
            role_refs.insert(arn.clone(), s(&arn));
            continue;
        };
        let name = names.unique(&snake(role_name(&arn)), "_");
        role_refs.insert(arn.clone(), format!("aws_iam_role.{name}.arn"));
        let new_pool = |text: &str| (text == pool.identity_pool_id).then(|| format!("{POOL}.id"));
        let trust = serde_json::from_str::<Value>(&role.trust_policy)
            .map(|v| format!("jsonencode({})", hcl_value(&v, 2, &new_pool)))
            .unwrap_or_else(|_| s(&role.trust_policy));
        role_blocks.push_str(&format!("resource \"aws_iam_role\" \"{name}\" {{\n"));
        attributes(
            &mut role_blocks,
            2,
            &[("name", s(&role.name)), ("assume_role_policy", trust)],
        );
        role_blocks.push_str("}\n\n");
        import(&mut imports, &format!("aws_iam_role.{name}"), &role.name);
        for (policy, document) in &role.inline {
            let resource = names.unique(&format!("{name}_{}", snake(policy)), "_");
            let document = serde_json::from_str::<Value>(document)
                .map(|v| format!("jsonencode({})", hcl_value(&v, 2, &|_| None)))
                .unwrap_or_else(|_| s(document));
            role_blocks.push_str(&format!(
                "resource \"aws_iam_role_policy\" \"{resource}\" {{\n"
            ));
            attributes(
                &mut role_blocks,
                2,
                &[
                    ("name", s(policy)),
                    ("role", format!("aws_iam_role.{name}.id")),
                    ("policy", document),
                ],
            );
            role_blocks.push_str("}\n\n");
            import(
                &mut imports,
                &format!("aws_iam_role_policy.{resource}"),
                &format!("{}:{policy}", role.name),
            );
        }
        for attached in &role.attached {
            let resource = names.unique(&format!("{name}_{}", snake(role_name(attached))), "_");
            role_blocks.push_str(&format!(
                "resource \"aws_iam_role_policy_attachment\" \"{resource}\" {{\n"
            ));
            attributes(
                &mut role_blocks,
                2,
                &[
                    ("role", format!("aws_iam_role.{name}.name")),
                    ("policy_arn", s(attached)),
                ],
            );
            role_blocks.push_str("}\n\n");
            import(
                &mut imports,
                &format!("aws_iam_role_policy_attachment.{resource}"),
                &format!("{}/{attached}", role.name),
            );
        }
    }
    let role = |arn: &str| role_refs.get(arn).cloned().unwrap_or_else(|| s(arn));

    out.push_str("resource \"aws_cognito_identity_pool\" \"pool\" {\n");
    let mut pairs = vec![
        ("identity_pool_name", s(&pool.identity_pool_name)),
        (
            "allow_unauthenticated_identities",
            pool.allow_unauthenticated_identities.to_string(),
        ),
    ];
    if let Some(classic) = pool.allow_classic_flow {
        pairs.push(("allow_classic_flow", classic.to_string()));
    }
    if let Some(developer) = &pool.developer_provider_name {
        pairs.push(("developer_provider_name", s(developer)));
    }
    if !pool.supported_login_providers.is_empty() {
        let logins: Vec<(String, String)> = pool
            .supported_login_providers
            .iter()
            .map(|(domain, id)| {
                let value = if domain == TWITTER {
                    let key = twitter(export).unwrap_or_default();
                    // The key as a string, the secret as a reference inside the same string.
                    let quoted = s(&format!("{key};"));
                    format!(
                        "{}${{var.twitter_consumer_secret}}\"",
                        quoted.trim_end_matches('"')
                    )
                } else {
                    s(id)
                };
                (domain.clone(), value)
            })
            .collect();
        pairs.push(("supported_login_providers", string_map(&logins, 2)));
    }
    if !pool.open_id_connect_provider_arns.is_empty() {
        pairs.push((
            "openid_connect_provider_arns",
            list(&pool.open_id_connect_provider_arns),
        ));
    }
    if !pool.saml_provider_arns.is_empty() {
        pairs.push(("saml_provider_arns", list(&pool.saml_provider_arns)));
    }
    if !pool.identity_pool_tags.is_empty() {
        let tags: Vec<(String, String)> = pool
            .identity_pool_tags
            .iter()
            .map(|(k, v)| (k.clone(), s(v)))
            .collect();
        pairs.push(("tags", string_map(&tags, 2)));
    }
    attributes(&mut out, 2, &pairs);
    for provider in &pool.cognito_identity_providers {
        out.push_str("\n  cognito_identity_providers {\n");
        attributes(
            &mut out,
            4,
            &[
                ("client_id", s(&provider.client_id)),
                ("provider_name", s(&provider.provider_name)),
                (
                    "server_side_token_check",
                    provider.server_side_token_check.to_string(),
                ),
            ],
        );
        out.push_str("  }\n");
    }
    out.push_str("}\n\n");
    import(&mut imports, POOL, &pool.identity_pool_id);

    let roles = &config.roles;
    if !roles.roles.is_empty() || !roles.role_mappings.is_empty() {
        out.push_str("resource \"aws_cognito_identity_pool_roles_attachment\" \"pool\" {\n");
        let mut pairs = vec![("identity_pool_id", format!("{POOL}.id"))];
        let defaults: Vec<(String, String)> = roles
            .roles
            .iter()
            .map(|(k, arn)| (k.clone(), role(arn)))
            .collect();
        pairs.push(("roles", string_map(&defaults, 2)));
        attributes(&mut out, 2, &pairs);
        for (provider, mapping) in &roles.role_mappings {
            out.push_str("\n  role_mapping {\n");
            let mut pairs = vec![
                ("identity_provider", s(provider)),
                ("type", s(&mapping.mapping_type)),
            ];
            if let Some(ambiguous) = &mapping.ambiguous_role_resolution {
                pairs.push(("ambiguous_role_resolution", s(ambiguous)));
            }
            attributes(&mut out, 4, &pairs);
            for rule in mapping.rules_configuration.iter().flat_map(|r| &r.rules) {
                out.push_str("\n    mapping_rule {\n");
                attributes(
                    &mut out,
                    6,
                    &[
                        ("claim", s(&rule.claim)),
                        ("match_type", s(&rule.match_type)),
                        ("value", s(&rule.value)),
                        ("role_arn", role(&rule.role_arn)),
                    ],
                );
                out.push_str("    }\n");
            }
            out.push_str("  }\n");
        }
        out.push_str("}\n\n");
        import(
            &mut imports,
            "aws_cognito_identity_pool_roles_attachment.pool",
            &pool.identity_pool_id,
        );
    }

    for (provider, tags) in &config.principal_tags {
        if !tags.use_defaults && tags.principal_tags.is_empty() {
            continue;
        }
        let name = names.unique(&format!("principal_tags_{}", snake(short(provider))), "_");
        out.push_str(&format!(
            "resource \"aws_cognito_identity_pool_provider_principal_tag\" \"{name}\" {{\n"
        ));
        let mapped: Vec<(String, String)> = tags
            .principal_tags
            .iter()
            .map(|(k, v)| (k.clone(), s(v)))
            .collect();
        let mut pairs = vec![
            ("identity_pool_id", format!("{POOL}.id")),
            ("identity_provider_name", s(provider)),
            ("use_defaults", tags.use_defaults.to_string()),
        ];
        if !mapped.is_empty() {
            pairs.push(("principal_tags", string_map(&mapped, 2)));
        }
        attributes(&mut out, 2, &pairs);
        out.push_str("}\n\n");
        import(
            &mut imports,
            &format!("aws_cognito_identity_pool_provider_principal_tag.{name}"),
            &format!("{}:{provider}", pool.identity_pool_id),
        );
    }
    out.push_str(&role_blocks);
    out.push_str(&imports);
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_never_start_a_template() {
        assert_eq!(s("a\"b${c}%{d}$e"), "\"a\\\"b$${c}%%{d}$e\"");
    }
}
