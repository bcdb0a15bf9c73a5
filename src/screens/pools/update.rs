//! How the Pools tab reacts: actions on the list and the summary, pages, details and deletions.

use tui_input::InputRequest;

use super::msg::{Action, Msg};
use super::opening::{describe_now, open_by_id, open_summary, show_created};
use super::state::{Detail, Listing, MAX_DETAILS_IN_FLIGHT, PoolsState};
use super::summary_reads;
use crate::app::Level;
use crate::app::{AwsError, Ctx, Effect, Event, Outcome, RequestId, Response};
use crate::domain::{IdentityPool, PoolSummary};
use crate::screens::cursor::Move;
use crate::view::layout;

pub(super) type Cx<'a> = crate::app::Cx<'a, PoolsState>;

/// Handles one message for the Pools tab.
pub fn update(state: &mut PoolsState, ctx: &Ctx, msg: Msg) -> Outcome {
    let mut cx = Cx::new(state, ctx);
    let effects = match msg {
        Msg::Action(action) => on_action(&mut cx, action),
        Msg::Input(request) => {
            if cx.state.filter_editing {
                on_filter_input(&mut cx, request);
            }
            Vec::new()
        }
        Msg::Click(_, row) => match layout::list_row_at(cx.ctx.size, row) {
            Some(list_row) => on_click_row(&mut cx, list_row),
            None => Vec::new(),
        },
        Msg::Scroll(delta) => {
            on_scroll(&mut cx, delta);
            Vec::new()
        }
        Msg::Response { req, response } => on_response(&mut cx, req, response),
        Msg::Start => begin_listing(&mut cx),
        Msg::Settle => detail_requests(&mut cx),
        Msg::DeleteConfirmed { pool_id, name } => {
            let req = cx.start_request("DeleteIdentityPool", true);
            cx.state.deleting.insert(pool_id.clone(), req);
            cx.notify(Level::Info, format!("Deleting \"{name}\"…"));
            vec![Effect::DeleteIdentityPool { req, name, pool_id }]
        }
        Msg::ShowCreated(pool) => show_created(&mut cx, pool),
        Msg::OpenById(pool_id) => open_by_id(&mut cx, pool_id),
        Msg::Renamed { pool_id, name } => {
            if let Some(row) = cx.state.list.rows.iter_mut().find(|p| p.id == pool_id)
                && row.name != name
            {
                row.name = name;
                cx.state.refilter();
            }
            Vec::new()
        }
        Msg::Gone(pool_id) => {
            // A describe of its own on the way answers the same and says so where it was asked
            // (`:open` of a pool that isn't there); otherwise the row and the summary go now.
            if !matches!(cx.state.details.get(&pool_id), Some(Detail::Loading(_))) {
                cx.state.remove(&pool_id);
            }
            Vec::new()
        }
    };
    cx.finish(effects)
}

