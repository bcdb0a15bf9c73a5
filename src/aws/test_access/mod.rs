//! Test access: sign in to a pool the way an app does and see what it really hands out. The
//! login (a user pool sign-in in [`user`], a pasted token, a developer user's OpenID token, or
//! none for a guest) → GetId → GetCredentialsForIdentity → STS GetCallerIdentity with those
//! credentials (the role assumed is the caller's). Every call is timed; the first refusal ends
//! the attempt with the calls made so far.

mod user;

use std::collections::HashMap;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use aws_credential_types::Credentials;

use super::{Clients, from_sdk};
use crate::app::AwsError;
use crate::app::test_access::{
    Access, Attempt, Novelty, Refused, Secret, Step, Trial, advice, role_of_caller,
};
use crate::domain::claims;

/// The logins key of developer-authenticated identities' OpenID tokens.
const DEVELOPER_LOGINS_KEY: &str = "cognito-identity.amazonaws.com";

/// How an attempt stopped short (boxed: the happy path's results are small).
pub(super) type Stop = Box<Refused>;

/// The calls of one attempt, timed as they are made.
#[derive(Debug, Default)]
pub(super) struct Calls {
    steps: Vec<Step>,
}

impl Calls {
    /// Runs one call, recording its time; a failure ends the attempt with the calls made so far.
    pub(super) async fn timed<T, F>(&mut self, call: &'static str, send: F) -> Result<T, Stop>
    where
        F: std::future::Future<Output = Result<T, AwsError>>,
    {
        let start = Instant::now();
        let result = send.await;
        self.steps.push(Step {
            call,
            millis: start.elapsed().as_secs_f64() * 1000.0,
        });
        result.map_err(|error| self.refused(call, error))
    }

    /// Ends the attempt at `call` with `error` (a refusal the console found itself has no step).
    pub(super) fn refused(&mut self, call: &'static str, error: AwsError) -> Stop {
        Box::new(Refused {
            steps: std::mem::take(&mut self.steps),
            call,
            advice: advice(call, &error),
            error,
            claims: None,
        })
    }

    fn take(&mut self) -> Vec<Step> {
        std::mem::take(&mut self.steps)
    }
}

/// The token that goes to Cognito Identity, and under which logins key.
struct Login {
    key: String,
    token: Secret,
    /// The user pool flow that gave the token, for a user.
    flow: Option<&'static str>,
}

/// Runs `attempt` on `pool_id`.
pub async fn run(clients: &Clients, pool_id: &str, attempt: &Attempt) -> Trial {
    // Before any call: a developer user's identity is made by the first one.
    let started = now();
    let mut calls = Calls::default();
    match signed_in(clients, pool_id, attempt, &mut calls).await {
        Ok(SignedIn::Login(login, identity_id)) => {
            let claims = login
                .as_ref()
                .and_then(|l| claims::from_jwt(l.token.reveal()).ok());
            match credentials(clients, pool_id, (login, identity_id), started, &mut calls).await {
                Ok(access) => Trial::Issued(Box::new(access)),
                Err(refused) => Trial::Refused(Refused { claims, ..*refused }),
            }
        }
        Ok(SignedIn::Challenged { sign_in, session }) => Trial::NewPasswordRequired {
            sign_in,
            session,
            steps: calls.take(),
        },
        Err(refused) => Trial::Refused(*refused),
    }
}

/// The login an attempt gives, or the challenge it met.
enum SignedIn {
    /// The login (None for a guest), and the identity already known (a developer user's).
    Login(Option<Login>, Option<String>),
    /// NEW_PASSWORD_REQUIRED.
    Challenged {
        sign_in: crate::app::test_access::UserSignIn,
        session: Secret,
    },
}

async fn signed_in(
    clients: &Clients,
    pool_id: &str,
    attempt: &Attempt,
    calls: &mut Calls,
) -> Result<SignedIn, Stop> {
    Ok(match attempt {
        Attempt::Guest => SignedIn::Login(None, None),
        Attempt::Token { provider, token } => SignedIn::Login(
            Some(Login {
                key: provider.clone(),
                token: token.clone(),
                flow: None,
            }),
            None,
        ),
        Attempt::User(sign_in) => user::sign_in(clients, sign_in, calls).await?,
        Attempt::NewPassword {
            sign_in,
            session,
            new_password,
        } => user::new_password(clients, sign_in, session, new_password, calls).await?,
        Attempt::Developer {
            provider_name,
            user_id,
        } => {
            let out = calls
                .timed("GetOpenIdTokenForDeveloperIdentity", async {
                    clients
                        .identity
                        .get_open_id_token_for_developer_identity()
                        .identity_pool_id(pool_id)
                        .logins(provider_name, user_id)
                        .send()
                        .await
                        .map_err(from_sdk)
                })
                .await?;
            SignedIn::Login(
                Some(Login {
                    key: DEVELOPER_LOGINS_KEY.into(),
                    token: Secret(out.token().unwrap_or_default().to_string()),
                    flow: None,
                }),
                out.identity_id().map(String::from),
            )
        }
    })
}

fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// GetId (unless the identity is known) → GetCredentialsForIdentity → GetCallerIdentity, then
/// DescribeIdentity to say whether the identity is new (after the credentials: it never delays
/// them, and its failure is no refusal).
async fn credentials(
    clients: &Clients,
    pool_id: &str,
    (login, known): (Option<Login>, Option<String>),
    started: f64,
    calls: &mut Calls,
) -> Result<Access, Stop> {
    let logins: HashMap<String, String> = login
        .iter()
        .map(|l| (l.key.clone(), l.token.reveal().to_string()))
        .collect();
    let identity_id = match known {
        Some(id) => id,
        None => {
            let out = calls
                .timed("GetId", async {
                    clients
                        .identity
                        .get_id()
                        .identity_pool_id(pool_id)
                        .set_logins((!logins.is_empty()).then(|| logins.clone()))
                        .send()
                        .await
                        .map_err(from_sdk)
                })
                .await?;
            out.identity_id().unwrap_or_default().to_string()
        }
    };
    let answer = calls
        .timed("GetCredentialsForIdentity", async {
            clients
                .identity
                .get_credentials_for_identity()
                .identity_id(&identity_id)
                .set_logins((!logins.is_empty()).then(|| logins.clone()))
                .send()
                .await
                .map_err(from_sdk)
        })
        .await?;
    let issued = answer.credentials();
    let text = |value: Option<&str>| value.unwrap_or_default().to_string();
    let access_key_id = text(issued.and_then(|c| c.access_key_id()));
    let secret_key = Secret(text(issued.and_then(|c| c.secret_key())));
    let session_token = Secret(text(issued.and_then(|c| c.session_token())));
    let expiration = issued
        .and_then(|c| c.expiration())
        .and_then(|t| t.fmt(aws_smithy_types::date_time::Format::DateTime).ok());
    // The same endpoint and region, with the pool's credentials instead of the operator's.
    let sts = aws_sdk_sts::Client::from_conf(
        clients
            .sts
            .config()
            .to_builder()
            .credentials_provider(Credentials::new(
                &access_key_id,
                secret_key.reveal(),
                Some(session_token.reveal().to_string()),
                None,
                "cognito-tui-test-access",
            ))
            .build(),
    );
    let me = calls
        .timed("GetCallerIdentity", async {
            sts.get_caller_identity().send().await.map_err(from_sdk)
        })
        .await?;
    let caller_arn = me.arn().unwrap_or_default().to_string();
    let novelty = match &login {
        // GetId without a login always makes a new identity.
        None => Novelty::New,
        Some(_) => novelty(clients, &identity_id, started, calls).await,
    };
    Ok(Access {
        identity_id,
        novelty,
        role_arn: role_of_caller(&caller_arn),
        caller_arn,
        access_key_id,
        secret_key,
        session_token,
        expiration,
        claims: login
            .as_ref()
            .and_then(|l| claims::from_jwt(l.token.reveal()).ok()),
        flow: login.as_ref().and_then(|l| l.flow),
        logins_key: login.map(|l| l.key),
        steps: calls.take(),
    })
}

/// Whether the identity was made by this sign-in: its creation date against when the sign-in
/// began on this machine's clock (no grace: a sign-in a second earlier made the other one; a
/// clock far off the service's can misjudge it, and the date shown lets the operator tell).
async fn novelty(clients: &Clients, identity_id: &str, started: f64, calls: &mut Calls) -> Novelty {
    let described = calls
        .timed("DescribeIdentity", async {
            super::identity::describe_identity(&clients.identity, identity_id).await
        })
        .await;
    match described {
        Ok(identity) => match identity.created {
            Some(created) if created >= started => Novelty::New,
            Some(created) => Novelty::Existing(
                aws_smithy_types::DateTime::from_secs_f64(created)
                    .fmt(aws_smithy_types::date_time::Format::DateTime)
                    .unwrap_or_default(),
            ),
            None => Novelty::Unknown("DescribeIdentity gave no creation date".into()),
        },
        Err(refused) => {
            // Put back the calls made: a failed DescribeIdentity is not a refusal.
            calls.steps = refused.steps;
            Novelty::Unknown(refused.error.to_string())
        }
    }
}
