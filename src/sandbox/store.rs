//! The sandbox's whole state, behind one lock, optionally persisted to a file after every change.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::identities::Identities;
use super::protocol::ServiceError;
use crate::domain::IdentityPool;
use crate::domain::roles::{PrincipalTagMap, RoleMapping};
use std::collections::BTreeMap;

/// The account id the sandbox answers for (the same as moto's, so cross-checks line up).
pub const SANDBOX_ACCOUNT: &str = "123456789012";

/// Bumped when the state file's layout changes incompatibly.
const STATE_VERSION: u32 = 1;

/// An identity pool and its place in creation order (which drives pagination).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPool {
    /// Creation sequence number; NextToken points past one of these.
    pub seq: u64,
    /// The configuration as DescribeIdentityPool returns it.
    pub pool: IdentityPool,
    /// Default roles (`authenticated`, `unauthenticated`).
    #[serde(default)]
    pub roles: BTreeMap<String, String>,
    /// Role mappings by provider key.
    #[serde(default)]
    pub role_mappings: BTreeMap<String, RoleMapping>,
    /// Attributes for access control by provider name.
    #[serde(default)]
    pub principal_tags: BTreeMap<String, PrincipalTagMap>,
}

impl StoredPool {
    /// A pool with no roles, mappings or principal tags yet.
    pub fn new(seq: u64, pool: IdentityPool) -> Self {
        Self {
            seq,
            pool,
            roles: BTreeMap::new(),
            role_mappings: BTreeMap::new(),
            principal_tags: BTreeMap::new(),
        }
    }
}

/// Everything the sandbox knows, as written to the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Layout version of the state file.
    pub version: u32,
    /// The next creation sequence number.
    pub next_seq: u64,
    /// Identity pools of every region, in creation order.
    pub pools: Vec<StoredPool>,
    /// The identities of every pool.
    #[serde(default)]
    pub identities: Identities,
    /// IAM roles and providers.
    #[serde(default)]
    pub iam: super::iam::IamState,
    /// Cognito user pools and their app clients.
    #[serde(default)]
    pub user_pools: super::userpools::UserPools,
    /// Temporary credentials handed out, by access key id.
    #[serde(default)]
    pub sts_sessions: BTreeMap<String, StsSession>,
    /// The key Cognito Identity signs its OpenID tokens with, made on first use.
    #[serde(default)]
    pub openid_key: Option<super::userpools::keys::SigningKey>,
}

/// Temporary credentials for an assumed role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StsSession {
    /// `ASIA…`.
    pub access_key_id: String,
    /// The secret (never logged).
    pub secret_access_key: String,
    /// The session token (never logged).
    pub session_token: String,
    /// Epoch seconds.
    pub expires: f64,
    /// The role assumed.
    pub role_arn: String,
    /// Its RoleId.
    pub role_id: String,
    /// The session name.
    pub session_name: String,
}

impl StsSession {
    /// New credentials for `role`.
    pub fn issue(role: &super::iam::Role, session_name: &str, expires: f64) -> Self {
        const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        const ANY: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let pick = |alphabet: &[u8], n: usize| -> String {
            (0..n)
                .map(|_| alphabet[fastrand::usize(..alphabet.len())] as char)
                .collect()
        };
        Self {
            access_key_id: format!("ASIA{}", pick(UPPER, 16)),
            secret_access_key: pick(ANY, 40),
            session_token: pick(ANY, 356),
            expires: expires.floor(),
            role_arn: role.arn(),
            role_id: role.id.clone(),
            session_name: session_name.to_string(),
        }
    }
}

impl Default for State {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            next_seq: 1,
            pools: Vec::new(),
            identities: Identities::default(),
            iam: Default::default(),
            user_pools: Default::default(),
            sts_sessions: BTreeMap::new(),
            openid_key: None,
        }
    }
}

impl State {
    /// The pool with this id, if it lives in `region`.
    pub fn pool(&self, region: &str, id: &str) -> Option<&StoredPool> {
        self.pools
            .iter()
            .find(|p| p.pool.identity_pool_id == id && in_region(id, region))
    }

