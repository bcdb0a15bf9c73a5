//! The audit journal: every kind of write the runner makes is one JSON line with its operation,
//! target, region, profile, request ids and outcome (a failure with the service's code and the
//! request id it answered with); a journal that can't be written is reported and the write still
//! happens; and the console's `:journal` shows a pool deletion made through its dialog.

mod app_support;
mod common;

use cognito_tui::app::{Effect, Response};

use cognito_tui::aws::{Runner, Target};
use cognito_tui::console::{DialogAction, Msg, Options};
use cognito_tui::domain::IdentityPool;
use cognito_tui::headless::Headless;
use cognito_tui::journal::{Entry, read};
use cognito_tui::sandbox::Seed;
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;
use tui_input::InputRequest;

const WAIT: Duration = Duration::from_secs(60);

async fn next(rx: &mut mpsc::UnboundedReceiver<Msg>) -> Msg {
    tokio::time::timeout(WAIT, rx.recv())
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no message from the runner"))
}

/// Runs one effect and returns its response.
async fn run(runner: &Runner, rx: &mut mpsc::UnboundedReceiver<Msg>, effect: Effect) -> Response {
    runner.spawn(effect);
    match next(rx).await {
        Msg::Response { response, .. } => response,
        other => panic!("a response: {other:?}"),
    }
}

