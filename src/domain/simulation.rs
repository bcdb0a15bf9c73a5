//! What GetCredentialsForIdentity would do for one login on a pool, explained: the role
//! resolution ([`super::resolution`], the sandbox's own), the principal tags the session would
//! carry (from the provider's attributes for access control), and whether the chosen role's trust
//! policy admits the identity ([`super::trust::allows`], the sandbox's STS check).

use serde_json::Value;

use super::config::PoolConfig;
use super::edit::ProviderRef;
use super::resolution::{Refusal, Resolution, resolve};
use super::roles::PrincipalTagMap;
use super::trust::{WebIdentity, allows};

/// Who asks for credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// A guest (no login).
    Guest,
    /// A signed-in user of this provider.
    Provider(ProviderRef),
}

/// One principal tag the session would get: its key, and the claim's value or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTag {
    /// The tag key.
    pub key: String,
    /// The claim it comes from.
    pub claim: String,
    /// The value, or None when the token lacks the claim (the tag is then not set).
    pub value: Option<String>,
}

impl SessionTag {
    /// `key=value`, or why the tag is not set.
    pub fn shown(&self) -> String {
        match &self.value {
            Some(v) => format!("{}={v}", self.key),
            None => format!("{} (no {} claim: not set)", self.key, self.claim),
        }
    }
}

/// The default attribute mappings of a provider (tag ← claim): user pools `client` ← `aud` and
/// `username` ← `sub`; the others their audience and subject claims (Amazon's is `user_id`).
pub fn default_tags(provider: &ProviderRef) -> Vec<(String, String)> {
    let pairs: &[(&str, &str)] = match provider {
        ProviderRef::UserPool { .. } => &[("client", "aud"), ("username", "sub")],
        ProviderRef::Social(domain) if domain == "www.amazon.com" => {
            &[("aud", "aud"), ("user_id", "user_id")]
        }
        ProviderRef::Saml(_) => &[
            (
                "nameidentifier",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
            ),
            (
                "name",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ),
        ],
        _ => &[("aud", "aud"), ("sub", "sub")],
    };
    pairs
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect()
}

fn claim_text(claims: &Value, claim: &str) -> Option<String> {
    match claims.get(claim)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => Some(other.to_string()),
    }
}

/// The principal tags a login of `provider` with `claims` would carry under `map`.
pub fn session_tags(
    provider: &ProviderRef,
    map: Option<&PrincipalTagMap>,
    claims: &Value,
) -> Vec<SessionTag> {
    let Some(map) = map else {
        return Vec::new();
    };
    let pairs: Vec<(String, String)> = if map.use_defaults {
        default_tags(provider)
    } else {
        map.principal_tags
            .iter()
            .map(|(t, c)| (t.clone(), c.clone()))
            .collect()
    };
    pairs
        .into_iter()
        .map(|(key, claim)| SessionTag {
            value: claim_text(claims, &claim),
            key,
            claim,
        })
        .collect()
}

/// What is known of a role, for the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleTrust<'a> {
    /// Its trust policy, as read.
    Policy(&'a str),
    /// IAM says it does not exist.
    Missing,
    /// Not read (yet, or not readable).
    Unknown,
}

/// Whether the role's trust admits the identity, as STS will judge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrustVerdict {
    /// It does.
    Admits,
    /// It does not: the service refuses with InvalidIdentityPoolConfigurationException.
    Refuses,
    /// The role does not exist: the service refuses the same way.
    Missing,
    /// The role's trust policy is not known (not read, or not readable).
    Unknown(String),
}

/// A simulated credential request, step by step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Simulation {
    /// The role resolution (None for a guest: the guest role, no mapping).
    pub resolution: Option<Resolution>,
    /// The role chosen, or the service's refusal before any role is assumed.
    pub role: Result<String, Refusal>,
    /// The session's principal tags.
    pub tags: Vec<SessionTag>,
    /// Whether the chosen role's trust admits the identity.
    pub trust: Option<TrustVerdict>,
}

impl Simulation {
    /// The answer the service gives: the role's ARN, or its error.
    pub fn outcome(&self) -> Result<&str, Refusal> {
        match (&self.role, &self.trust) {
            (Err(refusal), _) => Err(refusal.clone()),
            (Ok(_), Some(TrustVerdict::Refuses | TrustVerdict::Missing)) => {
                Err(Refusal::bad_configuration())
            }
            (Ok(arn), _) => Ok(arn),
        }
    }
}

