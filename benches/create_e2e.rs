//! End-to-end pool creation: the wizard's run (the console's own `update` and runner, headless)
//! against aws-cli doing the same seven calls from a shell script, both against
//! `sandbox serve --realistic` (40 ms ± 10 ms a call).
//!
//!     ./scripts/setup-python.sh && cargo bench --bench create_e2e
//!
//! The pool: a user pool provider with a rules mapping and custom principal tags, guest access and
//! two new roles (CreateIdentityPool, 2× CreateRole, 2× PutRolePolicy, SetIdentityPoolRoles,
//! SetPrincipalTagAttributeMap).

mod support;

#[path = "../tests/app_support/mod.rs"]
mod app_support;

use app_support::wizard::{existing_role, user_pool_draft};
use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options};
use cognito_tui::domain::policy::{self, Audience};
use cognito_tui::headless::Headless;
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::Step;
use std::io::Write;
use std::time::{Duration, Instant};
use support::{aws, has_cli, median, round_trip, run, secs, serve};

const WAIT: Duration = Duration::from_secs(120);
const RUNS: usize = 9;

/// One creation through the wizard; from ⏎ on Review to the pool open in the console.
async fn engine_create(url: &str, n: usize) -> Duration {
    let target = Target::Sandbox {
        endpoint_url: url.to_string(),
    };
    let mut h = Headless::start(Options::default(), target, (120, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    h.send(Msg::from(PoolAction::New));
    let partner = existing_role("orders-app-partner");
    if let Some(w) = h.model.wizard.open.as_deref_mut() {
        w.draft = user_pool_draft(
            &format!("bench-{n}"),
            &format!("bench-{n}-auth"),
            &format!("bench-{n}-guest"),
            partner,
        );
        w.step = Step::Review;
    }
    let start = Instant::now();
    h.send(Msg::from(WizAction::Create));
    assert!(
        h.run_until(|m| m.wizard.open.is_none(), WAIT).await,
        "created"
    );
    let elapsed = start.elapsed();
    assert!(h.model.pools.open.is_some(), "the pool opened");
    elapsed
}

/// The same pool with aws-cli, one command per call, as a shell script would.
fn cli_create(url: &str, n: usize) -> Duration {
    let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";
    let client = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
    let start = Instant::now();
    let pool_id = run(aws(url).args([
        "cognito-identity",
        "create-identity-pool",
        "--identity-pool-name",
        &format!("cli-{n}"),
        "--allow-unauthenticated-identities",
        "--no-allow-classic-flow",
        "--cognito-identity-providers",
        &format!("ProviderName={provider},ClientId={client},ServerSideTokenCheck=false"),
        "--identity-pool-tags",
        "team=orders",
        "--query",
        "IdentityPoolId",
    ]));
    let mut arns = Vec::new();
    for (audience, suffix) in [
        (Audience::Authenticated, "auth"),
        (Audience::Guest, "guest"),
    ] {
        let name = format!("cli-{n}-{suffix}");
        let trust =
            policy::cognito_trust_policy(&pool_id, audience, audience == Audience::Authenticated);
        arns.push(run(aws(url).args([
            "iam",
            "create-role",
            "--role-name",
            &name,
            "--assume-role-policy-document",
            &trust,
            "--query",
            "Role.Arn",
        ])));
        run(aws(url).args([
            "iam",
            "put-role-policy",
            "--role-name",
            &name,
            "--policy-name",
            policy::BASIC_PERMISSIONS_NAME,
            "--policy-document",
            &policy::cognito_basic_permissions(),
        ]));
    }
    let mappings = serde_json::json!({ format!("{provider}:{client}"): {
        "Type": "Rules", "AmbiguousRoleResolution": "Deny",
        "RulesConfiguration": {"Rules": [
            {"Claim": "cognito:groups", "MatchType": "Contains", "Value": "admins", "RoleARN": arns[0]},
            {"Claim": "custom:tier", "MatchType": "Equals", "Value": "partner",
             "RoleARN": "arn:aws:iam::123456789012:role/orders-app-partner"}]}}});
    run(aws(url).args([
        "cognito-identity",
        "set-identity-pool-roles",
        "--identity-pool-id",
        &pool_id,
        "--roles",
        &format!("authenticated={},unauthenticated={}", arns[0], arns[1]),
        "--role-mappings",
        &mappings.to_string(),
    ]));
    run(aws(url).args([
        "cognito-identity",
        "set-principal-tag-attribute-map",
        "--identity-pool-id",
        &pool_id,
        "--identity-provider-name",
        provider,
        "--no-use-defaults",
        "--principal-tags",
        "user=sub",
    ]));
    start.elapsed()
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let served = serve(&["--realistic"]);
    let rtt = round_trip(&served.url).await;
    let mut engine = Vec::new();
    for n in 0..RUNS {
        engine.push(engine_create(&served.url, n).await);
    }
    let engine = median(engine);
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "round trip (median of 30 small calls): {:.1} ms",
        secs(rtt) * 1000.0
    );
    let _ = writeln!(
        out,
        "create a pool (7 calls), median of {RUNS}: cognito-tui wizard {:.2} s (floor 7 x RTT = {:.2} s)",
        secs(engine),
        secs(rtt * 7)
    );
    if has_cli() {
        let cli = median((0..RUNS).map(|n| cli_create(&served.url, n)).collect());
        let _ = writeln!(
            out,
            "    aws-cli script:     {:.2} s  (cognito-tui is {:.1}x faster)",
            secs(cli),
            secs(cli) / secs(engine)
        );
    } else {
        let _ = writeln!(
            out,
            "    aws-cli: not measured (run ./scripts/setup-python.sh first)"
        );
    }
}
