//! The sandbox: a local emulator of the AWS APIs the console uses, served over HTTP on loopback.

mod faults;
mod iam;
mod identities;
pub(crate) mod identity;
mod input;
mod persist;
pub mod protocol;
mod query;
mod seed;
mod server;
pub mod store;
mod sts;
mod tracked;
mod userpools;

pub use faults::{FaultInjector, Faults, RegionFault};
pub use identity::OPERATIONS as IDENTITY_OPERATIONS;
pub use seed::{DEMO_PASSWORD, Seed, demo_state};
pub use store::{SANDBOX_ACCOUNT, State, StateFileError, Store};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::oneshot;

/// How to start a sandbox.
#[derive(Debug, Clone, Default)]
pub struct SandboxOptions {
    /// The loopback port (0 picks a free one).
    pub port: u16,
    /// Persist the state to this file (loaded if it exists).
    pub state_file: Option<PathBuf>,
    /// What a new state starts with.
    pub seed: Seed,
    /// Latency, throttling and faults to inject.
    pub faults: Faults,
    /// Identities to add to the first pool of us-east-1 at start.
    pub seed_identities: usize,
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The state file is unusable.
    #[error(transparent)]
    State(#[from] StateFileError),
    /// `--seed-identities` had nowhere to go.
    #[error("cannot seed identities: {0}")]
    Seed(String),
    /// The port could not be bound.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// A sandbox serving in the background; dropping it stops it.
pub struct RunningSandbox {
    /// Where it listens.
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
}

impl RunningSandbox {
    /// The endpoint URL to give an SDK (`http://127.0.0.1:<port>`).
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Starts the sandbox on 127.0.0.1 in the current tokio runtime.
pub async fn start(options: SandboxOptions) -> Result<RunningSandbox, StartError> {
    let seed = options.seed;
    let store = match &options.state_file {
        Some(path) => Store::open(path, || seed.state())?,
        None => Store::in_memory(seed.state()),
    };
    if options.seed_identities > 0 {
        let added = store.write(|state| {
            let pool_id = state
                .pools_in("us-east-1")
                .next()
                .map(|p| p.pool.identity_pool_id.clone())
                .ok_or_else(|| {
                    protocol::ServiceError::invalid_parameter("there is no pool in us-east-1")
                })?;
            seed::add_identities(
                state,
                &pool_id,
                options.seed_identities,
                state.identities_seed(),
            )
            .map_err(protocol::ServiceError::invalid_parameter)?;
            Ok(pool_id)
        });
        match added {
            Ok(pool_id) => {
                tracing::info!(count = options.seed_identities, %pool_id, "identities seeded")
            }
            Err(e) => return Err(StartError::Seed(e.message)),
        }
    }
    let port = options.port;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|source| StartError::Bind { port, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| StartError::Bind { port, source })?;
    let (tx, rx) = oneshot::channel::<()>();
    let app = server::router(
        Arc::new(store),
        Arc::new(FaultInjector::new(options.faults)),
    );
    tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
        if let Err(e) = served {
            tracing::error!("sandbox server stopped: {e}");
        }
    });
    tracing::info!(%addr, "sandbox listening");
    Ok(RunningSandbox {
        addr,
        shutdown: Some(tx),
    })
}