    /// The pool with this id, mutably, if it lives in `region`.
    pub fn pool_mut(&mut self, region: &str, id: &str) -> Option<&mut StoredPool> {
        self.pools
            .iter_mut()
            .find(|p| p.pool.identity_pool_id == id && in_region(id, region))
    }

    /// A seed for generated identities that differs from every earlier one in this state.
    pub fn identities_seed(&self) -> u64 {
        self.next_seq
            .wrapping_mul(7919)
            .wrapping_add(self.identities.total() as u64)
    }

    /// The pools of one region, in creation order.
    pub fn pools_in<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a StoredPool> + 'a {
        self.pools
            .iter()
            .filter(move |p| in_region(&p.pool.identity_pool_id, region))
    }
}

fn in_region(id: &str, region: &str) -> bool {
    crate::domain::pool::region_of(id) == Some(region)
}

/// Why a state file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StateFileError {
    /// The file exists but cannot be read.
    #[error("cannot read the sandbox state file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not sandbox state; it is left untouched.
    #[error(
        "{path} is not a cognito-tui sandbox state file ({reason}); it was left untouched: move it aside or pass another --state"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The state cannot be written.
    #[error("cannot write the sandbox state file {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The state behind a lock, and where it is saved.
pub struct Store {
    state: Mutex<State>,
    path: Option<PathBuf>,
}

impl Store {
    /// A store kept in memory only.
    pub fn in_memory(mut state: State) -> Self {
        state.identities.reindex();
        Self {
            state: Mutex::new(state),
            path: None,
        }
    }

    /// A store backed by `path`: loaded if the file exists (refused if corrupt), else `initial`, saved.
    pub fn open(path: &Path, initial: impl FnOnce() -> State) -> Result<Self, StateFileError> {
        let state = match std::fs::read(path) {
            Ok(bytes) => load(path, &bytes)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let state = initial();
                save(path, &state)?;
                state
            }
            Err(source) => {
                return Err(StateFileError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Ok(Self {
            state: Mutex::new(state),
            path: Some(path.to_path_buf()),
        })
    }

    /// Runs a read-only operation on the state.
    pub fn read<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        let guard = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&guard)
    }

    /// Runs a mutating operation; on success the state is saved before the answer goes out.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut State) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        self.write_if(true, f)
    }

    /// Runs an operation with mutable access, saving afterwards only when `persist` (a read that
    /// needs `&mut` for lookups should not rewrite the file).
    pub fn write_if<T>(
        &self,
        persist: bool,
        f: impl FnOnce(&mut State) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        let mut guard = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let out = f(&mut guard)?;
        if persist && let Some(path) = &self.path {
            save(path, &guard).map_err(|e| {
                tracing::error!("{e}");
                ServiceError::internal(format!("The sandbox could not save its state: {e}"))
            })?;
        }
        Ok(out)
    }
}

fn load(path: &Path, bytes: &[u8]) -> Result<State, StateFileError> {
    let corrupt = |reason: String| StateFileError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let mut state: State = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    state.identities.reindex();
    if state.version != STATE_VERSION {
        return Err(corrupt(format!(
            "layout version {} where this build reads {STATE_VERSION}",
            state.version
        )));
    }
    Ok(state)
}

/// Writes the state to a temporary file beside `path` and renames it over, so a crash never leaves
/// half a file.
fn save(path: &Path, state: &State) -> Result<(), StateFileError> {
    let write_err = |source| StateFileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    serde_json::to_writer(&mut file, state).map_err(|e| write_err(e.into()))?;
    file.as_file().sync_all().map_err(write_err)?;
    file.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_a_restart_and_corruption_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("state.json");
        let store = Store::open(&path, State::default).unwrap_or_else(|e| panic!("{e}"));
        let seq = store
            .write(|s| {
                s.next_seq += 41;
                Ok(s.next_seq)
            })
            .unwrap_or_default();
        drop(store);
        let reopened = Store::open(&path, State::default).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reopened.read(|s| s.next_seq), seq);

        std::fs::write(&path, b"{\"version\": 1, \"pools\": 3").unwrap_or_else(|e| panic!("{e}"));
        let err = Store::open(&path, State::default)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("is not a cognito-tui sandbox state file"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            b"{\"version\": 1, \"pools\": 3".to_vec(),
            "a corrupt file is never overwritten"
        );
    }
}
