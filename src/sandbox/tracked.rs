//! Change tracking for the sandbox's state, so that a persistent store writes only what a request
//! changed. [`Tracked`] marks a small collection (pools, IAM, user pools) changed whenever it is
//! reached mutably; the store then compares its rows with what it last wrote. [`Journal`] is a
//! map that only grows (temporary credentials), recording each key inserted.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A value that knows whether it was reached mutably since the last [`Tracked::take_changed`].
/// Reads go through `Deref` and leave it clean; `DerefMut` (any `&mut` use) marks it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tracked<T> {
    value: T,
    #[serde(skip)]
    changed: bool,
}

impl<T> Tracked<T> {
    /// Wraps a value, marked changed (nothing has been written of it yet).
    pub fn new(value: T) -> Self {
        Self {
            value,
            changed: true,
        }
    }

    /// Whether it may have changed since the last call; the mark is cleared.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }
}

impl<T: PartialEq> PartialEq for Tracked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> std::ops::Deref for Tracked<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for Tracked<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.changed = true;
        &mut self.value
    }
}

/// A map that is only added to, remembering the keys added since the last
/// [`Journal::take_added`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Journal<V> {
    entries: BTreeMap<String, V>,
    #[serde(skip)]
    added: BTreeSet<String>,
}

impl<V> Default for Journal<V> {
    fn default() -> Self {
        Self::from_entries(BTreeMap::new())
    }
}

impl<V> Journal<V> {
    /// From entries already written.
    pub fn from_entries(entries: BTreeMap<String, V>) -> Self {
        Self {
            entries,
            added: BTreeSet::new(),
        }
    }

    /// Adds (or replaces) an entry.
    pub fn insert(&mut self, key: String, value: V) {
        self.added.insert(key.clone());
        self.entries.insert(key, value);
    }

    /// The entry for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(key)
    }

    /// Every entry.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter()
    }

    /// The entries added since the last call; the record is cleared.
    pub fn take_added(&mut self) -> Vec<(&String, &V)> {
        let added = std::mem::take(&mut self.added);
        added
            .into_iter()
            .filter_map(|key| self.entries.get_key_value(&key))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_leave_a_tracked_value_clean_and_writes_mark_it() {
        let mut pools = Tracked::new(vec![1, 2]);
        assert!(pools.take_changed(), "new values have not been written");
        assert!(!pools.take_changed());
        assert_eq!(pools.iter().sum::<i32>(), 3);
        assert_eq!(pools.len(), 2);
        assert!(!pools.take_changed(), "reading marks nothing");
        pools.push(3);
        assert!(pools.take_changed());
        if let Some(first) = pools.iter_mut().next() {
            *first = 9;
        }
        assert!(pools.take_changed());
    }

    #[test]
    fn a_journal_reports_what_was_added_once() {
        let mut journal = Journal::default();
        journal.insert("a".into(), 1);
        journal.insert("b".into(), 2);
        let added: Vec<String> = journal
            .take_added()
            .into_iter()
            .map(|(k, _)| k.clone())
            .collect();
        assert_eq!(added, ["a", "b"]);
        assert!(journal.take_added().is_empty());
        assert_eq!(journal.get("b"), Some(&2));
    }
}
