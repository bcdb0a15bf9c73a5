//! One line per thing the User access tab shows: a provider's ids, its role settings, its
//! attributes for access control, a default role. Secrets are masked.

use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::roles::role_name;
use crate::view::widgets::mask_secret;
use crate::wizard::scoped::source_of;

/// The kind of a provider, as the table's first column.
pub fn kind(provider: &ProviderRef) -> String {
    match provider {
        ProviderRef::UserPool { .. } => "User pool".into(),
        ProviderRef::Oidc(_) => "OIDC".into(),
        ProviderRef::Saml(_) => "SAML".into(),
        social => source_of(social).to_string(),
    }
}

/// The ids a provider needs, in one line (Twitter's secret masked).
pub fn ids(config: &PoolConfig, provider: &ProviderRef) -> String {
    match provider {
        ProviderRef::UserPool {
            provider_name,
            client_id,
        } => {
            let check = config
                .pool
                .cognito_identity_providers
                .iter()
                .find(|p| p.provider_name == *provider_name && p.client_id == *client_id)
                .is_some_and(|p| p.server_side_token_check);
            let pool = provider_name.rsplit('/').next().unwrap_or(provider_name);
            format!(
                "{pool} · client {client_id} · token check {}",
                if check { "on" } else { "off" }
            )
        }
        ProviderRef::Social(domain) => {
            let value = config
                .pool
                .supported_login_providers
                .get(domain)
                .cloned()
                .unwrap_or_default();
            match value.split_once(';') {
                Some((key, secret)) if domain == "api.twitter.com" => {
                    format!("key {key} · secret {}", mask_secret(secret))
                }
                _ => format!("app id {value}"),
            }
        }
        ProviderRef::Oidc(arn) | ProviderRef::Saml(arn) => arn.clone(),
    }
}

/// A provider's role settings in one line.
pub fn role_settings(config: &PoolConfig, provider: &ProviderRef) -> String {
    let mapping = config
        .roles
        .role_mappings
        .get(&provider.mapping_key())
        .or_else(|| config.roles.role_mappings.get(&provider.tag_provider()));
    let Some(mapping) = mapping else {
        return "default authenticated role".into();
    };
    let resolution = match mapping.ambiguous_role_resolution.as_deref() {
        Some("Deny") => "no match: deny",
        _ => "no match: authenticated role",
    };
    if mapping.mapping_type == "Token" {
        return format!("preferred_role in tokens · {resolution}");
    }
    let rules: Vec<String> = mapping
        .rules_configuration
        .iter()
        .flat_map(|c| c.rules.iter())
        .map(|r| {
            format!(
                "{} {} {} → {}",
                r.claim,
                r.match_type,
                r.value,
                role_name(&r.role_arn)
            )
        })
        .collect();
    format!("rules: {} · {resolution}", rules.join("; "))
}

/// A provider's attributes for access control in one line.
pub fn attributes(config: &PoolConfig, provider: &ProviderRef) -> String {
    match config.principal_tags.get(&provider.tag_provider()) {
        None => "inactive".into(),
        Some(map) if map.use_defaults => "default mappings".into(),
        Some(map) if map.principal_tags.is_empty() => "inactive".into(),
        Some(map) => map
            .principal_tags
            .iter()
            .map(|(tag, claim)| format!("{tag}←{claim}"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A default role (`authenticated` / `unauthenticated`) as "name (ARN)", or that there is none.
pub fn default_role(config: &PoolConfig, key: &str) -> String {
    match config.roles.roles.get(key) {
        Some(arn) => format!("{} ({arn})", role_name(arn)),
        None => "no role set".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::{MappingRule, RoleMapping, RulesConfiguration};

    #[test]
    fn twitter_secrets_are_masked_and_rules_read_in_order() {
        let mut config = PoolConfig::default();
        config
            .pool
            .supported_login_providers
            .insert("api.twitter.com".into(), "key1;s3cr3t".into());
        let twitter = ProviderRef::Social("api.twitter.com".into());
        let line = ids(&config, &twitter);
        assert!(!line.contains("s3cr3t"), "{line}");
        assert!(line.contains("key1"), "{line}");
        config.roles.role_mappings.insert(
            "api.twitter.com".into(),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: Some(RulesConfiguration {
                    rules: vec![
                        MappingRule {
                            claim: "a".into(),
                            match_type: "Equals".into(),
                            value: "1".into(),
                            role_arn: "arn:aws:iam::1:role/first".into(),
                        },
                        MappingRule {
                            claim: "b".into(),
                            match_type: "Contains".into(),
                            value: "2".into(),
                            role_arn: "arn:aws:iam::1:role/second".into(),
                        },
                    ],
                }),
            },
        );
        assert_eq!(
            role_settings(&config, &twitter),
            "rules: a Equals 1 → first; b Contains 2 → second · no match: deny"
        );
        assert_eq!(attributes(&config, &twitter), "inactive");
    }
}
