//! Shared by the integration tests: an in-process sandbox and SDK clients pointed at it.
#![allow(dead_code)]

pub mod panel;

use aws_config::BehaviorVersion;
use aws_sdk_cognitoidentity::config::{Credentials, Region};
use cognito_tui::sandbox::{self, RunningSandbox, SandboxOptions, Seed};

/// A sandbox on a free loopback port, stopped when dropped.
pub async fn sandbox(seed: Seed) -> RunningSandbox {
    sandbox::start(SandboxOptions {
        seed,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("sandbox starts: {e}"))
}

/// SDK configuration for the sandbox in `region`, with long-term sandbox credentials.
pub async fn sdk_config(sb: &RunningSandbox, region: &str) -> aws_types::SdkConfig {
    sdk_config_at(&sb.endpoint_url(), region).await
}

/// SDK configuration for a sandbox at `endpoint_url` (e.g. one the console started) in `region`.
pub async fn sdk_config_at(endpoint_url: &str, region: &str) -> aws_types::SdkConfig {
    aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .credentials_provider(Credentials::new(
            "AKIDSANDBOX",
            "sandbox-secret",
            None,
            None,
            "test",
        ))
        .endpoint_url(endpoint_url)
        .load()
        .await
}

/// The official Cognito Identity client, configured for the sandbox in `region`.
pub async fn identity_client(sb: &RunningSandbox, region: &str) -> aws_sdk_cognitoidentity::Client {
    aws_sdk_cognitoidentity::Client::new(&sdk_config(sb, region).await)
}

/// The official IAM client for the sandbox.
pub async fn iam_client(sb: &RunningSandbox) -> aws_sdk_iam::Client {
    aws_sdk_iam::Client::new(&sdk_config(sb, "us-east-1").await)
}

/// The official Cognito user pools client for the sandbox in `region`.
pub async fn idp_client(
    sb: &RunningSandbox,
    region: &str,
) -> aws_sdk_cognitoidentityprovider::Client {
    aws_sdk_cognitoidentityprovider::Client::new(&sdk_config(sb, region).await)
}

/// The service error code of an SDK error, or a description of a non-service failure.
pub fn code<E, R>(err: &aws_sdk_cognitoidentity::error::SdkError<E, R>) -> String
where
    E: aws_sdk_cognitoidentity::error::ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match err.as_service_error() {
        Some(e) => e.code().unwrap_or("<no code>").to_string(),
        None => format!("<not a service error: {err:?}>"),
    }
}

/// The service error message of an SDK error.
pub fn message<E, R>(err: &aws_sdk_cognitoidentity::error::SdkError<E, R>) -> String
where
    E: aws_sdk_cognitoidentity::error::ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    err.as_service_error()
        .and_then(|e| e.message())
        .unwrap_or_default()
        .to_string()
}

/// The id of the identity pool named `name` (panics when there is none).
pub async fn pool_id_named(client: &aws_sdk_cognitoidentity::Client, name: &str) -> String {
    let pools = client
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    pools
        .identity_pools()
        .iter()
        .find(|p| p.identity_pool_name() == Some(name))
        .and_then(|p| p.identity_pool_id())
        .unwrap_or_else(|| panic!("no pool {name}"))
        .to_string()
}

/// The STS client of temporary credentials, for a sandbox at `endpoint_url`.
pub async fn sts_at(
    endpoint_url: &str,
    key: &str,
    secret: &str,
    token: &str,
) -> aws_sdk_sts::Client {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            key,
            secret,
            Some(token.to_string()),
            None,
            "test",
        ))
        .endpoint_url(endpoint_url)
        .load()
        .await;
    aws_sdk_sts::Client::new(&config)
}

/// Whom STS GetCallerIdentity says these credentials belong to.
pub async fn caller_arn_of(sb: &RunningSandbox, key: &str, secret: &str, token: &str) -> String {
    caller_arn_at(&sb.endpoint_url(), key, secret, token).await
}

/// Whom STS GetCallerIdentity says these credentials belong to, at a sandbox at `endpoint_url`.
pub async fn caller_arn_at(endpoint_url: &str, key: &str, secret: &str, token: &str) -> String {
    let sts = sts_at(endpoint_url, key, secret, token).await;
    let me = sts
        .get_caller_identity()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    me.arn().unwrap_or_default().to_string()
}

