//! The wizard's forms on one section of a live pool: the User access tab edits a pool through the
//! same provider, role, rule and tag rows (and their validation) the create wizard uses, filled
//! from the pool's configuration, and turns the result into an [`Edit`] for a safe save.

mod fill;
mod finish;

pub use fill::draft_for;
pub use finish::{Finished, checked, finish};

use super::draft::Draft;
use super::fields::{Context, Row};
use super::source::Source;
use super::steps::{permissions, properties, providers};
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::policy::Audience;
use crate::view::widgets::thousands;

/// What one edit form changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// Guest access on or off, and the guest role.
    Guest,
    /// The default authenticated role.
    Authenticated,
    /// A provider's ids (app id, app client, provider ARN).
    ProviderInfo(ProviderRef),
    /// A provider's role settings.
    RoleSettings(ProviderRef),
    /// A provider's attributes for access control.
    Attributes(ProviderRef),
    /// A new provider of this kind: its ids, role settings and attributes for access control.
    AddProvider(Source),
    /// The pool's name.
    Name,
    /// Basic (classic) flow.
    ClassicFlow,
    /// The pool's tags.
    Tags,
}

/// How many of the identities loaded in the Identity browser log in with a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linked {
    /// Identities loaded.
    pub loaded: usize,
    /// Of those, linked to the provider.
    pub linked: usize,
}

/// An edit form's subject: the pool, the section, and the configuration it was filled from.
#[derive(Debug, Clone, PartialEq)]
pub struct EditScope {
    /// The pool's id.
    pub pool_id: String,
    /// The section edited.
    pub section: Section,
    /// The configuration the form was filled from (the save reads the pool fresh again).
    pub base: PoolConfig,
    /// Identities of the Identity browser linked to the provider edited, when it has this pool's.
    pub linked: Option<Linked>,
    /// The tab that opened the form: it shows the form and saves what it produces.
    pub origin: crate::app::Tab,
}

/// The wizard's source for a provider of a pool.
pub fn source_of(provider: &ProviderRef) -> Source {
    match provider {
        ProviderRef::UserPool { .. } => Source::UserPool,
        ProviderRef::Oidc(_) => Source::Oidc(0),
        ProviderRef::Saml(_) => Source::Saml(0),
        ProviderRef::Social(domain) => social_source(domain).unwrap_or(Source::Google),
    }
}

/// The social source whose login key is `domain`.
pub fn social_source(domain: &str) -> Option<Source> {
    use strum::IntoEnumIterator;
    Source::iter().find(|s| s.login_key() == Some(domain))
}

impl EditScope {
    /// The form's title.
    pub fn title(&self) -> String {
        let name = &self.base.pool.identity_pool_name;
        let what = match &self.section {
            Section::Guest => "guest access".to_string(),
            Section::Authenticated => "authenticated access".to_string(),
            Section::ProviderInfo(p) => format!("{} · provider information", source_of(p)),
            Section::RoleSettings(p) => format!("{} · role settings", source_of(p)),
            Section::Attributes(p) => {
                format!("{} · attributes for access control", source_of(p))
            }
            Section::AddProvider(source) => format!("add identity provider · {source}"),
            Section::Name => "name".to_string(),
            Section::ClassicFlow => "basic (classic) flow".to_string(),
            Section::Tags => "tags".to_string(),
        };
        format!("Edit \"{name}\" — {what}")
    }

    /// The source the form is about, if a provider.
    pub fn source(&self) -> Option<Source> {
        match &self.section {
            Section::ProviderInfo(p) | Section::RoleSettings(p) | Section::Attributes(p) => {
                Some(source_of(p))
            }
            Section::AddProvider(source) => Some(*source),
            _ => None,
        }
    }
}

