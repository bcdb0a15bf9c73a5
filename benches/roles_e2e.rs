//! The Role settings tab's trust check end to end (the console's own `update` and runner,
//! headless) against `sandbox serve --realistic` (40 ms ± 10 ms a call), beside one round trip
//! and the same check done as an operator would with aws-cli (`aws iam get-role` per role).
//!
//!     ./scripts/setup-python.sh && cargo bench --bench roles_e2e
//!
//! The pool hands out 12 distinct roles (default role + 11 rules), each with an inline policy.
//! Measured from opening the tab: every role's trust checked (GetRole of all 12, at most 8 at
//! once) and everything read (their inline and attached policies and each document too).

mod support;

use aws_sdk_cognitoidentity::types::{
    MappingRule, MappingRuleMatchType, RoleMapping, RoleMappingType, RulesConfigurationType,
};
use cognito_tui::app::Tab;
use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::headless::Headless;
use cognito_tui::screens::roles::Fetch;
use std::io::Write;
use std::time::{Duration, Instant};
use support::{aws, has_cli, median, round_trip, run, secs, serve};

const WAIT: Duration = Duration::from_secs(120);
const RUNS: usize = 9;
const ROLES: usize = 12;
const HOST: &str = "login.partner.example.com";
const OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bench/*"}]}"#;

fn sdk_config(url: &str) -> impl std::future::Future<Output = aws_types::SdkConfig> {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_types::region::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "s", "s", None, None, "bench",
        ))
        .endpoint_url(url.to_string())
        .load()
}

/// A pool handing out 12 roles; its id.
async fn pool_with_roles(url: &str) -> String {
    let config = sdk_config(url).await;
    let identity = aws_sdk_cognitoidentity::Client::new(&config);
    let iam = aws_sdk_iam::Client::new(&config);
    let pool_id = identity
        .create_identity_pool()
        .identity_pool_name("twelve-roles")
        .allow_unauthenticated_identities(false)
        .open_id_connect_provider_arns(OIDC)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id
        .clone();
    let mut rules = Vec::new();
    for i in 0..ROLES {
        let name = format!("bench-role-{i}");
        iam.create_role()
            .role_name(&name)
            .assume_role_policy_document(cognito_trust_policy(
                &pool_id,
                Audience::Authenticated,
                false,
            ))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        iam.put_role_policy()
            .role_name(&name)
            .policy_name("access")
            .policy_document(POLICY)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        if i > 0 {
            rules.push(
                MappingRule::builder()
                    .claim("custom:team")
                    .match_type(MappingRuleMatchType::Equals)
                    .value(format!("team-{i}"))
                    .role_arn(format!("arn:aws:iam::123456789012:role/{name}"))
                    .build()
                    .unwrap_or_else(|e| panic!("{e}")),
            );
        }
    }
    let mapping = RoleMapping::builder()
        .r#type(RoleMappingType::Rules)
        .ambiguous_role_resolution(
            aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::AuthenticatedRole,
        )
        .rules_configuration(
            RulesConfigurationType::builder()
                .set_rules(Some(rules))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    identity
        .set_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .roles(
            "authenticated",
            "arn:aws:iam::123456789012:role/bench-role-0",
        )
        .role_mappings(HOST, mapping)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    pool_id
}

fn trust_checked(m: &cognito_tui::console::Model) -> bool {
    m.roles.checked.len() == ROLES
        && m.roles.checked.iter().all(|arn| {
            m.store
                .role(cognito_tui::domain::roles::role_name(arn))
                .is_some_and(|f| matches!(f.role, Fetch::Got(_)))
        })
}

/// One run: (every role's trust checked, everything read), from opening the tab.
async fn engine(url: &str, pool_id: &str) -> (Duration, Duration) {
    let target = Target::Sandbox {
        endpoint_url: url.to_string(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    // As on screen: the Pools tab has described the pool, so the tab knows its providers.
    let described = |m: &cognito_tui::console::Model| m.store.pool(pool_id).is_some();
    assert!(h.run_until(described, WAIT).await);
    h.model.current_pool = Some((pool_id.to_string(), "twelve-roles".into()));
    let start = Instant::now();
    h.send(Msg::Action(Action::GoTab(Tab::Roles)));
    assert!(h.run_until(trust_checked, WAIT).await);
    let trust = start.elapsed();
    assert!(
        h.run_until(|m| trust_checked(m) && m.roles.fetcher.left() == 0, WAIT)
            .await
    );
    (trust, start.elapsed())
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let served = serve(&["--realistic"]);
    let rtt = round_trip(&served.url).await;
    let pool_id = pool_with_roles(&served.url).await;
    let mut trusts = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..RUNS {
        let (trust, total) = engine(&served.url, &pool_id).await;
        trusts.push(trust);
        totals.push(total);
    }
    let mut out = std::io::stdout();
    let ms = |d: Duration| secs(d) * 1000.0;
    let _ = writeln!(
        out,
        "round trip (median of 30 small calls): {:.1} ms",
        ms(rtt)
    );
    let trust = median(trusts);
    let _ = writeln!(
        out,
        "trust check of {ROLES} roles from opening the tab (pool read, then GetRole x{ROLES}, 8 at once: 1 + 2 round trips), median of {RUNS}: {:.0} ms ({:.1} x RTT; one at a time would be {} x RTT = {:.0} ms)",
        ms(trust),
        secs(trust) / secs(rtt),
        ROLES + 1,
        ms(rtt * (ROLES as u32 + 1))
    );
    let _ = writeln!(
        out,
        "everything read (+ {} policy lists and {ROLES} documents), median of {RUNS}: {:.0} ms",
        ROLES * 2,
        ms(median(totals))
    );
    if has_cli() {
        let start = Instant::now();
        for i in 0..ROLES {
            run(aws(&served.url).args([
                "iam",
                "get-role",
                "--role-name",
                &format!("bench-role-{i}"),
                "--query",
                "Role.AssumeRolePolicyDocument",
            ]));
        }
        let cli = start.elapsed();
        let _ = writeln!(
            out,
            "    aws-cli: {ROLES} x `aws iam get-role` (reading them, not checking them): {:.0} ms ({:.0}x the console's trust check)",
            ms(cli),
            secs(cli) / secs(trust)
        );
    } else {
        let _ = writeln!(
            out,
            "    aws-cli: not measured (run ./scripts/setup-python.sh first)"
        );
    }
}