/// Signs `user` in to a user pool app client with USER_PASSWORD_AUTH; the ID token.
pub async fn id_token(
    idp: &aws_sdk_cognitoidentityprovider::Client,
    client_id: &str,
    user: &str,
    password: &str,
) -> String {
    let auth = idp
        .initiate_auth()
        .client_id(client_id)
        .auth_flow(aws_sdk_cognitoidentityprovider::types::AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", user)
        .auth_parameters("PASSWORD", password)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{user}: {e:?}"));
    auth.authentication_result()
        .and_then(|r| r.id_token())
        .unwrap_or_default()
        .to_string()
}

/// GetId for a pool with these logins (none: a guest), which must succeed; the identity id.
pub async fn identity_id(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    logins: &[(&str, &str)],
) -> String {
    let mut request = client.get_id().identity_pool_id(pool_id);
    for (provider, token) in logins {
        request = request.logins(*provider, *token);
    }
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("GetId: {e:?}"))
        .identity_id()
        .unwrap_or_default()
        .to_string()
}

/// Whom STS says these Cognito credentials belong to.
pub async fn caller_of(
    sb: &RunningSandbox,
    credentials: &aws_sdk_cognitoidentity::types::Credentials,
) -> String {
    caller_arn_of(
        sb,
        credentials.access_key_id().unwrap_or_default(),
        credentials.secret_key().unwrap_or_default(),
        credentials.session_token().unwrap_or_default(),
    )
    .await
}

/// The role STS reports for the credentials GetCredentialsForIdentity hands out with these logins.
pub async fn assumed_role(
    sb: &RunningSandbox,
    client: &aws_sdk_cognitoidentity::Client,
    id: &str,
    logins: &[(&str, &str)],
) -> String {
    let mut request = client.get_credentials_for_identity().identity_id(id);
    for (provider, token) in logins {
        request = request.logins(*provider, *token);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e:?}"));
    let credentials = response
        .credentials()
        .cloned()
        .unwrap_or_else(|| panic!("credentials"));
    caller_of(sb, &credentials).await
}

/// CreateUserPool with only a name, which must succeed; the new pool's id.
pub async fn new_user_pool(client: &aws_sdk_cognitoidentityprovider::Client, name: &str) -> String {
    let pool = client
        .create_user_pool()
        .pool_name(name)
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateUserPool: {e:?}"));
    pool.user_pool()
        .and_then(|p| p.id())
        .unwrap_or_default()
        .to_string()
}

/// The demo's IAM OpenID Connect provider (client id `partner-portal`).
pub const PARTNER_OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";

/// A pool trusting only the demo's OIDC provider, without guests; its id.
pub async fn oidc_pool(client: &aws_sdk_cognitoidentity::Client, name: &str) -> String {
    client
        .create_identity_pool()
        .identity_pool_name(name)
        .allow_unauthenticated_identities(false)
        .open_id_connect_provider_arns(PARTNER_OIDC)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id
        .clone()
}

/// A new app client of the demo user pool (with a secret or not, allowing `flows`) added to
/// `orders` as one more user pool provider; its id.
pub async fn add_client(
    sb: &cognito_tui::sandbox::RunningSandbox,
    orders: &str,
    secret: bool,
    flows: &[aws_sdk_cognitoidentityprovider::types::ExplicitAuthFlowsType],
) -> String {
    let idp = idp_client(sb, "us-east-1").await;
    let made = idp
        .create_user_pool_client()
        .user_pool_id("us-east-1_Ord3rsPl1")
        .client_name(if secret { "with-secret" } else { "no-flows" })
        .generate_secret(secret)
        .set_explicit_auth_flows(Some(flows.to_vec()))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let client_id = made
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    let identity = identity_client(sb, "us-east-1").await;
    let pool = identity
        .describe_identity_pool()
        .identity_pool_id(orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut providers = pool.cognito_identity_providers().to_vec();
    providers.push(
        aws_sdk_cognitoidentity::types::CognitoIdentityProvider::builder()
            .provider_name("cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1")
            .client_id(&client_id)
            .build(),
    );
    identity
        .update_identity_pool()
        .identity_pool_id(orders)
        .identity_pool_name(pool.identity_pool_name())
        .allow_unauthenticated_identities(pool.allow_unauthenticated_identities())
        .set_supported_login_providers(pool.supported_login_providers().cloned())
        .set_open_id_connect_provider_arns(Some(pool.open_id_connect_provider_arns().to_vec()))
        .set_saml_provider_arns(Some(pool.saml_provider_arns().to_vec()))
        .set_cognito_identity_providers(Some(providers))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    client_id
}

/// Every identity id of a pool, page after page.
pub async fn all_identity_ids(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let mut token = None;
    loop {
        let page = client
            .list_identities()
            .identity_pool_id(pool_id)
            .max_results(60)
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        ids.extend(
            page.identities()
                .iter()
                .filter_map(|i| i.identity_id().map(String::from)),
        );
        token = page.next_token().map(String::from);
        if token.is_none() {
            return ids;
        }
    }
}

/// Every identity pool id of the client's region, page after page.
pub async fn all_pool_ids(
    client: &aws_sdk_cognitoidentity::Client,
) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let mut token = None;
    loop {
        let page = client
            .list_identity_pools()
            .max_results(60)
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        ids.extend(
            page.identity_pools()
                .iter()
                .filter_map(|p| p.identity_pool_id().map(String::from)),
        );
        token = page.next_token().map(String::from);
        if token.is_none() {
            return ids;
        }
    }
}

