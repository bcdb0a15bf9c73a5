//! Which intents change something on the service. Each screen's action enum says so once, and the
//! app refuses those centrally in read-only mode, before any screen sees them.

/// An intent from a key table.
pub trait Intent: Copy {
    /// What it would change, for the refusal ("deleting pools"); `None` when it only reads.
    fn changes(&self) -> Option<&'static str>;
}

/// The read-only refusal of `intent`, if it changes something and the console is read-only.
pub fn refusal(read_only: bool, intent: &impl Intent) -> Option<String> {
    let what = intent.changes().filter(|_| read_only)?;
    Some(format!("Read-only mode (--read-only): {what} is disabled"))
}

/// Says that a key-intent type changes nothing on the service (a view that only reads).
macro_rules! only_reads {
    ($action:ty) => {
        impl $crate::app::intent::Intent for $action {
            fn changes(&self) -> Option<&'static str> {
                None
            }
        }
    };
}
pub(crate) use only_reads;
