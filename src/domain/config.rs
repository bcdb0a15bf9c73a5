//! Everything a save can replace, as one value, and the field-level difference between two of them.
//! UpdateIdentityPool and SetIdentityPoolRoles replace whole configurations, so every save reads this
//! fresh, applies the edit to it, shows [`diff`] of the two, and compares again before and after
//! writing.

use std::collections::BTreeMap;

use super::pool::IdentityPool;
use super::provider::ProviderKind;
use super::roles::{PoolRoles, PrincipalTagMap, RoleMapping};

/// A pool's configuration as the service holds it: the pool (with its tags), its roles and role
/// mappings, and the attributes for access control of the providers that were read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoolConfig {
    /// DescribeIdentityPool.
    pub pool: IdentityPool,
    /// GetIdentityPoolRoles.
    pub roles: PoolRoles,
    /// GetPrincipalTagAttributeMap, by provider name, for the providers read.
    pub principal_tags: BTreeMap<String, PrincipalTagMap>,
}

/// One field that differs: its name, and its value before and after (`—` when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// What the field is ("Guest access", "Role mapping of accounts.google.com: rule 1").
    pub field: String,
    /// Its value before.
    pub before: String,
    /// Its value after.
    pub after: String,
}

impl std::fmt::Display for FieldChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.field, self.before, self.after)
    }
}

/// What is shown for a field that is not there.
pub const ABSENT: &str = "—";

fn on_off(on: bool) -> String {
    if on { "on" } else { "off" }.to_string()
}

/// A social login's value for display: Twitter's `key;secret` keeps the key and hides the secret.
fn login_value(domain: &str, value: &str) -> String {
    match value.split_once(';') {
        Some((key, secret)) if Some(domain) == ProviderKind::Twitter.login_key() => {
            format!("{key};{}", "•".repeat(secret.chars().count().clamp(1, 12)))
        }
        _ => value.to_string(),
    }
}

fn mapping_fields(key: &str, mapping: &RoleMapping, out: &mut Vec<(String, String)>) {
    let name = format!("Role mapping of {key}");
    out.push((format!("{name}: type"), mapping.mapping_type.clone()));
    out.push((
        format!("{name}: when no rule matches"),
        mapping
            .ambiguous_role_resolution
            .clone()
            .unwrap_or_else(|| ABSENT.to_string()),
    ));
    let rules = mapping
        .rules_configuration
        .as_ref()
        .map(|c| c.rules.as_slice())
        .unwrap_or_default();
    for (i, rule) in rules.iter().enumerate() {
        out.push((
            format!("{name}: rule {}", i + 1),
            format!(
                "{} {} \"{}\" → {}",
                rule.claim, rule.match_type, rule.value, rule.role_arn
            ),
        ));
    }
}

/// Every field of a configuration, in the console's order, as (field, shown value).
pub fn fields(config: &PoolConfig) -> Vec<(String, String)> {
    let pool = &config.pool;
    let mut out = vec![
        ("Name".to_string(), pool.identity_pool_name.clone()),
        (
            "Guest access".to_string(),
            on_off(pool.allow_unauthenticated_identities),
        ),
        (
            "Basic (classic) flow".to_string(),
            pool.allow_classic_flow
                .map_or_else(|| "not set".to_string(), on_off),
        ),
    ];
    // One entry per app client: a pool may trust several clients of one user pool, and adding one
    // must not read as changing another.
    for provider in &pool.cognito_identity_providers {
        let name = format!(
            "User pool provider {}, app client {}",
            provider.provider_name, provider.client_id
        );
        out.push((
            format!("{name}: server-side token check"),
            on_off(provider.server_side_token_check),
        ));
    }
    for (domain, value) in &pool.supported_login_providers {
        out.push((
            format!("Login provider {domain}"),
            login_value(domain, value),
        ));
    }
    for arn in &pool.open_id_connect_provider_arns {
        out.push((
            format!("OpenID Connect provider {arn}"),
            "configured".into(),
        ));
    }
    for arn in &pool.saml_provider_arns {
        out.push((format!("SAML provider {arn}"), "configured".into()));
    }
    if let Some(name) = &pool.developer_provider_name {
        out.push(("Developer provider".to_string(), name.clone()));
    }
    for (audience, label) in [
        ("authenticated", "Authenticated role"),
        ("unauthenticated", "Guest role"),
    ] {
        if let Some(arn) = config.roles.roles.get(audience) {
            out.push((label.to_string(), arn.clone()));
        }
    }
    for (key, mapping) in &config.roles.role_mappings {
        mapping_fields(key, mapping, &mut out);
    }
    for (provider, map) in &config.principal_tags {
        let name = format!("Attributes for access control of {provider}");
        out.push((
            format!("{name}: default mappings"),
            on_off(map.use_defaults),
        ));
        for (tag, claim) in &map.principal_tags {
            out.push((format!("{name}: tag {tag}"), claim.clone()));
        }
    }
    for (key, value) in &pool.identity_pool_tags {
        out.push((format!("Tag {key}"), value.clone()));
    }
    out
}

