//! Driving the Test access panel headless (the console's `update` and the real runner) against a
//! sandbox: open it on a pool, fill the form, run (confirming once) and read what came back.

use cognito_tui::app::Tab;
use cognito_tui::app::test_access::{Flow, Trial};
use cognito_tui::console::Msg;
use cognito_tui::headless::Headless;
use cognito_tui::screens::test_access::prediction::{Agreement, compare, predict};
use cognito_tui::screens::test_access::{Action, Field, Mode, Msg as PanelMsg, Panel, Run};
use std::time::Duration;
use tui_input::InputRequest;

/// How long a step may take.
pub const WAIT: Duration = Duration::from_secs(60);

/// A key on the panel.
pub fn key(h: &mut Headless, action: Action) {
    h.send(Msg::from(action));
}

/// The open panel.
pub fn panel(h: &Headless) -> &Panel {
    h.model
        .test_access
        .view
        .as_deref()
        .unwrap_or_else(|| panic!("the panel is open"))
}

/// Types into the focused field.
pub fn typed(h: &mut Headless, text: &str) {
    for c in text.chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
}

/// Moves the focus to `field` with Tab, empties it (as Ctrl-u does) and types `text`.
pub fn fill(h: &mut Headless, field: Field, text: &str) {
    focus(h, field);
    h.send(Msg::Input(InputRequest::DeleteLine));
    typed(h, text);
}

/// Tabs to `field`.
pub fn focus(h: &mut Headless, field: Field) {
    for _ in 0..12 {
        if panel(h).focus == field {
            return;
        }
        key(h, Action::Next);
    }
    panic!("no field {field:?} on the form");
}

/// Chooses `mode` on the mode field.
pub fn choose_mode(h: &mut Headless, mode: Mode) {
    focus(h, Field::Mode);
    for _ in 0..6 {
        if panel(h).mode == mode {
            return;
        }
        key(h, Action::ChooseRight);
    }
    panic!("the pool offers no {mode:?}");
}

/// Chooses the user pool flow.
pub fn choose_flow(h: &mut Headless, flow: Flow) {
    focus(h, Field::Flow);
    for _ in 0..4 {
        if panel(h).flow == flow {
            return;
        }
        key(h, Action::ChooseRight);
    }
    panic!("no flow {flow:?}");
}

/// Opens the panel on a pool over the Pools tab and waits for its read.
pub async fn open(h: &mut Headless, pool_id: &str, name: &str) {
    h.send(Msg::TestAccess(PanelMsg::Open {
        origin: Tab::Pools,
        open: cognito_tui::app::cover::OnPool {
            pool_id: pool_id.into(),
            name: name.into(),
        },
    }));
    assert!(
        h.run_until(
            |m| m
                .test_access
                .view
                .as_ref()
                .is_some_and(|p| p.read.config(&m.store).is_some()),
            WAIT
        )
        .await
    );
}

/// Runs the form as it is (confirming the first time) and waits for the answer and the role
/// reads the prediction needs.
pub async fn run(h: &mut Headless) -> Trial {
    key(h, Action::Run);
    if panel(h).run == Run::Confirming {
        key(h, Action::Run);
    }
    let settled = |m: &cognito_tui::console::Model| {
        m.test_access.view.as_ref().is_some_and(|p| {
            matches!(p.run, Run::Done(_)) && m.in_flight.values().all(|r| r.operation != "GetRole")
        })
    };
    assert!(h.run_until(settled, WAIT).await);
    let Run::Done(done) = &panel(h).run else {
        panic!("done")
    };
    done.trial.clone()
}

/// Whether the service did what the simulator predicted for the last run.
pub fn agreement(h: &Headless) -> Option<Agreement> {
    let panel = panel(h);
    let Run::Done(done) = &panel.run else {
        return None;
    };
    let prediction = predict(&h.model.store, panel.read.config(&h.model.store)?, done)?;
    compare(&prediction, &done.trial)
}
