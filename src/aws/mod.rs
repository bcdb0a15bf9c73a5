//! The effect runner: each request effect becomes one tokio task making one SDK call, whose result
//! comes back to `update` as a message. Nothing here draws or decides.

mod connect;
mod creation;
pub mod doctor;
mod error;
pub mod export;
mod iam;
mod identity;
mod journaled;
mod roles;
pub mod test_access;
mod unanswered;
mod update;
mod userpools;

pub use connect::{Clients, Target, connect, connect_clients, profile_names};
pub use error::from_sdk;
pub use identity::describe_pool;

use std::sync::{Arc, RwLock};
use tokio::sync::mpsc::UnboundedSender;

use crate::app::test_access::Trial;
use crate::app::{AwsError, Effect, ErrorKind, Response};
use crate::console::Msg;

/// Runs request effects against AWS (or the sandbox) and reports back on `tx`.
#[derive(Clone)]
pub struct Runner {
    tx: UnboundedSender<Msg>,
    target: Target,
    clients: Arc<RwLock<Option<Clients>>>,
    account: Arc<RwLock<Option<String>>>,
    /// The session's (profile, region), for the journal's entries.
    session: Arc<RwLock<Option<(String, String)>>>,
    journal: Option<crate::journal::Journal>,
    /// The writes sent and not answered yet (journaled as unknown if the console quits first).
    unanswered: Arc<std::sync::Mutex<unanswered::Unanswered>>,
}

impl Runner {
    /// A runner for `target`, reporting on `tx`; it has no clients until a Connect effect runs.
    pub fn new(tx: UnboundedSender<Msg>, target: Target) -> Self {
        Self {
            tx,
            target,
            clients: Arc::new(RwLock::new(None)),
            account: Arc::new(RwLock::new(None)),
            session: Arc::new(RwLock::new(None)),
            journal: None,
            unanswered: Arc::default(),
        }
    }

    /// The same runner, recording every write it makes in the journal at `path`; a failure to
    /// write it comes back as `Msg::JournalFailed`.
    pub fn journal_to(mut self, path: std::path::PathBuf) -> Self {
        let tx = self.tx.clone();
        self.journal = Some(crate::journal::Journal::start(path, move |text| {
            let _ = tx.send(Msg::JournalFailed(text));
        }));
        self
    }

    /// Where the journal is written, when it is.
    pub fn journal_path(&self) -> Option<&std::path::Path> {
        self.journal.as_ref().map(|j| j.path())
    }

