//! The `--state` database: the sandbox's state as rows of an SQLite database (WAL mode), one
//! transaction per request that changed something, committed before the request is answered.
//! Reads are served from memory; the database is read once, at start.
//!
//! Each table holds one kind of record as its JSON (`body`), keyed the way the service keys it;
//! `sqlite3 FILE` shows them (`SELECT id, json_extract(body, '$.pool.IdentityPoolName') FROM
//! identity_pools`). Identities and temporary credentials are written row by row as they change;
//! the small collections (pools, IAM, user pools) are compared row by row with what was last
//! written, only when a request reached them mutably.

mod checkpoint;
mod open;
mod schema;

pub use open::open;

use rusqlite::{Connection, Transaction, params};
use std::collections::HashMap;

use super::identities::Changed;
use super::store::State;

/// What a commit could not do.
#[derive(Debug, thiserror::Error)]
pub enum CommitError {
    /// SQLite refused.
    #[error("the state database refused the change: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A record could not be written as JSON.
    #[error("a record could not be encoded: {0}")]
    Json(#[from] serde_json::Error),
}

/// The rows of one small table as last written: key → JSON body.
type Written = HashMap<String, String>;

/// The database and what was last written of the tables compared row by row.
pub struct Db {
    conn: Connection,
    written: HashMap<&'static str, Written>,
    meta: HashMap<&'static str, String>,
    checkpointer: Option<checkpoint::Checkpointer>,
}

impl Drop for Db {
    fn drop(&mut self) {
        // Stop checkpointing, then fold the WAL into the file: a stopped sandbox leaves one file.
        self.checkpointer.take();
        if let Err(e) = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);") {
            tracing::warn!("sandbox state checkpoint at exit: {e}");
        }
    }
}

/// The small tables: (table, key column).
const SMALL: [(&str, &str); 6] = [
    ("identity_pools", "id"),
    ("iam_roles", "name"),
    ("iam_oidc_providers", "arn"),
    ("iam_saml_providers", "arn"),
    ("iam_policies", "arn"),
    ("user_pools", "id"),
];

/// The rows a small table should hold now.
fn small_rows(state: &State, table: &str) -> Result<Vec<(String, String)>, serde_json::Error> {
    fn rows<'a, V: serde::Serialize + 'a>(
        items: impl Iterator<Item = (&'a String, &'a V)>,
    ) -> Result<Vec<(String, String)>, serde_json::Error> {
        items
            .map(|(k, v)| Ok((k.clone(), serde_json::to_string(v)?)))
            .collect()
    }
    match table {
        "identity_pools" => state
            .pools
            .iter()
            .map(|p| Ok((p.pool.identity_pool_id.clone(), serde_json::to_string(p)?)))
            .collect(),
        "iam_roles" => rows(state.iam.roles.iter()),
        "iam_oidc_providers" => rows(state.iam.oidc_providers.iter()),
        "iam_saml_providers" => rows(state.iam.saml_providers.iter()),
        "iam_policies" => rows(state.iam.policies.iter()),
        "user_pools" => rows(state.user_pools.pools.iter()),
        _ => Ok(Vec::new()),
    }
}

/// The meta values (counters, the OpenID signing key) as they should be written now.
fn meta_values(state: &State) -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    Ok(vec![
        ("next_seq", state.next_seq.to_string()),
        (
            "identities_next_seq",
            state.identities.next_seq().to_string(),
        ),
        ("user_pools_next_seq", state.user_pools.next_seq.to_string()),
        ("openid_key", serde_json::to_string(&*state.openid_key)?),
    ])
}

impl Db {
    fn new(conn: Connection) -> Self {
        Self {
            conn,
            written: HashMap::new(),
            meta: HashMap::new(),
            checkpointer: None,
        }
    }

    /// Moves checkpoints to their own thread; when it can't start, SQLite's automatic
    /// checkpoint stays on (slower commits now and then, nothing lost).
    fn checkpoint_in_background(&mut self, path: &std::path::Path) {
        match checkpoint::Checkpointer::start(path) {
            Ok(checkpointer) => {
                if let Err(e) = self.conn.pragma_update(None, "wal_autocheckpoint", 0) {
                    tracing::warn!("sandbox state: {e}");
                    return;
                }
                self.checkpointer = Some(checkpointer);
            }
            Err(e) => tracing::warn!("sandbox state: checkpoints stay in the request path: {e}"),
        }
    }

    /// Remembers what a database just read holds, so that the first commit writes only changes.
    fn remember(&mut self, state: &mut State) -> Result<(), serde_json::Error> {
        for (table, _) in SMALL {
            let rows = small_rows(state, table)?;
            self.written.insert(table, rows.into_iter().collect());
        }
        self.meta.extend(meta_values(state)?);
        state.forget_changes();
        Ok(())
    }

