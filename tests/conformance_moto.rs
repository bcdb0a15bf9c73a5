//! The sandbox must not grade its own homework: the same scenarios run with the official SDK against
//! the sandbox and against moto (a third-party emulator installed by ./scripts/setup-python.sh), and
//! their answers are compared field by field. Every difference must be listed, with its reason, in
//! tests/conformance/allowlist.toml.

mod common;

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
