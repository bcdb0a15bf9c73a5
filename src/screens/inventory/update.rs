//! How the inventory reacts: it lists every region a few at a time, page after page, moves over
//! the pools, filters them, and opens one (the app switches region when it must).

use tui_input::InputRequest;

use super::state::{InventoryState, InventoryView, RegionSweep, Sweep};
use crate::app::intent::Intent;
use crate::app::model::Level;
use crate::app::screen::{in_view, open_view};
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::screens::cursor::Move;
use crate::view::layout;

type Cx<'a> = crate::app::Cx<'a, InventoryView>;

/// How many regions are listed at once. Each region is its own endpoint with its own quota
/// (ListIdentityPools: 5 calls a second per account and region), so the regions of a partition
/// compete for nothing and all of today's go at once (one round trip, not one per wave); the
/// bound only keeps a partition that grows from opening connections without end.
pub const AT_ONCE: usize = 40;

/// What the inventory's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move over the pools.
    Move(Move),
    /// Open the selected pool in its region.
    Open,
    /// Start typing a filter.
    Filter,
    /// Keep the filter typed.
    Submit,
    /// Copy the selected pool's id.
    CopyId,
    /// List every region again.
    Refresh,
    /// Clear the filter, or close the view.
    Back,
    /// The help overlay.
    Help,
}

// The inventory only reads.
impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        None
    }
}

/// A message for the inventory.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Open the view over `origin` and list every region of `regions`.
    Open {
        /// The tab it covers.
        origin: Tab,
        /// The regions to sweep.
        regions: Vec<String>,
    },
    /// A key.
    Action(Action),
    /// Typing into the filter.
    Input(InputRequest),
    /// The answer to a page.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Box<Response>,
    },
}

/// Handles one message for the view.
pub fn update(state: &mut InventoryState, ctx: &Ctx, msg: Msg) -> Outcome {
    match msg {
        Msg::Open { origin, regions } => {
            let view = InventoryView {
                origin,
                regions: Vec::new(),
                awaiting: Default::default(),
                started: None,
                finished: None,
                filter: Default::default(),
                cursor: Default::default(),
            };
            open_view(&mut state.view, view, ctx, |cx| sweep(cx, regions))
        }
        Msg::Action(action) => in_view(&mut state.view, ctx, |cx| on_action(cx, action)),
        Msg::Input(request) => in_view(&mut state.view, ctx, |cx| {
            cx.state.filter.handle(request);
            cx.state.cursor.reset();
            (Vec::new(), false)
        }),
        Msg::Response { req, response } => in_view(&mut state.view, ctx, |cx| {
            (on_page(cx, req, *response), false)
        }),
    }
}

/// Starts listing `regions` afresh.
fn sweep(cx: &mut Cx, regions: Vec<String>) -> Vec<Effect> {
    for req in std::mem::take(&mut cx.state.awaiting).into_keys() {
        cx.finish_request(req);
    }
    cx.state.regions = regions
        .into_iter()
        .map(|region| RegionSweep {
            region,
            pools: Vec::new(),
            sweep: Sweep::Waiting,
        })
        .collect();
    cx.state.started = cx.ctx.now;
    cx.state.finished = None;
    cx.state.cursor.reset();
    start_more(cx)
}

/// Starts waiting regions until `AT_ONCE` are being listed.
fn start_more(cx: &mut Cx) -> Vec<Effect> {
    let mut effects = Vec::new();
    while cx.state.awaiting.len() < AT_ONCE {
        let Some(index) = cx
            .state
            .regions
            .iter()
            .position(|r| r.sweep == Sweep::Waiting)
        else {
            break;
        };
        cx.state.regions[index].sweep = Sweep::Listing;
        effects.push(page(cx, index, None));
    }
    effects
}

fn page(cx: &mut Cx, index: usize, next_token: Option<String>) -> Effect {
    let req = cx.start_request("ListIdentityPools", false);
    cx.state.awaiting.insert(req, index);
    Effect::ListIdentityPoolsIn {
        req,
        region: cx.state.regions[index].region.clone(),
        next_token,
    }
}

fn on_page(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    let Some(index) = cx.state.awaiting.remove(&req) else {
        return Vec::new();
    };
    let Response::ListIdentityPools(result) = response else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    match result {
        Ok((pools, next_token)) => {
            cx.state.regions[index].pools.extend(pools);
            match next_token {
                Some(token) => effects.push(page(cx, index, Some(token))),
                None => cx.state.regions[index].sweep = Sweep::Done,
            }
        }
        Err(error) => {
            let region = cx.state.regions[index].region.clone();
            // Kept for `:errors` without a notice each: a sweep can meet many refusing regions.
            cx.emit(Event::Record {
                operation: format!("ListIdentityPools in {region}"),
                error: error.clone(),
            });
            cx.state.regions[index].sweep = Sweep::Failed(error);
        }
    }
    effects.extend(start_more(cx));
    if cx.state.awaiting.is_empty() && cx.state.finished.is_none() {
        cx.state.finished = cx.ctx.now;
    }
    effects
}

/// A key; true when the view closes.
fn on_action(cx: &mut Cx, action: Action) -> (Vec<Effect>, bool) {
    let selected = cx
        .state
        .rows()
        .get(cx.state.cursor.selected)
        .map(|(_, pool)| pool.id.clone());
    match action {
        Action::Move(step) => {
            let count = cx.state.rows().len();
            let page = layout::list_rows(cx.ctx.size);
            cx.state.cursor.step(step, count, page);
        }
        Action::Filter => cx.state.filter.editing = true,
        Action::Submit => cx.state.filter.editing = false,
        Action::Back => {
            if !cx.state.filter.clear() {
                return (Vec::new(), true);
            }
            cx.state.cursor.reset();
        }
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Refresh => {
            let regions = cx.state.regions.iter().map(|r| r.region.clone()).collect();
            return (sweep(cx, regions), false);
        }
        Action::CopyId => {
            if let Some(id) = selected {
                cx.notify(Level::Success, format!("Copied {id}"));
                return (vec![Effect::CopyToClipboard(id)], false);
            }
        }
        Action::Open => {
            if let Some(id) = selected {
                cx.emit(Event::OpenPool(id));
                return (Vec::new(), true);
            }
        }
    }
    (Vec::new(), false)
}
