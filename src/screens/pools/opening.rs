//! Opening a pool's summary: the selected row, a pool the wizard just made, or a pool named by
//! id (`:open`) that may not be in the list at all — each made the current pool and read fresh.

use super::state::Detail;
use super::summary_reads;
use super::update::Cx;
use crate::app::{Effect, Event};
use crate::view::layout;

/// Opens the selected pool's summary, makes it the current pool, and re-reads it.
pub(super) fn open_summary(cx: &mut Cx) -> Vec<Effect> {
    let Some(pool) = cx.state.selected_pool().cloned() else {
        return Vec::new();
    };
    cx.state.open = Some(pool.id.clone());
    cx.state.summary_scroll = 0;
    cx.emit(Event::SetCurrentPool(pool.id.clone(), pool.name));
    let mut effects = describe_now(cx, pool.id.clone());
    effects.extend(summary_reads::load_roles(cx, pool.id));
    effects
}

/// A fresh DescribeIdentityPool for one pool, whatever is cached.
pub(super) fn describe_now(cx: &mut Cx, pool_id: String) -> Vec<Effect> {
    if let Some(Detail::Loading(_)) = cx.state.details.get(&pool_id) {
        return Vec::new();
    }
    let req = cx.start_request("DescribeIdentityPool", false);
    cx.state
        .details
        .insert(pool_id.clone(), Detail::Loading(req));
    vec![Effect::DescribeIdentityPool { req, pool_id }]
}

/// Opens the summary of the pool `pool_id` whether or not the list holds it (`:open`): it is
/// described fresh, and its name comes from that answer when there is no row.
pub(super) fn open_by_id(cx: &mut Cx, pool_id: String) -> Vec<Effect> {
    cx.state.open = Some(pool_id.clone());
    cx.state.summary_scroll = 0;
    if let Some(position) = cx
        .state
        .list
        .shown
        .iter()
        .position(|&i| cx.state.list.rows[i].id == pool_id)
    {
        cx.state.list.selected = position;
    }
    let name = cx
        .state
        .pool(&pool_id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| pool_id.clone());
    cx.emit(Event::SetCurrentPool(pool_id.clone(), name));
    // A pool read earlier is re-read: the summary is always fresh.
    cx.state.details.remove(&pool_id);
    let mut effects = describe_now(cx, pool_id.clone());
    effects.extend(summary_reads::load_roles(cx, pool_id));
    effects
}

/// A pool the wizard just created: listed (without waiting for a refresh), selected and open.
pub(super) fn show_created(cx: &mut Cx, pool: crate::domain::IdentityPool) -> Vec<Effect> {
    let id = pool.identity_pool_id.clone();
    if cx.state.pool(&id).is_none() {
        cx.state.list.rows.push(crate::domain::PoolSummary {
            id: id.clone(),
            name: pool.identity_pool_name.clone(),
        });
    }
    cx.state.details.insert(id.clone(), Detail::Read);
    cx.state.filter.reset();
    cx.state.filter_editing = false;
    cx.state.refilter();
    if let Some(position) = cx
        .state
        .list
        .shown
        .iter()
        .position(|&i| cx.state.list.rows[i].id == id)
    {
        cx.state.list.selected = position;
    }
    cx.state.scroll_into_view(layout::list_rows(cx.ctx.size));
    open_summary(cx)
}