/// The form's rows: the wizard's own rows for the section, with the warnings a live pool needs.
pub fn rows(scope: &EditScope, draft: &Draft, context: Context<'_>) -> Vec<Row> {
    let draft = &with_listed_trust(draft, context);
    let mut rows = Vec::new();
    match &scope.section {
        Section::Guest => {
            rows.push(Row::Heading("Guest access".into()));
            rows.push(Row::Field(super::fields::plain(
                super::fields::FieldId::Guest,
                "Guest access active",
                super::fields::Kind::Toggle(draft.guest),
            )));
            if draft.guest {
                permissions::audience_rows(draft, Audience::Guest, context, &mut rows);
            } else if scope.base.pool.allow_unauthenticated_identities {
                rows.push(Row::Warning(
                    "Deactivating guest access: existing guest identities stop getting credentials, and new guests are refused."
                        .into(),
                ));
            }
        }
        Section::Authenticated => {
            permissions::audience_rows(draft, Audience::Authenticated, context, &mut rows);
        }
        Section::ProviderInfo(provider) => {
            let source = source_of(provider);
            rows.push(Row::Heading(source.to_string()));
            providers::ids(draft, source, &mut rows);
            if let Ok(finished) = finish(scope, draft)
                && finished.changes_provider_id()
            {
                rows.push(Row::Warning(id_change_warning(scope.linked)));
            }
        }
        Section::RoleSettings(provider) => {
            let source = source_of(provider);
            rows.push(Row::Heading(source.to_string()));
            providers::role_rows(draft, source, &draft.provider(source), context, &mut rows);
        }
        Section::Attributes(provider) => {
            let source = source_of(provider);
            rows.push(Row::Heading(source.to_string()));
            providers::tag_rows(source, &draft.provider(source), &mut rows);
        }
        Section::AddProvider(source) => {
            let source = *source;
            rows.push(Row::Heading(source.to_string()));
            if source == Source::UserPool {
                providers::user_pool_origin(draft, &mut rows);
            } else {
                providers::ids(draft, source, &mut rows);
            }
            let provider = draft.provider(source);
            if source.has_role_settings() {
                providers::role_rows(draft, source, &provider, context, &mut rows);
            }
            if source.has_access_control() {
                providers::tag_rows(source, &provider, &mut rows);
            }
        }
        Section::Name => rows.extend(properties::name_rows(draft)),
        Section::ClassicFlow => {
            rows.extend(properties::classic_rows(draft));
            if draft.classic_flow && !scope.base.roles.role_mappings.is_empty() {
                rows.push(Row::Warning(properties::CLASSIC_WITH_MAPPINGS.into()));
            }
        }
        Section::Tags => rows.extend(properties::tag_rows(draft)),
    }
    rows
}

/// The console's warning when a provider's id changes, with what this tool knows of its users.
fn id_change_warning(linked: Option<Linked>) -> String {
    let mut text = "Changing the provider's application id prevents its existing users from authenticating with this identity pool.".to_string();
    match linked {
        Some(Linked { loaded, linked }) => text.push_str(&format!(
            " {} of the {} identities loaded in the Identity browser log in with it.",
            thousands(linked),
            thousands(loaded)
        )),
        None => text.push_str(" (Open the Identity browser on this pool to count its identities that log in with it.)"),
    }
    text
}

/// The draft with the trust policies of the roles it names by ARN filled in from the account's
/// list, once loaded (a pool's configuration names roles only by ARN).
fn with_listed_trust(draft: &Draft, context: Context<'_>) -> Draft {
    let Some(listed) = context.roles else {
        return draft.clone();
    };
    let fill = |role: &mut crate::domain::roles::IamRole| {
        if role.trust_policy.is_empty()
            && let Some(found) = listed.iter().find(|r| r.arn == role.arn)
        {
            role.trust_policy.clone_from(&found.trust_policy);
        }
    };
    let mut draft = draft.clone();
    for audience in [Audience::Authenticated, Audience::Guest] {
        if let Some(role) = draft.role_mut(audience).existing.as_mut() {
            fill(role);
        }
    }
    for provider in draft.providers.values_mut() {
        for rule in &mut provider.rules {
            if let Some(super::draft::RuleRole::Existing(role)) = rule.role.as_mut() {
                fill(role);
            }
        }
    }
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_change_warning_counts_the_loaded_identities_of_the_provider() {
        let text = id_change_warning(Some(Linked {
            loaded: 2500,
            linked: 807,
        }));
        assert!(
            text.contains("prevents its existing users from authenticating"),
            "{text}"
        );
        assert!(
            text.contains("807 of the 2,500 identities loaded"),
            "{text}"
        );
        assert!(id_change_warning(None).contains("Open the Identity browser"));
    }
}
