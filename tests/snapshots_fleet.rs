//! The fleet views as text at a fixed size (insta snapshots): the all-regions table with a
//! refusing region, the security report's findings, the identity statistics beside a summary, and
//! the journal with a failed write selected.

mod app_support;

use app_support::*;
use cognito_tui::app::{AwsError, Effect, ErrorKind, Response, Tab};
use cognito_tui::console::{Action, Msg, update};
use cognito_tui::domain::PoolSummary;
use cognito_tui::domain::doctor::{Finding, Report, Severity};
use cognito_tui::journal::Entry;
use cognito_tui::screens::cursor::{ListKey, Move};
use cognito_tui::screens::{doctor, inventory, journal};
use insta::assert_snapshot;

fn requests(effects: &[Effect]) -> Vec<(u64, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::ListIdentityPoolsIn { req, region, .. } => Some((*req, region.clone())),
            _ => None,
        })
        .collect()
}

fn pools_of(region: &str, n: usize) -> Vec<PoolSummary> {
    (0..n)
        .map(|i| PoolSummary {
            id: format!("{region}:00000000-0000-4000-8000-{i:012}"),
            name: format!("{region}-app-{i}"),
        })
        .collect()
}

#[test]
fn all_regions_with_a_region_not_enabled() {
    let mut model = loaded(3, (110, 30));
    let _ = update(&mut model, Msg::Tick(NOW));
    let regions: Vec<String> = ["ap-east-2", "eu-west-1", "sa-east-1", "us-east-1"]
        .map(String::from)
        .to_vec();
    let mut pending = update(
        &mut model,
        Msg::Inventory(inventory::Msg::Open {
            origin: Tab::Pools,
            open: regions,
        }),
    );
    // Answer region by region until every one has answered.
    while let Some((req, region)) = requests(&pending).first().cloned() {
        pending.retain(|e| !matches!(e, Effect::ListIdentityPoolsIn { req: r, .. } if *r == req));
        let answer = match region.as_str() {
            "ap-east-2" => Err(AwsError {
                kind: ErrorKind::Other,
                code: Some("UnrecognizedClientException".into()),
                message: "The security token included in the request is invalid.".into(),
                request_id: Some("4f1c0d3e-0000-4000-8000-000000000001".into()),
            }),
            "eu-west-1" => Ok((pools_of("eu-west-1", 2), None)),
            "us-east-1" => Ok((pools_of("us-east-1", 3), None)),
            _ => Ok((Vec::new(), None)),
        };
        pending.extend(update(
            &mut model,
            Msg::Response {
                req,
                response: Response::ListIdentityPools(answer),
            },
        ));
    }
    let _ = update(
        &mut model,
        Msg::from(inventory::Action::List(ListKey::Move(Move::Down))),
    );
    assert_snapshot!(render(&model));
}

#[test]
fn the_security_report_lists_findings_most_severe_first() {
    let mut model = loaded(3, (100, 30));
    let effects = update(
        &mut model,
        Msg::Doctor(doctor::Msg::Open {
            origin: Tab::Pools,
            open: (),
        }),
    );
    let Some(Effect::Doctor { req }) = effects.first().cloned() else {
        panic!("the report runs: {effects:?}");
    };
    let finding = |severity, check, pool: usize, reason: &str, fix: &str, fix_in| Finding {
        severity,
        pool_id: pool_id(pool),
        pool_name: format!("pool-{pool:03}"),
        check,
        reason: reason.into(),
        fix: fix.into(),
        fix_in,
    };
    let report = Report {
        pools_checked: 3,
        findings: vec![
            finding(
                Severity::High,
                "trust-without-aud",
                0,
                "pool-000-auth trusts cognito-identity.amazonaws.com without an aud condition: any pool in any account can assume it",
                "Add the pool's id as the aud condition (Role settings, f on the role)",
                "Role settings",
            ),
            finding(
                Severity::Medium,
                "classic-flow",
                1,
                "The basic (classic) flow is on",
                "Turn the basic flow off unless an app needs it",
                "User access",
            ),
            finding(
                Severity::Low,
                "role-unreadable",
                2,
                "pool-002-guest could not be read: AccessDenied",
                "Allow iam:GetRole to see it",
                "Role settings",
            ),
        ],
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Doctor(Ok(Box::new(report))),
        },
    );
    let _ = update(&mut model, Msg::from(doctor::Action::Down));
    assert_snapshot!(render(&model));
}

#[test]
fn identity_statistics_beside_the_summary() {
    let mut model = identities_loaded(300, (140, 40));
    let _ = act(&mut model, Action::GoTab(Tab::Pools));
    assert!(
        model.pools.open.is_some(),
        "the summary of the browsed pool"
    );
    assert_snapshot!(render(&model));
}

fn entry(time: &str, operation: &str, outcome: &str, summary: &str) -> Entry {
    Entry {
        time: time.into(),
        operation: operation.into(),
        target: pool_id(0),
        region: "us-east-1".into(),
        profile: "prod".into(),
        request_ids: vec!["7a1c4e2b-0000-4000-8000-000000000042".into()],
        outcome: outcome.into(),
        error: (outcome == "failed").then(|| {
            "ConcurrentModificationException: The pool was changed by another request.".into()
        }),
        summary: summary.into(),
    }
}

#[test]
fn the_journal_newest_first_with_a_failed_write_selected() {
    let mut model = loaded(3, (120, 30));
    let effects = update(
        &mut model,
        Msg::Journal(journal::Msg::Open {
            origin: Tab::Pools,
            open: (),
        }),
    );
    let Some(Effect::ReadJournal { req }) = effects.first().cloned() else {
        panic!("the journal is read: {effects:?}");
    };
    let entries = vec![
        entry(
            "2026-12-01T09:12:03.120Z",
            "CreateIdentityPool",
            "ok",
            "create \"pool-000\": guest off · basic flow off · providers: user pool",
        ),
        entry(
            "2026-12-02T10:40:55.002Z",
            "TagResource",
            "ok",
            "tag env=prod",
        ),
        entry(
            "2026-12-03T16:05:31.870Z",
            "UpdateIdentityPool",
            "failed",
            "set \"pool-000\": guest on · basic flow off · providers: user pool",
        ),
    ];
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Journal(Ok((entries, 1))),
        },
    );
    assert_snapshot!(render(&model));
}
