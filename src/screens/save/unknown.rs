//! A write that got no answer (a timeout, a dropped connection) may have taken effect: the save
//! says so, and once the read after it is in, tells the journal what it found.

use super::Save;
use crate::app::Effect;
use crate::domain::config::PoolConfig;
use crate::domain::save_plan::{Write, plan};

impl Save {
    /// The failed call, when no answer came (a timeout, a dropped connection): it may have taken
    /// effect.
    pub fn unanswered(&self) -> Option<&Write> {
        self.failure()
            .filter(|(_, error)| {
                matches!(
                    error.kind,
                    crate::app::ErrorKind::Timeout | crate::app::ErrorKind::Connection
                )
            })
            .map(|(write, _)| write)
    }

    /// What the read after an unanswered call found of it, for the journal (which recorded its
    /// outcome as unknown): it took effect when planning again from `now` no longer makes it.
    pub(super) fn unknown_outcome_found(&self, now: &PoolConfig) -> Option<Effect> {
        let write = self.unanswered()?;
        let intended = self.intended.as_ref()?;
        let took = !plan(now, intended).contains(write);
        let outcome = if took { "took effect" } else { "not in effect" };
        Some(Effect::JournalNote {
            operation: write.operation(),
            target: self.pool_id.clone(),
            outcome: outcome.into(),
            summary: format!(
                "a read after {} went unanswered found it {outcome}",
                write.operation()
            ),
        })
    }
}
