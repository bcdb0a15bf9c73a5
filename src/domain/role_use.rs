//! The roles a pool can hand out, what each is handed out for, and what its trust policy must
//! therefore admit: the Role settings tab checks every one of them against the pool.

use super::config::PoolConfig;
use super::edit::ProviderRef;
use super::policy::Audience;
use super::roles::role_name;
use super::trust::{WebIdentity, allows};
use super::trust_check::{Target, diagnose};
use super::trust_fix;

/// Why the pool hands a role out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Use {
    /// The default authenticated role.
    Authenticated,
    /// The guest (unauthenticated) role.
    Guest,
    /// A rule of a provider's role mapping (0-based).
    Rule {
        /// The mapping key.
        key: String,
        /// The rule's place.
        index: usize,
    },
}

impl std::fmt::Display for Use {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Use::Authenticated => write!(f, "default authenticated role"),
            Use::Guest => write!(f, "guest role"),
            Use::Rule { key, index } => write!(f, "rule {} of {key}", index + 1),
        }
    }
}

/// A role the pool hands out, with every use of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandedOut {
    /// The role's ARN.
    pub arn: String,
    /// What it is handed out for, in the pool's order.
    pub uses: Vec<Use>,
}

impl HandedOut {
    /// The role's name.
    pub fn name(&self) -> &str {
        role_name(&self.arn)
    }

    /// Who assumes it: signed-in users, guests, or both.
    pub fn audiences(&self) -> Vec<Audience> {
        let mut out = Vec::new();
        if self.uses.iter().any(|u| *u != Use::Guest) {
            out.push(Audience::Authenticated);
        }
        if self.uses.contains(&Use::Guest) {
            out.push(Audience::Guest);
        }
        out
    }
}

/// Every role the pool can hand out: the default authenticated role, the guest role, then each
/// rule's role by mapping key; a role used several times appears once with all its uses.
pub fn handed_out(config: &PoolConfig) -> Vec<HandedOut> {
    let mut out: Vec<HandedOut> = Vec::new();
    let mut add = |arn: &str, use_: Use| match out.iter_mut().find(|h| h.arn == arn) {
        Some(existing) => existing.uses.push(use_),
        None => out.push(HandedOut {
            arn: arn.to_string(),
            uses: vec![use_],
        }),
    };
    let roles = &config.roles.roles;
    if let Some(arn) = roles.get("authenticated") {
        add(arn, Use::Authenticated);
    }
    if let Some(arn) = roles.get("unauthenticated") {
        add(arn, Use::Guest);
    }
    for (key, mapping) in &config.roles.role_mappings {
        let rules = mapping
            .rules_configuration
            .as_ref()
            .map(|r| r.rules.as_slice())
            .unwrap_or_default();
        for (index, rule) in rules.iter().enumerate() {
            add(
                &rule.role_arn,
                Use::Rule {
                    key: key.clone(),
                    index,
                },
            );
        }
    }
    out
}

/// The mapping keys whose role comes from the token (`cognito:preferred_role`: the user pool
/// group's role), which no check here can list.
pub fn token_mapped(config: &PoolConfig) -> Vec<String> {
    config
        .roles
        .role_mappings
        .iter()
        .filter(|(_, m)| m.mapping_type == "Token")
        .map(|(k, _)| k.clone())
        .collect()
}

/// Whether a provider's identities get principal tags (so their role must allow `sts:TagSession`).
fn tags_on(config: &PoolConfig, provider: &ProviderRef) -> bool {
    config
        .principal_tags
        .get(&provider.tag_provider())
        .is_some_and(|t| t.use_defaults || !t.principal_tags.is_empty())
}

/// Whether some identity given this role arrives with principal tags: for a default
/// authenticated role, any provider with attributes for access control on; for a rule's role,
/// that rule's provider.
pub fn needs_tag_session(config: &PoolConfig, handed: &HandedOut) -> bool {
    let providers = ProviderRef::all(&config.pool);
    handed.uses.iter().any(|u| match u {
        Use::Guest => false,
        Use::Authenticated => providers.iter().any(|p| tags_on(config, p)),
        Use::Rule { key, .. } => providers
            .iter()
            .filter(|p| p.mapping_keys().contains(key))
            .any(|p| tags_on(config, p)),
    })
}

