//! The sandbox must not grade its own homework: the same scenarios run with the official SDK against
//! the sandbox and against moto (a third-party emulator installed by ./scripts/setup-python.sh), and
//! their answers are compared field by field. Every difference must be listed, with its reason, in
//! tests/conformance/allowlist.toml.

mod common;
mod moto_scenarios;

use aws_config::BehaviorVersion;
use aws_sdk_cognitoidentity::config::{Credentials, Region};
use aws_sdk_cognitoidentity::error::ProvideErrorMetadata;
use aws_sdk_cognitoidentity::types::CognitoIdentityProvider;
use cognito_tui::sandbox::Seed;
use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#;

struct Moto(Child, String);

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_moto() -> Moto {
    let binary = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/moto_server");
    assert!(
        binary.exists(),
        "moto is not installed: run ./scripts/setup-python.sh (the test script does)"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("a free port: {e}"));
    let child = Command::new(binary)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start moto: {e}"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto did not start listening");
        std::thread::sleep(Duration::from_millis(100));
    }
    Moto(child, format!("http://127.0.0.1:{port}"))
}

async fn config(url: &str) -> aws_types::SdkConfig {
    aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "AKIDSANDBOX",
            "secret",
            None,
            None,
            "test",
        ))
        .endpoint_url(url)
        .load()
        .await
}

/// Field → printed value, for one answer.
type Fields = BTreeMap<String, String>;

fn pool_fields(
    name: &str,
    unauth: bool,
    classic: Option<bool>,
    logins: Option<&std::collections::HashMap<String, String>>,
    developer: Option<&str>,
    user_pools: &[CognitoIdentityProvider],
    tags: Option<&std::collections::HashMap<String, String>>,
) -> Fields {
    let sorted = |m: Option<&std::collections::HashMap<String, String>>| {
        format!(
            "{:?}",
            m.map(|m| m.iter().collect::<BTreeMap<_, _>>())
                .unwrap_or_default()
        )
    };
    BTreeMap::from([
        ("IdentityPoolName".into(), name.to_string()),
        ("AllowUnauthenticatedIdentities".into(), unauth.to_string()),
        ("AllowClassicFlow".into(), format!("{classic:?}")),
        ("SupportedLoginProviders".into(), sorted(logins)),
        ("DeveloperProviderName".into(), format!("{developer:?}")),
        (
            "CognitoIdentityProviders".into(),
            format!(
                "{:?}",
                user_pools
                    .iter()
                    .map(|p| (p.provider_name(), p.client_id()))
                    .collect::<Vec<_>>()
            ),
        ),
        ("IdentityPoolTags".into(), sorted(tags)),
    ])
}

