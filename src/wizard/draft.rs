//! Everything the operator has chosen in the wizard so far. Plain data: the fields, validation and
//! the creation plan are all derived from it.

use std::collections::{BTreeMap, BTreeSet};
use tui_input::Input;

use super::source::Source;
use crate::domain::policy::Audience;
use crate::domain::roles::IamRole;

pub use crate::screens::secret_input::SecretInput;

/// Create a role or use one the account has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoleMode {
    /// Create a new IAM role with the console's trust and basic permissions.
    #[default]
    New,
    /// Use an existing role.
    Existing,
}

/// The default role for one kind of access.
#[derive(Debug, Clone, Default)]
pub struct RoleDraft {
    /// New or existing.
    pub mode: RoleMode,
    /// The new role's name.
    pub new_name: Input,
    /// The existing role picked.
    pub existing: Option<IamRole>,
}

/// How a provider's users get a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoleSetting {
    /// The default authenticated role.
    #[default]
    Default,
    /// The first matching rule's role.
    Rules,
    /// `cognito:preferred_role` / `cognito:roles` in the user pool's token.
    Token,
}

/// A role a rule can name: the authenticated role this wizard creates, or one of the account's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleRole {
    /// The new authenticated role (its ARN is known once created).
    NewAuthenticated,
    /// An existing role.
    Existing(IamRole),
}

/// One row of the rule table.
#[derive(Debug, Clone, Default)]
pub struct RuleDraft {
    /// The token claim.
    pub claim: Input,
    /// Index into `roles::MATCH_TYPES`.
    pub operator: usize,
    /// The value compared with.
    pub value: Input,
    /// The role chosen.
    pub role: Option<RuleRole>,
}

/// Attributes for access control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagMode {
    /// No principal tags.
    #[default]
    Inactive,
    /// The provider's default mappings.
    Defaults,
    /// Tag key ← claim rows.
    Custom,
}

/// Role settings and attributes for access control of one provider.
#[derive(Debug, Clone, Default)]
pub struct ProviderDraft {
    /// How its users get a role.
    pub role: RoleSetting,
    /// The rules, for `RoleSetting::Rules`.
    pub rules: Vec<RuleDraft>,
    /// Deny when no rule matches (otherwise the default authenticated role).
    pub deny_unmatched: bool,
    /// Attributes for access control.
    pub tags: TagMode,
    /// Tag key ← claim rows, for `TagMode::Custom`.
    pub custom_tags: Vec<(Input, Input)>,
}

impl ProviderDraft {
    /// Whether it sets principal tags: defaults, or custom with at least one row (custom with
    /// none maps nothing, as inactive does).
    pub fn sets_tags(&self) -> bool {
        match self.tags {
            TagMode::Inactive => false,
            TagMode::Defaults => true,
            TagMode::Custom => !self.custom_tags.is_empty(),
        }
    }
}

/// The wizard's choices.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Authenticated access.
    pub authenticated: bool,
    /// Guest access.
    pub guest: bool,
    /// The identity sources chosen for authenticated access.
    pub sources: BTreeSet<Source>,
    /// The default authenticated role.
    pub auth_role: RoleDraft,
    /// The default guest role.
    pub guest_role: RoleDraft,
    /// The user pool id (`<region>_<id>`).
    pub user_pool_id: Input,
    /// A user pool to create instead (when `new_user_pool.create`).
    pub new_user_pool: super::new_user_pool::NewUserPoolDraft,
    /// The user pool's app client id.
    pub client_id: Input,
    /// Whether the identity pool checks tokens with the user pool.
    pub server_side_check: bool,
    /// Social app or client ids.
    pub app_ids: BTreeMap<Source, Input>,
    /// Twitter's consumer secret (masked on screen and in `{:?}`).
    pub twitter_secret: SecretInput,
    /// The IAM provider ARN picked for each OIDC and SAML source.
    pub arns: BTreeMap<Source, String>,
    /// The developer provider name.
    pub developer_name: Input,
    /// Role settings and attributes for access control per source.
    pub providers: BTreeMap<Source, ProviderDraft>,
    /// The pool's name.
    pub name: Input,
    /// Basic (classic) flow.
    pub classic_flow: bool,
    /// The pool's tags.
    pub tags: Vec<(Input, Input)>,
}

impl Draft {
    /// The role draft of one kind of access.
    pub fn role(&self, audience: Audience) -> &RoleDraft {
        match audience {
            Audience::Authenticated => &self.auth_role,
            Audience::Guest => &self.guest_role,
        }
    }

    /// The role draft of one kind of access, to change.
    pub fn role_mut(&mut self, audience: Audience) -> &mut RoleDraft {
        match audience {
            Audience::Authenticated => &mut self.auth_role,
            Audience::Guest => &mut self.guest_role,
        }
    }

    /// The kinds of access chosen, authenticated first.
    pub fn audiences(&self) -> Vec<Audience> {
        let mut out = Vec::new();
        if self.authenticated {
            out.push(Audience::Authenticated);
        }
        if self.guest {
            out.push(Audience::Guest);
        }
        out
    }

    /// The sources that count: none without authenticated access.
    pub fn active_sources(&self) -> Vec<Source> {
        if self.authenticated {
            self.sources.iter().copied().collect()
        } else {
            Vec::new()
        }
    }

    /// A provider's settings (defaults until edited).
    pub fn provider(&self, source: Source) -> ProviderDraft {
        self.providers.get(&source).cloned().unwrap_or_default()
    }

    /// A provider's settings, to change.
    pub fn provider_mut(&mut self, source: Source) -> &mut ProviderDraft {
        self.providers.entry(source).or_default()
    }

    /// Whether any provider maps claims to principal tags (new authenticated roles then need
    /// `sts:TagSession`).
    pub fn uses_principal_tags(&self) -> bool {
        self.active_sources().into_iter().any(|s| {
            s.has_access_control() && self.providers.get(&s).is_some_and(ProviderDraft::sets_tags)
        })
    }

    /// Whether any provider picks roles by rules or token (basic flow does not apply to them).
    pub fn uses_role_mappings(&self) -> bool {
        self.active_sources().into_iter().any(|s| {
            s.has_role_settings()
                && self
                    .providers
                    .get(&s)
                    .is_some_and(|p| p.role != RoleSetting::Default)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drafts_debug_output_hides_the_twitter_secret() {
        let draft = Draft {
            twitter_secret: SecretInput(Input::new("s3cr3t".into())),
            ..Default::default()
        };
        let shown = format!("{draft:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("SecretInput(<set>)"), "{shown}");
    }
}
