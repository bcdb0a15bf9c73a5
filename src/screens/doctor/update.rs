//! How the report view reacts: it runs the report, moves over the findings, and opens the
//! selected finding's pool on the tab that fixes it.

use super::state::{DoctorState, Report, ReportView};
use crate::app::cover::{Covering, covering_screen};
use crate::app::intent::only_reads;
use crate::app::{Ctx, Effect, Event, RequestId, Response, Tab};

type Cx<'a> = crate::app::Cx<'a, ReportView>;

/// What the view's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The next finding.
    Down,
    /// The previous finding.
    Up,
    /// Open the finding's pool on the tab that fixes it.
    Open,
    /// Run the report again.
    Refresh,
    /// Close the view.
    Back,
    /// The help overlay.
    Help,
}

// The report only reads.
only_reads!(Action);

covering_screen!(DoctorState, (), Action);

impl Covering for ReportView {
    type Open = ();
    type Action = Action;
    type Kept = ();

    fn open((): (), _: &Ctx) -> Self {
        ReportView {
            run: Ok(None),
            req: None,
            selected: 0,
        }
    }

    fn start(cx: &mut Cx) -> Vec<Effect> {
        run(cx)
    }

    fn on_action(cx: &mut Cx, action: Action, _: &mut ()) -> (Vec<Effect>, bool) {
        let mut close = false;
        let effects = on_action(cx, action, &mut close);
        (effects, close)
    }

    fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
        if cx.state.req == Some(req)
            && let Response::Doctor(result) = response
        {
            cx.state.req = None;
            cx.state.selected = 0;
            cx.state.run = result.map(|report| Some(*report));
            if let Err(error) = &cx.state.run {
                cx.emit(Event::Record {
                    operation: "Security report".into(),
                    error: error.clone(),
                });
            }
        }
        Vec::new()
    }
}

fn run(cx: &mut Cx) -> Vec<Effect> {
    let req = cx.start_request("SecurityReport", false);
    cx.state.req = Some(req);
    cx.state.run = Ok(None);
    vec![Effect::Doctor { req }]
}

fn findings(view: &ReportView) -> usize {
    match &view.run {
        Ok(Some(Report { findings, .. })) => findings.len(),
        _ => 0,
    }
}

fn on_action(cx: &mut Cx, action: Action, close: &mut bool) -> Vec<Effect> {
    let count = findings(cx.state);
    match action {
        Action::Down => cx.state.selected = (cx.state.selected + 1).min(count.saturating_sub(1)),
        Action::Up => cx.state.selected = cx.state.selected.saturating_sub(1),
        Action::Refresh => return run(cx),
        Action::Back => *close = true,
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Open => {
            let Ok(Some(report)) = &cx.state.run else {
                return Vec::new();
            };
            let Some(finding) = report.findings.get(cx.state.selected).cloned() else {
                return Vec::new();
            };
            let tab = if finding.fix_in == "Role settings" {
                Tab::Roles
            } else {
                Tab::UserAccess
            };
            cx.emit(Event::SetCurrentPool(finding.pool_id, finding.pool_name));
            cx.emit(Event::GoTab(tab));
            *close = true;
        }
    }
    Vec::new()
}