/// Runs the scenarios against one endpoint; scenario → fields.
async fn scenarios(url: &str) -> BTreeMap<String, Fields> {
    let conf = config(url).await;
    let identity = aws_sdk_cognitoidentity::Client::new(&conf);
    let iam = aws_sdk_iam::Client::new(&conf);
    let mut out = BTreeMap::new();

    let created = identity
        .create_identity_pool()
        .identity_pool_name("conformance pool")
        .allow_unauthenticated_identities(true)
        .allow_classic_flow(false)
        .supported_login_providers("accounts.google.com", "123.apps.googleusercontent.com")
        .developer_provider_name("login.conformance")
        .cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name("cognito-idp.us-east-1.amazonaws.com/us-east-1_Conform01")
                .client_id("client1")
                .build(),
        )
        .identity_pool_tags("env", "test")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{url} create: {e:?}"));
    let id = created.identity_pool_id().to_string();
    out.insert(
        "CreateIdentityPool".into(),
        pool_fields(
            created.identity_pool_name(),
            created.allow_unauthenticated_identities(),
            created.allow_classic_flow(),
            created.supported_login_providers(),
            created.developer_provider_name(),
            created.cognito_identity_providers(),
            created.identity_pool_tags(),
        ),
    );
    out.insert(
        "CreateIdentityPool.id".into(),
        BTreeMap::from([(
            "starts with region".into(),
            id.starts_with("us-east-1:").to_string(),
        )]),
    );
    let d = identity
        .describe_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.insert(
        "DescribeIdentityPool".into(),
        pool_fields(
            d.identity_pool_name(),
            d.allow_unauthenticated_identities(),
            d.allow_classic_flow(),
            d.supported_login_providers(),
            d.developer_provider_name(),
            d.cognito_identity_providers(),
            d.identity_pool_tags(),
        ),
    );
    identity
        .create_identity_pool()
        .identity_pool_name("second")
        .allow_unauthenticated_identities(false)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let all = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let names: BTreeSet<String> = all
        .identity_pools()
        .iter()
        .filter_map(|p| p.identity_pool_name().map(String::from))
        .collect();
    let one = identity
        .list_identity_pools()
        .max_results(1)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.insert(
        "ListIdentityPools".into(),
        BTreeMap::from([
            ("names".into(), format!("{names:?}")),
            ("page-size".into(), one.identity_pools().len().to_string()),
        ]),
    );

    let u = identity
        .update_identity_pool()
        .identity_pool_id(&id)
        .identity_pool_name("renamed pool")
        .allow_unauthenticated_identities(false)
        .developer_provider_name("login.conformance")
        .cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name("cognito-idp.us-east-1.amazonaws.com/us-east-1_Conform01")
                .client_id("client1")
                .build(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{url} update: {e:?}"));
    let update_fields = pool_fields(
        u.identity_pool_name(),
        u.allow_unauthenticated_identities(),
        u.allow_classic_flow(),
        u.supported_login_providers(),
        u.developer_provider_name(),
        u.cognito_identity_providers(),
        None,
    );
    out.insert("UpdateIdentityPool".into(), update_fields);
    let d = identity
        .describe_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.insert(
        "DescribeIdentityPool(after update)".into(),
        pool_fields(
            d.identity_pool_name(),
            d.allow_unauthenticated_identities(),
            None,
            d.supported_login_providers(),
            d.developer_provider_name(),
            d.cognito_identity_providers(),
            None,
        ),
    );
    let ids = identity
        .list_identities()
        .identity_pool_id(&id)
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.insert(
        "ListIdentities".into(),
        BTreeMap::from([("count".into(), ids.identities().len().to_string())]),
    );

    let unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    let err = identity
        .describe_identity_pool()
        .identity_pool_id(unknown)
        .send()
        .await
        .err();
    out.insert(
        "DescribeIdentityPool(unknown)".into(),
        error_fields(
            err.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), e.message())),
        ),
    );
    let err = identity
        .list_identities()
        .identity_pool_id(unknown)
        .max_results(5)
        .send()
        .await
        .err();
    out.insert(
        "ListIdentities(unknown pool)".into(),
        error_fields(
            err.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), e.message())),
        )
        .into_iter()
        .filter(|(k, _)| k == "code")
        .collect(),
    );
    let err = identity
        .create_identity_pool()
        .identity_pool_name("bad/name")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .err();
    out.insert(
        "CreateIdentityPool(bad name)".into(),
        error_fields(
            err.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), None::<&str>)),
        ),
    );
    identity
        .delete_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let err = identity
        .delete_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .err();
    let fields = error_fields(
        err.as_ref()
            .and_then(|e| e.as_service_error())
            .map(|e| (e.code(), e.message().map(|m| m.replace(&id, "<id>")))),
    );
    out.insert("DeleteIdentityPool(unknown)".into(), fields);

    // IAM.
    let role = iam
        .create_role()
        .role_name("conformance-role")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let role = role.role().cloned().unwrap_or_else(|| panic!("a role"));
    let decode = |d: Option<&str>| {
        percent_encoding::percent_decode_str(d.unwrap_or_default())
            .decode_utf8_lossy()
            .to_string()
    };
    out.insert(
        "CreateRole".into(),
        BTreeMap::from([
            ("RoleName".into(), role.role_name().to_string()),
            ("Path".into(), role.path().to_string()),
            ("Arn".into(), role.arn().to_string()),
            ("RoleId length".into(), role.role_id().len().to_string()),
            (
                "AssumeRolePolicyDocument".into(),
                decode(role.assume_role_policy_document()),
            ),
        ]),
    );
    let listed = iam
        .list_roles()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let listed_role = listed
        .roles()
        .iter()
        .find(|r| r.role_name() == "conformance-role")
        .cloned()
        .unwrap_or_else(|| panic!("listed"));
    out.insert(
        "ListRoles".into(),
        BTreeMap::from([(
            "AssumeRolePolicyDocument".into(),
            listed_role
                .assume_role_policy_document()
                .unwrap_or_default()
                .to_string(),
        )]),
    );
    let err = iam.get_role().role_name("missing-role").send().await.err();
    out.insert(
        "GetRole(unknown)".into(),
        error_fields(
            err.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), e.message())),
        ),
    );
    let err = iam
        .create_role()
        .role_name("bad-trust")
        .assume_role_policy_document("not json")
        .send()
        .await
        .err();
    out.insert(
        "CreateRole(not json)".into(),
        error_fields(
            err.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), None::<&str>)),
        ),
    );
    user_pool_scenarios(&conf, &mut out).await;
    moto_scenarios::user_pool_settings(&conf, &mut out).await;
    guest_scenarios(&conf, &iam, &mut out).await;
    out
}