/// Each problem of a role's trust policy for this pool, as a sentence (empty: it admits every
/// identity the pool hands it to). A role for both guests and signed-in users is checked for both.
pub fn problems(config: &PoolConfig, handed: &HandedOut, trust_policy: &str) -> Vec<String> {
    let pool_id = &config.pool.identity_pool_id;
    let tag_session = needs_tag_session(config, handed);
    let audiences = handed.audiences();
    let both = audiences.len() > 1;
    let mut out = Vec::new();
    for audience in audiences {
        let tags = tag_session && audience == Audience::Authenticated;
        for problem in diagnose(trust_policy, audience, tags, Target::Pool(pool_id)) {
            let line = match (both, audience) {
                (true, Audience::Guest) => format!("For guests: {problem}"),
                (true, Audience::Authenticated) => format!("For signed-in users: {problem}"),
                _ => problem,
            };
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// Whether STS would refuse some identity the pool hands this role to (the service then answers
/// InvalidIdentityPoolConfigurationException). A role with problems that STS still accepts is
/// too open rather than broken (say, no `amr` condition): those problems are warnings.
pub fn refuses(config: &PoolConfig, handed: &HandedOut, trust_policy: &str) -> bool {
    let pool_id = &config.pool.identity_pool_id;
    let tag_session = needs_tag_session(config, handed);
    handed.audiences().into_iter().any(|audience| {
        let who = WebIdentity {
            aud: pool_id.clone(),
            sub: format!("{pool_id}:00000000-0000-4000-8000-000000000000"),
            amr: vec![match audience {
                Audience::Authenticated => "authenticated".to_string(),
                Audience::Guest => "unauthenticated".to_string(),
            }],
            tag_session: tag_session && audience == Audience::Authenticated,
        };
        !allows(trust_policy, &who)
    })
}

/// The trust policy corrected for this pool (only its Cognito statement changes), when the
/// problems can be fixed that way: not for a role used by guests and signed-in users both (one
/// `amr` can't be right for both), nor when the fix would still leave a problem (an explicit
/// Deny someone wrote on purpose is not removed here).
pub fn fix(config: &PoolConfig, handed: &HandedOut, trust_policy: &str) -> Result<String, String> {
    let audiences = handed.audiences();
    let [audience] = audiences.as_slice() else {
        return Err(
            "It is both the guest role and a signed-in role: give guests a role of their own"
                .into(),
        );
    };
    let tag_session = needs_tag_session(config, handed);
    let fixed = trust_fix::fixed(
        trust_policy,
        &config.pool.identity_pool_id,
        *audience,
        tag_session,
    )?;
    let left = problems(config, handed, &fixed);
    match left.first() {
        None => Ok(fixed),
        Some(problem) => Err(format!("Not fixable here: {problem}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::cognito_trust_policy;
    use crate::domain::roles::{MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration};

    fn config() -> PoolConfig {
        let mut config = PoolConfig::default();
        config.pool.identity_pool_id = "us-east-1:p".into();
        config.pool.supported_login_providers =
            [("accounts.google.com".to_string(), "app".to_string())].into();
        config.roles.roles = [
            (
                "authenticated".to_string(),
                "arn:aws:iam::1:role/auth".to_string(),
            ),
            (
                "unauthenticated".to_string(),
                "arn:aws:iam::1:role/guest".to_string(),
            ),
        ]
        .into();
        let rule = |value: &str, role: &str| MappingRule {
            claim: "hd".into(),
            match_type: "Equals".into(),
            value: value.into(),
            role_arn: format!("arn:aws:iam::1:role/{role}"),
        };
        config.roles.role_mappings = [(
            "accounts.google.com".to_string(),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: Some(RulesConfiguration {
                    rules: vec![rule("a", "staff"), rule("b", "auth"), rule("c", "staff")],
                }),
            },
        )]
        .into();
        config
    }

    #[test]
    fn each_role_appears_once_with_every_use() {
        let out = handed_out(&config());
        let names: Vec<&str> = out.iter().map(HandedOut::name).collect();
        assert_eq!(names, ["auth", "guest", "staff"]);
        assert_eq!(out[0].uses.len(), 2, "default and rule 2");
        assert_eq!(out[2].uses[1].to_string(), "rule 3 of accounts.google.com");
    }

    #[test]
    fn tag_session_is_needed_only_where_tags_are_on() {
        let mut config = config();
        let staff = handed_out(&config)[2].clone();
        assert!(!needs_tag_session(&config, &staff));
        config.principal_tags.insert(
            "accounts.google.com".into(),
            PrincipalTagMap {
                use_defaults: true,
                principal_tags: Default::default(),
            },
        );
        assert!(needs_tag_session(&config, &staff));
        let guest = handed_out(&config)[1].clone();
        assert!(!needs_tag_session(&config, &guest));
        let without = cognito_trust_policy("us-east-1:p", Audience::Authenticated, false);
        let found = problems(&config, &staff, &without);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("TagSession"), "{found:?}");
        let fixed = fix(&config, &staff, &without).unwrap_or_default();
        assert_eq!(problems(&config, &staff, &fixed), Vec::<String>::new());
    }

    #[test]
    fn a_role_for_guests_and_users_both_is_checked_for_both_and_not_fixed() {
        let mut config = config();
        config
            .roles
            .roles
            .insert("unauthenticated".into(), "arn:aws:iam::1:role/auth".into());
        let auth = handed_out(&config)[0].clone();
        let trust = cognito_trust_policy("us-east-1:p", Audience::Authenticated, false);
        let found = problems(&config, &auth, &trust);
        assert!(
            found.iter().all(|p| p.starts_with("For guests")),
            "{found:?}"
        );
        assert!(!found.is_empty());
        assert!(fix(&config, &auth, &trust).is_err());
    }
}
