//! The effect runner: each request effect becomes one tokio task making one SDK call, whose result
//! comes back to `update` as a message. Nothing here draws or decides.

mod connect;
mod creation;
mod error;
mod iam;
mod identity;
mod userpools;

pub use connect::{Clients, Target};
pub use error::from_sdk;

use std::sync::{Arc, RwLock};
use tokio::sync::mpsc::UnboundedSender;

use crate::app::{AwsError, Created, Effect, ErrorKind, Msg};

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

    /// Runs `call` with the session's clients, or fails as "not connected".
    async fn with_clients<T, F, Fut>(&self, call: F) -> Result<T, AwsError>
    where
        F: FnOnce(Clients) -> Fut,
        Fut: std::future::Future<Output = Result<T, AwsError>>,
    {
        match self.clients() {
            Ok(clients) => call(clients).await,
            Err(error) => Err(error),
        }
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
            Effect::ListIdentityPools { req, next_token } => Msg::PoolsPage {
                req,
                result: self
                    .with_clients(
                        |c| async move { identity::list_pools(&c.identity, next_token).await },
                    )
                    .await,
            },
            Effect::DescribeIdentityPool { req, pool_id } => Msg::PoolDescribed {
                req,
                result: self
                    .with_clients(|c| {
                        let id = pool_id.clone();
                        async move { identity::describe_pool(&c.identity, &id).await }
                    })
                    .await,
                pool_id,
            },
            Effect::GetIdentityPoolRoles { req, pool_id } => Msg::PoolRolesLoaded {
                req,
                result: self
                    .with_clients(
                        |c| async move { identity::get_roles(&c.identity, &pool_id).await },
                    )
                    .await,
            },
            Effect::DeleteIdentityPool { req, pool_id } => Msg::PoolDeleted {
                req,
                result: self
                    .with_clients(|c| {
                        let id = pool_id.clone();
                        async move { identity::delete_pool(&c.identity, &id).await }
                    })
                    .await,
                pool_id,
            },
            Effect::ListIdentities {
                req,
                pool_id,
                next_token,
                hide_disabled,
            } => Msg::IdentitiesPage {
                req,
                result: self
                    .with_clients(|c| async move {
                        identity::list_identities(&c.identity, &pool_id, next_token, hide_disabled)
                            .await
                    })
                    .await,
            },
            Effect::DescribeIdentity { req, identity_id } => Msg::IdentityDescribed {
                req,
                result: self
                    .with_clients(|c| async move {
                        identity::describe_identity(&c.identity, &identity_id).await
                    })
                    .await,
            },
            Effect::LookupDeveloperIdentity {
                req,
                pool_id,
                identity_id,
                developer_user,
            } => Msg::DeveloperLookedUp {
                req,
                result: self
                    .with_clients(|c| async move {
                        identity::lookup_developer(
                            &c.identity,
                            &pool_id,
                            identity_id,
                            developer_user,
                        )
                        .await
                    })
                    .await,
            },
            Effect::DeleteIdentities { req, ids } => Msg::IdentitiesDeleted {
                req,
                result: self
                    .with_clients(
                        |c| async move { identity::delete_identities(&c.identity, ids).await },
                    )
                    .await,
            },
            Effect::ListRoles { req, marker } => Msg::RolesPage {
                req,
                result: self
                    .with_clients(|c| async move { iam::list_roles(&c.iam, marker).await })
                    .await,
            },
            Effect::ListUserPools { req, next_token } => Msg::NamedPage {
                req,
                result: self
                    .with_clients(|c| async move {
                        userpools::list_user_pools(&c.user_pools, next_token).await
                    })
                    .await,
            },
            Effect::ListUserPoolClients {
                req,
                user_pool_id,
                next_token,
            } => Msg::NamedPage {
                req,
                result: self
                    .with_clients(|c| async move {
                        userpools::list_clients(&c.user_pools, &user_pool_id, next_token).await
                    })
                    .await,
            },
            Effect::ListOpenIdConnectProviders { req } => Msg::ArnsListed {
                req,
                result: self
                    .with_clients(|c| async move { iam::list_oidc_providers(&c.iam).await })
                    .await,
            },
            Effect::ListSamlProviders { req } => Msg::ArnsListed {
                req,
                result: self
                    .with_clients(|c| async move { iam::list_saml_providers(&c.iam).await })
                    .await,
            },
            Effect::CreateIdentityPool { req, pool } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        creation::create_pool(&c.identity, pool)
                            .await
                            .map(Created::Pool)
                    })
                    .await,
            },
            Effect::CreateRole {
                req,
                name,
                trust_policy,
                description,
            } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        iam::create_role(&c.iam, &name, &trust_policy, &description)
                            .await
                            .map(Created::Role)
                    })
                    .await,
            },
            Effect::PutRolePolicy {
                req,
                role_name,
                policy_name,
                document,
            } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        iam::put_role_policy(&c.iam, &role_name, &policy_name, &document)
                            .await
                            .map(|()| Created::Done)
                    })
                    .await,
            },
            Effect::SetIdentityPoolRoles {
                req,
                pool_id,
                roles,
                role_mappings,
            } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        creation::set_roles(&c.identity, &pool_id, roles, role_mappings)
                            .await
                            .map(|()| Created::Done)
                    })
                    .await,
            },
            Effect::SetPrincipalTagAttributeMap {
                req,
                pool_id,
                provider,
                tags,
            } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        creation::set_principal_tags(&c.identity, &pool_id, &provider, tags)
                            .await
                            .map(|()| Created::Done)
                    })
                    .await,
            },
            Effect::DeleteRolePolicy {
                req,
                role_name,
                policy_name,
            } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        iam::delete_role_policy(&c.iam, &role_name, &policy_name)
                            .await
                            .map(|()| Created::Done)
                    })
                    .await,
            },
            Effect::DeleteRole { req, role_name } => Msg::CallDone {
                req,
                result: self
                    .with_clients(|c| async move {
                        iam::delete_role(&c.iam, &role_name)
                            .await
                            .map(|()| Created::Done)
                    })
                    .await,
            },
            Effect::CopyToClipboard(_) | Effect::Quit => return None,
        };
        Some(msg)
    }
}
