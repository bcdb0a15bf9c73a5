//! `cognito-tui test-access`: the Test access flow for scripts and CI. The flags become an
//! [`Attempt`] (the pool described first when the user pool client, the developer provider or the
//! logins key must come from it), the runner's own flow signs in, and [`print`] says what came:
//! lines or `--json`, never a secret unless `--show-secrets`; the exit status says whether the
//! credentials came and were the role expected.

mod print;

use std::io::BufRead;

use crate::app::test_access::{Attempt, Flow, Secret, Trial, UserSignIn, role_matches};
use crate::aws::{Clients, Target};
use crate::cli::{FlowArg, PASSWORD_ENV, TestAccessArgs};
use crate::domain::IdentityPool;
use crate::runtime::Ended;

/// Why the flags can't become an attempt: bad usage (exit 2) or the pool refused it (exit 1).
enum NoAttempt {
    Usage(String),
    Failed(String),
}

/// Runs the command and prints its result; how the process should end.
pub async fn run(
    args: &TestAccessArgs,
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Ended {
    // The password first: a missing one is bad usage, found before any call.
    let password = match password(args) {
        Ok(password) => password,
        Err(message) => {
            eprintln!("cognito-tui: {message}");
            return Ended::Usage;
        }
    };
    let clients = match crate::aws::connect_clients(target, profile, region).await {
        Ok(clients) => clients,
        Err(error) => {
            eprintln!("cognito-tui: could not connect: {error}");
            return Ended::Failed;
        }
    };
    let attempt = match attempt(args, &clients, password).await {
        Ok(attempt) => attempt,
        Err(NoAttempt::Usage(message)) => {
            eprintln!("cognito-tui: {message}");
            return Ended::Usage;
        }
        Err(NoAttempt::Failed(message)) => {
            eprintln!("cognito-tui: {message}");
            return Ended::Failed;
        }
    };
    let trial = crate::aws::test_access::run(&clients, &args.pool, &attempt).await;
    let mut out = std::io::stdout().lock();
    match &trial {
        Trial::Issued(access) => {
            let matches = match (&args.expect_role, &access.role_arn) {
                (Some(expected), Some(role)) => role_matches(role, expected),
                (Some(_), None) => false,
                (None, _) => true,
            };
            print::access(&mut out, args, attempt.kind(), access, matches);
            if matches { Ended::Quit } else { Ended::Failed }
        }
        Trial::Refused(refused) => {
            print::refused(&mut out, args, attempt.kind(), refused);
            Ended::Failed
        }
        Trial::NewPasswordRequired { steps, .. } => {
            print::new_password_required(&mut out, args, steps);
            Ended::Failed
        }
    }
}

/// The password of `--user`: standard input's first line with `--password-stdin`, else the
/// environment variable; never a flag (it would show in `ps` and the shell's history).
fn password(args: &TestAccessArgs) -> Result<Option<Secret>, String> {
    if args.user.is_none() {
        // clap's `requires` does not hold these to --user inside the one-of group.
        let stray = [
            (args.client.is_some(), "--client"),
            (args.password_stdin, "--password-stdin"),
            (args.flow != FlowArg::Auto, "--flow"),
        ];
        if let Some((_, flag)) = stray.iter().find(|(set, _)| *set) {
            return Err(format!("{flag} goes with --user"));
        }
        return Ok(None);
    }
    if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("could not read the password from standard input: {e}"))?;
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if line.is_empty() {
            return Err("--password-stdin read an empty password".into());
        }
        return Ok(Some(Secret(line)));
    }
    match std::env::var(PASSWORD_ENV) {
        Ok(value) if !value.is_empty() => Ok(Some(Secret(value))),
        _ => Err(format!(
            "--user needs the password: pipe it with --password-stdin, or set {PASSWORD_ENV}"
        )),
    }
}

async fn describe(clients: &Clients, pool_id: &str) -> Result<IdentityPool, NoAttempt> {
    crate::aws::describe_pool(&clients.identity, pool_id)
        .await
        .map_err(|e| NoAttempt::Failed(format!("DescribeIdentityPool {pool_id} failed: {e}")))
}

/// The attempt the flags ask for.
async fn attempt(
    args: &TestAccessArgs,
    clients: &Clients,
    password: Option<Secret>,
) -> Result<Attempt, NoAttempt> {
    if args.guest {
        return Ok(Attempt::Guest);
    }
    if let Some(user_id) = &args.developer_user {
        let pool = describe(clients, &args.pool).await?;
        let Some(provider_name) = pool.developer_provider_name else {
            return Err(NoAttempt::Failed(format!(
                "The pool {} has no developer provider: --developer-user needs one (User access → Identity providers → Custom developer).",
                args.pool
            )));
        };
        return Ok(Attempt::Developer {
            provider_name,
            user_id: user_id.clone(),
        });
    }
    if let (Some(file), Some(provider)) = (&args.token_file, &args.provider) {
        let token = std::fs::read_to_string(file)
            .map_err(|e| NoAttempt::Usage(format!("could not read {}: {e}", file.display())))?;
        let pool = describe(clients, &args.pool).await?;
        let keys = crate::domain::edit::ProviderRef::all(&pool)
            .into_iter()
            .map(|p| p.login_name())
            .collect::<Vec<_>>();
        if !keys.contains(provider) {
            return Err(NoAttempt::Failed(format!(
                "The pool has no provider {provider}; its logins keys are: {}",
                if keys.is_empty() {
                    "(none)".to_string()
                } else {
                    keys.join(", ")
                }
            )));
        }
        return Ok(Attempt::Token {
            provider: provider.clone(),
            token: Secret(token.trim().to_string()),
        });
    }
    let (Some(username), Some(password)) = (&args.user, password) else {
        return Err(NoAttempt::Usage(
            "say who signs in: --guest, --user, --token-file or --developer-user".into(),
        ));
    };
    let pool = describe(clients, &args.pool).await?;
    let providers = &pool.cognito_identity_providers;
    let chosen = match &args.client {
        Some(client) => providers.iter().find(|p| &p.client_id == client),
        None if providers.len() == 1 => providers.first(),
        None => None,
    };
    let Some(provider) = chosen else {
        let listed = providers
            .iter()
            .map(|p| format!("{} (client {})", p.provider_name, p.client_id))
            .collect::<Vec<_>>();
        return Err(match (&args.client, listed.is_empty()) {
            (_, true) => NoAttempt::Failed(format!(
                "The pool {} has no user pool provider: --user needs one.",
                args.pool
            )),
            (Some(client), false) => NoAttempt::Failed(format!(
                "The pool has no user pool provider with client {client}; it has: {}",
                listed.join(", ")
            )),
            (None, false) => NoAttempt::Usage(format!(
                "The pool has several user pool providers: pick one with --client ({})",
                listed.join(", ")
            )),
        });
    };
    let user_pool_id = provider
        .provider_name
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    Ok(Attempt::User(UserSignIn {
        user_pool_id,
        client_id: provider.client_id.clone(),
        username: username.clone(),
        password,
        flow: match args.flow {
            FlowArg::Auto => Flow::Auto,
            FlowArg::Srp => Flow::Srp,
            FlowArg::Password => Flow::Password,
        },
    }))
}