/// The fields that differ between `before` and `after`, in the console's order (fields that only
/// `after` has come where `after` puts them).
pub fn diff(before: &PoolConfig, after: &PoolConfig) -> Vec<FieldChange> {
    let old = fields(before);
    let new = fields(after);
    let new_by_field: BTreeMap<&str, &str> =
        new.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
    let old_by_field: BTreeMap<&str, &str> =
        old.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
    let mut changes = Vec::new();
    for (field, value) in &old {
        match new_by_field.get(field.as_str()) {
            Some(now) if *now == value => {}
            now => changes.push(FieldChange {
                field: field.clone(),
                before: value.clone(),
                after: now.map_or_else(|| ABSENT.to_string(), |v| v.to_string()),
            }),
        }
    }
    for (field, value) in &new {
        if !old_by_field.contains_key(field.as_str()) {
            changes.push(FieldChange {
                field: field.clone(),
                before: ABSENT.to_string(),
                after: value.clone(),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pool::CognitoProvider;
    use crate::domain::roles::{MappingRule, RulesConfiguration};

    fn sample() -> PoolConfig {
        let mut pool = IdentityPool {
            identity_pool_id: "us-east-1:00000000-0000-4000-8000-000000000001".into(),
            identity_pool_name: "orders".into(),
            allow_unauthenticated_identities: true,
            allow_classic_flow: Some(false),
            ..Default::default()
        };
        pool.cognito_identity_providers.push(CognitoProvider {
            provider_name: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc".into(),
            client_id: "client1".into(),
            server_side_token_check: false,
        });
        pool.supported_login_providers
            .insert("api.twitter.com".into(), "key1;secret-secret".into());
        pool.identity_pool_tags.insert("env".into(), "prod".into());
        let mut roles = PoolRoles::default();
        roles
            .roles
            .insert("authenticated".into(), "arn:aws:iam::1:role/auth".into());
        roles.role_mappings.insert(
            "graph.facebook.com".into(),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: Some(RulesConfiguration {
                    rules: vec![MappingRule {
                        claim: "sub".into(),
                        match_type: "Equals".into(),
                        value: "x".into(),
                        role_arn: "arn:aws:iam::1:role/x".into(),
                    }],
                }),
            },
        );
        PoolConfig {
            pool,
            roles,
            principal_tags: BTreeMap::new(),
        }
    }

    #[test]
    fn the_same_configuration_has_no_difference() {
        assert_eq!(diff(&sample(), &sample()), Vec::new());
    }

    #[test]
    fn each_changed_field_is_one_line_with_before_and_after() {
        let before = sample();
        let mut after = sample();
        after.pool.allow_unauthenticated_identities = false;
        after.pool.cognito_identity_providers[0].server_side_token_check = true;
        after
            .roles
            .roles
            .insert("unauthenticated".into(), "arn:aws:iam::1:role/guest".into());
        after.pool.identity_pool_tags.remove("env");
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            vec![
                "Guest access: on → off",
                "User pool provider cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc, app client client1: server-side token check: off → on",
                "Tag env: prod → —",
                "Guest role: — → arn:aws:iam::1:role/guest",
            ]
        );
    }

    #[test]
    fn a_second_app_client_of_one_user_pool_reads_as_added_not_as_a_change() {
        let before = sample();
        let mut after = sample();
        let mut second = after.pool.cognito_identity_providers[0].clone();
        second.client_id = "client2".into();
        after.pool.cognito_identity_providers.push(second);
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            vec![
                "User pool provider cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc, app client client2: server-side token check: — → off"
            ]
        );
    }

    #[test]
    fn rules_are_compared_in_order_and_secrets_stay_hidden() {
        let before = sample();
        let mut after = sample();
        if let Some(rules) = after
            .roles
            .role_mappings
            .get_mut("graph.facebook.com")
            .and_then(|m| m.rules_configuration.as_mut())
        {
            rules.rules.push(MappingRule {
                claim: "aud".into(),
                match_type: "StartsWith".into(),
                value: "y".into(),
                role_arn: "arn:aws:iam::1:role/y".into(),
            });
            rules.rules.swap(0, 1);
        }
        after
            .pool
            .supported_login_providers
            .insert("api.twitter.com".into(), "key2;other".into());
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            vec![
                "Login provider api.twitter.com: key1;•••••••••••• → key2;•••••",
                "Role mapping of graph.facebook.com: rule 1: sub Equals \"x\" → arn:aws:iam::1:role/x → aud StartsWith \"y\" → arn:aws:iam::1:role/y",
                "Role mapping of graph.facebook.com: rule 2: — → sub Equals \"x\" → arn:aws:iam::1:role/x",
            ]
        );
        assert!(!lines.iter().any(|l| l.contains("secret")));
    }
}
