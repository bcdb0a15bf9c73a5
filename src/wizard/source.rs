//! The identity sources the wizard can connect, with what the console asks for each.

use strum::{Display, EnumIter};

/// An identity source for authenticated access, in the console's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumIter)]
pub enum Source {
    /// Amazon Cognito user pool.
    #[strum(to_string = "Amazon Cognito user pool")]
    UserPool,
    /// Facebook.
    #[strum(to_string = "Facebook")]
    Facebook,
    /// Google.
    #[strum(to_string = "Google")]
    Google,
    /// Login with Amazon.
    #[strum(to_string = "Login with Amazon")]
    Amazon,
    /// Sign in with Apple.
    #[strum(to_string = "Sign in with Apple")]
    Apple,
    /// Twitter.
    #[strum(to_string = "Twitter")]
    Twitter,
    /// An OpenID Connect provider registered in IAM: the first (0) and any added (1, 2, …), each
    /// with its own role settings and attributes (the pool takes a list).
    #[strum(to_string = "OpenID Connect (OIDC)")]
    Oidc(u8),
    /// A SAML provider registered in IAM: the first (0) and any added.
    #[strum(to_string = "SAML")]
    Saml(u8),
    /// Developer-authenticated identities.
    #[strum(to_string = "Custom developer provider")]
    Developer,
}

/// How many OIDC (or SAML) providers the wizard connects at most: the service takes lists of
/// provider ARNs; 10 is far beyond any real pool, and keeps the form short.
pub const MAX_OF_A_KIND: u8 = 10;

impl Source {
    /// The source's name with its place among several of its kind ("OpenID Connect (OIDC) 2").
    pub fn title(self) -> String {
        match self {
            Source::Oidc(i) | Source::Saml(i) if i > 0 => format!("{self} {}", i + 1),
            _ => self.to_string(),
        }
    }

    /// Whether the pool can take several of this kind (OIDC and SAML: lists of ARNs).
    pub fn repeats(self) -> bool {
        matches!(self, Source::Oidc(_) | Source::Saml(_))
    }

    /// The first of its kind (the one the trust step toggles).
    pub fn first_of_kind(self) -> Source {
        match self {
            Source::Oidc(_) => Source::Oidc(0),
            Source::Saml(_) => Source::Saml(0),
            other => other,
        }
    }

    /// The SupportedLoginProviders key of a social source.
    pub fn login_key(self) -> Option<&'static str> {
        match self {
            Source::Facebook => Some("graph.facebook.com"),
            Source::Google => Some("accounts.google.com"),
            Source::Amazon => Some("www.amazon.com"),
            Source::Apple => Some("appleid.apple.com"),
            Source::Twitter => Some("api.twitter.com"),
            _ => None,
        }
    }

    /// What the social source's id is called.
    pub fn app_id_label(self) -> &'static str {
        match self {
            Source::Facebook => "Facebook app ID",
            Source::Google => "Google client ID",
            Source::Amazon => "Amazon app ID",
            Source::Apple => "Apple services ID",
            Source::Twitter => "Twitter consumer key",
            _ => "ID",
        }
    }

    /// Whether users of this source can get a role chosen per provider (developer identities
    /// always get the default authenticated role).
    pub fn has_role_settings(self) -> bool {
        self != Source::Developer
    }

    /// Whether "choose role with cognito:preferred_role in tokens" applies.
    pub fn supports_token_roles(self) -> bool {
        self == Source::UserPool
    }

    /// Whether attributes for access control can be set (developer identities pass their tags
    /// to GetOpenIdTokenForDeveloperIdentity instead).
    pub fn has_access_control(self) -> bool {
        self != Source::Developer
    }

    /// The service's default principal-tag mappings (tag ← claim), where documented.
    pub fn default_tags(self) -> Option<&'static [(&'static str, &'static str)]> {
        const SAML: &[(&str, &str)] = &[
            (
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
            ),
            (
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ),
        ];
        match self {
            Source::UserPool => Some(&[("username", "sub"), ("client", "aud")]),
            Source::Facebook | Source::Google | Source::Apple | Source::Oidc(_) => {
                Some(&[("aud", "aud"), ("sub", "sub")])
            }
            Source::Amazon => Some(&[("aud", "aud"), ("sub", "user_id")]),
            Source::Saml(_) => Some(SAML),
            Source::Twitter | Source::Developer => None,
        }
    }
}
