//! A live pool's configuration as the wizard's draft, for one section's form.

use tui_input::Input;

use super::{EditScope, Section, source_of};
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::roles::{IamRole, MATCH_TYPES, role_name};
use crate::wizard::draft::{
    Draft, ProviderDraft, RoleDraft, RoleMode, RoleSetting, RuleDraft, RuleRole, SecretInput,
    TagMode,
};
use crate::wizard::source::Source;

/// A role the pool names by ARN (its trust policy is filled in once the account's roles are
/// listed).
fn role_by_arn(arn: &str) -> IamRole {
    IamRole {
        name: role_name(arn).to_string(),
        arn: arn.to_string(),
        trust_policy: String::new(),
    }
}

fn input(value: &str) -> Input {
    Input::new(value.to_string())
}

/// The default role of `key` (`authenticated` / `unauthenticated`) as the form's role choice; a
/// pool without one offers a new role named after the pool.
fn role_draft(config: &PoolConfig, key: &str, suffix: &str) -> RoleDraft {
    match config.roles.roles.get(key) {
        Some(arn) => RoleDraft {
            mode: RoleMode::Existing,
            new_name: input(&suggested_name(config, suffix)),
            existing: Some(role_by_arn(arn)),
        },
        None => RoleDraft {
            mode: RoleMode::New,
            new_name: input(&suggested_name(config, suffix)),
            existing: None,
        },
    }
}

/// A role name from the pool's name (IAM's characters only), as the console suggests.
fn suggested_name(config: &PoolConfig, suffix: &str) -> String {
    let base: String = config
        .pool
        .identity_pool_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(*c))
        .take(40)
        .collect();
    format!("{base}_{suffix}")
}

/// The draft a section's form starts from.
pub fn draft_for(scope: &EditScope) -> Draft {
    let config = &scope.base;
    let mut draft = Draft {
        authenticated: true,
        guest: config.pool.allow_unauthenticated_identities,
        auth_role: role_draft(config, "authenticated", "authenticated_role"),
        guest_role: role_draft(config, "unauthenticated", "guest_role"),
        name: input(&config.pool.identity_pool_name),
        classic_flow: config.pool.allow_classic_flow.unwrap_or(false),
        tags: config
            .pool
            .identity_pool_tags
            .iter()
            .map(|(k, v)| (input(k), input(v)))
            .collect(),
        ..Draft::default()
    };
    // Rules name existing roles only: the authenticated role is not being created here.
    if !matches!(scope.section, Section::Authenticated) {
        draft.auth_role.mode = RoleMode::Existing;
    }
    match &scope.section {
        Section::ProviderInfo(p) | Section::RoleSettings(p) | Section::Attributes(p) => {
            let source = source_of(p);
            draft.sources.insert(source);
            fill_ids(&mut draft, config, p);
            draft.providers.insert(source, provider_draft(config, p));
        }
        Section::AddProvider(source) => {
            draft.sources.insert(*source);
            draft.server_side_check = true;
        }
        _ => {}
    }
    draft
}

fn fill_ids(draft: &mut Draft, config: &PoolConfig, provider: &ProviderRef) {
    match provider {
        ProviderRef::UserPool {
            provider_name,
            client_id,
        } => {
            let user_pool = provider_name.rsplit('/').next().unwrap_or(provider_name);
            draft.user_pool_id = input(user_pool);
            draft.client_id = input(client_id);
            draft.server_side_check = config
                .pool
                .cognito_identity_providers
                .iter()
                .find(|p| p.provider_name == *provider_name && p.client_id == *client_id)
                .is_some_and(|p| p.server_side_token_check);
        }
        ProviderRef::Social(domain) => {
            let source = source_of(provider);
            let value = config
                .pool
                .supported_login_providers
                .get(domain)
                .cloned()
                .unwrap_or_default();
            if source == Source::Twitter {
                let (key, secret) = value.split_once(';').unwrap_or((&value, ""));
                draft.app_ids.insert(source, input(key));
                draft.twitter_secret = SecretInput(input(secret));
            } else {
                draft.app_ids.insert(source, input(&value));
            }
        }
        ProviderRef::Oidc(arn) => {
            draft.arns.insert(Source::Oidc(0), arn.clone());
        }
        ProviderRef::Saml(arn) => {
            draft.arns.insert(Source::Saml(0), arn.clone());
        }
    }
}

/// A provider's role mapping and attributes for access control as the form's choices.
fn provider_draft(config: &PoolConfig, provider: &ProviderRef) -> ProviderDraft {
    let mut draft = ProviderDraft::default();
    let mapping = config
        .roles
        .role_mappings
        .get(&provider.mapping_key())
        .or_else(|| config.roles.role_mappings.get(&provider.tag_provider()));
    if let Some(mapping) = mapping {
        draft.role = if mapping.mapping_type == "Rules" {
            RoleSetting::Rules
        } else {
            RoleSetting::Token
        };
        draft.deny_unmatched = mapping.ambiguous_role_resolution.as_deref() == Some("Deny");
        draft.rules = mapping
            .rules_configuration
            .iter()
            .flat_map(|c| c.rules.iter())
            .map(|rule| RuleDraft {
                claim: input(&rule.claim),
                operator: MATCH_TYPES
                    .iter()
                    .position(|m| *m == rule.match_type)
                    .unwrap_or(0),
                value: input(&rule.value),
                role: Some(RuleRole::Existing(role_by_arn(&rule.role_arn))),
            })
            .collect();
    }
    if let Some(map) = config.principal_tags.get(&provider.tag_provider()) {
        if map.use_defaults {
            draft.tags = TagMode::Defaults;
        } else if !map.principal_tags.is_empty() {
            draft.tags = TagMode::Custom;
            draft.custom_tags = map
                .principal_tags
                .iter()
                .map(|(k, c)| (input(k), input(c)))
                .collect();
        }
    }
    draft
}
