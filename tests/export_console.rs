//! The export view through `update` and the real runner against the sandbox: `x` on a pool reads
//! it, each format is what `cognito-tui export` would print, `w` writes a new file, and an
//! existing file is replaced only after the second ⏎.

mod common;

use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options};
use cognito_tui::export::{Format, render};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::Seed;
use cognito_tui::screens::export::{Action, Read};
use cognito_tui::screens::pools;
use std::time::Duration;
use tui_input::InputRequest;

const WAIT: Duration = Duration::from_secs(60);

fn key(h: &mut Headless, action: Action) {
    h.send(Msg::from(action));
}

async fn read_done(h: &mut Headless) {
    assert!(
        h.run_until(
            |m| m
                .export
                .view
                .as_ref()
                .is_some_and(|v| matches!(v.read, Read::Done(..))),
            WAIT
        )
        .await
    );
}

async fn write_settled(h: &mut Headless) {
    assert!(
        h.run_until(
            |m| m
                .export
                .view
                .as_ref()
                .is_some_and(|v| v.writing.as_ref().is_none_or(|w| w.req.is_none())),
            WAIT
        )
        .await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_reads_the_pool_and_w_writes_it_without_replacing_a_file_unasked() {
    let sb = common::sandbox(Seed::Demo).await;
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| !m.pools.list.rows.is_empty(), WAIT).await);
    let orders = h
        .model
        .pools
        .list
        .rows
        .iter()
        .position(|p| p.name == "orders-app")
        .unwrap_or_else(|| panic!("orders-app listed"));
    for _ in 0..orders {
        h.send(Msg::from(pools::Action::Move(
            cognito_tui::screens::cursor::Move::Down,
        )));
    }
    h.send(Msg::from(pools::Action::Export));
    read_done(&mut h).await;
    let clients = common::console_clients(&sb).await;
    let view = h
        .model
        .export
        .view
        .as_deref()
        .unwrap_or_else(|| panic!("open"));
    let fresh = cognito_tui::aws::export::read(&clients, &view.pool_id, false)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for format in Format::ALL {
        let view = h
            .model
            .export
            .view
            .as_deref()
            .unwrap_or_else(|| panic!("open"));
        assert_eq!(view.format, format);
        assert_eq!(
            view.rendered().map(|r| r.text.clone()),
            Some(render(format, &fresh).text),
            "{format:?} as the command prints it"
        );
        key(&mut h, Action::NextFormat);
    }

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("orders.yaml");
    let type_path = |h: &mut Headless| {
        h.send(Msg::Input(InputRequest::DeleteLine));
        for c in path.to_string_lossy().chars() {
            h.send(Msg::Input(InputRequest::InsertChar(c)));
        }
    };
    key(&mut h, Action::Write);
    type_path(&mut h);
    key(&mut h, Action::Submit);
    write_settled(&mut h).await;
    let expected = render(Format::CloudFormation, &fresh).text;
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), expected);
    assert!(
        h.model
            .export
            .view
            .as_ref()
            .is_some_and(|v| v.writing.is_none()),
        "the prompt closes"
    );

    // Again to the same file: asked first, replaced on the second ⏎ only.
    std::fs::write(&path, "someone's notes").unwrap_or_else(|e| panic!("{e}"));
    key(&mut h, Action::Write);
    type_path(&mut h);
    key(&mut h, Action::Submit);
    write_settled(&mut h).await;
    let asked = h
        .model
        .export
        .view
        .as_ref()
        .and_then(|v| v.writing.as_ref())
        .is_some_and(|w| w.confirm_replace);
    assert!(asked, "it asks before replacing");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        "someone's notes"
    );
    key(&mut h, Action::Submit);
    write_settled(&mut h).await;
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), expected);
    key(&mut h, Action::Back);
    assert!(h.model.export.view.is_none());
}
