//! A provider of a pool as an edit names it, and the keys the service files it under: its
//! role mapping, its principal tags, the logins of its identities.

/// A provider of a pool, by what identifies it there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProviderRef {
    /// A user pool app client: provider name and client id.
    UserPool {
        /// `cognito-idp.<region>.amazonaws.com/<user pool id>`.
        provider_name: String,
        /// The app client.
        client_id: String,
    },
    /// A social login by its domain (`accounts.google.com`).
    Social(String),
    /// An IAM OpenID Connect provider by ARN.
    Oidc(String),
    /// An IAM SAML provider by ARN.
    Saml(String),
}

impl ProviderRef {
    /// Every provider of a pool, in the console's order: user pool app clients, social logins,
    /// OIDC, SAML.
    pub fn all(pool: &crate::domain::IdentityPool) -> Vec<ProviderRef> {
        let mut out: Vec<ProviderRef> = pool
            .cognito_identity_providers
            .iter()
            .map(|p| ProviderRef::UserPool {
                provider_name: p.provider_name.clone(),
                client_id: p.client_id.clone(),
            })
            .collect();
        out.extend(
            pool.supported_login_providers
                .keys()
                .map(|d| ProviderRef::Social(d.clone())),
        );
        out.extend(
            pool.open_id_connect_provider_arns
                .iter()
                .map(|a| ProviderRef::Oidc(a.clone())),
        );
        out.extend(
            pool.saml_provider_arns
                .iter()
                .map(|a| ProviderRef::Saml(a.clone())),
        );
        out
    }

    /// The role-mapping key of this provider.
    pub fn mapping_key(&self) -> String {
        match self {
            ProviderRef::UserPool {
                provider_name,
                client_id,
            } => format!("{provider_name}:{client_id}"),
            ProviderRef::Social(domain) => domain.clone(),
            ProviderRef::Oidc(arn) => arn
                .split_once(":oidc-provider/")
                .map_or_else(|| arn.clone(), |(_, host)| host.to_string()),
            ProviderRef::Saml(arn) => arn.clone(),
        }
    }

    /// The provider name an identity's logins list it by.
    pub fn login_name(&self) -> String {
        match self {
            ProviderRef::UserPool { provider_name, .. } => provider_name.clone(),
            ProviderRef::Oidc(_) => self.mapping_key(),
            ProviderRef::Social(name) | ProviderRef::Saml(name) => name.clone(),
        }
    }

    /// The provider name principal tags are set under.
    pub fn tag_provider(&self) -> String {
        match self {
            ProviderRef::UserPool { provider_name, .. } => provider_name.clone(),
            ProviderRef::Social(domain) => domain.clone(),
            ProviderRef::Oidc(arn) | ProviderRef::Saml(arn) => arn.clone(),
        }
    }

    /// Every mapping key the service accepts for this provider (OIDC by ARN too).
    pub fn mapping_keys(&self) -> Vec<String> {
        match self {
            ProviderRef::Oidc(arn) => vec![self.mapping_key(), arn.clone()],
            _ => vec![self.mapping_key()],
        }
    }
}
