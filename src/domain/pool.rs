//! An identity pool's configuration, in the service's JSON shape (the sandbox serves it as is).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::provider::ProviderKind;

/// One entry of `CognitoIdentityProviders`: a user pool app client that may sign in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CognitoProvider {
    /// `cognito-idp.<region>.amazonaws.com/<userPoolId>`.
    pub provider_name: String,
    /// The app client id.
    pub client_id: String,
    /// Whether the identity pool checks with the user pool that the token was not revoked.
    #[serde(default)]
    pub server_side_token_check: bool,
}

/// The whole configuration of an identity pool, as DescribeIdentityPool returns it. Its `{:?}`
/// hides Twitter's consumer secret (see the `Debug` impl below).
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IdentityPool {
    /// `<region>:<uuid>`.
    pub identity_pool_id: String,
    /// Display name; not unique.
    pub identity_pool_name: String,
    /// Guest access.
    pub allow_unauthenticated_identities: bool,
    /// Basic (classic) flow: unset, explicitly off, or on (three states on the service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_classic_flow: Option<bool>,
    /// Social providers: domain → app id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub supported_login_providers: BTreeMap<String, String>,
    /// Developer-authenticated identities' provider name; immutable once set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub developer_provider_name: Option<String>,
    /// IAM OpenID Connect provider ARNs.
    #[serde(
        default,
        rename = "OpenIdConnectProviderARNs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub open_id_connect_provider_arns: Vec<String>,
    /// User pool app clients.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cognito_identity_providers: Vec<CognitoProvider>,
    /// IAM SAML provider ARNs.
    #[serde(
        default,
        rename = "SamlProviderARNs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub saml_provider_arns: Vec<String>,
    /// Tags (always present in the service's answers, `{}` when empty).
    #[serde(default)]
    pub identity_pool_tags: BTreeMap<String, String>,
}

/// A row of ListIdentityPools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolSummary {
    /// `<region>:<uuid>`.
    pub id: String,
    /// Display name.
    pub name: String,
}

impl IdentityPool {
    /// The kinds of identity provider configured, in the console's order, without repeats.
    pub fn provider_kinds(&self) -> Vec<ProviderKind> {
        let mut kinds = Vec::new();
        if !self.cognito_identity_providers.is_empty() {
            kinds.push(ProviderKind::UserPool);
        }
        for key in self.supported_login_providers.keys() {
            let kind = ProviderKind::from_login_key(key);
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        if !self.open_id_connect_provider_arns.is_empty() {
            kinds.push(ProviderKind::OpenIdConnect);
        }
        if !self.saml_provider_arns.is_empty() {
            kinds.push(ProviderKind::Saml);
        }
        if self.developer_provider_name.is_some() {
            kinds.push(ProviderKind::Developer);
        }
        kinds
    }

    /// The keys a role mapping may have: `<provider name>:<client id>` per user pool client, each
    /// social domain, each OIDC provider's ARN and host, each SAML provider's ARN.
    pub fn mapping_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .cognito_identity_providers
            .iter()
            .map(|p| format!("{}:{}", p.provider_name, p.client_id))
            .collect();
        keys.extend(self.supported_login_providers.keys().cloned());
        for arn in &self.open_id_connect_provider_arns {
            keys.push(arn.clone());
            if let Some((_, host)) = arn.split_once(":oidc-provider/") {
                keys.push(host.to_string());
            }
        }
        keys.extend(self.saml_provider_arns.iter().cloned());
        keys
    }

    /// The provider names principal tags may be set for: each user pool provider, social domain,
    /// OIDC and SAML provider ARN.
    pub fn tag_providers(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .cognito_identity_providers
            .iter()
            .map(|p| p.provider_name.clone())
            .collect();
        names.extend(self.supported_login_providers.keys().cloned());
        names.extend(self.open_id_connect_provider_arns.iter().cloned());
        names.extend(self.saml_provider_arns.iter().cloned());
        names
    }

    /// The pool's ARN for the tagging operations.
    pub fn arn(&self, account: &str) -> String {
        pool_arn(&self.identity_pool_id, account)
    }
}

/// Twitter's login value is `consumerKey;consumerSecret`: `{:?}` shows the key only, so pools,
/// effects and messages can be debug-printed (or end up in a panic message) without the secret.
impl std::fmt::Debug for IdentityPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let twitter = ProviderKind::Twitter.login_key();
        let logins: BTreeMap<&str, String> = self
            .supported_login_providers
            .iter()
            .map(|(domain, value)| {
                let shown = match value.split_once(';') {
                    Some((key, _)) if Some(domain.as_str()) == twitter => {
                        format!("{key};<secret>")
                    }
                    _ => value.clone(),
                };
                (domain.as_str(), shown)
            })
            .collect();
        f.debug_struct("IdentityPool")
            .field("identity_pool_id", &self.identity_pool_id)
            .field("identity_pool_name", &self.identity_pool_name)
            .field(
                "allow_unauthenticated_identities",
                &self.allow_unauthenticated_identities,
            )
            .field("allow_classic_flow", &self.allow_classic_flow)
            .field("supported_login_providers", &logins)
            .field("developer_provider_name", &self.developer_provider_name)
            .field(
                "open_id_connect_provider_arns",
                &self.open_id_connect_provider_arns,
            )
            .field(
                "cognito_identity_providers",
                &self.cognito_identity_providers,
            )
            .field("saml_provider_arns", &self.saml_provider_arns)
            .field("identity_pool_tags", &self.identity_pool_tags)
            .finish()
    }
}

/// `arn:aws:cognito-identity:<region>:<account>:identitypool/<id>`.
pub fn pool_arn(pool_id: &str, account: &str) -> String {
    let region = region_of(pool_id).unwrap_or_default();
    format!("arn:aws:cognito-identity:{region}:{account}:identitypool/{pool_id}")
}

/// The region prefix of a pool or identity id (`us-east-1` of `us-east-1:…`).
pub fn region_of(id: &str) -> Option<&str> {
    id.split_once(':').map(|(region, _)| region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_twitters_consumer_secret() {
        let pool = IdentityPool {
            supported_login_providers: BTreeMap::from([
                ("api.twitter.com".to_string(), "ck123;s3cr3t".to_string()),
                ("accounts.google.com".to_string(), "g.apps".to_string()),
            ]),
            ..Default::default()
        };
        let shown = format!("{pool:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(
            shown.contains("ck123;<secret>") && shown.contains("g.apps"),
            "{shown}"
        );
    }

    #[test]
    fn a_bare_pool_serialises_like_the_service() {
        let pool = IdentityPool {
            identity_pool_id: "us-east-1:1".into(),
            identity_pool_name: "p".into(),
            ..Default::default()
        };
        let json = serde_json::to_value(&pool).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"IdentityPoolId":"us-east-1:1","IdentityPoolName":"p",
                "AllowUnauthenticatedIdentities":false,"IdentityPoolTags":{}})
        );
    }

    #[test]
    fn provider_kinds_are_listed_once_in_console_order() {
        let mut pool = IdentityPool {
            developer_provider_name: Some("login.dev".into()),
            ..Default::default()
        };
        pool.supported_login_providers
            .insert("accounts.google.com".into(), "x".into());
        pool.cognito_identity_providers
            .push(CognitoProvider::default());
        assert_eq!(
            pool.provider_kinds(),
            vec![
                ProviderKind::UserPool,
                ProviderKind::Google,
                ProviderKind::Developer
            ]
        );
    }

    #[test]
    fn arn_uses_the_region_of_the_id() {
        assert_eq!(
            pool_arn("eu-west-1:abc", "123456789012"),
            "arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:abc"
        );
    }
}