fn error_fields<S: AsRef<str>>(error: Option<(Option<&str>, Option<S>)>) -> Fields {
    match error {
        None => BTreeMap::from([("code".into(), "<no error>".into())]),
        Some((code, message)) => {
            let mut f = BTreeMap::from([("code".into(), code.unwrap_or("<none>").to_string())]);
            if let Some(message) = message {
                f.insert("message".into(), message.as_ref().to_string());
            }
            f
        }
    }
}

#[derive(serde::Deserialize)]
struct AllowList {
    allow: Vec<Allowed>,
}

#[derive(serde::Deserialize)]
struct Allowed {
    key: String,
    reason: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_and_moto_agree_except_for_listed_moto_deviations() {
    let moto = start_moto();
    let sandbox = common::sandbox(Seed::Empty).await;
    let ours = scenarios(&sandbox.endpoint_url()).await;
    let theirs = scenarios(&moto.1).await;

    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/allowlist.toml"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let allowed: AllowList = toml::from_str(&text).unwrap_or_else(|e| panic!("allowlist: {e}"));
    assert!(
        allowed.allow.iter().all(|a| !a.reason.trim().is_empty()),
        "every entry says why"
    );
    let allowed: BTreeMap<String, String> = allowed
        .allow
        .into_iter()
        .map(|a| (a.key, a.reason))
        .collect();

    let mut unexplained = Vec::new();
    let mut explained = Vec::new();
    let mut used = BTreeSet::new();
    for (scenario, fields) in &ours {
        let other = theirs.get(scenario).cloned().unwrap_or_default();
        for (field, value) in fields {
            let moto_value = other
                .get(field)
                .cloned()
                .unwrap_or_else(|| "<absent>".into());
            if *value != moto_value {
                let key = format!("{scenario}.{field}");
                let line = format!("{key}: sandbox={value} moto={moto_value}");
                if allowed.contains_key(&key) {
                    used.insert(key);
                    explained.push(line);
                } else {
                    unexplained.push(line);
                }
            }
        }
    }
    println!(
        "{} scenarios compared; {} listed moto deviations:",
        ours.len(),
        explained.len()
    );
    for line in &explained {
        println!("  allowed  {line}");
    }
    assert!(
        unexplained.is_empty(),
        "differences not in the allow-list:\n{}",
        unexplained.join("\n")
    );
    let stale: Vec<&String> = allowed.keys().filter(|k| !used.contains(*k)).collect();
    assert!(
        stale.is_empty(),
        "allow-list entries that no longer differ (remove them): {stale:?}"
    );
}

fn claims_of(token: &str) -> serde_json::Value {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap_or_default();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or_default()
}

/// User pool, app client, user, USER_PASSWORD_AUTH sign-in (compared by shape and claims).
async fn user_pool_scenarios(conf: &aws_types::SdkConfig, out: &mut BTreeMap<String, Fields>) {
    use aws_sdk_cognitoidentityprovider::types::{AuthFlowType, ExplicitAuthFlowsType};
    let idp = aws_sdk_cognitoidentityprovider::Client::new(conf);
    let pool = idp
        .create_user_pool()
        .pool_name("conformance users")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool = pool.user_pool().cloned().unwrap_or_else(|| panic!("pool"));
    let id = pool.id().unwrap_or_default().to_string();
    let policy = pool.policies().and_then(|p| p.password_policy()).cloned();
    out.insert(
        "CreateUserPool".into(),
        BTreeMap::from([
            ("Name".into(), pool.name().unwrap_or_default().to_string()),
            (
                "Id region prefix".into(),
                id.starts_with("us-east-1_").to_string(),
            ),
            (
                "MinimumLength".into(),
                format!("{:?}", policy.as_ref().and_then(|p| p.minimum_length())),
            ),
            (
                "RequireSymbols".into(),
                format!("{:?}", policy.as_ref().map(|p| p.require_symbols())),
            ),
        ]),
    );
    let client = idp
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("app")
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let client = client
        .user_pool_client()
        .cloned()
        .unwrap_or_else(|| panic!("client"));
    let client_id = client.client_id().unwrap_or_default().to_string();
    out.insert(
        "CreateUserPoolClient".into(),
        BTreeMap::from([
            ("ClientId length".into(), client_id.len().to_string()),
            (
                "ClientName".into(),
                client.client_name().unwrap_or_default().to_string(),
            ),
            (
                "has secret".into(),
                client.client_secret().is_some().to_string(),
            ),
        ]),
    );
    idp.admin_create_user()
        .user_pool_id(&id)
        .username("carol")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    idp.admin_set_user_password()
        .user_pool_id(&id)
        .username("carol")
        .password("Passw0rd!x")
        .permanent(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let auth = idp
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "carol")
        .auth_parameters("PASSWORD", "Passw0rd!x")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let result = auth
        .authentication_result()
        .cloned()
        .unwrap_or_else(|| panic!("tokens"));
    let claims = claims_of(result.id_token().unwrap_or_default());
    out.insert(
        "InitiateAuth".into(),
        BTreeMap::from([
            ("token_use".into(), claims["token_use"].to_string()),
            (
                "cognito:username".into(),
                claims["cognito:username"].to_string(),
            ),
            (
                "aud is the client".into(),
                (claims["aud"] == client_id.as_str()).to_string(),
            ),
            (
                "iss".into(),
                (claims["iss"]
                    == format!("https://cognito-idp.us-east-1.amazonaws.com/{id}").as_str())
                .to_string(),
            ),
            (
                "has refresh token".into(),
                result.refresh_token().is_some().to_string(),
            ),
            (
                "TokenType".into(),
                result.token_type().unwrap_or_default().to_string(),
            ),
        ]),
    );
    let wrong = idp
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "carol")
        .auth_parameters("PASSWORD", "wrong-one")
        .send()
        .await
        .err();
    out.insert(
        "InitiateAuth(wrong password)".into(),
        error_fields(
            wrong
                .as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), e.message())),
        ),
    );
    let srp_only = idp
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("srp")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let srp_id = srp_only
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    let refused = idp
        .initiate_auth()
        .client_id(&srp_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "carol")
        .auth_parameters("PASSWORD", "Passw0rd!x")
        .send()
        .await
        .err();
    out.insert(
        "InitiateAuth(flow not enabled)".into(),
        error_fields(
            refused
                .as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), None::<&str>)),
        ),
    );
    let unknown = idp
        .describe_user_pool()
        .user_pool_id("us-east-1_NoSuchPoo")
        .send()
        .await
        .err();
    out.insert(
        "DescribeUserPool(unknown)".into(),
        error_fields(
            unknown
                .as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), e.message())),
        ),
    );
}

