//! `cognito-tui test-access` as a process against `sandbox serve --realistic` (40 ms ± 10 ms a
//! call), beside the floor (the round trips it must make one after another) and the same check
//! done as an aws-cli script would: sign in, GetId, GetCredentialsForIdentity, then STS
//! GetCallerIdentity with the credentials.
//!
//!     ./scripts/setup-python.sh && cargo bench --bench test_access_e2e
//!
//! The guest needs 3 calls in sequence (GetId → GetCredentialsForIdentity → GetCallerIdentity),
//! and test-access makes just those. A user needs 5 (InitiateAuth → RespondToAuthChallenge, then
//! those 3); test-access adds DescribeIdentityPool (the pool's user pool and client),
//! DescribeUserPoolClient (the client's secret and flows) and DescribeIdentity (whether the
//! identity is new), so it makes 8.
//! aws-cli can't do SRP, so its user script signs in with USER_PASSWORD_AUTH.

mod support;

use cognito_tui::sandbox::DEMO_PASSWORD;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{aws, has_cli, median, round_trip, run, serve};

const RUNS: usize = 9;
const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const PROVIDER: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";

/// One `test-access` run as a process; its wall time. It must issue credentials.
fn test_access(url: &str, pool_id: &str, who: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args([
            "--endpoint-url",
            url,
            "--region",
            "us-east-1",
            "test-access",
        ])
        .args(["--pool", pool_id])
        .args(who)
        .env("AWS_ACCESS_KEY_ID", "sandbox")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox")
        .env("COGNITO_TUI_PASSWORD", DEMO_PASSWORD)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("test-access: {e}"));
    let elapsed = start.elapsed();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

/// GetId → GetCredentialsForIdentity → STS GetCallerIdentity with those credentials, as three
/// aws-cli commands; `logins` is `KEY=TOKEN` for a user.
fn cli_credentials(url: &str, pool_id: &str, logins: Option<&str>) -> String {
    let with_logins = |cmd: &mut Command| {
        if let Some(logins) = logins {
            cmd.args(["--logins", logins]);
        }
    };
    let mut get_id = aws(url);
    get_id.args([
        "cognito-identity",
        "get-id",
        "--identity-pool-id",
        pool_id,
        "--query",
        "IdentityId",
    ]);
    with_logins(&mut get_id);
    let identity_id = run(&mut get_id);
    let mut get_credentials = aws(url);
    get_credentials.args([
        "cognito-identity",
        "get-credentials-for-identity",
        "--identity-id",
        &identity_id,
        "--query",
        "Credentials.[AccessKeyId,SecretKey,SessionToken]",
    ]);
    with_logins(&mut get_credentials);
    let credentials = run(&mut get_credentials);
    let parts: Vec<&str> = credentials.split_whitespace().collect();
    let [key, secret, token] = parts[..] else {
        panic!("credentials: {credentials}")
    };
    run(aws(url)
        .env("AWS_ACCESS_KEY_ID", key)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env("AWS_SESSION_TOKEN", token)
        .args(["sts", "get-caller-identity", "--query", "Arn"]))
}

/// The user's script: USER_PASSWORD_AUTH for an ID token, then the three calls with it.
fn cli_user(url: &str, pool_id: &str) -> Duration {
    let start = Instant::now();
    let token = run(aws(url).args([
        "cognito-idp",
        "initiate-auth",
        "--client-id",
        CLIENT,
        "--auth-flow",
        "USER_PASSWORD_AUTH",
        "--auth-parameters",
        &format!("USERNAME=demo-admin,PASSWORD={DEMO_PASSWORD}"),
        "--query",
        "AuthenticationResult.IdToken",
    ]));
    let arn = cli_credentials(url, pool_id, Some(&format!("{PROVIDER}={token}")));
    assert!(arn.contains("assumed-role/orders-app-admin/"), "{arn}");
    start.elapsed()
}

fn cli_guest(url: &str, pool_id: &str) -> Duration {
    let start = Instant::now();
    let arn = cli_credentials(url, pool_id, None);
    assert!(arn.contains("assumed-role/orders-app-guest/"), "{arn}");
    start.elapsed()
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let served = serve(&["--realistic"]);
    let rtt = round_trip(&served.url).await;
    println!("median round trip: {}", ms(rtt));
    let pool_id = {
        let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_types::region::Region::new("us-east-1"))
            .credentials_provider(aws_credential_types::Credentials::new(
                "s", "s", None, None, "bench",
            ))
            .endpoint_url(&served.url)
            .load()
            .await;
        let client = aws_sdk_cognitoidentity::Client::new(&config);
        let pools = client
            .list_identity_pools()
            .max_results(60)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        pools
            .identity_pools()
            .iter()
            .find(|p| p.identity_pool_name() == Some("orders-app"))
            .and_then(|p| p.identity_pool_id())
            .unwrap_or_else(|| panic!("orders-app"))
            .to_string()
    };
    let guest = median(
        (0..RUNS)
            .map(|_| test_access(&served.url, &pool_id, &["--guest"]))
            .collect(),
    );
    let user = median(
        (0..RUNS)
            .map(|_| {
                test_access(
                    &served.url,
                    &pool_id,
                    &["--user", "demo-admin", "--expect-role", "orders-app-admin"],
                )
            })
            .collect(),
    );
    println!(
        "test-access --guest: {} (floor 3 round trips = {}; it makes 3)",
        ms(guest),
        ms(rtt * 3)
    );
    println!(
        "test-access --user (SRP): {} (floor 5 round trips = {}; its 8 = {})",
        ms(user),
        ms(rtt * 5),
        ms(rtt * 8)
    );
    if has_cli() {
        let guest_cli = median(
            (0..RUNS)
                .map(|_| cli_guest(&served.url, &pool_id))
                .collect(),
        );
        let user_cli = median((0..RUNS).map(|_| cli_user(&served.url, &pool_id)).collect());
        println!(
            "aws-cli guest script (3 commands): {} ({:.1}×)",
            ms(guest_cli),
            guest_cli.as_secs_f64() / guest.as_secs_f64()
        );
        println!(
            "aws-cli user script (4 commands, USER_PASSWORD_AUTH): {} ({:.1}×)",
            ms(user_cli),
            user_cli.as_secs_f64() / user.as_secs_f64()
        );
    } else {
        println!("aws-cli not installed: run ./scripts/setup-python.sh for the comparison");
    }
}
