//! How the inventory reacts: it lists every region a few at a time, page after page, moves over
//! the pools, filters them, and opens one (the app switches region when it must).

use tui_input::InputRequest;

use super::state::{InventoryState, InventoryView, RegionSweep, Sweep};
use crate::app::intent::Intent;
use crate::app::model::Level;
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::screens::list;
use crate::view::layout;

type Cx<'a> = crate::app::Cx<'a, InventoryView>;

/// How many regions are listed at once: enough to hide each region's round trips, few enough
/// not to be throttled (ListIdentityPools is 5 calls a second per account and region, so regions
/// never compete for one quota).
pub const AT_ONCE: usize = 8;

/// What the inventory's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The next pool.
    Down,
    /// The previous pool.
    Up,
    /// The first pool.
    Top,
    /// The last pool.
    Bottom,
    /// A screen up.
    PageUp,
    /// A screen down.
    PageDown,
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
    if let Msg::Open { origin, regions } = msg {
        let view = state.view.insert(Box::new(InventoryView {
            origin,
            regions: Vec::new(),
            awaiting: Default::default(),
            started: None,
            finished: None,
            filter: Default::default(),
            filter_editing: false,
            selected: 0,
            offset: 0,
        }));
        let mut cx = Cx::new(view, ctx);
        let effects = sweep(&mut cx, regions);
        return cx.finish(effects);
    }
    let Some(view) = state.view.as_deref_mut() else {
        return Outcome::default();
    };
    let mut cx = Cx::new(view, ctx);
    let mut close = false;
    let effects = match msg {
        Msg::Open { .. } => Vec::new(),
        Msg::Action(action) => on_action(&mut cx, action, &mut close),
        Msg::Input(request) => {
            cx.state.filter.handle(request);
            cx.state.selected = 0;
            cx.state.offset = 0;
            Vec::new()
        }
        Msg::Response { req, response } => on_page(&mut cx, req, *response),
    };
    let outcome = cx.finish(effects);
    if close {
        state.view = None;
    }
    outcome
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
    cx.state.selected = 0;
    cx.state.offset = 0;
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

fn on_action(cx: &mut Cx, action: Action, close: &mut bool) -> Vec<Effect> {
    let count = cx.state.rows().len();
    let page = layout::list_rows(cx.ctx.size).max(1);
    let view = &mut *cx.state;
    match action {
        Action::Down => view.selected = list::moved(view.selected, 1, count),
        Action::Up => view.selected = list::moved(view.selected, -1, count),
        Action::PageDown => view.selected = list::moved(view.selected, page as isize, count),
        Action::PageUp => view.selected = list::moved(view.selected, -(page as isize), count),
        Action::Top => view.selected = 0,
        Action::Bottom => view.selected = count.saturating_sub(1),
        Action::Filter => view.filter_editing = true,
        Action::Submit => view.filter_editing = false,
        Action::Back if view.filter_editing || !view.filter.value().is_empty() => {
            view.filter_editing = false;
            view.filter.reset();
            view.selected = 0;
            view.offset = 0;
        }
        Action::Back => *close = true,
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Refresh => {
            let regions = cx.state.regions.iter().map(|r| r.region.clone()).collect();
            return sweep(cx, regions);
        }
        Action::CopyId => {
            if let Some((_, pool)) = cx.state.rows().get(cx.state.selected) {
                let id = pool.id.clone();
                cx.notify(Level::Success, format!("Copied {id}"));
                return vec![Effect::CopyToClipboard(id)];
            }
        }
        Action::Open => {
            if let Some((_, pool)) = cx.state.rows().get(cx.state.selected) {
                let id = pool.id.clone();
                cx.emit(Event::OpenPool(id));
                *close = true;
            }
        }
    }
    cx.state.offset = list::window(cx.state.selected, cx.state.offset, page, count);
    Vec::new()
}
