//! An identity as ListIdentities and DescribeIdentity describe it, and how the console names things.

use time::OffsetDateTime;
use time::macros::format_description;

/// One identity of a pool.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// `<region>:<uuid>`.
    pub id: String,
    /// Provider names of its linked logins (empty for a guest).
    pub logins: Vec<String>,
    /// Epoch seconds.
    pub created: Option<f64>,
    /// Epoch seconds.
    pub modified: Option<f64>,
}

impl Identity {
    /// Whether it is a guest (unauthenticated) identity.
    pub fn is_guest(&self) -> bool {
        self.logins.is_empty()
    }
}

/// A provider name shortened for a table cell: `cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc`
/// → `user pool us-east-1_Abc`, `accounts.google.com` → `Google`, an OIDC host or SAML ARN → its name.
pub fn short_provider(name: &str) -> String {
    if let Some((host, pool)) = name.split_once('/')
        && host.starts_with("cognito-idp.")
    {
        return format!("user pool {pool}");
    }
    if let Some(saml) = name.split_once(":saml-provider/") {
        return format!("SAML {}", saml.1);
    }
    let kind = super::ProviderKind::from_login_key(name);
    match kind {
        super::ProviderKind::Other => name.to_string(),
        kind => kind.to_string(),
    }
}

/// `2026-11-23 12:05` (UTC) for epoch seconds.
pub fn format_time(epoch: Option<f64>) -> String {
    let Some(epoch) = epoch else {
        return "—".to_string();
    };
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]");
    OffsetDateTime::from_unix_timestamp(epoch as i64)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| "—".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_are_shortened() {
        assert_eq!(
            short_provider("cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1"),
            "user pool us-east-1_Ord3rsPl1"
        );
        assert_eq!(short_provider("accounts.google.com"), "Google");
        assert_eq!(
            short_provider("arn:aws:iam::123456789012:saml-provider/CorpADFS"),
            "SAML CorpADFS"
        );
        assert_eq!(
            short_provider("login.tools.internal"),
            "login.tools.internal"
        );
    }

    #[test]
    fn times_format_in_utc() {
        assert_eq!(format_time(Some(1_795_000_000.0)), "2026-11-18 11:06");
        assert_eq!(format_time(None), "—");
    }
}
