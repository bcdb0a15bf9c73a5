//! The wizard's draft turned into exactly the requests that create the pool: what the console's
//! "Create identity pool" sends, in the service's shapes.

use std::collections::BTreeMap;

use super::draft::{Draft, RoleMode, RoleSetting, RuleRole, TagMode};
use super::source::Source;
use crate::domain::policy::Audience;
use crate::domain::roles::{
    MATCH_TYPES, MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration,
};
use crate::domain::{CognitoProvider, IdentityPool};

pub use crate::domain::policy::NewRole;

/// A role as the plan knows it: one it creates, or an existing ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleRef {
    /// Created by this plan; its ARN comes back from CreateRole.
    New(Audience),
    /// Already in the account.
    Arn(String),
}

/// One rule, with its role possibly still to be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRule {
    /// The claim.
    pub claim: String,
    /// Equals, Contains, StartsWith or NotEqual.
    pub match_type: String,
    /// The value.
    pub value: String,
    /// The role.
    pub role: RoleRef,
}

/// One provider's role mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedMapping {
    /// The provider key (`cognito-idp.<r>.amazonaws.com/<pool>:<client>`, a domain, …).
    pub key: String,
    /// `Rules` or `Token`.
    pub mapping_type: &'static str,
    /// Deny when nothing matches (else the authenticated role).
    pub deny: bool,
    /// The rules, for `Rules`.
    pub rules: Vec<PlannedRule>,
}

