//! Statistics of a pool's identities as far as they are loaded: guests against signed-in ones,
//! signed-in ones by provider, and identities created per month.

use std::collections::BTreeMap;

use super::Identity;
use super::identity::short_provider;

/// What the loaded identities add up to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdentityStats {
    /// Identities counted.
    pub total: usize,
    /// With no login (guests).
    pub guests: usize,
    /// With at least one login.
    pub authenticated: usize,
    /// Logins by provider, as the Identity browser names them (an identity with two logins
    /// counts for both), most first.
    pub by_provider: Vec<(String, usize)>,
    /// Identities created per month (`2026-11`), oldest first, every month between the first and
    /// the last one present (an empty month shows as 0).
    pub per_month: Vec<(String, usize)>,
}

/// The statistics of `identities`.
pub fn stats<'a>(identities: impl IntoIterator<Item = &'a Identity>) -> IdentityStats {
    let mut out = IdentityStats::default();
    // Counted by raw login key (borrowed: this runs as the summary draws), named once per key.
    let mut logins: BTreeMap<&str, usize> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
    for identity in identities {
        out.total += 1;
        if identity.is_guest() {
            out.guests += 1;
        } else {
            out.authenticated += 1;
        }
        for login in &identity.logins {
            *logins.entry(login.as_str()).or_default() += 1;
        }
        if let Some(month) = identity.created.and_then(month_of) {
            *months.entry(month).or_default() += 1;
        }
    }
    let mut providers: BTreeMap<String, usize> = BTreeMap::new();
    for (login, n) in logins {
        *providers.entry(short_provider(login)).or_default() += n;
    }
    out.by_provider = providers.into_iter().collect();
    out.by_provider
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) {
        let mut month = first;
        while month <= last {
            let count = months.get(&month).copied().unwrap_or(0);
            out.per_month
                .push((format!("{}-{:02}", month.0, month.1), count));
            month = if month.1 == 12 {
                (month.0 + 1, 1)
            } else {
                (month.0, month.1 + 1)
            };
        }
    }
    out
}

fn month_of(epoch: f64) -> Option<(i32, u8)> {
    let at = time::OffsetDateTime::from_unix_timestamp(epoch as i64).ok()?;
    Some((at.year(), at.month() as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(logins: &[&str], created: &str) -> Identity {
        let at = time::OffsetDateTime::parse(
            &format!("{created}T12:00:00Z"),
            &time::format_description::well_known::Rfc3339,
        )
        .map(|t| t.unix_timestamp() as f64)
        .ok();
        Identity {
            id: "us-east-1:x".into(),
            logins: logins.iter().map(|l| l.to_string()).collect(),
            created: at,
            modified: None,
        }
    }

    #[test]
    fn counts_guests_providers_and_months_with_empty_months_kept() {
        let pool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc";
        let identities = [
            identity(&[], "2025-11-03"),
            identity(&[pool], "2025-11-20"),
            identity(&[pool, "accounts.google.com"], "2026-01-02"),
            identity(&["accounts.google.com"], "2026-01-31"),
            identity(&[pool], "2026-01-15"),
        ];
        let stats = stats(&identities);
        assert_eq!((stats.total, stats.guests, stats.authenticated), (5, 1, 4));
        assert_eq!(
            stats.by_provider,
            vec![("user pool us-east-1_Abc".into(), 3), ("Google".into(), 2)]
        );
        assert_eq!(
            stats.per_month,
            vec![
                ("2025-11".into(), 2),
                ("2025-12".into(), 0),
                ("2026-01".into(), 3)
            ]
        );
        assert_eq!(super::stats(&[]), IdentityStats::default());
    }
}
