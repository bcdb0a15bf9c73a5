//! The audit journal: every write the console makes (operation, pool or role, region, profile,
//! time, request ids, outcome, a one-line summary; never a secret) as one JSON line of
//! `journal.jsonl` in the data directory. The runner makes an entry of each write effect it runs
//! (`entry`), a thread of its own appends and fsyncs it (`writer`), and `:journal` reads it back.

mod describe;
pub mod request_ids;
mod writer;

pub use describe::{describe, outcome};
pub use writer::{Journal, read};

use serde::{Deserialize, Serialize};

/// The journal's file name in the data directory.
pub const FILE_NAME: &str = "journal.jsonl";

/// The journal's path in the data directory, when there is one.
pub fn default_path() -> Option<std::path::PathBuf> {
    crate::config::project_dirs().map(|d| d.data_dir().join(FILE_NAME))
}

/// One write made from the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When it was answered, RFC 3339 in UTC.
    pub time: String,
    /// The API operation (`UpdateIdentityPool`).
    pub operation: String,
    /// What it changed: a pool id, or `role/NAME`.
    pub target: String,
    /// The region the call went to.
    pub region: String,
    /// The profile (`sandbox` on the sandbox).
    pub profile: String,
    /// The request ids of its HTTP exchanges (one, or more when retried).
    pub request_ids: Vec<String>,
    /// `ok`; `failed`; `partly`; or `unknown` when no answer came (a timeout, a dropped
    /// connection, the console quit first) — the call may have taken effect, and a later entry of
    /// the same operation and target says what a read then found.
    pub outcome: String,
    /// The service's code and message when it failed; what was left undone when partly done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What changed, in a line.
    pub summary: String,
}

impl Entry {
    /// Whether every word of `filter` is in one of its fields (case-insensitive).
    pub fn matches(&self, filter: &str) -> bool {
        let text = format!(
            "{} {} {} {} {} {} {} {}",
            self.time,
            self.operation,
            self.target,
            self.region,
            self.profile,
            self.outcome,
            self.error.as_deref().unwrap_or_default(),
            self.summary
        )
        .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|word| text.contains(word))
    }
}
