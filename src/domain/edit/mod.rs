//! One change an operator makes to a live pool, as data: applied to a fresh read it gives the
//! configuration to write, and it can be applied again to a newer read after a concurrent change.
//! Everything the edit does not name is carried over untouched.

use std::collections::BTreeMap;

mod fill;
mod provider;

pub use provider::ProviderRef;

use crate::domain::config::PoolConfig;
use crate::domain::pool::CognitoProvider;
use crate::domain::roles::{PrincipalTagMap, RoleMapping};

/// An edit of one section of a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Guest access on (with this guest role, or the current one) or off (the role stays set).
    GuestAccess {
        /// On or off.
        enabled: bool,
        /// The guest role to set, if it changes.
        role: Option<String>,
    },
    /// The default authenticated role (`None` removes it).
    AuthenticatedRole(Option<String>),
    /// A new name.
    Rename(String),
    /// Basic (classic) flow on or off.
    ClassicFlow(bool),
    /// Tags to add or change, and keys to remove.
    Tags {
        /// Key → value to set.
        set: BTreeMap<String, String>,
        /// Keys to remove.
        remove: Vec<String>,
    },
    /// Add a user pool app client, or change the one at `replacing` (its mapping and tags move with
    /// it).
    UserPool {
        /// The provider as it will be.
        provider: CognitoProvider,
        /// The (provider name, client id) it replaces, if any.
        replacing: Option<(String, String)>,
    },
    /// Add a social login or change its app id (`domain` → `app id`).
    Social {
        /// The domain.
        domain: String,
        /// The app id (Twitter: `key;secret`).
        app_id: String,
    },
    /// Add an OIDC provider ARN.
    AddOidc(String),
    /// Add a SAML provider ARN.
    AddSaml(String),
    /// A provider's role settings: a mapping, or `None` for the default authenticated role.
    Mapping {
        /// The provider.
        provider: ProviderRef,
        /// Its mapping.
        mapping: Option<RoleMapping>,
    },
    /// A provider's attributes for access control.
    PrincipalTags {
        /// The provider.
        provider: ProviderRef,
        /// The map (inactive: no defaults and no tags).
        map: PrincipalTagMap,
    },
    /// Remove a provider, with its role mapping and attributes for access control.
    Remove(ProviderRef),
    /// Put another IAM provider (OIDC or SAML) in the place of one the pool trusts; its mapping
    /// and attributes for access control move with it.
    ReplaceIamProvider {
        /// The provider replaced.
        old: ProviderRef,
        /// The new provider's ARN (of the same kind).
        new: String,
    },
    /// Several edits made as one save, in order (a provider added with its role settings and
    /// attributes for access control).
    Many(Vec<Edit>),
}

/// The stand-in for the ARN of a role still to be created, shown in the diff until CreateRole
/// answers with the real one.
pub fn new_role_placeholder(name: &str) -> String {
    format!("(new role {name})")
}

impl Edit {
    /// The providers whose attributes for access control this edit may change (read them fresh);
    /// a user pool still to be created has none to read.
    pub fn providers_read(&self) -> Vec<String> {
        let mut names = self.providers_named();
        names.retain(|name| !crate::domain::new_user_pool::is_placeholder(name));
        names
    }

