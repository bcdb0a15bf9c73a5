//! `cognito-tui test-access` signing in as users, with tokens and as developer users, as a
//! process against an in-process sandbox: each demo user gets their own role (SRP and password
//! flows), a client secret is answered with SECRET_HASH, NEW_PASSWORD_REQUIRED and a client that
//! allows no flow the command speaks are refused with advice, and the password never shows.

mod common;

use aws_sdk_cognitoidentityprovider::types::{AuthFlowType, ExplicitAuthFlowsType};
use cognito_tui::sandbox::{DEMO_PASSWORD, Seed};
use std::io::Write;
use std::process::{Command, Stdio};

const USER_POOL: &str = "us-east-1_Ord3rsPl1";
const PROVIDER: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";

/// Runs `test-access` with `password` on standard input (when given); status, stdout, stderr.
fn test_access(endpoint: &str, args: &[&str], password: Option<&str>) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args([
            "--endpoint-url",
            endpoint,
            "--region",
            "us-east-1",
            "test-access",
        ])
        .args(args)
        .args(password.map(|_| "--password-stdin"))
        .env("AWS_ACCESS_KEY_ID", "AKIDSANDBOX")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox-secret")
        .env_remove("AWS_PROFILE")
        .env_remove("COGNITO_TUI_PASSWORD")
        .env("AWS_CONFIG_FILE", "/nonexistent")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("XDG_DATA_HOME", data.path())
        .env("COGNITO_TUI_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let (Some(password), Some(mut stdin)) = (password, child.stdin.take()) {
        let _ = writeln!(stdin, "{password}");
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    if let Some(password) = password {
        assert!(!stdout.contains(password) && !stderr.contains(password));
        // Nothing written under the data directory holds it either (logs included).
        for entry in walk(data.path()) {
            let text = std::fs::read_to_string(&entry).unwrap_or_default();
            assert!(
                !text.contains(password),
                "{} holds the password",
                entry.display()
            );
        }
    }
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn calls(doc: &serde_json::Value) -> Vec<String> {
    doc["steps"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|c| c["call"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_demo_user_gets_their_role_with_srp_or_the_password_flow() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let url = sb.endpoint_url();
    let mut identities = Vec::new();
    for (user, role) in [
        ("demo-admin", "orders-app-admin"),
        ("demo-partner", "orders-app-partner"),
        ("demo-user", "orders-app-auth"),
    ] {
        let (code, out, err) = test_access(
            &url,
            &[
                "--pool",
                &orders,
                "--user",
                user,
                "--json",
                "--expect-role",
                role,
            ],
            Some(DEMO_PASSWORD),
        );
        assert_eq!(code, 0, "{user}: {out}{err}");
        let doc = json(&out);
        assert_eq!(doc["as"], "user");
        assert_eq!(
            doc["flow"], "USER_SRP_AUTH",
            "SRP is what the client allows first"
        );
        assert_eq!(doc["logins_key"], PROVIDER);
        assert_eq!(doc["identity_new"], true);
        assert!(
            doc["caller_arn"]
                .as_str()
                .is_some_and(|a| a.contains(&format!(":assumed-role/{role}/"))),
            "{doc:#}"
        );
        assert_eq!(
            calls(&doc),
            [
                "DescribeUserPoolClient",
                "InitiateAuth",
                "RespondToAuthChallenge",
                "GetId",
                "GetCredentialsForIdentity",
                "GetCallerIdentity",
                "DescribeIdentity"
            ]
        );
        identities.push(doc["identity_id"].as_str().unwrap_or_default().to_string());
    }
    // The password flow signs the same user in to the same identity, now an existing one.
    let (code, out, _) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--user",
            "demo-user",
            "--flow",
            "password",
            "--json",
        ],
        Some(DEMO_PASSWORD),
    );
    assert_eq!(code, 0, "{out}");
    let doc = json(&out);
    assert_eq!(doc["flow"], "USER_PASSWORD_AUTH");
    assert_eq!(doc["identity_id"], identities[2].as_str());
    assert_eq!(doc["identity_new"], false);
    assert_eq!(calls(&doc)[1..2], ["InitiateAuth".to_string()]);

    // A wrong password is refused with the service's code and advice, and never printed.
    let (code, out, _) = test_access(
        &url,
        &["--pool", &orders, "--user", "demo-user", "--json"],
        Some("Wrong-Passw0rd!"),
    );
    assert_eq!(code, 1, "{out}");
    let doc = json(&out);
    assert_eq!(doc["failed_call"], "RespondToAuthChallenge");
    assert_eq!(doc["error"]["code"], "NotAuthorizedException");
    assert_eq!(doc["error"]["message"], "Incorrect username or password.");
    assert!(
        doc["advice"]
            .as_str()
            .is_some_and(|a| a.contains("password"))
    );
}

/// Adds an app client of the demo user pool to orders-app as a second provider; its id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_secret_a_new_password_challenge_and_a_client_without_the_flows() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let url = sb.endpoint_url();
    let secret_client = common::add_client(
        &sb,
        &orders,
        true,
        &[
            ExplicitAuthFlowsType::AllowUserSrpAuth,
            ExplicitAuthFlowsType::AllowUserPasswordAuth,
        ],
    )
    .await;
    // With two providers the command asks which (bad usage), and answers the secret's hash.
    let (code, _, err) = test_access(
        &url,
        &["--pool", &orders, "--user", "demo-admin"],
        Some(DEMO_PASSWORD),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--client"), "{err}");
    for flow in ["srp", "password"] {
        let (code, out, err) = test_access(
            &url,
            &[
                "--pool",
                &orders,
                "--user",
                "demo-admin",
                "--client",
                &secret_client,
                "--flow",
                flow,
                "--json",
            ],
            Some(DEMO_PASSWORD),
        );
        assert_eq!(code, 0, "{flow}: {out}{err}");
        assert!(
            json(&out)["role_arn"]
                .as_str()
                .is_some_and(|r| r.ends_with("role/orders-app-auth")),
            "{out}"
        );
    }

    // A user made with a temporary password must choose a new one: refused, with advice.
    let idp = common::idp_client(&sb, "us-east-1").await;
    idp.admin_create_user()
        .user_pool_id(USER_POOL)
        .username("newcomer")
        .temporary_password("Temp-Passw0rd!")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let (code, out, _) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--user",
            "newcomer",
            "--client",
            &secret_client,
            "--json",
        ],
        Some("Temp-Passw0rd!"),
    );
    assert_eq!(code, 1, "{out}");
    let doc = json(&out);
    assert_eq!(doc["challenge"], "NEW_PASSWORD_REQUIRED", "{doc:#}");
    assert!(
        doc["advice"]
            .as_str()
            .is_some_and(|a| a.contains("admin-set-user-password"))
    );

    // A client allowing neither flow: refused before InitiateAuth, naming the flags.
    let no_flows = common::add_client(
        &sb,
        &orders,
        false,
        &[
            ExplicitAuthFlowsType::AllowCustomAuth,
            ExplicitAuthFlowsType::AllowRefreshTokenAuth,
        ],
    )
    .await;
    let (code, out, _) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--user",
            "demo-user",
            "--client",
            &no_flows,
        ],
        Some(DEMO_PASSWORD),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("turn on ALLOW_USER_SRP_AUTH or ALLOW_USER_PASSWORD_AUTH"),
        "{out}"
    );
    // Asking for the password flow anyway: the service's own refusal, and which flag to turn on.
    let (code, out, _) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--user",
            "demo-user",
            "--client",
            &no_flows,
            "--flow",
            "password",
            "--json",
        ],
        Some(DEMO_PASSWORD),
    );
    assert_eq!(code, 1, "{out}");
    let doc = json(&out);
    assert_eq!(doc["error"]["code"], "InvalidParameterException", "{doc:#}");
    assert!(
        doc["advice"]
            .as_str()
            .is_some_and(|a| a.contains("ALLOW_USER_PASSWORD_AUTH")),
        "{doc:#}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_and_a_developer_user_get_credentials_and_bad_usage_exits_2() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let tools = common::pool_id_named(&client, "internal-tools").await;
    let url = sb.endpoint_url();
    let idp = common::idp_client(&sb, "us-east-1").await;
    let signed_in = idp
        .initiate_auth()
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .client_id("4f1s2d9k0q7n3b5v8c6x1z2m4a")
        .auth_parameters("USERNAME", "demo-partner")
        .auth_parameters("PASSWORD", DEMO_PASSWORD)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let token = signed_in
        .authentication_result()
        .and_then(|r| r.id_token())
        .unwrap_or_default()
        .to_string();
    let file = tempfile::NamedTempFile::new().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(file.path(), format!("{token}\n")).unwrap_or_else(|e| panic!("{e}"));
    let path = file.path().to_string_lossy().into_owned();
    let (code, out, err) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--token-file",
            &path,
            "--provider",
            PROVIDER,
            "--json",
        ],
        None,
    );
    assert_eq!(code, 0, "{out}{err}");
    let doc = json(&out);
    assert_eq!(doc["as"], "token");
    assert!(
        doc["role_arn"]
            .as_str()
            .is_some_and(|r| r.ends_with("role/orders-app-partner")),
        "{doc:#}"
    );
    assert!(!out.contains(&token), "the token sent is never printed");
    let (code, out, err) = test_access(
        &url,
        &[
            "--pool",
            &orders,
            "--token-file",
            &path,
            "--provider",
            "login.example.com",
        ],
        None,
    );
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("has no provider login.example.com"), "{err}");

    let (code, out, err) = test_access(
        &url,
        &["--pool", &tools, "--developer-user", "alice", "--json"],
        None,
    );
    assert_eq!(code, 0, "{out}{err}");
    let doc = json(&out);
    assert_eq!(doc["as"], "developer");
    assert_eq!(doc["logins_key"], "cognito-identity.amazonaws.com");
    assert_eq!(calls(&doc)[0], "GetOpenIdTokenForDeveloperIdentity");
    let roles = client
        .get_identity_pool_roles()
        .identity_pool_id(&tools)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let authenticated = roles.roles().and_then(|r| r.get("authenticated")).cloned();
    assert_eq!(doc["role_arn"].as_str().map(String::from), authenticated);
    // The developer user's identity is the one the service links to it.
    let looked_up = client
        .lookup_developer_identity()
        .identity_pool_id(&tools)
        .developer_user_identifier("alice")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(doc["identity_id"].as_str(), looked_up.identity_id());
    let (code, _, err) = test_access(
        &url,
        &["--pool", &orders, "--developer-user", "alice"],
        None,
    );
    assert_eq!(code, 1);
    assert!(err.contains("has no developer provider"), "{err}");

    // Bad usage: no password source, a client without a user, two ways at once.
    let (code, _, err) = test_access(&url, &["--pool", &orders, "--user", "demo-user"], None);
    assert_eq!(code, 2);
    assert!(err.contains("COGNITO_TUI_PASSWORD"), "{err}");
    let (code, _, _) = test_access(&url, &["--pool", &orders, "--guest", "--client", "x"], None);
    assert_eq!(code, 2);
    let (code, _, _) = test_access(
        &url,
        &["--pool", &orders, "--guest", "--developer-user", "a"],
        None,
    );
    assert_eq!(code, 2, "one way to sign in at a time");
}