/// The answers to the tab's requests.
fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    match response {
        Response::ListIdentityPools(result) => return on_page(cx, req, result),
        Response::DescribeIdentityPool(result) => {
            let pool_id = cx
                .state
                .details
                .iter()
                .find(|(_, d)| **d == Detail::Loading(req))
                .map(|(id, _)| id.clone());
            if let Some(pool_id) = pool_id {
                return on_described(cx, req, pool_id, result);
            }
        }
        Response::GetIdentityPoolRoles(result) => summary_reads::on_roles(cx, req, result),
        Response::GetPrincipalTagAttributeMap(result) => {
            summary_reads::on_tags(cx, req, result);
        }
        Response::DeleteIdentityPool(result) => {
            let pool_id = cx
                .state
                .deleting
                .iter()
                .find(|(_, r)| **r == req)
                .map(|(id, _)| id.clone());
            if let Some(pool_id) = pool_id {
                on_deleted(cx, pool_id, result);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Starts (or restarts) listing every pool; the current rows stay until the first page arrives.
fn begin_listing(cx: &mut Cx) -> Vec<Effect> {
    if let Listing::Loading { req, .. } = cx.state.listing {
        cx.finish_request(req);
    }
    let req = cx.start_request("ListIdentityPools", false);
    cx.state.listing = Listing::Loading { req, pages: 0 };
    cx.state.replace_on_next_page = true;
    // Details are re-read lazily for the rows on screen; drop the old ones so nothing stale shows.
    let loading: Vec<RequestId> = cx
        .state
        .details
        .values()
        .filter_map(|d| match d {
            Detail::Loading(req) => Some(*req),
            _ => None,
        })
        .collect();
    for req in loading {
        cx.finish_request(req);
    }
    cx.state.details.clear();
    vec![Effect::ListIdentityPools {
        req,
        next_token: None,
    }]
}

/// A page of ListIdentityPools arrived: add it, and ask for the next one at once.
fn on_page(
    cx: &mut Cx,
    req: RequestId,
    result: Result<(Vec<PoolSummary>, Option<String>), AwsError>,
) -> Vec<Effect> {
    let Listing::Loading {
        req: awaited,
        pages,
    } = cx.state.listing
    else {
        return Vec::new();
    };
    if awaited != req {
        return Vec::new();
    }
    match result {
        Ok((page, next_token)) => {
            let pools = &mut cx.state;
            if pools.replace_on_next_page {
                // A refresh: the old rows went on showing until now.
                pools.list.rows.clear();
                pools.replace_on_next_page = false;
                pools.list.rows.extend(page);
                pools.refilter();
            } else {
                pools.append(page);
            }
            let pages = pages + 1;
            match next_token {
                Some(token) => {
                    let req = cx.start_request("ListIdentityPools", false);
                    cx.state.listing = Listing::Loading { req, pages };
                    vec![Effect::ListIdentityPools {
                        req,
                        next_token: Some(token),
                    }]
                }
                None => {
                    cx.state.listing = Listing::Done { pages };
                    Vec::new()
                }
            }
        }
        Err(error) => {
            cx.report_error("ListIdentityPools", &error);
            cx.state.listing = Listing::Failed(error);
            Vec::new()
        }
    }
}

/// DescribeIdentityPool calls for rows on screen (and the open summary) that lack details, at most
/// `MAX_DETAILS_IN_FLIGHT` at a time.
fn detail_requests(cx: &mut Cx) -> Vec<Effect> {
    if cx.session().is_none() {
        return Vec::new();
    }
    let pools = &cx.state;
    let budget = MAX_DETAILS_IN_FLIGHT.saturating_sub(pools.details_in_flight());
    if budget == 0 {
        return Vec::new();
    }
    let height = layout::list_rows(cx.ctx.size);
    // Only the ids that lack details are copied: on most events there are none.
    let visible = pools
        .list
        .shown
        .iter()
        .skip(pools.list.offset)
        .take(height)
        .filter_map(|&i| pools.list.rows.get(i))
        .map(|p| p.id.as_str());
    let wanted: Vec<String> = pools
        .open
        .iter()
        .map(String::as_str)
        .chain(visible)
        .filter(|id| !pools.details.contains_key(*id))
        .take(budget)
        .map(str::to_string)
        .collect();
    let mut effects = Vec::new();
    for pool_id in wanted {
        if cx.state.details.contains_key(&pool_id) {
            continue;
        }
        let req = cx.start_request("DescribeIdentityPool", false);
        cx.state
            .details
            .insert(pool_id.clone(), Detail::Loading(req));
        effects.push(Effect::DescribeIdentityPool { req, pool_id });
    }
    effects
}

/// DescribeIdentityPool answered.
fn on_described(
    cx: &mut Cx,
    req: RequestId,
    pool_id: String,
    result: Result<IdentityPool, AwsError>,
) -> Vec<Effect> {
    if cx.state.details.get(&pool_id) != Some(&Detail::Loading(req)) {
        return Vec::new();
    }
    match result {
        Ok(pool) => {
            // The row's name and the current pool's follow the store (`app::learned`).
            // The open summary shows each provider's attributes for access control.
            let effects = if cx.state.open.as_deref() == Some(pool_id.as_str()) {
                summary_reads::load_tags(cx, &pool)
            } else {
                Vec::new()
            };
            cx.state.details.insert(pool_id, Detail::Read);
            effects
        }
        Err(error) if error.is_not_found() && cx.state.pool(&pool_id).is_none() => {
            // `:open` of a pool that isn't there: say so, with the service's words.
            if cx.state.open.as_deref() == Some(pool_id.as_str()) {
                cx.state.open = None;
            }
            cx.state.details.remove(&pool_id);
            forget_current(cx, &pool_id);
            cx.notify(
                Level::Warning,
                format!("No identity pool {pool_id}: {error}"),
            );
            Vec::new()
        }
        Err(error) if error.is_not_found() => {
            let name = cx
                .state
                .pool(&pool_id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            cx.state.remove(&pool_id);
            forget_current(cx, &pool_id);
            cx.notify(
                Level::Warning,
                format!(
                    "Pool \"{name}\" no longer exists (deleted elsewhere); removed from the list"
                ),
            );
            Vec::new()
        }
        Err(error) => {
            cx.report_error("DescribeIdentityPool", &error);
            cx.state.details.insert(pool_id, Detail::Failed(error));
            Vec::new()
        }
    }
}

fn forget_current(cx: &mut Cx, pool_id: &str) {
    cx.emit(Event::PoolGone(pool_id.to_string()));
}

/// DeleteIdentityPool answered: the row goes only now.
fn on_deleted(cx: &mut Cx, pool_id: String, result: Result<(), AwsError>) {
    let name = cx
        .state
        .pool(&pool_id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    match result {
        Ok(()) => {
            cx.state.remove(&pool_id);
            forget_current(cx, &pool_id);
            cx.notify(Level::Success, format!("Deleted \"{name}\""));
        }
        Err(error) if error.is_not_found() => {
            cx.state.remove(&pool_id);
            forget_current(cx, &pool_id);
            cx.notify(
                Level::Warning,
                format!("\"{name}\" was already deleted elsewhere"),
            );
        }
        Err(error) => {
            cx.state.deleting.remove(&pool_id);
            cx.report_error("DeleteIdentityPool", &error);
        }
    }
}

/// An edit to the filter while it is being typed.
fn on_filter_input(cx: &mut Cx, request: InputRequest) {
    cx.state.filter.handle(request);
    cx.state.list.selected = 0;
    cx.state.list.offset = 0;
    cx.state.refilter();
}

/// Opens the typed-name confirmation for deleting the selected (or open) pool.
fn open_delete_dialog(cx: &mut Cx) {
    let target = match &cx.state.open {
        Some(id) => cx.state.pool(id).cloned(),
        None => cx.state.selected_pool().cloned(),
    };
    let Some(pool) = target else {
        cx.notify(Level::Info, "No pool selected");
        return;
    };
    if cx.state.deleting.contains_key(&pool.id) {
        cx.notify(
            Level::Info,
            format!("\"{}\" is already being deleted", pool.name),
        );
        return;
    }
    cx.emit(Event::ConfirmPoolDeletion {
        pool_id: pool.id,
        name: pool.name,
    });
}

/// An action while the Pools tab has the keys.
fn on_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    if cx.state.filter_editing {
        match action {
            Action::Submit | Action::Open => cx.state.filter_editing = false,
            Action::Back => {
                cx.state.filter_editing = false;
                cx.state.filter.reset();
                cx.state.refilter();
            }
            _ => {}
        }
        return Vec::new();
    }
    if action == Action::New {
        if cx.session().is_some() {
            cx.emit(Event::OpenWizard);
        }
        return Vec::new();
    }
    let height = layout::list_rows(cx.ctx.size);
    let pools = &mut cx.state;
    match action {
        // The summary scrolls with the moves a page of text has.
        Action::Move(step) if pools.open.is_some() => match step {
            Move::Up => pools.summary_scroll = pools.summary_scroll.saturating_sub(1),
            Move::Down => pools.summary_scroll = pools.summary_scroll.saturating_add(1),
            Move::Top => pools.summary_scroll = 0,
            Move::Bottom | Move::PageUp | Move::PageDown => {}
        },
        Action::Move(step) => pools.list.step(step, height),
        Action::Filter => pools.filter_editing = true,
        Action::Open => return open_summary(cx),
        Action::Back => {
            let closed_summary = pools.open.take().is_some();
            if !closed_summary && !pools.filter.value().is_empty() {
                pools.filter.reset();
                pools.refilter();
            }
        }
        Action::Refresh => {
            let mut effects = begin_listing(cx);
            if let Some(id) = cx.state.open.clone() {
                effects.extend(describe_now(cx, id.clone()));
                effects.extend(summary_reads::load_roles(cx, id));
            }
            return effects;
        }
        Action::CopyId => {
            if let Some(id) = pools.acted_on() {
                cx.notify(Level::Success, format!("Copied {id}"));
                return vec![Effect::CopyToClipboard(id)];
            }
        }
        Action::CopyConsoleUrl => {
            match pools
                .acted_on()
                .map(|id| crate::domain::regions::console_url(&id))
            {
                Some(Ok(url)) => {
                    cx.notify(Level::Success, format!("Copied {url}"));
                    return vec![Effect::CopyToClipboard(url)];
                }
                Some(Err(why)) => cx.notify(Level::Warning, why),
                None => {}
            }
        }
        Action::AllRegions => cx.emit(Event::OpenInventory),
        Action::Delete => open_delete_dialog(cx),
        Action::TestAccess | Action::Export => {
            if let Some(pool) = pools.acted_on().and_then(|id| pools.pool(&id)).cloned() {
                cx.emit(if action == Action::Export {
                    Event::OpenExport {
                        pool_id: pool.id,
                        name: pool.name,
                    }
                } else {
                    Event::OpenTestAccess {
                        pool_id: pool.id,
                        name: pool.name,
                    }
                });
            }
        }
        _ => {}
    }
    cx.state.scroll_into_view(height);
    Vec::new()
}

/// A click on the list's row `row` (0 = first visible row): select it, or open it if selected.
fn on_click_row(cx: &mut Cx, row: usize) -> Vec<Effect> {
    let position = cx.state.list.offset + row;
    if position >= cx.state.list.shown.len() || cx.state.open.is_some() {
        return Vec::new();
    }
    if position == cx.state.list.selected {
        return open_summary(cx);
    }
    cx.state.list.selected = position;
    Vec::new()
}

/// The mouse wheel over the list.
fn on_scroll(cx: &mut Cx, delta: i16) {
    cx.state.move_selection(isize::from(delta));
    cx.state.scroll_into_view(layout::list_rows(cx.ctx.size));
}