    fn providers_named(&self) -> Vec<String> {
        match self {
            Edit::UserPool {
                provider,
                replacing,
            } => {
                let mut names = vec![provider.provider_name.clone()];
                if let Some((name, _)) = replacing
                    && *name != provider.provider_name
                {
                    names.push(name.clone());
                }
                names
            }
            Edit::Mapping { provider, .. }
            | Edit::PrincipalTags { provider, .. }
            | Edit::Remove(provider) => vec![provider.tag_provider()],
            Edit::ReplaceIamProvider { old, new } => vec![old.tag_provider(), new.clone()],
            Edit::Many(edits) => {
                let mut names: Vec<String> = Vec::new();
                for name in edits.iter().flat_map(Edit::providers_named) {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                names
            }
            _ => Vec::new(),
        }
    }

    /// The configuration after this edit, or why the edit no longer applies to it.
    pub fn apply(&self, config: &PoolConfig) -> Result<PoolConfig, String> {
        if let Edit::Many(edits) = self {
            return edits.iter().try_fold(config.clone(), |c, e| e.apply(&c));
        }
        let mut next = config.clone();
        let pool = &mut next.pool;
        match self {
            Edit::GuestAccess { enabled, role } => {
                pool.allow_unauthenticated_identities = *enabled;
                if let Some(role) = role {
                    next.roles
                        .roles
                        .insert("unauthenticated".into(), role.clone());
                }
            }
            Edit::AuthenticatedRole(role) => match role {
                Some(role) => {
                    next.roles
                        .roles
                        .insert("authenticated".into(), role.clone());
                }
                None => {
                    next.roles.roles.remove("authenticated");
                }
            },
            Edit::Rename(name) => pool.identity_pool_name.clone_from(name),
            Edit::ClassicFlow(on) => pool.allow_classic_flow = Some(*on),
            Edit::Tags { set, remove } => {
                for key in remove {
                    pool.identity_pool_tags.remove(key);
                }
                pool.identity_pool_tags
                    .extend(set.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            Edit::UserPool {
                provider,
                replacing,
            } => {
                let new = ProviderRef::UserPool {
                    provider_name: provider.provider_name.clone(),
                    client_id: provider.client_id.clone(),
                };
                match replacing {
                    Some((name, client)) => {
                        let Some(slot) = pool
                            .cognito_identity_providers
                            .iter_mut()
                            .find(|p| p.provider_name == *name && p.client_id == *client)
                        else {
                            return Err(format!(
                                "The pool no longer has the app client {client} of {name}"
                            ));
                        };
                        *slot = provider.clone();
                        let old = ProviderRef::UserPool {
                            provider_name: name.clone(),
                            client_id: client.clone(),
                        };
                        if let Some(mapping) = next.roles.role_mappings.remove(&old.mapping_key()) {
                            next.roles.role_mappings.insert(new.mapping_key(), mapping);
                        }
                        if *name != provider.provider_name
                            && let Some(map) = next.principal_tags.remove(name)
                        {
                            next.principal_tags
                                .insert(provider.provider_name.clone(), map);
                        }
                    }
                    None => {
                        if pool.cognito_identity_providers.iter().any(|p| {
                            p.provider_name == provider.provider_name
                                && p.client_id == provider.client_id
                        }) {
                            return Err(format!(
                                "The pool already has the app client {} of {}",
                                provider.client_id, provider.provider_name
                            ));
                        }
                        pool.cognito_identity_providers.push(provider.clone());
                    }
                }
            }
            Edit::Social { domain, app_id } => {
                pool.supported_login_providers
                    .insert(domain.clone(), app_id.clone());
            }
            Edit::AddOidc(arn) => {
                if pool.open_id_connect_provider_arns.contains(arn) {
                    return Err(format!("The pool already trusts {arn}"));
                }
                pool.open_id_connect_provider_arns.push(arn.clone());
            }
            Edit::AddSaml(arn) => {
                if pool.saml_provider_arns.contains(arn) {
                    return Err(format!("The pool already trusts {arn}"));
                }
                pool.saml_provider_arns.push(arn.clone());
            }
            Edit::Mapping { provider, mapping } => {
                if !pool.tag_providers().contains(&provider.tag_provider()) {
                    return Err(format!(
                        "The pool no longer has the provider {}",
                        provider.tag_provider()
                    ));
                }
                for key in provider.mapping_keys() {
                    next.roles.role_mappings.remove(&key);
                }
                if let Some(mapping) = mapping {
                    next.roles
                        .role_mappings
                        .insert(provider.mapping_key(), mapping.clone());
                }
            }
            Edit::PrincipalTags { provider, map } => {
                if !pool.tag_providers().contains(&provider.tag_provider()) {
                    return Err(format!(
                        "The pool no longer has the provider {}",
                        provider.tag_provider()
                    ));
                }
                next.principal_tags
                    .insert(provider.tag_provider(), map.clone());
            }
            Edit::ReplaceIamProvider { old, new } => {
                let (list, replacement) = match old {
                    ProviderRef::Oidc(_) => (
                        &mut pool.open_id_connect_provider_arns,
                        ProviderRef::Oidc(new.clone()),
                    ),
                    ProviderRef::Saml(_) => {
                        (&mut pool.saml_provider_arns, ProviderRef::Saml(new.clone()))
                    }
                    _ => return Err("Only OIDC and SAML providers are replaced by ARN".into()),
                };
                let old_arn = old.tag_provider();
                if list.contains(new) {
                    return Err(format!("The pool already trusts {new}"));
                }
                let Some(slot) = list.iter_mut().find(|a| **a == old_arn) else {
                    return Err(format!("The pool no longer has the provider {old_arn}"));
                };
                slot.clone_from(new);
                let mapping = old
                    .mapping_keys()
                    .iter()
                    .filter_map(|key| next.roles.role_mappings.remove(key))
                    .last();
                if let Some(mapping) = mapping {
                    next.roles
                        .role_mappings
                        .insert(replacement.mapping_key(), mapping);
                }
                if let Some(map) = next.principal_tags.remove(&old_arn) {
                    next.principal_tags.insert(new.clone(), map);
                }
            }
            Edit::Many(_) => {}
            Edit::Remove(provider) => {
                let had = pool.clone();
                match provider {
                    ProviderRef::UserPool {
                        provider_name,
                        client_id,
                    } => pool.cognito_identity_providers.retain(|p| {
                        !(p.provider_name == *provider_name && p.client_id == *client_id)
                    }),
                    ProviderRef::Social(domain) => {
                        pool.supported_login_providers.remove(domain);
                    }
                    ProviderRef::Oidc(arn) => {
                        pool.open_id_connect_provider_arns.retain(|a| a != arn)
                    }
                    ProviderRef::Saml(arn) => pool.saml_provider_arns.retain(|a| a != arn),
                }
                if *pool == had {
                    return Err(format!(
                        "The pool no longer has the provider {}",
                        provider.tag_provider()
                    ));
                }
                for key in provider.mapping_keys() {
                    next.roles.role_mappings.remove(&key);
                }
                // Another app client of the same user pool keeps the user pool's tag map.
                if !next.pool.tag_providers().contains(&provider.tag_provider()) {
                    next.principal_tags.remove(&provider.tag_provider());
                }
            }
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::config::diff;

    const UP: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc";

    fn config() -> PoolConfig {
        let mut config = PoolConfig::default();
        config.pool.identity_pool_name = "p".into();
        config
            .pool
            .cognito_identity_providers
            .push(CognitoProvider {
                provider_name: UP.into(),
                client_id: "c1".into(),
                server_side_token_check: true,
            });
        config
            .pool
            .supported_login_providers
            .insert("accounts.google.com".into(), "g.apps".into());
        config
            .pool
            .open_id_connect_provider_arns
            .push("arn:aws:iam::123456789012:oidc-provider/login.example.com".into());
        config.roles.role_mappings.insert(
            format!("{UP}:c1"),
            RoleMapping {
                mapping_type: "Token".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: None,
            },
        );
        config.principal_tags.insert(
            UP.into(),
            PrincipalTagMap {
                use_defaults: true,
                principal_tags: BTreeMap::new(),
            },
        );
        config
    }

    fn fields_changed(edit: &Edit) -> Vec<String> {
        let before = config();
        let after = edit.apply(&before).unwrap_or_else(|e| panic!("{e}"));
        diff(&before, &after).into_iter().map(|c| c.field).collect()
    }

    #[test]
    fn an_edit_changes_its_fields_and_nothing_else() {
        assert_eq!(
            fields_changed(&Edit::GuestAccess {
                enabled: true,
                role: Some("arn:aws:iam::1:role/g".into())
            }),
            vec!["Guest access", "Guest role"]
        );
        assert_eq!(fields_changed(&Edit::Rename("q".into())), vec!["Name"]);
        assert_eq!(
            fields_changed(&Edit::Social {
                domain: "accounts.google.com".into(),
                app_id: "other".into()
            }),
            vec!["Login provider accounts.google.com"]
        );
    }

    #[test]
    fn a_new_client_takes_the_old_ones_mapping_and_tags() {
        let edit = Edit::UserPool {
            provider: CognitoProvider {
                provider_name: UP.into(),
                client_id: "c2".into(),
                server_side_token_check: true,
            },
            replacing: Some((UP.into(), "c1".into())),
        };
        let after = edit.apply(&config()).unwrap_or_else(|e| panic!("{e}"));
        assert!(after.roles.role_mappings.contains_key(&format!("{UP}:c2")));
        assert!(!after.roles.role_mappings.contains_key(&format!("{UP}:c1")));
        assert_eq!(after.principal_tags, config().principal_tags);
    }

    #[test]
    fn removing_a_provider_takes_its_mapping_and_tags_and_keeps_the_rest() {
        let edit = Edit::Remove(ProviderRef::UserPool {
            provider_name: UP.into(),
            client_id: "c1".into(),
        });
        let after = edit.apply(&config()).unwrap_or_else(|e| panic!("{e}"));
        assert!(after.pool.cognito_identity_providers.is_empty());
        assert!(after.roles.role_mappings.is_empty());
        assert!(after.principal_tags.is_empty());
        assert_eq!(
            after.pool.supported_login_providers,
            config().pool.supported_login_providers
        );
        assert_eq!(
            after.pool.open_id_connect_provider_arns,
            config().pool.open_id_connect_provider_arns
        );
        assert!(edit.apply(&after).is_err(), "it is gone: nothing to remove");
    }

    #[test]
    fn oidc_mappings_are_keyed_by_host() {
        let provider =
            ProviderRef::Oidc("arn:aws:iam::123456789012:oidc-provider/login.example.com".into());
        assert_eq!(provider.mapping_key(), "login.example.com");
        let edit = Edit::Mapping {
            provider,
            mapping: Some(RoleMapping {
                mapping_type: "Token".into(),
                ambiguous_role_resolution: Some("AuthenticatedRole".into()),
                rules_configuration: None,
            }),
        };
        let after = edit.apply(&config()).unwrap_or_else(|e| panic!("{e}"));
        assert!(after.roles.role_mappings.contains_key("login.example.com"));
    }
}