/// Simulates a credential request of `login` with `claims` on the pool; `trust_of` says what
/// is known of a role, by ARN.
pub fn simulate<'a>(
    config: &PoolConfig,
    login: &Login,
    claims: &Value,
    trust_of: impl Fn(&str) -> RoleTrust<'a>,
) -> Simulation {
    let pool = &config.pool;
    let (resolution, role, amr, tags) = match login {
        Login::Guest => {
            let role = if !pool.allow_unauthenticated_identities {
                Err(Refusal {
                    code: "NotAuthorizedException",
                    message: "Unauthenticated access is not supported for this identity pool."
                        .into(),
                })
            } else {
                config
                    .roles
                    .roles
                    .get("unauthenticated")
                    .cloned()
                    .ok_or_else(Refusal::bad_configuration)
            };
            (None, role, vec!["unauthenticated".to_string()], Vec::new())
        }
        Login::Provider(provider) => {
            let resolution = resolve(
                &config.roles.roles,
                &config.roles.role_mappings,
                &provider.mapping_keys(),
                claims,
                None,
            );
            let role = resolution.outcome.clone();
            let tags = session_tags(
                provider,
                config.principal_tags.get(&provider.tag_provider()),
                claims,
            );
            let amr = vec!["authenticated".to_string(), provider.login_name()];
            (Some(resolution), role, amr, tags)
        }
    };
    let trust = role.as_ref().ok().map(|arn| match trust_of(arn) {
        RoleTrust::Unknown => TrustVerdict::Unknown("its trust policy has not been read".into()),
        RoleTrust::Missing => TrustVerdict::Missing,
        RoleTrust::Policy(policy) => {
            let who = WebIdentity {
                aud: pool.identity_pool_id.clone(),
                sub: format!(
                    "{}:00000000-0000-0000-0000-000000000000",
                    pool.identity_pool_id
                ),
                amr: amr.clone(),
                tag_session: login != &Login::Guest && is_tagged(config, login),
            };
            if allows(policy, &who) {
                TrustVerdict::Admits
            } else {
                TrustVerdict::Refuses
            }
        }
    });
    Simulation {
        resolution,
        role,
        tags,
        trust,
    }
}

/// Whether the provider's identities carry principal tags (so STS is asked to tag the session).
fn is_tagged(config: &PoolConfig, login: &Login) -> bool {
    let Login::Provider(provider) = login else {
        return false;
    };
    config
        .principal_tags
        .get(&provider.tag_provider())
        .is_some_and(|t| t.use_defaults || !t.principal_tags.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::{Audience, cognito_trust_policy};
    use serde_json::json;

    fn google() -> ProviderRef {
        ProviderRef::Social("accounts.google.com".into())
    }

    fn config() -> PoolConfig {
        let mut config = PoolConfig::default();
        config.pool.identity_pool_id = "us-east-1:p".into();
        config
            .roles
            .roles
            .insert("authenticated".into(), "arn:aws:iam::1:role/auth".into());
        config
    }

    #[test]
    fn a_login_without_mapping_gets_the_default_role_and_its_trust_is_judged() {
        let config = config();
        let good = cognito_trust_policy("us-east-1:p", Audience::Authenticated, false);
        let sim = simulate(&config, &Login::Provider(google()), &json!({}), |_| {
            RoleTrust::Policy(good.as_str())
        });
        assert_eq!(sim.outcome(), Ok("arn:aws:iam::1:role/auth"));
        assert_eq!(sim.trust, Some(TrustVerdict::Admits));
        let other = cognito_trust_policy("us-east-1:other", Audience::Authenticated, false);
        let sim = simulate(&config, &Login::Provider(google()), &json!({}), |_| {
            RoleTrust::Policy(other.as_str())
        });
        assert_eq!(
            sim.outcome().map_err(|r| r.code),
            Err("InvalidIdentityPoolConfigurationException")
        );
    }

    #[test]
    fn guests_are_refused_when_guest_access_is_off_and_tags_follow_the_map() {
        let config = config();
        let sim = simulate(&config, &Login::Guest, &json!({}), |_| RoleTrust::Unknown);
        assert_eq!(
            sim.outcome().map_err(|r| r.code),
            Err("NotAuthorizedException")
        );
        let map = PrincipalTagMap {
            use_defaults: false,
            principal_tags: [("dept".to_string(), "custom:dept".to_string())].into(),
        };
        let tags = session_tags(&google(), Some(&map), &json!({"custom:dept": ["a", "b"]}));
        assert_eq!(tags[0].value.as_deref(), Some("a,b"));
        let user_pool = ProviderRef::UserPool {
            provider_name: "cognito-idp.us-east-1.amazonaws.com/us-east-1_X".into(),
            client_id: "c".into(),
        };
        let defaults = PrincipalTagMap {
            use_defaults: true,
            principal_tags: Default::default(),
        };
        let tags = session_tags(&user_pool, Some(&defaults), &json!({"aud": "c"}));
        assert_eq!(tags[0].key, "client");
        assert_eq!(tags[0].value.as_deref(), Some("c"));
        assert_eq!(tags[1].value, None, "no sub claim: no username tag");
    }
}
