//! How the inventory reacts: it lists every region a few at a time, page after page, moves over
//! the pools, filters them, and opens one (the app switches region when it must).

use tui_input::InputRequest;

use super::state::{InventoryState, InventoryView, RegionSweep, Sweep};
use crate::app::Level;
use crate::app::cover::{Covering, covering_screen};
use crate::app::intent::only_reads;
use crate::app::{Ctx, Effect, Event, RequestId, Response};
use crate::screens::cursor::{ListKey, list_key, type_filter};
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
    /// Move over the pools, filter them, or close.
    List(ListKey),
    /// Open the selected pool in its region.
    Open,
    /// Copy the selected pool's id.
    CopyId,
    /// List every region again.
    Refresh,
    /// The help overlay.
    Help,
}

// The inventory only reads.
only_reads!(Action);

covering_screen!(InventoryState, Vec<String>, Action);

impl Covering for InventoryView {
    type Open = Vec<String>;
    type Action = Action;
    type Kept = ();

    /// Opens on the regions to sweep.
    fn open(regions: Vec<String>, _: &Ctx) -> Self {
        InventoryView {
            regions: sweeps(regions),
            awaiting: Default::default(),
            started: None,
            finished: None,
            filter: Default::default(),
            cursor: Default::default(),
        }
    }

    fn start(cx: &mut Cx) -> Vec<Effect> {
        let regions = cx.state.regions.iter().map(|r| r.region.clone()).collect();
        sweep(cx, regions)
    }

    fn on_action(cx: &mut Cx, action: Action, _: &mut ()) -> (Vec<Effect>, bool) {
        on_action(cx, action)
    }

    fn on_input(cx: &mut Cx, request: InputRequest) {
        let view = &mut *cx.state;
        type_filter(&mut view.cursor, &mut view.filter, request);
    }

    fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
        on_page(cx, req, response)
    }
}

/// Each region waiting to be listed.
fn sweeps(regions: Vec<String>) -> Vec<RegionSweep> {
    regions
        .into_iter()
        .map(|region| RegionSweep {
            region,
            pools: Vec::new(),
            sweep: Sweep::Waiting,
        })
        .collect()
}

/// Starts listing `regions` afresh.
fn sweep(cx: &mut Cx, regions: Vec<String>) -> Vec<Effect> {
    for req in std::mem::take(&mut cx.state.awaiting).into_keys() {
        cx.finish_request(req);
    }
    cx.state.regions = sweeps(regions);
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
        Action::List(key) => {
            let count = cx.state.rows().len();
            let page = layout::list_rows(cx.ctx.size);
            let view = &mut *cx.state;
            return (
                Vec::new(),
                list_key(&mut view.cursor, &mut view.filter, key, count, page),
            );
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