    /// Writes everything in `state` (a new database, or one imported): every table, one
    /// transaction.
    fn write_all(&mut self, state: &mut State) -> Result<(), CommitError> {
        let tx = self.conn.transaction()?;
        for (pool, identity) in state.identities.all() {
            upsert_identity(&tx, pool, identity)?;
        }
        for (key, session) in state.sts_sessions.iter() {
            upsert_session(&tx, key, session)?;
        }
        for (table, key_column) in SMALL {
            let rows = small_rows(state, table)?;
            let written = self.written.entry(table).or_default();
            sync_small(&tx, table, key_column, written, rows)?;
        }
        sync_meta(&tx, &mut self.meta, meta_values(state)?)?;
        tx.commit()?;
        state.forget_changes();
        Ok(())
    }

    /// Commits what the last operation changed, in one transaction (none when nothing did).
    pub fn commit(&mut self, state: &mut State) -> Result<(), CommitError> {
        let pools = state.pools.take_changed();
        let iam = state.iam.take_changed();
        let user_pools = state.user_pools.take_changed();
        state.openid_key.take_changed();
        let identities = state.identities.take_changed();
        let sessions: Vec<String> = state
            .sts_sessions
            .take_added()
            .into_iter()
            .map(|(k, _)| k.clone())
            .collect();
        let meta = meta_values(state)?;
        let meta_changed = meta
            .iter()
            .any(|(k, v)| self.meta.get(k).is_none_or(|w| w != v));
        if !(pools || iam || user_pools || meta_changed)
            && identities.is_empty()
            && sessions.is_empty()
        {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for change in state.identities.changes(identities) {
            match change {
                Changed::Present(pool, identity) => upsert_identity(&tx, pool, identity)?,
                Changed::Removed(id) => {
                    tx.prepare_cached("DELETE FROM identities WHERE id = ?1")?
                        .execute([id])?;
                }
            }
        }
        for key in &sessions {
            if let Some(session) = state.sts_sessions.get(key) {
                upsert_session(&tx, key, session)?;
            }
        }
        let touched = SMALL.iter().filter(|(table, _)| match *table {
            "identity_pools" => pools,
            "user_pools" => user_pools,
            _ => iam,
        });
        for (table, key_column) in touched {
            let rows = small_rows(state, table)?;
            let written = self.written.entry(table).or_default();
            sync_small(&tx, table, key_column, written, rows)?;
        }
        if meta_changed {
            sync_meta(&tx, &mut self.meta, meta)?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn upsert_identity(
    tx: &Transaction,
    pool: &str,
    identity: &super::identities::StoredIdentity,
) -> Result<(), CommitError> {
    tx.prepare_cached(
        "INSERT INTO identities (id, pool_id, seq, body) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET pool_id = excluded.pool_id, seq = excluded.seq, body = excluded.body",
    )?
    .execute(params![
        identity.id,
        pool,
        i64::try_from(identity.seq).unwrap_or(i64::MAX),
        serde_json::to_string(identity)?
    ])?;
    Ok(())
}

fn upsert_session(
    tx: &Transaction,
    key: &str,
    session: &super::store::StsSession,
) -> Result<(), CommitError> {
    tx.prepare_cached(
        "INSERT INTO sts_sessions (access_key_id, body) VALUES (?1, ?2)
         ON CONFLICT (access_key_id) DO UPDATE SET body = excluded.body",
    )?
    .execute(params![key, serde_json::to_string(session)?])?;
    Ok(())
}

/// Brings a small table to `rows`: upserts what differs from what was written, deletes what is
/// gone, and remembers what it wrote.
fn sync_small(
    tx: &Transaction,
    table: &str,
    key_column: &str,
    written: &mut Written,
    rows: Vec<(String, String)>,
) -> Result<(), CommitError> {
    let mut now: Written = HashMap::with_capacity(rows.len());
    for (key, body) in rows {
        if written.get(&key) != Some(&body) {
            tx.prepare_cached(&format!(
                "INSERT INTO {table} ({key_column}, body) VALUES (?1, ?2)
                 ON CONFLICT ({key_column}) DO UPDATE SET body = excluded.body"
            ))?
            .execute(params![key, body])?;
        }
        now.insert(key, body);
    }
    for gone in written.keys().filter(|k| !now.contains_key(*k)) {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE {key_column} = ?1"))?
            .execute([gone])?;
    }
    *written = now;
    Ok(())
}

fn sync_meta(
    tx: &Transaction,
    written: &mut HashMap<&'static str, String>,
    values: Vec<(&'static str, String)>,
) -> Result<(), CommitError> {
    for (key, value) in values {
        if written.get(key) != Some(&value) {
            tx.prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
            written.insert(key, value);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Dates are epoch seconds in f64: written as JSON and read back they must be the same
    /// number, or a restart moves them by a microsecond (serde_json's `float_roundtrip`).
    #[test]
    fn epoch_seconds_read_back_exactly() {
        for _ in 0..20_000 {
            let at = 1_800_000_000.0 + fastrand::f64() * 100_000.0;
            let text = serde_json::to_string(&at).unwrap_or_default();
            let back: f64 = serde_json::from_str(&text).unwrap_or_default();
            assert_eq!(back.to_bits(), at.to_bits(), "{text}");
        }
    }
}
