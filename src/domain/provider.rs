//! The kinds of identity provider an identity pool can trust.

use strum::{Display, EnumIter};

/// An identity source, as the console names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumIter)]
pub enum ProviderKind {
    /// Amazon Cognito user pool.
    #[strum(to_string = "user pool")]
    UserPool,
    /// Facebook (`graph.facebook.com`).
    #[strum(to_string = "Facebook")]
    Facebook,
    /// Google (`accounts.google.com`).
    #[strum(to_string = "Google")]
    Google,
    /// Login with Amazon (`www.amazon.com`).
    #[strum(to_string = "Amazon")]
    Amazon,
    /// Sign in with Apple (`appleid.apple.com`).
    #[strum(to_string = "Apple")]
    Apple,
    /// Twitter (`api.twitter.com`).
    #[strum(to_string = "Twitter")]
    Twitter,
    /// Digits, a retired provider some old pools still carry (`www.digits.com`).
    #[strum(to_string = "Digits")]
    Digits,
    /// An OpenID Connect provider registered in IAM.
    #[strum(to_string = "OIDC")]
    OpenIdConnect,
    /// A SAML provider registered in IAM.
    #[strum(to_string = "SAML")]
    Saml,
    /// Developer-authenticated identities.
    #[strum(to_string = "developer")]
    Developer,
    /// A SupportedLoginProviders key the console does not know.
    #[strum(to_string = "other")]
    Other,
}

impl ProviderKind {
    /// The kind behind a SupportedLoginProviders key.
    pub fn from_login_key(key: &str) -> Self {
        match key {
            "graph.facebook.com" => Self::Facebook,
            "accounts.google.com" => Self::Google,
            "www.amazon.com" => Self::Amazon,
            "appleid.apple.com" => Self::Apple,
            "api.twitter.com" => Self::Twitter,
            "www.digits.com" => Self::Digits,
            _ => Self::Other,
        }
    }

    /// The SupportedLoginProviders key of a social provider.
    pub fn login_key(self) -> Option<&'static str> {
        match self {
            Self::Facebook => Some("graph.facebook.com"),
            Self::Google => Some("accounts.google.com"),
            Self::Amazon => Some("www.amazon.com"),
            Self::Apple => Some("appleid.apple.com"),
            Self::Twitter => Some("api.twitter.com"),
            Self::Digits => Some("www.digits.com"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn login_keys_round_trip() {
        for kind in ProviderKind::iter() {
            if let Some(key) = kind.login_key() {
                assert_eq!(ProviderKind::from_login_key(key), kind);
            }
        }
        assert_eq!(
            ProviderKind::from_login_key("example.com"),
            ProviderKind::Other
        );
    }
}