impl PlannedMapping {
    /// The service's shape, with each rule's role resolved (None while one is unknown).
    pub fn to_mapping(&self, resolve: &impl Fn(&RoleRef) -> Option<String>) -> Option<RoleMapping> {
        let rules = self
            .rules
            .iter()
            .map(|r| {
                Some(MappingRule {
                    claim: r.claim.clone(),
                    match_type: r.match_type.clone(),
                    value: r.value.clone(),
                    role_arn: resolve(&r.role)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(RoleMapping {
            mapping_type: self.mapping_type.to_string(),
            ambiguous_role_resolution: Some(
                if self.deny {
                    "Deny"
                } else {
                    "AuthenticatedRole"
                }
                .to_string(),
            ),
            rules_configuration: (self.mapping_type == "Rules")
                .then_some(RulesConfiguration { rules }),
        })
    }
}

/// Everything to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// CreateIdentityPool's input (the id is empty until created).
    pub pool: IdentityPool,
    /// Roles to create, with their trust policies made once the pool id is known.
    pub new_roles: Vec<NewRole>,
    /// `authenticated` / `unauthenticated` → role.
    pub default_roles: Vec<(&'static str, RoleRef)>,
    /// Role mappings by provider.
    pub mappings: Vec<PlannedMapping>,
    /// Attributes for access control by provider name.
    pub principal_tags: Vec<(String, PrincipalTagMap)>,
    /// The user pool and app client to create first, when the draft asks for new ones.
    pub new_user_pool: Option<super::new_user_pool::NewUserPoolPlan>,
}

pub use crate::domain::new_user_pool::user_pool_provider_name;

/// The user pool provider's name and app client id: the draft's, or placeholders for the user
/// pool and client the run creates first (replaced once they exist, `Plan::with_user_pool`).
fn user_pool_names(draft: &Draft) -> (String, String) {
    use super::new_user_pool::{NEW_CLIENT, NEW_USER_POOL};
    if draft.new_user_pool.create {
        (NEW_USER_POOL.to_string(), NEW_CLIENT.to_string())
    } else {
        (
            user_pool_provider_name(draft.user_pool_id.value()),
            draft.client_id.value().to_string(),
        )
    }
}

/// The role-mapping key of a source (None for developer identities, which have no mapping).
fn mapping_key(draft: &Draft, source: Source) -> Option<String> {
    match source {
        Source::UserPool => {
            let (provider, client) = user_pool_names(draft);
            Some(format!("{provider}:{client}"))
        }
        Source::Oidc(_) => draft.arns.get(&source).map(|arn| {
            arn.split_once(":oidc-provider/")
                .map_or(arn.as_str(), |(_, host)| host)
                .to_string()
        }),
        Source::Saml(_) => draft.arns.get(&source).cloned(),
        Source::Developer => None,
        social => social.login_key().map(String::from),
    }
}

/// The provider name principal tags are set for.
fn tag_provider(draft: &Draft, source: Source) -> Option<String> {
    match source {
        Source::UserPool => Some(user_pool_names(draft).0),
        Source::Oidc(_) | Source::Saml(_) => draft.arns.get(&source).cloned(),
        Source::Developer => None,
        social => social.login_key().map(String::from),
    }
}

fn pool(draft: &Draft) -> IdentityPool {
    let mut pool = IdentityPool {
        identity_pool_name: draft.name.value().to_string(),
        allow_unauthenticated_identities: draft.guest,
        allow_classic_flow: Some(draft.classic_flow),
        identity_pool_tags: draft
            .tags
            .iter()
            .map(|(k, v)| (k.value().to_string(), v.value().to_string()))
            .collect(),
        ..Default::default()
    };
    for source in draft.active_sources() {
        match source {
            Source::UserPool => {
                let (provider_name, client_id) = user_pool_names(draft);
                pool.cognito_identity_providers.push(CognitoProvider {
                    provider_name,
                    client_id,
                    server_side_token_check: draft.server_side_check,
                });
            }
            Source::Oidc(_) => pool
                .open_id_connect_provider_arns
                .extend(draft.arns.get(&source).cloned()),
            Source::Saml(_) => pool
                .saml_provider_arns
                .extend(draft.arns.get(&source).cloned()),
            Source::Developer => {
                pool.developer_provider_name = Some(draft.developer_name.value().to_string());
            }
            social => {
                let id = draft
                    .app_ids
                    .get(&social)
                    .map(|i| i.value())
                    .unwrap_or_default();
                let value = if social == Source::Twitter {
                    format!("{id};{}", draft.twitter_secret.0.value())
                } else {
                    id.to_string()
                };
                if let Some(key) = social.login_key() {
                    pool.supported_login_providers
                        .insert(key.to_string(), value);
                }
            }
        }
    }
    pool
}

impl Plan {
    /// The plan for a draft whose steps are all valid.
    pub fn from_draft(draft: &Draft) -> Plan {
        let mut new_roles = Vec::new();
        let mut default_roles = Vec::new();
        for audience in draft.audiences() {
            let role = draft.role(audience);
            let key = match audience {
                Audience::Authenticated => "authenticated",
                Audience::Guest => "unauthenticated",
            };
            match (role.mode, &role.existing) {
                (RoleMode::Existing, Some(existing)) => {
                    default_roles.push((key, RoleRef::Arn(existing.arn.clone())));
                }
                _ => {
                    new_roles.push(NewRole {
                        audience,
                        name: role.new_name.value().to_string(),
                        tag_session: audience == Audience::Authenticated
                            && draft.uses_principal_tags(),
                    });
                    default_roles.push((key, RoleRef::New(audience)));
                }
            }
        }
        let mut mappings = Vec::new();
        let mut principal_tags = Vec::new();
        for source in draft.active_sources() {
            let provider = draft.provider(source);
            if source.has_role_settings()
                && provider.role != RoleSetting::Default
                && let Some(key) = mapping_key(draft, source)
            {
                let rules = if provider.role == RoleSetting::Rules {
                    provider
                        .rules
                        .iter()
                        .map(|r| PlannedRule {
                            claim: r.claim.value().to_string(),
                            match_type: MATCH_TYPES
                                .get(r.operator)
                                .copied()
                                .unwrap_or("Equals")
                                .to_string(),
                            value: r.value.value().to_string(),
                            role: match &r.role {
                                Some(RuleRole::Existing(role)) => RoleRef::Arn(role.arn.clone()),
                                _ => RoleRef::New(Audience::Authenticated),
                            },
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                mappings.push(PlannedMapping {
                    key,
                    mapping_type: if provider.role == RoleSetting::Rules {
                        "Rules"
                    } else {
                        "Token"
                    },
                    deny: provider.deny_unmatched,
                    rules,
                });
            }
            if source.has_access_control()
                && provider.sets_tags()
                && let Some(name) = tag_provider(draft, source)
            {
                let map = PrincipalTagMap {
                    use_defaults: provider.tags == TagMode::Defaults,
                    principal_tags: if provider.tags == TagMode::Custom {
                        provider
                            .custom_tags
                            .iter()
                            .map(|(k, c)| (k.value().to_string(), c.value().to_string()))
                            .collect()
                    } else {
                        BTreeMap::new()
                    },
                };
                principal_tags.push((name, map));
            }
        }
        Plan {
            pool: pool(draft),
            new_roles,
            default_roles,
            mappings,
            principal_tags,
            new_user_pool: (draft.new_user_pool.create
                && draft.active_sources().contains(&Source::UserPool))
            .then(|| draft.new_user_pool.plan()),
        }
    }

    /// The plan with the new user pool's and client's real ids where it had placeholders.
    pub fn with_user_pool(&self, user_pool_id: &str, client_id: &str) -> Plan {
        let provider = user_pool_provider_name(user_pool_id);
        let fill = |text: &str| {
            crate::domain::new_user_pool::fill_placeholders(text, &provider, client_id)
        };
        let mut plan = self.clone();
        for p in &mut plan.pool.cognito_identity_providers {
            p.provider_name = fill(&p.provider_name);
            p.client_id = fill(&p.client_id);
        }
        for m in &mut plan.mappings {
            m.key = fill(&m.key);
        }
        for (name, _) in &mut plan.principal_tags {
            *name = fill(name);
        }
        plan
    }

    /// SetIdentityPoolRoles' `Roles` and `RoleMappings`, with the new roles' ARNs filled in;
    /// None while a new role's ARN is unknown.
    pub fn roles_request(
        &self,
        arns: &BTreeMap<Audience, String>,
    ) -> Option<(BTreeMap<String, String>, BTreeMap<String, RoleMapping>)> {
        let resolve = |role: &RoleRef| match role {
            RoleRef::New(audience) => arns.get(audience).cloned(),
            RoleRef::Arn(arn) => Some(arn.clone()),
        };
        let mut roles = BTreeMap::new();
        for (key, role) in &self.default_roles {
            roles.insert(key.to_string(), resolve(role)?);
        }
        let mut mappings = BTreeMap::new();
        for mapping in &self.mappings {
            mappings.insert(mapping.key.clone(), mapping.to_mapping(&resolve)?);
        }
        Some((roles, mappings))
    }
}
