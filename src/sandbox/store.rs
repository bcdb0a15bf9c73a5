//! The sandbox's whole state, behind one lock; with `--state`, every change is committed to an
//! SQLite database ([`super::persist`]) before the request is answered.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::identities::Identities;
use super::persist::Db;
use super::protocol::ServiceError;
use super::tracked::{Journal, Tracked};
use crate::domain::IdentityPool;
use crate::domain::roles::{PrincipalTagMap, RoleMapping};
use std::collections::BTreeMap;

/// The account id the sandbox answers for (the same as moto's, so cross-checks line up).
pub const SANDBOX_ACCOUNT: &str = "123456789012";

/// The layout version of the JSON state files earlier versions wrote (imported once).
pub(crate) const STATE_VERSION: u32 = 1;

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
    pub pools: Tracked<Vec<StoredPool>>,
    /// The identities of every pool.
    #[serde(default)]
    pub identities: Identities,
    /// IAM roles and providers.
    #[serde(default)]
    pub iam: Tracked<super::iam::IamState>,
    /// Cognito user pools and their app clients.
    #[serde(default)]
    pub user_pools: Tracked<super::userpools::UserPools>,
    /// Temporary credentials handed out, by access key id.
    #[serde(default)]
    pub sts_sessions: Journal<StsSession>,
    /// The key Cognito Identity signs its OpenID tokens with, made on first use.
    #[serde(default)]
    pub openid_key: Tracked<Option<super::userpools::keys::SigningKey>>,
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
            pools: Tracked::new(Vec::new()),
            identities: Identities::default(),
            iam: Tracked::new(Default::default()),
            user_pools: Tracked::new(Default::default()),
            sts_sessions: Journal::default(),
            openid_key: Tracked::new(None),
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
    /// The file is sandbox state this build can't read; it is left untouched.
    #[error("{path} {reason}; it was left untouched")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Which version it is and what to do.
        reason: String,
    },
    /// The state cannot be written.
    #[error("cannot write the sandbox state file {path}: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
}

/// The state and, with `--state`, the database every change is committed to.
struct Inner {
    state: State,
    db: Option<Db>,
}

/// The state behind a lock.
pub struct Store {
    inner: Mutex<Inner>,
}

impl Store {
    /// A store kept in memory only.
    pub fn in_memory(mut state: State) -> Self {
        state.identities.reindex();
        state.forget_changes();
        Self {
            inner: Mutex::new(Inner { state, db: None }),
        }
    }

    /// A store backed by the database at `path`: loaded if it exists (refused, untouched, if it
    /// is not one this build reads; a JSON state file of earlier versions is imported once),
    /// else made from `initial`.
    pub fn open(path: &Path, initial: impl FnOnce() -> State) -> Result<Self, StateFileError> {
        let (state, db) = super::persist::open(path, initial)?;
        Ok(Self {
            inner: Mutex::new(Inner {
                state,
                db: Some(db),
            }),
        })
    }

    /// Runs a read-only operation on the state.
    pub fn read<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        let guard = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&guard.state)
    }

    /// Runs a mutating operation; what it changed is committed before the answer goes out.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut State) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        self.write_if(true, f)
    }

    /// Runs an operation with mutable access. Only what it changed is written (a read that
    /// needs `&mut` for lookups writes nothing); `persist` is kept for the callers that know
    /// they only read, so that they skip even the check.
    pub fn write_if<T>(
        &self,
        persist: bool,
        f: impl FnOnce(&mut State) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let inner = &mut *guard;
        let out = f(&mut inner.state);
        match &mut inner.db {
            // Committed whether the operation succeeded or not: a failed one may have changed
            // something before it failed, and memory and the database must not drift apart.
            Some(db) if persist => db.commit(&mut inner.state).map_err(|e| {
                tracing::error!("{e}");
                ServiceError::internal(format!("The sandbox could not save its state: {e}"))
            })?,
            _ => inner.state.forget_changes(),
        }
        out
    }
}

impl State {
    /// Drops the record of what changed (nothing persists it).
    pub fn forget_changes(&mut self) {
        self.pools.take_changed();
        self.iam.take_changed();
        self.user_pools.take_changed();
        self.openid_key.take_changed();
        self.identities.clear_changed();
        let _ = self.sts_sessions.take_added();
    }
}

/// Reads a JSON state file of an earlier version (refused, untouched, when it is not one).
pub(crate) fn load_json(path: &Path, bytes: &[u8]) -> Result<State, StateFileError> {
    let corrupt = |reason: String| StateFileError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let mut state: State = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    state.identities.reindex();
    if state.version != STATE_VERSION {
        return Err(corrupt(format!(
            "JSON layout version {} where this build imports {STATE_VERSION}",
            state.version
        )));
    }
    Ok(state)
}
