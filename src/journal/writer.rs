//! Appending to the journal off the UI's path: a thread of its own takes entries from a channel,
//! appends each as a line and fsyncs it before taking the next. A write that fails is reported
//! back (the console shows a warning); the call it records has happened all the same.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::Entry;

/// The journal's writer.
#[derive(Debug, Clone)]
pub struct Journal {
    tx: mpsc::Sender<Entry>,
    path: PathBuf,
}

impl Journal {
    /// Starts the writer thread for `path`; `failed` hears of each entry that could not be
    /// written, in words.
    pub fn start(path: PathBuf, failed: impl Fn(String) + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel::<Entry>();
        let file = path.clone();
        let spawned = std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || {
                for entry in rx {
                    if let Err(error) = append(&file, &entry) {
                        failed(format!(
                            "The journal could not be written ({}: {error}); {} on {} was made but not recorded",
                            file.display(),
                            entry.operation,
                            if entry.target.is_empty() { "a new pool" } else { &entry.target },
                        ));
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::warn!(%error, "journal thread did not start");
        }
        Self { tx, path }
    }

    /// Queues an entry (never waits for the disk).
    pub fn append(&self, entry: Entry) {
        // The thread ends only with the process.
        let _ = self.tx.send(entry);
    }

    /// Writes an entry now, on the caller's thread (when quitting: the writer thread may not get
    /// to it before the process ends); a failure is returned.
    pub fn append_now(&self, entry: &Entry) -> std::io::Result<()> {
        append(&self.path, entry)
    }

    /// Where the journal is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn append(path: &Path, entry: &Entry) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
    line.push('\n');
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    // One write of the whole line, so a reader never sees half an entry from this writer.
    file.write_all(line.as_bytes())?;
    file.sync_data()
}

/// The journal's entries in the order written, and how many lines could not be read; no file
/// yet is an empty journal.
pub fn read(path: &Path) -> Result<(Vec<Entry>, usize), String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(error) => return Err(format!("{}: {error}", path.display())),
    };
    let mut entries = Vec::new();
    let mut unreadable = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str(line) {
            Ok(entry) => entries.push(entry),
            Err(_) => unreadable += 1,
        }
    }
    Ok((entries, unreadable))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(operation: &str) -> Entry {
        Entry {
            time: "2026-12-04T10:00:00Z".into(),
            operation: operation.into(),
            target: "us-east-1:p".into(),
            region: "us-east-1".into(),
            profile: "sandbox".into(),
            request_ids: vec!["r-1".into()],
            outcome: "ok".into(),
            error: None,
            summary: "s".into(),
        }
    }

    #[test]
    fn entries_are_appended_in_order_and_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("sub").join("journal.jsonl");
        let (tx, rx) = mpsc::channel();
        let journal = Journal::start(path.clone(), move |e| {
            let _ = tx.send(e);
        });
        journal.append(entry("TagResource"));
        journal.append(entry("UntagResource"));
        drop(journal);
        assert!(
            rx.recv().is_err(),
            "no failure: the thread ends when the sender goes"
        );
        let (entries, unreadable) = read(&path).unwrap_or_default();
        let ops: Vec<&str> = entries.iter().map(|e| e.operation.as_str()).collect();
        assert_eq!((ops, unreadable), (vec!["TagResource", "UntagResource"], 0));
    }

    #[test]
    fn an_unwritable_journal_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let blocker = dir.path().join("a-file");
        std::fs::write(&blocker, "").unwrap_or_else(|e| panic!("{e}"));
        let (tx, rx) = mpsc::channel();
        let journal = Journal::start(blocker.join("journal.jsonl"), move |e| {
            let _ = tx.send(e);
        });
        journal.append(entry("DeleteIdentityPool"));
        let said = rx
            .recv_timeout(std::time::Duration::from_secs(5))
            .unwrap_or_default();
        assert!(
            said.contains("could not be written")
                && said.contains("DeleteIdentityPool on us-east-1:p"),
            "{said}"
        );
    }

    #[test]
    fn a_missing_journal_is_empty_and_a_broken_line_is_counted() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("journal.jsonl");
        assert_eq!(read(&path), Ok((Vec::new(), 0)));
        let good = serde_json::to_string(&entry("X")).unwrap_or_default();
        std::fs::write(&path, format!("{good}\n{{half\n")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read(&path).map(|(e, n)| (e.len(), n)), Ok((1, 1)));
    }
}