/// The journal once it holds `n` entries (its thread writes after the answer is sent).
async fn entries(path: &std::path::Path, n: usize) -> Vec<Entry> {
    for _ in 0..200 {
        if let Ok((entries, 0)) = read(path)
            && entries.len() >= n
        {
            return entries;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the journal never reached {n} entries: {:?}", read(path));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_kind_of_write_is_one_entry_with_its_request_ids_and_outcome() {
    let sb = common::sandbox(Seed::Demo).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("journal.jsonl");
    let (tx, mut rx) = mpsc::unbounded_channel();
    let runner = Runner::new(
        tx,
        Target::Sandbox {
            endpoint_url: sb.endpoint_url(),
        },
    )
    .journal_to(path.clone());
    let connected = run(
        &runner,
        &mut rx,
        Effect::Connect {
            req: 1,
            profile: None,
            region: None,
        },
    )
    .await;
    assert!(matches!(connected, Response::Connect(Ok(_))));

    let pool = IdentityPool {
        identity_pool_name: "journaled".into(),
        allow_unauthenticated_identities: true,
        ..Default::default()
    };
    let Response::CreateIdentityPool(Ok(made)) = run(
        &runner,
        &mut rx,
        Effect::CreateIdentityPool { req: 2, pool },
    )
    .await
    else {
        panic!("the pool is made")
    };
    let id = made.identity_pool_id.clone();
    let mut updated = made.clone();
    updated.allow_classic_flow = Some(true);
    run(
        &runner,
        &mut rx,
        Effect::UpdateIdentityPool {
            req: 3,
            pool: updated,
        },
    )
    .await;
    run(
        &runner,
        &mut rx,
        Effect::TagResource {
            req: 4,
            pool_id: id.clone(),
            tags: BTreeMap::from([("env".to_string(), "test".to_string())]),
        },
    )
    .await;
    // A guest identity to delete.
    let identity = common::identity_client(&sb, "us-east-1")
        .await
        .get_id()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GetId: {e:?}"))
        .identity_id()
        .unwrap_or_default()
        .to_string();
    run(
        &runner,
        &mut rx,
        Effect::DeleteIdentities {
            req: 5,
            pool_id: id.clone(),
            ids: vec![identity.clone()],
        },
    )
    .await;
    run(
        &runner,
        &mut rx,
        Effect::DeleteIdentityPool {
            req: 6,
            name: "journaled".into(),
            pool_id: id.clone(),
        },
    )
    .await;
    // The same deletion again: the service refuses it, and the entry says so.
    let Response::DeleteIdentityPool(Err(refused)) = run(
        &runner,
        &mut rx,
        Effect::DeleteIdentityPool {
            req: 7,
            name: "journaled".into(),
            pool_id: id.clone(),
        },
    )
    .await
    else {
        panic!("a second deletion is refused")
    };
    // Reads are not journaled.
    run(
        &runner,
        &mut rx,
        Effect::ListIdentityPools {
            req: 8,
            next_token: None,
        },
    )
    .await;

    let journal = entries(&path, 6).await;
    let ops: Vec<(&str, &str, &str)> = journal
        .iter()
        .map(|e| (e.operation.as_str(), e.target.as_str(), e.outcome.as_str()))
        .collect();
    assert_eq!(
        ops,
        vec![
            ("CreateIdentityPool", id.as_str(), "ok"),
            ("UpdateIdentityPool", id.as_str(), "ok"),
            ("TagResource", id.as_str(), "ok"),
            ("DeleteIdentities", id.as_str(), "ok"),
            ("DeleteIdentityPool", id.as_str(), "ok"),
            ("DeleteIdentityPool", id.as_str(), "failed"),
        ]
    );
    for entry in &journal {
        assert_eq!(
            (entry.region.as_str(), entry.profile.as_str()),
            ("us-east-1", "sandbox")
        );
        assert_eq!(entry.request_ids.len(), 1, "one exchange each: {entry:?}");
        assert!(
            entry.time.ends_with('Z') && entry.time.len() == 24,
            "{}",
            entry.time
        );
    }
    assert!(
        journal[0].summary.contains("\"journaled\"") && journal[0].summary.contains("guest on")
    );
    assert!(
        journal[1].summary.contains("basic flow on"),
        "{}",
        journal[1].summary
    );
    assert_eq!(journal[2].summary, "tag env=test");
    assert_eq!(journal[3].summary, format!("delete 1 identity: {identity}"));
    let failed = &journal[5];
    assert_eq!(
        failed.error.as_deref(),
        Some(format!("ResourceNotFoundException: {}", refused.message).as_str())
    );
    assert_eq!(
        failed.request_ids.last(),
        refused.request_id.as_ref(),
        "the request id the service answered the failure with"
    );
    // Each line is a JSON document of its own.
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for line in text.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(value["request_ids"].is_array());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unwritable_journal_is_a_warning_and_the_write_still_happens() {
    let sb = common::sandbox(Seed::Demo).await;
    let east = common::identity_client(&sb, "us-east-1").await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // A file where the data directory should be: nothing can be created under it.
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, "").unwrap_or_else(|e| panic!("{e}"));
    let mut h = Headless::start_with_journal(
        Options::default(),
        Target::Sandbox {
            endpoint_url: sb.endpoint_url(),
        },
        (140, 40),
        Some(blocker.join("journal.jsonl")),
    );
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    let old = common::pool_id_named(&east, "old-pool").await;
    delete_through_the_dialog(&mut h, "old-pool").await;
    assert!(
        h.run_until(
            |m| m
                .journal_failing
                .as_ref()
                .is_some_and(|text| text.contains("journal could not be written")),
            WAIT
        )
        .await,
        "the warning is kept: {:?}",
        h.model.notice
    );
    assert!(
        app_support::render(&h.model).contains("[journal not written: :errors]"),
        "and the header says so"
    );
    assert!(
        h.model.errors.iter().any(|e| e.operation == "Journal"),
        "kept for :errors"
    );
    let gone = east
        .describe_identity_pool()
        .identity_pool_id(&old)
        .send()
        .await;
    assert!(gone.is_err(), "the pool was deleted all the same");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_journals_a_deletion_and_shows_it_in_the_journal_view() {
    let sb = common::sandbox(Seed::Demo).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("journal.jsonl");
    let mut h = Headless::start_with_journal(
        Options::default(),
        Target::Sandbox {
            endpoint_url: sb.endpoint_url(),
        },
        (140, 40),
        Some(path.clone()),
    );
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    delete_through_the_dialog(&mut h, "old-pool").await;
    entries(&path, 1).await;
    common::command(&mut h, "journal");
    assert!(
        h.run_until(
            |m| m
                .journal
                .view
                .as_ref()
                .is_some_and(|v| matches!(v.read, Ok(Some(_)))),
            WAIT
        )
        .await
    );
    let view = h
        .model
        .journal
        .view
        .as_ref()
        .unwrap_or_else(|| panic!("open"));
    let shown: Vec<&str> = view.shown().iter().map(|e| e.operation.as_str()).collect();
    assert_eq!(shown, vec!["DeleteIdentityPool"]);
    assert!(
        view.shown()[0].summary.contains("old-pool"),
        "{:?}",
        view.shown()[0]
    );
}

/// Selects the pool named `name` on the Pools tab, opens the typed-name dialog and confirms it.
async fn delete_through_the_dialog(h: &mut Headless, name: &str) {
    let wanted = name.to_string();
    assert!(
        h.run_until(
            move |m| m.pools.list.rows.iter().any(|p| p.name == wanted),
            WAIT
        )
        .await
    );
    h.send(Msg::from(cognito_tui::screens::pools::Action::Filter));
    for c in name.chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(cognito_tui::screens::pools::Action::Submit));
    h.send(Msg::from(cognito_tui::screens::pools::Action::Delete));
    for c in name.chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(DialogAction::FocusNext));
    h.send(Msg::from(DialogAction::Submit));
    let wanted = name.to_string();
    assert!(
        h.run_until(
            move |m| !m.pools.list.rows.iter().any(|p| p.name == wanted),
            WAIT
        )
        .await,
        "the pool leaves the list"
    );
}