/// A guest: GetId, then GetCredentialsForIdentity once the pool has a guest role.
async fn guest_scenarios(
    conf: &aws_types::SdkConfig,
    iam: &aws_sdk_iam::Client,
    out: &mut BTreeMap<String, Fields>,
) {
    let identity = aws_sdk_cognitoidentity::Client::new(conf);
    let pool = identity
        .create_identity_pool()
        .identity_pool_name("guests")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool_id = pool.identity_pool_id().to_string();
    let id = identity
        .get_id()
        .identity_pool_id(&pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = id.identity_id().unwrap_or_default().to_string();
    out.insert(
        "GetId(guest)".into(),
        BTreeMap::from([(
            "region prefix".into(),
            id.starts_with("us-east-1:").to_string(),
        )]),
    );
    let trust = cognito_tui::domain::policy::cognito_trust_policy(
        &pool_id,
        cognito_tui::domain::policy::Audience::Guest,
        false,
    );
    let role = iam
        .create_role()
        .role_name("conformance-guest")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let arn = role.role().map(|r| r.arn().to_string()).unwrap_or_default();
    let set = identity
        .set_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .roles("unauthenticated", arn)
        .send()
        .await
        .err();
    out.insert(
        "SetIdentityPoolRoles".into(),
        error_fields(
            set.as_ref()
                .and_then(|e| e.as_service_error())
                .map(|e| (e.code(), None::<&str>)),
        ),
    );
    let creds = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .send()
        .await;
    let fields = match creds {
        Ok(c) => {
            let c = c.credentials().cloned();
            BTreeMap::from([
                (
                    "has keys".into(),
                    c.as_ref()
                        .is_some_and(|c| {
                            c.access_key_id().is_some()
                                && c.secret_key().is_some()
                                && c.session_token().is_some()
                        })
                        .to_string(),
                ),
                (
                    "has expiration".into(),
                    c.as_ref()
                        .is_some_and(|c| c.expiration().is_some())
                        .to_string(),
                ),
            ])
        }
        Err(e) => error_fields(e.as_service_error().map(|e| (e.code(), e.message()))),
    };
    out.insert("GetCredentialsForIdentity(guest)".into(), fields);
}
