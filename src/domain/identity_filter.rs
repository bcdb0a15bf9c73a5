//! The Identity browser's filter: space-separated terms that must all match (`"…"` keeps spaces
//! inside one term).
//!
//! - `guest` / `auth`: the kind; `disabled` / `enabled`: the status (an identity is disabled once it
//!   lost all its logins, merged away or unlinked);
//! - `provider:TEXT` (or `p:TEXT`): a linked login's provider contains TEXT, in the service's name
//!   (`cognito-idp.…`, `accounts.google.com`) or as the table names it (`user pool …`, `Google`),
//!   spaces ignored (`p:google`, `p:userpool`, `p:"user pool"`);
//! - `created<WHEN`, `created>WHEN`, `modified<WHEN`, `modified>WHEN`: `<` is before WHEN, `>` is
//!   after it, for dates and ages alike. WHEN is a date (`2026-01-31`) or an age counted back from
//!   now (`30d`, `12h`, `6w`): `created>30d` is created in the last 30 days, `created<30d` longer ago;
//! - anything else: part of the identity id.

use time::Date;
use time::macros::format_description;

use super::identity::{Identity, short_provider};

/// Which timestamp a date term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// CreationDate.
    Created,
    /// LastModifiedDate.
    Modified,
}

/// Whether an identity is enabled, as far as the console knows (ListIdentities says it only by
/// leaving disabled identities out of a listing with `HideDisabled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Not checked yet.
    #[default]
    Unknown,
    /// Listed with `HideDisabled`.
    Enabled,
    /// Left out of the listing with `HideDisabled`.
    Disabled,
}

/// One term of the filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// The id contains this (lower case).
    Id(String),
    /// A login's provider contains this (lower case, no spaces).
    Provider(String),
    /// Guests only.
    Guest,
    /// Authenticated identities only.
    Authenticated,
    /// Disabled identities only.
    Disabled,
    /// Enabled identities only.
    Enabled,
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
    "id text, guest, auth, disabled, p:PROVIDER, created<2026-01-31, created>30d, modified<7d";

/// The filter's rules, a line each, for the help overlay.
pub const FILTER_RULES: [&str; 5] = [
    "id text · guest · auth · disabled · enabled — every term must match",
    "p:google, p:userpool, p:\"user pool\" — a login's provider (spaces ignored)",
    "< before, > after, for dates and ages alike: created<2026-01-31, modified>2026-02-01",
    "an age counts back from now: created>30d = in the last 30 days; created<30d = before that",
    "ages: m minutes, h hours, d days, w weeks, y years",
];

/// Splits filter text into words; double quotes keep spaces inside one word and are dropped.
fn words(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if quoted {
        return Err("a \" is not closed".into());
    }
    if started {
        out.push(word);
    }
    Ok(out)
}

/// Lower case without spaces: how provider text is compared.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

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
        // An age names the moment that long ago; `<` and `>` read as for a date.
        return Ok((before, now - n * seconds));
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
    for word in words(text)? {
        let lower = word.to_lowercase();
        let term = match lower.as_str() {
            "guest" | "guests" | "unauth" => Term::Guest,
            "auth" | "authenticated" => Term::Authenticated,
            "disabled" => Term::Disabled,
            "enabled" => Term::Enabled,
            _ => {
                if let Some(provider) = lower
                    .strip_prefix("provider:")
                    .or_else(|| lower.strip_prefix("p:"))
                {
                    let provider = squeezed(provider);
                    if provider.is_empty() {
                        return Err(format!("\"{word}\" needs a provider name, e.g. p:google"));
                    }
                    Term::Provider(provider)
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

    /// Whether a term asks for the status (enabled or disabled), which needs a check.
    pub fn needs_status(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(t, Term::Disabled | Term::Enabled))
    }

    /// Whether an identity, with what is known of its status, passes every term.
    pub fn matches(&self, identity: &Identity, status: Status) -> bool {
        self.terms.iter().all(|term| match term {
            Term::Id(text) => identity.id.contains(text.as_str()),
            Term::Provider(text) => identity.logins.iter().any(|login| {
                squeezed(login).contains(text.as_str())
                    || squeezed(&short_provider(login)).contains(text.as_str())
            }),
            Term::Guest => identity.is_guest() && status != Status::Disabled,
            Term::Authenticated => !identity.is_guest(),
            Term::Disabled => status == Status::Disabled,
            Term::Enabled => status == Status::Enabled,
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

    fn passes(filter: &str, identity: &Identity) -> bool {
        parse(filter, NOW)
            .unwrap_or_else(|e| panic!("{filter}: {e}"))
            .matches(identity, Status::Unknown)
    }

    #[test]
    fn terms_combine() {
        let old_guest = identity("us-east-1:aaa", &[], 100.0);
        let new_google = identity("us-east-1:abb", &["accounts.google.com"], 3.0);
        assert!(passes("guest created<30d", &old_guest));
        assert!(!passes("guest created<30d", &new_google));
        assert!(passes("p:google created>7d ab", &new_google));
        assert!(!passes("p:google created>7d ab", &old_guest));
        assert!(passes("auth", &new_google));
        assert!(passes("", &old_guest));
    }

    #[test]
    fn ages_and_dates_read_the_same_way_round() {
        // Created 3 days ago: after the moment 7 days ago, and after a date 7 days back.
        let recent = identity("us-east-1:new", &[], 3.0);
        let week_ago = time::OffsetDateTime::from_unix_timestamp((NOW - 7.0 * DAY) as i64)
            .map(|t| t.date().to_string())
            .unwrap_or_default();
        for after in ["created>7d".to_string(), format!("created>{week_ago}")] {
            assert!(passes(&after, &recent), "{after}");
        }
        for before in ["created<7d".to_string(), format!("created<{week_ago}")] {
            assert!(!passes(&before, &recent), "{before}");
        }
    }

    #[test]
    fn providers_match_as_the_table_names_them() {
        let user = identity(
            "us-east-1:u",
            &["cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rs"],
            1.0,
        );
        for filter in [
            "p:userpool",
            "p:\"user pool\"",
            "p:cognito-idp",
            "provider:\"User Pool us-east-1_ord3rs\"",
        ] {
            assert!(passes(filter, &user), "{filter}");
        }
        assert!(!passes("p:google", &user));
        assert!(
            parse("p:\"user pool", NOW).is_err(),
            "an open quote is refused"
        );
    }

    #[test]
    fn status_terms_need_a_known_status() {
        let guest = identity("us-east-1:g", &[], 1.0);
        let filter = parse("disabled", NOW).unwrap_or_default();
        assert!(filter.needs_status());
        assert!(!filter.matches(&guest, Status::Unknown));
        assert!(filter.matches(&guest, Status::Disabled));
        assert!(!filter.matches(&guest, Status::Enabled));
        let guests = parse("guest", NOW).unwrap_or_default();
        assert!(!guests.needs_status());
        assert!(guests.matches(&guest, Status::Enabled));
        assert!(
            !guests.matches(&guest, Status::Disabled),
            "a disabled identity is no guest"
        );
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
            vec![Term::After(Stamp::Modified, NOW - 30.0 * DAY)]
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
