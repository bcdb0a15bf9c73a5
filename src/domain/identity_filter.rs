//! The Identity browser's filter: space-separated terms that must all match.
//!
//! - `guest` / `auth`: the kind;
//! - `provider:TEXT` (or `p:TEXT`): a linked login's provider name contains TEXT (`p:google`);
//! - `created<WHEN`, `created>WHEN`, `modified<WHEN`, `modified>WHEN`: WHEN is a date (`2026-01-31`;
//!   `<` before, `>` after) or an age (`30d`, `12h`, `6w`; `>30d` older than 30 days, `<30d` newer);
//! - anything else: part of the identity id.

use time::Date;
use time::macros::format_description;

use super::identity::Identity;

/// Which timestamp a date term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// CreationDate.
    Created,
    /// LastModifiedDate.
    Modified,
}

/// One term of the filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// The id contains this (lower case).
    Id(String),
    /// A login's provider name contains this (lower case).
    Provider(String),
    /// Guests only.
    Guest,
    /// Authenticated identities only.
    Authenticated,
    /// The timestamp is before this epoch second.
    Before(Stamp, f64),
    /// The timestamp is after this epoch second.
    After(Stamp, f64),
}

/// A parsed filter: every term must match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// The terms.
    pub terms: Vec<Term>,
}

/// What the filter accepts, for its error messages.
pub const FILTER_HELP: &str =
    "id text, guest, auth, p:PROVIDER, created<2026-01-31, created>30d, modified<7d";

fn parse_when(text: &str, before: bool, now: f64) -> Result<(bool, f64), String> {
    let units = [
        ('m', 60.0),
        ('h', 3_600.0),
        ('d', 86_400.0),
        ('w', 604_800.0),
        ('y', 31_536_000.0),
    ];
    if let Some(unit) = text.chars().last()
        && let Some((_, seconds)) = units.iter().find(|(u, _)| *u == unit)
        && let Ok(n) = text[..text.len() - 1].parse::<f64>()
        && n >= 0.0
    {
        // An age: "<30d" means newer than 30 days, i.e. after now − 30 days.
        return Ok((!before, now - n * seconds));
    }
    let format = format_description!("[year]-[month]-[day]");
    let date = Date::parse(text, &format).map_err(|_| {
        format!("\"{text}\" is neither a date (2026-01-31) nor an age (30d, 12h, 6w)")
    })?;
    let epoch = date.midnight().assume_utc().unix_timestamp() as f64;
    Ok((before, epoch))
}

/// Parses filter text; `now` (epoch seconds) anchors ages.
pub fn parse(text: &str, now: f64) -> Result<Filter, String> {
    let mut terms = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let term = match lower.as_str() {
            "guest" | "guests" | "unauth" => Term::Guest,
            "auth" | "authenticated" => Term::Authenticated,
            _ => {
                if let Some(provider) = lower
                    .strip_prefix("provider:")
                    .or_else(|| lower.strip_prefix("p:"))
                {
                    if provider.is_empty() {
                        return Err(format!("\"{word}\" needs a provider name, e.g. p:google"));
                    }
                    Term::Provider(provider.to_string())
                } else if let Some((stamp, rest)) =
                    [("created", Stamp::Created), ("modified", Stamp::Modified)]
                        .iter()
                        .find_map(|(name, stamp)| {
                            lower.strip_prefix(name).map(|rest| (*stamp, rest))
                        })
                {
                    let rest = rest.strip_prefix(':').unwrap_or(rest);
                    let (before, when) = match (rest.strip_prefix('<'), rest.strip_prefix('>')) {
                        (Some(when), _) => (true, when),
                        (_, Some(when)) => (false, when),
                        _ => return Err(format!("\"{word}\": use created<WHEN or created>WHEN")),
                    };
                    match parse_when(when, before, now)? {
                        (true, epoch) => Term::Before(stamp, epoch),
                        (false, epoch) => Term::After(stamp, epoch),
                    }
                } else {
                    Term::Id(lower)
                }
            }
        };
        terms.push(term);
    }
    Ok(Filter { terms })
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether an identity passes every term.
    pub fn matches(&self, identity: &Identity) -> bool {
        self.terms.iter().all(|term| match term {
            Term::Id(text) => identity.id.contains(text.as_str()),
            Term::Provider(text) => identity
                .logins
                .iter()
                .any(|l| l.to_lowercase().contains(text.as_str())),
            Term::Guest => identity.is_guest(),
            Term::Authenticated => !identity.is_guest(),
            Term::Before(stamp, epoch) => stamp_of(identity, *stamp).is_some_and(|t| t < *epoch),
            Term::After(stamp, epoch) => stamp_of(identity, *stamp).is_some_and(|t| t >= *epoch),
        })
    }
}

fn stamp_of(identity: &Identity, stamp: Stamp) -> Option<f64> {
    match stamp {
        Stamp::Created => identity.created,
        Stamp::Modified => identity.modified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_800_000_000.0;
    const DAY: f64 = 86_400.0;

    fn identity(id: &str, logins: &[&str], age_days: f64) -> Identity {
        Identity {
            id: id.into(),
            logins: logins.iter().map(|s| s.to_string()).collect(),
            created: Some(NOW - age_days * DAY),
            modified: Some(NOW - age_days * DAY / 2.0),
        }
    }

    #[test]
    fn terms_combine() {
        let old_guest = identity("us-east-1:aaa", &[], 100.0);
        let new_google = identity("us-east-1:abb", &["accounts.google.com"], 3.0);
        let filter = parse("guest created>30d", NOW).unwrap_or_default();
        assert!(filter.matches(&old_guest));
        assert!(!filter.matches(&new_google));
        let filter = parse("p:google created<7d ab", NOW).unwrap_or_default();
        assert!(filter.matches(&new_google));
        assert!(!filter.matches(&old_guest));
        assert!(parse("auth", NOW).unwrap_or_default().matches(&new_google));
        assert!(parse("", NOW).unwrap_or_default().matches(&old_guest));
    }

    #[test]
    fn dates_mean_before_and_after() {
        let jan15 = time::macros::date!(2027 - 01 - 15)
            .midnight()
            .assume_utc()
            .unix_timestamp() as f64;
        let filter = parse("created<2027-01-15 modified>2027-01-15", NOW).unwrap_or_default();
        assert_eq!(
            filter.terms,
            vec![
                Term::Before(Stamp::Created, jan15),
                Term::After(Stamp::Modified, jan15)
            ]
        );
        let filter = parse("modified:>30d", NOW).unwrap_or_default();
        assert_eq!(
            filter.terms,
            vec![Term::Before(Stamp::Modified, NOW - 30.0 * DAY)]
        );
    }

    #[test]
    fn mistakes_say_what_is_allowed() {
        let err = parse("created<yesterday", NOW).err().unwrap_or_default();
        assert!(err.contains("neither a date"), "{err}");
        assert!(parse("created=3d", NOW).is_err());
        assert!(parse("p:", NOW).is_err());
        assert!(parse("created<2026-02-30", NOW).is_err());
    }
}
