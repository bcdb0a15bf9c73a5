//! `cognito-tui test-access` as a process against an in-process sandbox: a guest of orders-app
//! gets orders-app-guest (the role GetCallerIdentity names with those very credentials), exit
//! codes 0/1/2, `--expect-role` match and mismatch, the JSON document, and no secret in the output
//! unless `--show-secrets`.

mod common;

use cognito_tui::sandbox::Seed;

fn test_access(endpoint: &str, args: &[&str]) -> (i32, String, String) {
    common::run_cli(endpoint, "test-access", args)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_gets_the_pools_guest_role_and_the_exit_status_says_so() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let url = sb.endpoint_url();
    // The pool's own guest role, as the service says.
    let roles = client
        .get_identity_pool_roles()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let guest_role = roles
        .roles()
        .and_then(|r| r.get("unauthenticated"))
        .cloned()
        .unwrap_or_default();
    assert!(
        guest_role.ends_with("role/orders-app-guest"),
        "{guest_role}"
    );

    let (code, out, err) = test_access(&url, &["--pool", &orders, "--guest", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["issued"], true);
    assert_eq!(doc["role_arn"], guest_role.as_str(), "{doc:#}");
    assert!(
        doc["caller_arn"]
            .as_str()
            .is_some_and(|a| a.contains(":assumed-role/orders-app-guest/")),
        "{doc:#}"
    );
    let identity = doc["identity_id"].as_str().unwrap_or_default().to_string();
    assert!(identity.starts_with("us-east-1:"), "{identity}");
    // The identity is the pool's now, as the service says.
    let described = client
        .describe_identity()
        .identity_id(&identity)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(described.identity_id(), Some(identity.as_str()));
    let calls: Vec<&str> = doc["steps"]
        .as_array()
        .map(|s| s.iter().filter_map(|c| c["call"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        calls,
        ["GetId", "GetCredentialsForIdentity", "GetCallerIdentity"]
    );
    for secret in ["secret_access_key", "session_token"] {
        assert!(doc.get(secret).is_none(), "{secret} only when asked");
    }
    assert!(
        doc["access_key_id"]
            .as_str()
            .is_some_and(|k| k.contains('…'))
    );

    let expecting =
        |role: &str| test_access(&url, &["--pool", &orders, "--guest", "--expect-role", role]);
    let (code, out, _) = expecting("orders-app-guest");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("role      {guest_role}")), "{out}");
    let (code, out, _) = expecting("orders-app-auth");
    assert_eq!(code, 1, "another role: {out}");
    assert!(out.contains("✗ expected role orders-app-auth"), "{out}");

    let (code, out, _) = test_access(&url, &["--pool", &orders, "--guest", "--show-secrets"]);
    assert_eq!(code, 0);
    assert!(out.contains("export AWS_SECRET_ACCESS_KEY="), "{out}");
    assert!(out.contains("export AWS_SESSION_TOKEN="), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_exits_1_with_the_code_and_bad_usage_exits_2() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let partner = common::pool_id_named(&client, "partner-portal").await;
    let url = sb.endpoint_url();
    let (code, out, _) = test_access(&url, &["--pool", &partner, "--guest", "--json"]);
    assert_eq!(code, 1, "guest access is inactive there: {out}");
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["issued"], false);
    assert_eq!(doc["failed_call"], "GetId");
    assert_eq!(doc["error"]["code"], "NotAuthorizedException", "{doc:#}");
    let (code, _, err) = test_access(&url, &["--pool", &partner]);
    assert_eq!(code, 2, "no way to sign in named: {err}");
}
