//! Export end to end against `sandbox serve --realistic` (40 ms ± 10 ms a call): a pool with
//! 10 providers and a 25-rule mapping naming 4 roles, `--include-roles`, read by the engine
//! (`aws::export::read`, in process) and by `cognito-tui export` as a process, beside the floor.
//!
//!     cargo bench --bench export_e2e
//!
//! The floor is 4 round trips in sequence: DescribeIdentityPool (it names the providers);
//! GetIdentityPoolRoles with the 10 GetPrincipalTagAttributeMap (together); then for each role
//! GetRole, ListRolePolicies and ListAttachedRolePolicies (together); then GetRolePolicy for each
//! inline policy. One at a time it would be 1 + 11 + 4 × 3 + the inline policies.

mod support;

use aws_sdk_cognitoidentity::types::{
    AmbiguousRoleResolutionType, CognitoIdentityProvider, MappingRule, MappingRuleMatchType,
    RoleMapping, RoleMappingType, RulesConfigurationType,
};
use cognito_tui::aws::{Target, connect_clients};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{median, round_trip, serve};

const RUNS: usize = 9;
const ROLES: [&str; 4] = [
    "orders-app-auth",
    "orders-app-guest",
    "orders-app-admin",
    "orders-app-partner",
];

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

async fn big_pool(url: &str) -> String {
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_types::region::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "s", "s", None, None, "bench",
        ))
        .endpoint_url(url)
        .load()
        .await;
    let identity = aws_sdk_cognitoidentity::Client::new(&config);
    let user_pool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";
    let mut create = identity
        .create_identity_pool()
        .identity_pool_name("ten-providers")
        .allow_unauthenticated_identities(true)
        .supported_login_providers(
            "accounts.google.com",
            "123-bench.apps.googleusercontent.com",
        )
        .supported_login_providers("graph.facebook.com", "742281956120334")
        .supported_login_providers("www.amazon.com", "amzn1.application.bench")
        .supported_login_providers("api.twitter.com", "key;secret")
        .open_id_connect_provider_arns(
            "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com",
        )
        .saml_provider_arns("arn:aws:iam::123456789012:saml-provider/CorpADFS");
    let clients = [
        "4f1s2d9k0q7n3b5v8c6x1z2m4a",
        "benchclient2",
        "benchclient3",
        "benchclient4",
    ];
    for client in clients {
        create = create.cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name(user_pool)
                .client_id(client)
                .build(),
        );
    }
    let id = create
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id()
        .to_string();
    let role = |i: usize| format!("arn:aws:iam::123456789012:role/{}", ROLES[i % ROLES.len()]);
    let mut rules = RulesConfigurationType::builder();
    for i in 0..25 {
        rules = rules.rules(
            MappingRule::builder()
                .claim("custom:team")
                .match_type(MappingRuleMatchType::Equals)
                .value(format!("team-{i}"))
                .role_arn(role(i))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    identity
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", role(0))
        .roles("unauthenticated", role(1))
        .role_mappings(
            format!("{user_pool}:{}", clients[0]),
            RoleMapping::builder()
                .r#type(RoleMappingType::Rules)
                .ambiguous_role_resolution(AmbiguousRoleResolutionType::Deny)
                .rules_configuration(rules.build().unwrap_or_else(|e| panic!("{e}")))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    id
}

fn process(url: &str, pool_id: &str) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args([
            "--endpoint-url",
            url,
            "--region",
            "us-east-1",
            "export",
            "--pool",
            pool_id,
        ])
        .args(["--format", "cloudformation", "--include-roles"])
        .env("AWS_ACCESS_KEY_ID", "sandbox")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let elapsed = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

#[tokio::main]
async fn main() {
    let served = serve(&["--realistic"]);
    let rtt = round_trip(&served.url).await;
    let pool_id = big_pool(&served.url).await;
    let clients = connect_clients(
        &Target::Sandbox {
            endpoint_url: served.url.clone(),
        },
        None,
        Some("us-east-1".into()),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let mut engine = Vec::new();
    let mut calls = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let export = cognito_tui::aws::export::read(&clients, &pool_id, true)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        engine.push(start.elapsed());
        let roles = export.roles.unwrap_or_default();
        calls = 2
            + export.config.principal_tags.len()
            + roles.len() * 3
            + roles.iter().map(|r| r.inline.len()).sum::<usize>();
    }
    let engine = median(engine);
    let command = median((0..RUNS).map(|_| process(&served.url, &pool_id)).collect());
    println!("median round trip: {}", ms(rtt));
    println!(
        "read for the export (engine): {} — floor 4 round trips = {}; {calls} calls one at a time = {}",
        ms(engine),
        ms(rtt * 4),
        ms(rtt * calls as u32)
    );
    println!(
        "cognito-tui export --include-roles (process): {}",
        ms(command)
    );
}
