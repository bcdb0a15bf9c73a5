//! The writes sent and not answered yet: if the console quits first, each is journaled with an
//! unknown outcome (it may have taken effect); and the journal's later line saying what a read
//! found of a write whose outcome was unknown.

use super::{Runner, journaled};

/// Writes on their way, by a number of their own.
#[derive(Default)]
pub(super) struct Unanswered {
    next: u64,
    writes: std::collections::BTreeMap<u64, (&'static str, String, String)>,
}

impl Runner {
    /// A write is sent: kept until answered; its number.
    pub(super) fn sent(&self, write: &(&'static str, String, String)) -> u64 {
        let mut unanswered = self.unanswered.lock().unwrap_or_else(|p| p.into_inner());
        unanswered.next += 1;
        let key = unanswered.next;
        unanswered.writes.insert(key, write.clone());
        key
    }

    /// The write numbered `key` was answered.
    pub(super) fn answered(&self, key: u64) {
        let mut unanswered = self.unanswered.lock().unwrap_or_else(|p| p.into_inner());
        unanswered.writes.remove(&key);
    }

    /// Journals every write still unanswered as of unknown outcome, now (the console is quitting:
    /// the journal's thread may not get to it). How many there were.
    pub fn journal_unanswered(&self) -> usize {
        let Some(journal) = &self.journal else {
            return 0;
        };
        let writes = std::mem::take(
            &mut self
                .unanswered
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .writes,
        );
        let session = self
            .session
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_default();
        let count = writes.len();
        for write in writes.into_values() {
            let entry = journaled::unanswered(write, &session);
            if let Err(error) = journal.append_now(&entry) {
                tracing::warn!(%error, "an unanswered write could not be journaled");
            }
        }
        count
    }

    /// Journals what a read found of a write whose outcome was unknown.
    pub(super) fn journal_note(
        &self,
        operation: &'static str,
        target: String,
        outcome: String,
        summary: String,
    ) {
        let Some(journal) = &self.journal else {
            return;
        };
        let session = self
            .session
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_default();
        let mut entry = journaled::unanswered((operation, target, summary), &session);
        entry.outcome = outcome;
        entry.error = None;
        journal.append(entry);
    }
}
