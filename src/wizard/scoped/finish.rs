//! A section's form turned into the [`Edit`] a safe save applies, with the role to create first
//! when the form asks for a new one.

use std::collections::BTreeMap;

use super::{EditScope, Section, rows, source_of};
use crate::domain::edit::{Edit, ProviderRef, new_role_placeholder};
use crate::domain::new_user_pool::{NEW_CLIENT, NEW_USER_POOL};
use crate::domain::policy::{Audience, NewRole};
use crate::domain::roles::PrincipalTagMap;
use crate::wizard::draft::{Draft, RoleMode};
use crate::wizard::fields::{Context, problems};
use crate::wizard::plan::{Plan, RoleRef};
use crate::wizard::source::Source;

/// What a finished form saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// The edit.
    pub edit: Edit,
    /// A role to create first (the edit names it by its placeholder).
    pub new_role: Option<NewRole>,
    /// A user pool and app client to create first (the edit names them by placeholders).
    pub new_user_pool: Option<crate::domain::new_user_pool::NewUserPoolPlan>,
    /// What the review should say beside the diff.
    pub note: Option<String>,
}

impl Finished {
    fn edit(edit: Edit) -> Self {
        Self {
            edit,
            new_role: None,
            new_user_pool: None,
            note: None,
        }
    }

    /// Guest access off, with what that means for existing guests.
    pub fn guest_off() -> Self {
        Self {
            edit: Edit::GuestAccess {
                enabled: false,
                role: None,
            },
            new_role: None,
            new_user_pool: None,
            note: Some("Existing guest identities stop getting credentials.".into()),
        }
    }

    /// Whether the edit changes the id users of a provider sign in through (app id, app client,
    /// provider ARN).
    pub fn changes_provider_id(&self) -> bool {
        match &self.edit {
            Edit::UserPool {
                provider,
                replacing: Some((name, client)),
            } => provider.provider_name != *name || provider.client_id != *client,
            Edit::Social { .. } | Edit::ReplaceIamProvider { .. } => true,
            _ => false,
        }
    }
}

/// The edit of a valid form, or the first problem that keeps it from being saved.
pub fn checked(scope: &EditScope, draft: &Draft, context: Context<'_>) -> Result<Finished, String> {
    let rows = rows(scope, draft, context);
    match problems(&rows).into_iter().next() {
        Some(problem) => Err(problem),
        None => finish(scope, draft),
    }
}

