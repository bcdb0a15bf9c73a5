//! The database's tables and the checks made before a file is used: it must be an SQLite
//! database with cognito-tui's tables, of a schema version this build reads.

use rusqlite::{Connection, OptionalExtension};

/// Bumped when the tables change incompatibly.
pub const SCHEMA_VERSION: i64 = 1;

/// `PRAGMA application_id`, so `file` and other tools can tell the database apart ("CgTu").
pub const APPLICATION_ID: i64 = 0x4367_5475;

const TABLES: &str = "
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE identity_pools (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    pool_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX identities_by_pool ON identities (pool_id, seq);
CREATE TABLE iam_roles (name TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE iam_oidc_providers (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE iam_saml_providers (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE iam_policies (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE user_pools (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE sts_sessions (access_key_id TEXT PRIMARY KEY, body TEXT NOT NULL);
";

/// Makes the tables of a new database and records the schema version.
pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID};
         BEGIN;
         {TABLES}
         INSERT INTO schema_version (version) VALUES ({SCHEMA_VERSION});
         COMMIT;"
    ))
}

/// Settings for every connection: WAL (a commit is one append, readers never block it) and
/// `synchronous = NORMAL`, under which a committed transaction survives the process being
/// killed (it is in the WAL, handed to the OS); only a power cut can lose the last ones.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
}

/// Why a database can't be used, without changing it: None when it can.
pub fn refusal(conn: &Connection) -> Result<Option<Problem>, rusqlite::Error> {
    let has_table = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !has_table {
        return Ok(Some(Problem::Foreign));
    }
    let version: Option<i64> = conn
        .query_row("SELECT max(version) FROM schema_version", [], |row| {
            row.get(0)
        })
        .optional()?
        .flatten();
    Ok(match version {
        Some(SCHEMA_VERSION) => None,
        Some(v) if v > SCHEMA_VERSION => Some(Problem::Newer(v)),
        other => Some(Problem::Older(other.unwrap_or(0))),
    })
}

/// What is wrong with a database.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// An SQLite database, but not cognito-tui's.
    Foreign,
    /// Written by a newer cognito-tui.
    Newer(i64),
    /// Of a schema this build can't read.
    Older(i64),
}

impl Problem {
    /// In words.
    pub fn reason(&self) -> String {
        match self {
            Problem::Foreign => {
                "is an SQLite database without cognito-tui's tables (no schema_version)".into()
            }
            Problem::Newer(v) => format!(
                "was written by a newer cognito-tui (state schema {v}; this build reads {SCHEMA_VERSION}): run that version, or pass another --state"
            ),
            Problem::Older(v) => format!(
                "has state schema {v}, which this build cannot read (it reads {SCHEMA_VERSION}): pass another --state"
            ),
        }
    }
}
