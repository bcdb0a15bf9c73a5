//! Opening `--state FILE`: a new database made from the seed, an existing one checked and read
//! into memory, or a JSON state file of an earlier version imported once (the original kept
//! beside it). Anything else is refused and left as it was.

use rusqlite::{Connection, OpenFlags};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Db, schema};
use crate::sandbox::identities::{Identities, StoredIdentity};
use crate::sandbox::store::{State, StateFileError, StoredPool, load_json};
use crate::sandbox::tracked::{Journal, Tracked};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens (or makes) the database at `path`; the state it holds.
pub fn open(path: &Path, initial: impl FnOnce() -> State) -> Result<(State, Db), StateFileError> {
    let read_err = |source| StateFileError::Read {
        path: path.to_path_buf(),
        source,
    };
    let head = match std::fs::File::open(path) {
        Ok(mut file) => {
            let mut head = Vec::with_capacity(16);
            file.by_ref()
                .take(16)
                .read_to_end(&mut head)
                .map_err(read_err)?;
            head
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return create(path, initial()),
        Err(e) => return Err(read_err(e)),
    };
    if head.is_empty() {
        // An empty file is an empty database to SQLite: make ours in it.
        return create(path, initial());
    }
    if head.as_slice() == SQLITE_HEADER {
        return open_existing(path);
    }
    if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return import_json(path);
    }
    Err(StateFileError::Corrupt {
        path: path.to_path_buf(),
        reason: "neither an SQLite database nor a JSON state file of an earlier version".into(),
    })
}

fn write_err(path: &Path, e: impl std::fmt::Display) -> StateFileError {
    StateFileError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// A new database at `path` holding `state`. Nothing is left behind when it fails.
fn create(path: &Path, mut state: State) -> Result<(State, Db), StateFileError> {
    let made = (|| {
        let conn = Connection::open(path).map_err(|e| write_err(path, e))?;
        schema::configure(&conn).map_err(|e| write_err(path, e))?;
        schema::create(&conn).map_err(|e| write_err(path, e))?;
        let mut db = Db::new(conn);
        db.write_all(&mut state).map_err(|e| write_err(path, e))?;
        db.checkpoint_in_background(path);
        Ok(db)
    })();
    match made {
        Ok(db) => Ok((state, db)),
        Err(e) => {
            for file in [
                path.to_path_buf(),
                with_suffix(path, "-wal"),
                with_suffix(path, "-shm"),
            ] {
                let _ = std::fs::remove_file(file);
            }
            Err(e)
        }
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// An existing database: checked before anything is written to it, then read.
fn open_existing(path: &Path) -> Result<(State, Db), StateFileError> {
    let corrupt = |reason: String| StateFileError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| corrupt(e.to_string()))?;
    match schema::refusal(&conn) {
        Ok(None) => {}
        Ok(Some(problem)) => {
            return Err(StateFileError::Unsupported {
                path: path.to_path_buf(),
                reason: problem.reason(),
            });
        }
        Err(e) => return Err(corrupt(e.to_string())),
    }
    schema::configure(&conn).map_err(|e| corrupt(e.to_string()))?;
    let mut state = load(&conn).map_err(corrupt)?;
    let mut db = Db::new(conn);
    db.remember(&mut state)
        .map_err(|e| corrupt(e.to_string()))?;
    Ok((state, db))
}

/// A JSON state file of an earlier version: moved aside to `FILE.v1.json` and written to a new
/// database at `FILE`; put back if that fails.
fn import_json(path: &Path) -> Result<(State, Db), StateFileError> {
    let bytes = std::fs::read(path).map_err(|source| StateFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let state = load_json(path, &bytes)?;
    let kept = with_suffix(path, ".v1.json");
    if kept.exists() {
        return Err(StateFileError::Unsupported {
            path: path.to_path_buf(),
            reason: format!(
                "is a JSON state file of an earlier version; importing it moves it to {}, which exists: move that aside and start again",
                kept.display()
            ),
        });
    }
    std::fs::rename(path, &kept).map_err(|e| write_err(path, e))?;
    match create(path, state) {
        Ok(opened) => {
            tracing::warn!(
                "imported the JSON state file {} into an SQLite database; the original is kept as {}",
                path.display(),
                kept.display()
            );
            Ok(opened)
        }
        Err(e) => {
            let _ = std::fs::rename(&kept, path);
            Err(e)
        }
    }
}

/// Every row of a table as (key, decoded body).
fn rows<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
) -> Result<Vec<(String, String, T)>, String> {
    let mut statement = conn.prepare(sql).map_err(|e| e.to_string())?;
    let raw = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    raw.into_iter()
        .map(|(key, extra, body)| {
            serde_json::from_str(&body)
                .map(|value| (key.clone(), extra, value))
                .map_err(|e| format!("the record {key:?} does not decode: {e}"))
        })
        .collect()
}

fn map<T: DeserializeOwned>(
    conn: &Connection,
    table: &str,
    key: &str,
) -> Result<BTreeMap<String, T>, String> {
    Ok(rows(conn, &format!("SELECT {key}, '', body FROM {table}"))?
        .into_iter()
        .map(|(k, _, v)| (k, v))
        .collect())
}

/// The whole state, read from the tables.
fn load(conn: &Connection) -> Result<State, String> {
    let meta: BTreeMap<String, String> = {
        let mut statement = conn
            .prepare("SELECT key, value FROM meta")
            .map_err(|e| e.to_string())?;
        statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?
    };
    let counter = |key: &str| -> Result<u64, String> {
        meta.get(key)
            .ok_or_else(|| format!("meta has no {key}"))?
            .parse()
            .map_err(|e| format!("meta {key}: {e}"))
    };
    let mut pools: Vec<StoredPool> =
        rows::<StoredPool>(conn, "SELECT id, '', body FROM identity_pools")?
            .into_iter()
            .map(|(_, _, p)| p)
            .collect();
    pools.sort_by_key(|p| p.seq);
    let identities = rows::<StoredIdentity>(
        conn,
        "SELECT id, pool_id, body FROM identities ORDER BY pool_id, seq",
    )?
    .into_iter()
    .map(|(_, pool, identity)| (pool, identity));
    let identities = Identities::from_rows(counter("identities_next_seq")?, identities);
    let iam = crate::sandbox::iam::IamState {
        roles: map(conn, "iam_roles", "name")?,
        oidc_providers: map(conn, "iam_oidc_providers", "arn")?,
        saml_providers: map(conn, "iam_saml_providers", "arn")?,
        policies: map(conn, "iam_policies", "arn")?,
    };
    let user_pools = crate::sandbox::userpools::UserPools {
        next_seq: counter("user_pools_next_seq")?,
        pools: map(conn, "user_pools", "id")?,
    };
    let openid_key = match meta.get("openid_key") {
        Some(json) => serde_json::from_str(json).map_err(|e| format!("meta openid_key: {e}"))?,
        None => None,
    };
    Ok(State {
        version: crate::sandbox::store::STATE_VERSION,
        next_seq: counter("next_seq")?,
        pools: Tracked::new(pools),
        identities,
        iam: Tracked::new(iam),
        user_pools: Tracked::new(user_pools),
        sts_sessions: Journal::from_entries(map(conn, "sts_sessions", "access_key_id")?),
        openid_key: Tracked::new(openid_key),
    })
}
