//! The effect runner: each request effect becomes one tokio task making one SDK call, whose result
//! comes back to `update` as a message. Nothing here draws or decides.

mod connect;
mod error;
mod identity;

pub use connect::{Clients, Target};
pub use error::from_sdk;

use std::sync::{Arc, RwLock};
use tokio::sync::mpsc::UnboundedSender;

use crate::app::{AwsError, Effect, ErrorKind, Msg};

/// Runs request effects against AWS (or the sandbox) and reports back on `tx`.
#[derive(Clone)]
pub struct Runner {
    tx: UnboundedSender<Msg>,
    target: Target,
    clients: Arc<RwLock<Option<Clients>>>,
}

impl Runner {
    /// A runner for `target`, reporting on `tx`; it has no clients until a Connect effect runs.
    pub fn new(tx: UnboundedSender<Msg>, target: Target) -> Self {
        Self {
            tx,
            target,
            clients: Arc::new(RwLock::new(None)),
        }
    }

    fn clients(&self) -> Result<Clients, AwsError> {
        let guard = self
            .clients
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard
            .clone()
            .ok_or_else(|| AwsError::new(ErrorKind::Other, "not connected yet"))
    }

    /// Starts an effect in the background. Effects that are not AWS requests are ignored here (the
    /// runtime handles them).
    pub fn spawn(&self, effect: Effect) {
        let runner = self.clone();
        tokio::spawn(async move {
            if let Some(msg) = runner.run(effect).await {
                // The receiver is gone only when the console is quitting.
                let _ = runner.tx.send(msg);
            }
        });
    }

    async fn run(&self, effect: Effect) -> Option<Msg> {
        let msg = match effect {
            Effect::Connect {
                req,
                profile,
                region,
            } => {
                let result = connect::connect(&self.target, profile, region).await;
                let result = result.map(|(session, clients)| {
                    let mut guard = self.clients.write().unwrap_or_else(|p| p.into_inner());
                    *guard = Some(clients);
                    session
                });
                Msg::Connected { req, result }
            }
            Effect::ListIdentityPools { req, next_token } => {
                let result = match self.clients() {
                    Ok(c) => identity::list_pools(&c.identity, next_token).await,
                    Err(e) => Err(e),
                };
                Msg::PoolsPage { req, result }
            }
            Effect::DescribeIdentityPool { req, pool_id } => {
                let result = match self.clients() {
                    Ok(c) => identity::describe_pool(&c.identity, &pool_id).await,
                    Err(e) => Err(e),
                };
                Msg::PoolDescribed {
                    req,
                    pool_id,
                    result,
                }
            }
            Effect::DeleteIdentityPool { req, pool_id } => {
                let result = match self.clients() {
                    Ok(c) => identity::delete_pool(&c.identity, &pool_id).await,
                    Err(e) => Err(e),
                };
                Msg::PoolDeleted {
                    req,
                    pool_id,
                    result,
                }
            }
            Effect::ListIdentities {
                req,
                pool_id,
                next_token,
                hide_disabled,
            } => {
                let result = match self.clients() {
                    Ok(c) => {
                        identity::list_identities(&c.identity, &pool_id, next_token, hide_disabled)
                            .await
                    }
                    Err(e) => Err(e),
                };
                Msg::IdentitiesPage { req, result }
            }
            Effect::DescribeIdentity { req, identity_id } => {
                let result = match self.clients() {
                    Ok(c) => identity::describe_identity(&c.identity, &identity_id).await,
                    Err(e) => Err(e),
                };
                Msg::IdentityDescribed { req, result }
            }
            Effect::LookupDeveloperIdentity {
                req,
                pool_id,
                identity_id,
                developer_user,
            } => {
                let result = match self.clients() {
                    Ok(c) => {
                        identity::lookup_developer(
                            &c.identity,
                            &pool_id,
                            identity_id,
                            developer_user,
                        )
                        .await
                    }
                    Err(e) => Err(e),
                };
                Msg::DeveloperLookedUp { req, result }
            }
            Effect::DeleteIdentities { req, ids } => {
                let result = match self.clients() {
                    Ok(c) => identity::delete_identities(&c.identity, ids).await,
                    Err(e) => Err(e),
                };
                Msg::IdentitiesDeleted { req, result }
            }
            Effect::GetIdentityPoolRoles { req, pool_id } => {
                let result = match self.clients() {
                    Ok(c) => identity::get_roles(&c.identity, &pool_id).await,
                    Err(e) => Err(e),
                };
                Msg::PoolRolesLoaded { req, result }
            }
            Effect::CopyToClipboard(_) | Effect::Quit => return None,
        };
        Some(msg)
    }
}
