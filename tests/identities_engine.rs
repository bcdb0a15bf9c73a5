//! The Identity browser's engine (update + runner + the real SDK) against the sandbox with faults on:
//! every marked identity ends deleted or reported failed, and nothing unmarked is touched.

mod common;

use cognito_tui::app::Tab;
use cognito_tui::screens::cursor::Move;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{self, Faults, SandboxOptions, Seed};
use cognito_tui::screens::identities::Action as IdAction;
use cognito_tui::screens::identities::{Loading, Panel};
use cognito_tui::screens::pools::Action as PoolAction;
use std::collections::BTreeSet;
use std::time::Duration;
use tui_input::InputRequest;

const WAIT: Duration = Duration::from_secs(120);

/// Connects, opens `orders-app` and shows the Identity browser, with every page loaded.
async fn browse_orders_app(target: Target) -> Headless {
    let mut h = Headless::start(Options::default(), target, (120, 40));
    assert!(
        h.run_until(
            |m| m.pools.list.rows.iter().any(|p| p.name == "orders-app"),
            WAIT
        )
        .await,
        "pools listed"
    );
    let position = h
        .model
        .pools
        .list
        .shown
        .iter()
        .position(|&i| h.model.pools.list.rows[i].name == "orders-app");
    for _ in 0..position.unwrap_or(0) {
        h.send(Msg::from(PoolAction::Move(Move::Down)));
    }
    h.send(Msg::from(PoolAction::Open));
    h.send(Msg::Action(Action::GoTab(Tab::Identities)));
    assert!(
        h.run_until(|m| m.identities.loading == Loading::Done, WAIT)
            .await,
        "identities listed"
    );
    h
}

fn type_filter(h: &mut Headless, text: &str) {
    h.send(Msg::from(IdAction::Filter));
    for c in text.chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(IdAction::Submit));
}

async fn listed_ids(
    client: &aws_sdk_cognitoidentity::Client,
    pool: &str,
) -> std::collections::BTreeSet<String> {
    common::all_identity_ids(client, pool).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_marked_identities_under_faults_reports_every_one() {
    // Half the ids of every batch fail, so after 3 retries about 6% fail for good.
    let mut faults = Faults {
        delete_failure_rate: 0.5,
        fault_rate: 0.05,
        ..Default::default()
    };
    faults.rate_limits.insert("DeleteIdentities".into(), 8.0);
    let sb = sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        faults,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = browse_orders_app(Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    })
    .await;
    // Listing survived the injected faults (the SDK retries 5xx).
    let pool = h
        .model
        .current_pool
        .clone()
        .map(|(id, _)| id)
        .unwrap_or_default();
    let all: BTreeSet<String> = h
        .model
        .identities
        .list
        .rows
        .iter()
        .map(|r| r.identity.id.clone())
        .collect();
    assert_eq!(all.len(), 2_500);

    type_filter(&mut h, "guest");
    h.send(Msg::from(IdAction::MarkAll));
    let marked: BTreeSet<String> = h.model.identities.marked_ids().into_iter().collect();
    assert!(marked.len() > 500, "{}", marked.len());
    assert!(
        h.model
            .identities
            .list
            .rows
            .iter()
            .filter(|r| r.marked)
            .all(|r| r.identity.is_guest())
    );

    h.send(Msg::from(IdAction::Delete));
    h.send(Msg::from(IdAction::FocusNext));
    h.send(Msg::from(IdAction::Submit));
    assert!(h.model.identities.deletion.is_some(), "deletion started");
    assert!(
        h.run_until(|m| m.identities.deletion.is_none(), WAIT).await,
        "deletion finished"
    );
    let Some(Panel::Report(report)) = h.model.identities.panel.clone() else {
        panic!("a report")
    };
    assert_eq!(report.total, marked.len());
    assert_eq!(
        report.deleted + report.failed.len() + report.not_attempted.len(),
        report.total
    );
    assert!(report.not_attempted.is_empty());
    assert!(
        !report.failed.is_empty(),
        "with these faults some ids fail for good"
    );
    assert!(report.deleted > report.failed.len());

    // The service's view afterwards: exactly the deleted ones are gone.
    let client = common::identity_client(&sb, "us-east-1").await;
    let after = listed_ids(&client, &pool).await;
    let failed: BTreeSet<String> = report.failed.iter().map(|(id, _)| id.clone()).collect();
    for id in &all {
        let should_remain = !marked.contains(id) || failed.contains(id);
        assert_eq!(after.contains(id), should_remain, "{id}");
    }
    assert_eq!(after.len(), all.len() - report.deleted);
    // The table agrees with the service.
    let table: BTreeSet<String> = h
        .model
        .identities
        .list
        .rows
        .iter()
        .map(|r| r.identity.id.clone())
        .collect();
    assert_eq!(table, after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_midway_reports_what_was_not_attempted() {
    let sb = sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        faults: Faults {
            latency: Duration::from_millis(30),
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = browse_orders_app(Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    })
    .await;
    h.send(Msg::from(IdAction::MarkAll));
    h.send(Msg::from(IdAction::Delete));
    for c in "2500".chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(IdAction::FocusNext));
    h.send(Msg::from(IdAction::Submit));
    assert!(
        h.run_until(
            |m| m
                .identities
                .deletion
                .as_ref()
                .is_some_and(|d| d.deleted >= 300),
            WAIT
        )
        .await
    );
    h.send(Msg::from(IdAction::Cancel));
    assert!(h.run_until(|m| m.identities.deletion.is_none(), WAIT).await);
    let Some(Panel::Report(report)) = h.model.identities.panel.clone() else {
        panic!("a report")
    };
    assert!(report.cancelled);
    assert!(!report.not_attempted.is_empty());
    assert_eq!(
        report.deleted + report.failed.len() + report.not_attempted.len(),
        2_500
    );
    let pool = h
        .model
        .current_pool
        .clone()
        .map(|(id, _)| id)
        .unwrap_or_default();
    let client = common::identity_client(&sb, "us-east-1").await;
    assert_eq!(
        listed_ids(&client, &pool).await.len(),
        2_500 - report.deleted
    );
}