/// The edit the form describes (validation aside: see [`checked`]).
pub fn finish(scope: &EditScope, draft: &Draft) -> Result<Finished, String> {
    let plan = Plan::from_draft(draft);
    Ok(match &scope.section {
        Section::Guest => {
            if !draft.guest {
                let mut finished = Finished::edit(Edit::GuestAccess {
                    enabled: false,
                    role: None,
                });
                finished.note = Some("Existing guest identities stop getting credentials.".into());
                finished
            } else {
                role_edit(draft, Audience::Guest, false, |role| Edit::GuestAccess {
                    enabled: true,
                    role: Some(role),
                })?
            }
        }
        Section::Authenticated => {
            let tags = !scope.base.principal_tags.is_empty();
            role_edit(draft, Audience::Authenticated, tags, |role| {
                Edit::AuthenticatedRole(Some(role))
            })?
        }
        Section::ProviderInfo(provider) => {
            let mut finished = Finished::edit(provider_edit(&plan, provider, Some(provider))?);
            if finished.changes_provider_id() {
                finished.note = Some(
                    "Existing users of this provider can no longer authenticate with this pool."
                        .into(),
                );
            }
            finished
        }
        Section::RoleSettings(provider) => Finished::edit(Edit::Mapping {
            provider: provider.clone(),
            mapping: mapping(&plan)?,
        }),
        Section::Attributes(provider) => Finished::edit(Edit::PrincipalTags {
            provider: provider.clone(),
            map: tag_map(&plan),
        }),
        Section::AddProvider(source) => {
            let provider = added_provider(&plan, *source)?;
            let mut edits = vec![provider_edit(&plan, &provider, None)?];
            if let Some(mapping) = mapping(&plan)? {
                edits.push(Edit::Mapping {
                    provider: provider.clone(),
                    mapping: Some(mapping),
                });
            }
            let map = tag_map(&plan);
            if map != PrincipalTagMap::default() {
                edits.push(Edit::PrincipalTags { provider, map });
            }
            Finished {
                note: plan.new_user_pool.as_ref().map(|new| {
                    format!(
                        "The user pool \"{}\" and its app client \"{}\" are created first; their ids take the place of {NEW_USER_POOL} and {NEW_CLIENT}.",
                        new.settings.name, new.client.name
                    )
                }),
                new_user_pool: plan.new_user_pool.clone(),
                ..Finished::edit(Edit::Many(edits))
            }
        }
        Section::Name => Finished::edit(Edit::Rename(draft.name.value().to_string())),
        Section::ClassicFlow => Finished::edit(Edit::ClassicFlow(draft.classic_flow)),
        Section::Tags => {
            let typed: BTreeMap<String, String> = draft
                .tags
                .iter()
                .map(|(k, v)| (k.value().to_string(), v.value().to_string()))
                .collect();
            let base = &scope.base.pool.identity_pool_tags;
            // Only what the form changed: applied again on a newer read (after a concurrent
            // change), a tag the form left as it was must not put back its old value.
            let set = typed
                .iter()
                .filter(|(k, v)| base.get(*k) != Some(*v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let remove = base
                .keys()
                .filter(|k| !typed.contains_key(*k))
                .cloned()
                .collect();
            Finished::edit(Edit::Tags { set, remove })
        }
    })
}

/// A default role edit: an existing role's ARN, or a new role by its placeholder.
fn role_edit(
    draft: &Draft,
    audience: Audience,
    tag_session: bool,
    edit: impl Fn(String) -> Edit,
) -> Result<Finished, String> {
    let role = draft.role(audience);
    match (role.mode, &role.existing) {
        (RoleMode::Existing, Some(existing)) => Ok(Finished::edit(edit(existing.arn.clone()))),
        (RoleMode::Existing, None) => Err("Pick a role".into()),
        (RoleMode::New, _) => {
            let name = role.new_name.value().to_string();
            Ok(Finished {
                edit: edit(new_role_placeholder(&name)),
                new_role: Some(NewRole {
                    audience,
                    name,
                    tag_session,
                }),
                new_user_pool: None,
                note: None,
            })
        }
    }
}

/// The provider a new-provider form adds.
fn added_provider(plan: &Plan, source: Source) -> Result<ProviderRef, String> {
    let pool = &plan.pool;
    let missing = || format!("{source}: fill in its ids first");
    Ok(match source {
        Source::UserPool => {
            let p = pool
                .cognito_identity_providers
                .first()
                .ok_or_else(missing)?;
            ProviderRef::UserPool {
                provider_name: p.provider_name.clone(),
                client_id: p.client_id.clone(),
            }
        }
        Source::Oidc(_) => ProviderRef::Oidc(
            pool.open_id_connect_provider_arns
                .first()
                .cloned()
                .ok_or_else(missing)?,
        ),
        Source::Saml(_) => ProviderRef::Saml(
            pool.saml_provider_arns
                .first()
                .cloned()
                .ok_or_else(missing)?,
        ),
        Source::Developer => {
            return Err("A developer provider can only be set when the pool is created".into());
        }
        social => ProviderRef::Social(social.login_key().unwrap_or_default().to_string()),
    })
}

/// The edit that puts the form's provider ids in place of `replacing` (or adds them).
fn provider_edit(
    plan: &Plan,
    provider: &ProviderRef,
    replacing: Option<&ProviderRef>,
) -> Result<Edit, String> {
    let pool = &plan.pool;
    let missing = || "Fill in the provider's ids first".to_string();
    Ok(match source_of(provider) {
        Source::UserPool => {
            let new = pool
                .cognito_identity_providers
                .first()
                .ok_or_else(missing)?;
            Edit::UserPool {
                provider: new.clone(),
                replacing: match replacing {
                    Some(ProviderRef::UserPool {
                        provider_name,
                        client_id,
                    }) => Some((provider_name.clone(), client_id.clone())),
                    _ => None,
                },
            }
        }
        Source::Oidc(_) | Source::Saml(_) => {
            let arn = pool
                .open_id_connect_provider_arns
                .first()
                .or(pool.saml_provider_arns.first())
                .cloned()
                .ok_or_else(missing)?;
            match (replacing, provider) {
                (Some(old), _) => Edit::ReplaceIamProvider {
                    old: old.clone(),
                    new: arn,
                },
                (None, ProviderRef::Saml(_)) => Edit::AddSaml(arn),
                (None, _) => Edit::AddOidc(arn),
            }
        }
        _ => {
            let (domain, app_id) = pool
                .supported_login_providers
                .iter()
                .next()
                .ok_or_else(missing)?;
            Edit::Social {
                domain: domain.clone(),
                app_id: app_id.clone(),
            }
        }
    })
}

/// The form's role mapping (None: the default authenticated role).
fn mapping(plan: &Plan) -> Result<Option<crate::domain::roles::RoleMapping>, String> {
    let Some(planned) = plan.mappings.first() else {
        return Ok(None);
    };
    let resolve = |role: &RoleRef| match role {
        RoleRef::Arn(arn) => Some(arn.clone()),
        RoleRef::New(_) => None,
    };
    planned
        .to_mapping(&resolve)
        .map(Some)
        .ok_or_else(|| "Every rule needs an existing role".into())
}

/// The form's attributes for access control (inactive: the empty map).
fn tag_map(plan: &Plan) -> PrincipalTagMap {
    plan.principal_tags
        .first()
        .map(|(_, map)| map.clone())
        .unwrap_or_default()
}
