//! What the screens and the app share about where the console is: the tabs, the session, and
//! how a notice reads.

use strum::EnumIter;

/// The four tabs, in the order of their number keys. What each has (keys, view) is said once, in
/// `console::tabs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, Default)]
pub enum Tab {
    /// Every identity pool of the region.
    #[default]
    Pools,
    /// Guest and authenticated access, identity providers, properties.
    UserAccess,
    /// The identities of the current pool.
    Identities,
    /// Default roles and role mappings.
    Roles,
}

impl std::fmt::Display for Tab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.title())
    }
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 4] = [Tab::Pools, Tab::UserAccess, Tab::Identities, Tab::Roles];

    /// Its title in the tab bar and the command line.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Pools => "Pools",
            Tab::UserAccess => "User access",
            Tab::Identities => "Identity browser",
            Tab::Roles => "Role settings",
        }
    }

    /// The tab's position (0-based).
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// Who and where the console is talking to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The profile in use (`default` when none was named).
    pub profile: String,
    /// The region in use.
    pub region: String,
    /// `AWS`, `sandbox 127.0.0.1:41237`, or the custom endpoint URL.
    pub endpoint: String,
    /// Whether this is the built-in sandbox (profiles do not apply there).
    pub sandbox: bool,
    /// Who the credentials are, as STS GetCallerIdentity says (not asked of the sandbox).
    pub caller: Option<String>,
}

/// How a notice reads: success, warning or error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something worked.
    Success,
    /// Something to know.
    Info,
    /// Something was refused or needs attention.
    Warning,
    /// Something failed.
    Error,
}

/// A passing condition a notice is about ("Can't go on yet: …", "(reloading)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The wizard refused to leave this step: holds while it is on it with a problem.
    WizardStepBlocked(crate::wizard::Step),
    /// A section edit form of this tab could not be saved: holds while it is on screen with a
    /// problem (gone once the problem is fixed or the form is left).
    EditFormBlocked(Tab),
    /// The Identity browser stops after the page in flight.
    IdentitiesPauseRequested,
    /// The Identity browser is loading pages.
    IdentitiesLoading,
}