    /// The pool's ARN, with the account asked of STS once a session.
    async fn pool_arn(&self, clients: &Clients, pool_id: &str) -> Result<String, AwsError> {
        let cached = self
            .account
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        let account = match cached {
            Some(account) => account,
            None => {
                let account = update::account(&clients.sts).await?;
                *self.account.write().unwrap_or_else(|p| p.into_inner()) = Some(account.clone());
                account
            }
        };
        Ok(crate::domain::pool::pool_arn(pool_id, &account))
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
            let write = runner
                .journal
                .as_ref()
                .and_then(|_| crate::journal::describe(&effect));
            let (msg, entry) = match write {
                None => (runner.run(effect).await, None),
                Some(write) => {
                    let key = runner.sent(&write);
                    let (msg, request_ids) =
                        crate::journal::request_ids::recording(write.0, runner.run(effect)).await;
                    runner.answered(key);
                    let session = runner
                        .session
                        .read()
                        .unwrap_or_else(|p| p.into_inner())
                        .clone()
                        .unwrap_or_default();
                    let entry = journaled::entry(write, request_ids, &session, msg.as_ref());
                    (msg, entry)
                }
            };
            // Queued before the answer goes, so the journal's order is the calls' order (the
            // next call of a run starts only once this answer is handled).
            if let (Some(journal), Some(entry)) = (&runner.journal, entry) {
                journal.append(entry);
            }
            if let Some(msg) = msg {
                // The receiver is gone only when the console is quitting.
                let _ = runner.tx.send(msg);
            }
        });
    }

    async fn run(&self, effect: Effect) -> Option<Msg> {
        let clients = self.clients();
        // One line an operation: the SDK call with the session's clients, its result typed by
        // operation. Without clients, every call fails as "not connected yet".
        macro_rules! call {
            ($req:expr, $variant:ident, |$c:ident| $call:expr) => {
                (
                    $req,
                    Response::$variant(match &clients {
                        Ok($c) => $call.await,
                        Err(error) => Err(error.clone()),
                    }),
                )
            };
        }
        let (req, response) = match effect {
            Effect::Connect {
                req,
                profile,
                region,
            } => {
                let result = connect::connect(&self.target, profile, region).await;
                let result = result.map(|(session, clients)| {
                    let mut guard = self.clients.write().unwrap_or_else(|p| p.into_inner());
                    *guard = Some(clients);
                    *self.session.write().unwrap_or_else(|p| p.into_inner()) =
                        Some((session.profile.clone(), session.region.clone()));
                    *self.account.write().unwrap_or_else(|p| p.into_inner()) = None;
                    session
                });
                (req, Response::Connect(result))
            }
            Effect::ListIdentityPools { req, next_token } => {
                call!(req, ListIdentityPools, |c| identity::list_pools(
                    &c.identity,
                    next_token
                ))
            }
            Effect::ReadJournal { req } => {
                let read = match self.journal.as_ref().map(|j| j.path().to_path_buf()) {
                    Some(path) => tokio::task::spawn_blocking(move || crate::journal::read(&path))
                        .await
                        .unwrap_or_else(|e| Err(e.to_string())),
                    None => Err("no data directory on this system, so nothing is journaled".into()),
                };
                (req, Response::Journal(read))
            }
            Effect::ListIdentityPoolsIn {
                req,
                region,
                next_token,
            } => call!(req, ListIdentityPools, |c| identity::list_pools(
                &c.in_region(&region).identity,
                next_token
            )),
            Effect::DescribeIdentityPool { req, pool_id } => {
                call!(req, DescribeIdentityPool, |c| identity::describe_pool(
                    &c.identity,
                    &pool_id
                ))
            }
            Effect::GetIdentityPoolRoles { req, pool_id } => {
                call!(req, GetIdentityPoolRoles, |c| identity::get_roles(
                    &c.identity,
                    &pool_id
                ))
            }
            Effect::DeleteIdentityPool { req, pool_id, .. } => {
                call!(req, DeleteIdentityPool, |c| identity::delete_pool(
                    &c.identity,
                    &pool_id
                ))
            }
            Effect::ListIdentities {
                req,
                pool_id,
                next_token,
                hide_disabled,
            } => call!(req, ListIdentities, |c| identity::list_identities(
                &c.identity,
                &pool_id,
                next_token,
                hide_disabled
            )),
            Effect::DescribeIdentity { req, identity_id } => call!(req, DescribeIdentity, |c| {
                identity::describe_identity(&c.identity, &identity_id)
            }),
            Effect::LookupDeveloperIdentity {
                req,
                pool_id,
                identity_id,
                developer_user,
            } => call!(
                req,
                LookupDeveloperIdentity,
                |c| identity::lookup_developer(&c.identity, &pool_id, identity_id, developer_user)
            ),
            Effect::DeleteIdentities { req, ids, .. } => {
                call!(req, DeleteIdentities, |c| identity::delete_identities(
                    &c.identity,
                    ids
                ))
            }
            Effect::ListRoles { req, marker } => {
                call!(req, ListRoles, |c| iam::list_roles(&c.iam, marker))
            }
            Effect::ListUserPools { req, next_token } => call!(req, ListUserPools, |c| {
                userpools::list_user_pools(&c.user_pools, next_token)
            }),
            Effect::ListUserPoolClients {
                req,
                user_pool_id,
                next_token,
            } => call!(req, ListUserPoolClients, |c| userpools::list_clients(
                &c.user_pools,
                &user_pool_id,
                next_token
            )),
            Effect::ListOpenIdConnectProviders { req } => {
                call!(req, ListOpenIdConnectProviders, |c| {
                    iam::list_oidc_providers(&c.iam)
                })
            }
            Effect::ListSamlProviders { req } => {
                call!(req, ListSamlProviders, |c| iam::list_saml_providers(&c.iam))
            }
            Effect::CreateUserPool { req, settings } => call!(req, CreateUserPool, |c| {
                userpools::create_user_pool(&c.user_pools, &settings)
            }),
            Effect::CreateUserPoolClient {
                req,
                user_pool_id,
                settings,
            } => call!(req, CreateUserPoolClient, |c| userpools::create_client(
                &c.user_pools,
                &user_pool_id,
                &settings
            )),
            Effect::DeleteUserPoolClient {
                req,
                user_pool_id,
                client_id,
            } => call!(req, DeleteUserPoolClient, |c| userpools::delete_client(
                &c.user_pools,
                &user_pool_id,
                &client_id
            )),
            Effect::DeleteUserPool { req, user_pool_id } => call!(req, DeleteUserPool, |c| {
                userpools::delete_user_pool(&c.user_pools, &user_pool_id)
            }),
            Effect::CreateIdentityPool { req, pool } => {
                call!(req, CreateIdentityPool, |c| creation::create_pool(
                    &c.identity,
                    pool
                ))
            }
            Effect::CreateRole {
                req,
                name,
                trust_policy,
                description,
            } => call!(req, CreateRole, |c| iam::create_role(
                &c.iam,
                &name,
                &trust_policy,
                &description
            )),
            Effect::PutRolePolicy {
                req,
                role_name,
                policy_name,
                document,
            } => call!(req, PutRolePolicy, |c| iam::put_role_policy(
                &c.iam,
                &role_name,
                &policy_name,
                &document
            )),
            Effect::SetIdentityPoolRoles {
                req,
                pool_id,
                roles,
                role_mappings,
            } => call!(req, SetIdentityPoolRoles, |c| creation::set_roles(
                &c.identity,
                &pool_id,
                roles,
                role_mappings
            )),
            Effect::SetPrincipalTagAttributeMap {
                req,
                pool_id,
                provider,
                tags,
            } => call!(req, SetPrincipalTagAttributeMap, |c| {
                creation::set_principal_tags(&c.identity, &pool_id, &provider, tags)
            }),
            Effect::DeleteRolePolicy {
                req,
                role_name,
                policy_name,
            } => call!(req, DeleteRolePolicy, |c| iam::delete_role_policy(
                &c.iam,
                &role_name,
                &policy_name
            )),
            Effect::DeleteRole { req, role_name } => {
                call!(req, DeleteRole, |c| iam::delete_role(&c.iam, &role_name))
            }
            Effect::UpdateIdentityPool { req, pool } => {
                call!(req, UpdateIdentityPool, |c| update::update_pool(
                    &c.identity,
                    pool
                ))
            }
            Effect::GetPrincipalTagAttributeMap {
                req,
                pool_id,
                provider,
            } => call!(req, GetPrincipalTagAttributeMap, |c| {
                update::get_principal_tags(&c.identity, &pool_id, &provider)
            }),
            Effect::TagResource { req, pool_id, tags } => call!(req, TagResource, |c| async {
                let arn = self.pool_arn(c, &pool_id).await?;
                update::tag(&c.identity, &arn, tags).await
            }),
            Effect::UntagResource { req, pool_id, keys } => call!(req, UntagResource, |c| async {
                let arn = self.pool_arn(c, &pool_id).await?;
                update::untag(&c.identity, &arn, keys).await
            }),
            Effect::GetRole { req, role_name } => {
                call!(req, GetRole, |c| roles::get_role(&c.iam, &role_name))
            }
            Effect::UpdateAssumeRolePolicy {
                req,
                role_name,
                document,
            } => call!(req, UpdateAssumeRolePolicy, |c| roles::update_trust(
                &c.iam, &role_name, &document
            )),
            Effect::ListRolePolicies { req, role_name } => call!(req, ListRolePolicies, |c| {
                roles::inline_policies(&c.iam, &role_name)
            }),
            Effect::GetRolePolicy {
                req,
                role_name,
                policy_name,
            } => call!(req, GetRolePolicy, |c| roles::inline_policy(
                &c.iam,
                &role_name,
                &policy_name
            )),
            Effect::ListAttachedRolePolicies { req, role_name } => {
                call!(req, ListAttachedRolePolicies, |c| {
                    roles::attached_policies(&c.iam, &role_name)
                })
            }
            Effect::GetManagedPolicy { req, arn } => {
                call!(req, GetManagedPolicy, |c| roles::managed_policy(
                    &c.iam, &arn
                ))
            }
            Effect::TestAccess {
                req,
                pool_id,
                attempt,
            } => (
                req,
                Response::TestAccess(Box::new(match &clients {
                    Ok(c) => test_access::run(c, &pool_id, &attempt).await,
                    Err(error) => Trial::Refused(crate::app::test_access::Refused {
                        steps: Vec::new(),
                        call: "Connect",
                        advice: None,
                        error: error.clone(),
                        claims: None,
                    }),
                })),
            ),
            Effect::ReadExport {
                req,
                pool_id,
                include_roles,
            } => call!(req, Export, |c| async {
                export::read(c, &pool_id, include_roles).await.map(Box::new)
            }),
            Effect::Doctor { req } => call!(req, Doctor, |c| async {
                doctor::read(c).await.map(|(configs, account)| {
                    Box::new(crate::domain::doctor::report(&configs, &account))
                })
            }),
            // The one local write: an export saved to a file.
            Effect::WriteFile {
                req,
                path,
                text,
                replace,
            } => (
                req,
                Response::FileWritten(write_file(path, text, replace).await),
            ),
            Effect::JournalNote {
                operation,
                target,
                outcome,
                summary,
            } => {
                self.journal_note(operation, target, outcome, summary);
                return None;
            }
            Effect::EditInEditor { .. } | Effect::CopyToClipboard(_) | Effect::Quit => {
                return None;
            }
        };
        Some(Msg::Response { req, response })
    }
}

/// Writes `text` to `path`: a new file only, unless `replace`.
async fn write_file(
    path: std::path::PathBuf,
    text: String,
    replace: bool,
) -> Result<std::path::PathBuf, crate::app::FileError> {
    use tokio::io::AsyncWriteExt;
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true);
    if replace {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = async {
        let mut file = options.open(&path).await?;
        file.write_all(text.as_bytes()).await?;
        file.flush().await
    };
    match written.await {
        Ok(()) => Ok(path),
        Err(e) => Err(crate::app::FileError {
            exists: e.kind() == std::io::ErrorKind::AlreadyExists,
            message: format!("{}: {e}", path.display()),
        }),
    }
}
