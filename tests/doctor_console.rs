//! `:doctor` through `update` and the real runner against the demo sandbox: the report of every
//! pool arrives most severe first, and ⏎ on a finding opens its pool on the tab that fixes it.

mod app_support;
mod common;

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, DialogAction, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::Seed;
use cognito_tui::screens::doctor::Action as Doc;
use std::time::Duration;
use tui_input::InputRequest;

const WAIT: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_lists_the_demo_findings_and_enter_opens_the_fixing_tab() {
    let sb = common::sandbox(Seed::Demo).await;
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    h.send(Msg::from(Action::Command));
    for c in "doctor".chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(DialogAction::Submit));
    assert!(
        h.run_until(
            |m| m
                .doctor
                .view
                .as_ref()
                .is_some_and(|v| matches!(v.run, Ok(Some(_)))),
            WAIT
        )
        .await
    );
    let screen = app_support::render(&h.model);
    assert!(screen.contains("Security report — us-east-1"), "{screen}");
    assert!(
        screen.contains("6 pools checked: 0 high, 5 medium, 0 low"),
        "{screen}"
    );
    assert!(
        screen.contains("MEDIUM classic-flow  mobile-games"),
        "{screen}"
    );
    // The classic-flow finding: down to it, ⏎.
    let at = {
        let view = h
            .model
            .doctor
            .view
            .as_deref()
            .unwrap_or_else(|| panic!("open"));
        let Ok(Some(report)) = &view.run else {
            panic!("report")
        };
        report
            .findings
            .iter()
            .position(|f| f.check == "classic-flow")
            .unwrap_or_else(|| panic!("{:?}", report.findings))
    };
    for _ in 0..at {
        h.send(Msg::from(Doc::Down));
    }
    h.send(Msg::from(Doc::Open));
    assert!(h.model.doctor.view.is_none(), "the report closes");
    assert_eq!(h.model.tab, Tab::UserAccess);
    assert_eq!(
        h.model.current_pool.as_ref().map(|(_, n)| n.as_str()),
        Some("mobile-games")
    );
}