/// `cognito-tui --endpoint-url ENDPOINT --region us-east-1 SUBCOMMAND ARGS…` as a process with
/// long-term sandbox keys and no AWS config files; its exit status, stdout and stderr.
pub fn run_cli(endpoint: &str, subcommand: &str, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args([
            "--endpoint-url",
            endpoint,
            "--region",
            "us-east-1",
            subcommand,
        ])
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "AKIDSANDBOX")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox-secret")
        .env_remove("AWS_PROFILE")
        .env("AWS_CONFIG_FILE", "/nonexistent")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The console's own clients (as the runner builds them) for the sandbox in us-east-1.
pub async fn console_clients(sb: &RunningSandbox) -> cognito_tui::aws::Clients {
    cognito_tui::aws::connect_clients(
        &cognito_tui::aws::Target::Sandbox {
            endpoint_url: sb.endpoint_url(),
        },
        None,
        Some("us-east-1".into()),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Types `line` on the console's command line and runs it.
pub fn command(h: &mut cognito_tui::headless::Headless, line: &str) {
    use cognito_tui::console::{Action, DialogAction, Msg};
    h.send(Msg::from(Action::Command));
    for c in line.chars() {
        h.send(Msg::Input(tui_input::InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(DialogAction::Submit));
}

/// A user made in `user_pool_id` (AdminCreateUser, a permanent password) who signs in with the
/// password flow and takes the ID token to `pool_id` (GetId, GetCredentialsForIdentity): the
/// caller ARN STS gives those credentials.
pub async fn new_user_caller(
    endpoint: &str,
    pool_id: &str,
    user_pool_id: &str,
    client_id: &str,
    user: &str,
) -> String {
    let config = sdk_config_at(endpoint, "us-east-1").await;
    let idp = aws_sdk_cognitoidentityprovider::Client::new(&config);
    let identity = aws_sdk_cognitoidentity::Client::new(&config);
    let password = "Sandbox-Passw0rd!";
    idp.admin_create_user()
        .user_pool_id(user_pool_id)
        .username(user)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    idp.admin_set_user_password()
        .user_pool_id(user_pool_id)
        .username(user)
        .password(password)
        .permanent(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let token = id_token(&idp, client_id, user, password).await;
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{user_pool_id}");
    let id = identity_id(&identity, pool_id, &[(&provider, &token)]).await;
    let credentials = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .logins(&provider, &token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .credentials
        .unwrap_or_else(|| panic!("credentials"));
    caller_arn_at(
        endpoint,
        credentials.access_key_id().unwrap_or_default(),
        credentials.secret_key().unwrap_or_default(),
        credentials.session_token().unwrap_or_default(),
    )
    .await
}

/// What a Python script printed as JSON, run by the venv's Python (botocore's data and models,
/// installed by ./scripts/setup-python.sh).
pub fn venv_json(script: &str) -> serde_json::Value {
    let out = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.venv/bin/python"))
        .args(["-c", script])
        .output()
        .unwrap_or_else(|e| panic!("python with botocore (./scripts/setup-python.sh): {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// A pool's user pool providers as (provider name, app client id, user pool id), in order.
pub async fn user_pool_providers(
    identity: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> Vec<(String, String, String)> {
    identity
        .describe_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .cognito_identity_providers()
        .iter()
        .map(|p| {
            let name = p.provider_name().unwrap_or_default().to_string();
            let user_pool = name.rsplit('/').next().unwrap_or_default().to_string();
            (
                name,
                p.client_id().unwrap_or_default().to_string(),
                user_pool,
            )
        })
        .collect()
}

/// A sandbox with `faults`, stopped when dropped.
pub async fn sandbox_with(seed: Seed, faults: cognito_tui::sandbox::Faults) -> RunningSandbox {
    sandbox::start(SandboxOptions {
        seed,
        faults,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("sandbox starts: {e}"))
}

/// An SMS role as Cognito user pools require it: trusting them with `external_id`, allowed to
/// publish with SNS.
pub async fn sms_role(iam: &aws_sdk_iam::Client, name: &str, external_id: &str) {
    use cognito_tui::domain::new_user_pool::{sms_publish_policy, sms_trust_policy};
    iam.create_role()
        .role_name(name)
        .assume_role_policy_document(sms_trust_policy(external_id))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    iam.put_role_policy()
        .role_name(name)
        .policy_name("sns-publish")
        .policy_document(sms_publish_policy())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
}
