//! How the Pools tab reacts: actions on the list and the summary, pages, details and deletions.

use tui_input::InputRequest;

use super::state::{Detail, Listing, MAX_DETAILS_IN_FLIGHT};
use crate::app::model::{Button, Level, Overlay};
use crate::app::{Action, AwsError, Effect, Model, RequestId};
use crate::domain::{IdentityPool, PoolSummary};
use crate::view::layout;

/// Starts (or restarts) listing every pool; the current rows stay until the first page arrives.
pub fn begin_listing(model: &mut Model) -> Vec<Effect> {
    if let Listing::Loading { req, .. } = model.pools.listing {
        model.finish_request(req);
    }
    let req = model.start_request("ListIdentityPools", false);
    model.pools.listing = Listing::Loading { req, pages: 0 };
    model.pools.replace_on_next_page = true;
    // Details are re-read lazily for the rows on screen; drop the old ones so nothing stale shows.
    for detail in model.pools.details.values() {
        if let Detail::Loading(req) = detail {
            model.in_flight.remove(req);
        }
    }
    model.pools.details.clear();
    vec![Effect::ListIdentityPools {
        req,
        next_token: None,
    }]
}

/// A page of ListIdentityPools arrived: add it, and ask for the next one at once.
pub fn on_page(
    model: &mut Model,
    req: RequestId,
    result: Result<(Vec<PoolSummary>, Option<String>), AwsError>,
) -> Vec<Effect> {
    let Listing::Loading {
        req: awaited,
        pages,
    } = model.pools.listing
    else {
        return Vec::new();
    };
    if awaited != req {
        return Vec::new();
    }
    match result {
        Ok((page, next_token)) => {
            let pools = &mut model.pools;
            if pools.replace_on_next_page {
                pools.rows.clear();
                pools.replace_on_next_page = false;
            }
            pools.rows.extend(page);
            pools.refilter();
            let pages = pages + 1;
            match next_token {
                Some(token) => {
                    let req = model.start_request("ListIdentityPools", false);
                    model.pools.listing = Listing::Loading { req, pages };
                    vec![Effect::ListIdentityPools {
                        req,
                        next_token: Some(token),
                    }]
                }
                None => {
                    model.pools.listing = Listing::Done { pages };
                    Vec::new()
                }
            }
        }
        Err(error) => {
            model.report_error("ListIdentityPools", &error);
            model.pools.listing = Listing::Failed(error);
            Vec::new()
        }
    }
}

/// DescribeIdentityPool calls for rows on screen (and the open summary) that lack details, at most
/// `MAX_DETAILS_IN_FLIGHT` at a time.
pub fn detail_requests(model: &mut Model) -> Vec<Effect> {
    if model.session().is_none() {
        return Vec::new();
    }
    let height = layout::list_rows(model.size);
    let pools = &model.pools;
    let mut wanted: Vec<String> = pools.open.iter().cloned().collect();
    wanted.extend(
        pools
            .shown
            .iter()
            .skip(pools.offset)
            .take(height)
            .filter_map(|&i| pools.rows.get(i))
            .map(|p| p.id.clone()),
    );
    let mut budget = MAX_DETAILS_IN_FLIGHT.saturating_sub(pools.details_in_flight());
    let mut effects = Vec::new();
    for pool_id in wanted {
        if budget == 0 {
            break;
        }
        if model.pools.details.contains_key(&pool_id) {
            continue;
        }
        let req = model.start_request("DescribeIdentityPool", false);
        model
            .pools
            .details
            .insert(pool_id.clone(), Detail::Loading(req));
        effects.push(Effect::DescribeIdentityPool { req, pool_id });
        budget -= 1;
    }
    effects
}

/// DescribeIdentityPool answered.
pub fn on_described(
    model: &mut Model,
    req: RequestId,
    pool_id: String,
    result: Result<IdentityPool, AwsError>,
) {
    if model.pools.details.get(&pool_id) != Some(&Detail::Loading(req)) {
        return;
    }
    match result {
        Ok(pool) => {
            // A rename elsewhere shows up here first; keep the row's name in step.
            if let Some(row) = model.pools.rows.iter_mut().find(|p| p.id == pool_id) {
                row.name.clone_from(&pool.identity_pool_name);
            }
            model.pools.details.insert(pool_id, Detail::Loaded(pool));
        }
        Err(error) if error.is_not_found() => {
            let name = model
                .pools
                .pool(&pool_id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            model.pools.remove(&pool_id);
            forget_current(model, &pool_id);
            model.notify(
                Level::Warning,
                format!(
                    "Pool \"{name}\" no longer exists (deleted elsewhere); removed from the list"
                ),
            );
        }
        Err(error) => {
            model.report_error("DescribeIdentityPool", &error);
            model.pools.details.insert(pool_id, Detail::Failed(error));
        }
    }
}

fn forget_current(model: &mut Model, pool_id: &str) {
    if model
        .current_pool
        .as_ref()
        .is_some_and(|(id, _)| id == pool_id)
    {
        model.current_pool = None;
    }
}

/// DeleteIdentityPool answered: the row goes only now.
pub fn on_deleted(model: &mut Model, pool_id: String, result: Result<(), AwsError>) {
    let name = model
        .pools
        .pool(&pool_id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    match result {
        Ok(()) => {
            model.pools.remove(&pool_id);
            forget_current(model, &pool_id);
            model.notify(Level::Success, format!("Deleted \"{name}\""));
        }
        Err(error) if error.is_not_found() => {
            model.pools.remove(&pool_id);
            forget_current(model, &pool_id);
            model.notify(
                Level::Warning,
                format!("\"{name}\" was already deleted elsewhere"),
            );
        }
        Err(error) => {
            model.pools.deleting.remove(&pool_id);
            model.report_error("DeleteIdentityPool", &error);
        }
    }
}

/// An edit to the filter while it is being typed.
pub fn on_filter_input(model: &mut Model, request: InputRequest) {
    model.pools.filter.handle(request);
    model.pools.selected = 0;
    model.pools.offset = 0;
    model.pools.refilter();
}

/// Opens the typed-name confirmation for deleting the selected (or open) pool.
pub fn open_delete_dialog(model: &mut Model) {
    let target = match &model.pools.open {
        Some(id) => model.pools.pool(id).cloned(),
        None => model.pools.selected_pool().cloned(),
    };
    let Some(pool) = target else {
        model.notify(Level::Info, "No pool selected");
        return;
    };
    if model.pools.deleting.contains(&pool.id) {
        model.notify(
            Level::Info,
            format!("\"{}\" is already being deleted", pool.name),
        );
        return;
    }
    model.overlay = Some(Overlay::ConfirmDelete {
        pool_id: pool.id,
        name: pool.name,
        typed: Default::default(),
        focus: Button::Cancel,
    });
}

/// An action while the Pools tab has the keys (no overlay, not typing a filter).
pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let height = layout::list_rows(model.size);
    let page = isize::try_from(height.max(1)).unwrap_or(1);
    let pools = &mut model.pools;
    if pools.open.is_some() {
        match action {
            Action::Up => pools.summary_scroll = pools.summary_scroll.saturating_sub(1),
            Action::Down => pools.summary_scroll = pools.summary_scroll.saturating_add(1),
            Action::Top => pools.summary_scroll = 0,
            _ => {}
        }
    }
    match action {
        Action::Up | Action::Down | Action::Top if pools.open.is_some() => {}
        Action::Up => pools.move_selection(-1),
        Action::Down => pools.move_selection(1),
        Action::PageUp => pools.move_selection(-page),
        Action::PageDown => pools.move_selection(page),
        Action::Top => pools.selected = 0,
        Action::Bottom => pools.selected = pools.shown.len().saturating_sub(1),
        Action::Filter => pools.filter_editing = true,
        Action::Open => return open_summary(model),
        Action::Back => {
            let closed_summary = pools.open.take().is_some();
            if !closed_summary && !pools.filter.value().is_empty() {
                pools.filter.reset();
                pools.refilter();
            }
        }
        Action::Refresh => {
            let mut effects = begin_listing(model);
            if let Some(id) = model.pools.open.clone() {
                effects.extend(describe_now(model, id.clone()));
                effects.extend(load_roles(model, id));
            }
            return effects;
        }
        Action::CopyId => {
            let id = match &pools.open {
                Some(id) => Some(id.clone()),
                None => pools.selected_pool().map(|p| p.id.clone()),
            };
            if let Some(id) = id {
                model.notify(Level::Success, format!("Copied {id}"));
                return vec![Effect::CopyToClipboard(id)];
            }
        }
        Action::Delete => open_delete_dialog(model),
        _ => {}
    }
    model.pools.scroll_into_view(height);
    Vec::new()
}

/// Opens the selected pool's summary, makes it the current pool, and re-reads it.
fn open_summary(model: &mut Model) -> Vec<Effect> {
    let Some(pool) = model.pools.selected_pool().cloned() else {
        return Vec::new();
    };
    model.pools.open = Some(pool.id.clone());
    model.pools.summary_scroll = 0;
    model.current_pool = Some((pool.id.clone(), pool.name));
    let mut effects = describe_now(model, pool.id.clone());
    effects.extend(load_roles(model, pool.id));
    effects
}

/// GetIdentityPoolRoles for the summary.
fn load_roles(model: &mut Model, pool_id: String) -> Vec<Effect> {
    let req = model.start_request("GetIdentityPoolRoles", false);
    model.pools.summary_roles = Some((req, None));
    vec![Effect::GetIdentityPoolRoles { req, pool_id }]
}

/// GetIdentityPoolRoles answered.
pub fn on_roles(
    model: &mut Model,
    req: RequestId,
    result: Result<crate::domain::roles::PoolRoles, AwsError>,
) {
    if let Some((awaited, slot)) = &mut model.pools.summary_roles
        && *awaited == req
    {
        if let Err(error) = &result
            && !error.is_not_found()
        {
            model.errors.push_front(crate::app::model::ErrorRecord {
                operation: "GetIdentityPoolRoles".into(),
                error: error.clone(),
            });
        }
        *slot = Some(result);
    }
}

/// A fresh DescribeIdentityPool for one pool, whatever is cached.
fn describe_now(model: &mut Model, pool_id: String) -> Vec<Effect> {
    if let Some(Detail::Loading(_)) = model.pools.details.get(&pool_id) {
        return Vec::new();
    }
    let req = model.start_request("DescribeIdentityPool", false);
    model
        .pools
        .details
        .insert(pool_id.clone(), Detail::Loading(req));
    vec![Effect::DescribeIdentityPool { req, pool_id }]
}

/// A click on the list's row `row` (0 = first visible row): select it, or open it if selected.
pub fn on_click_row(model: &mut Model, row: usize) -> Vec<Effect> {
    let position = model.pools.offset + row;
    if position >= model.pools.shown.len() || model.pools.open.is_some() {
        return Vec::new();
    }
    if position == model.pools.selected {
        return open_summary(model);
    }
    model.pools.selected = position;
    Vec::new()
}

/// The mouse wheel over the list.
pub fn on_scroll(model: &mut Model, delta: i16) {
    model.pools.move_selection(isize::from(delta));
    model.pools.scroll_into_view(layout::list_rows(model.size));
}

/// A pool the wizard just created: listed (without waiting for a refresh), selected and open.
pub fn show_created(model: &mut Model, pool: crate::domain::IdentityPool) -> Vec<Effect> {
    let id = pool.identity_pool_id.clone();
    if model.pools.pool(&id).is_none() {
        model.pools.rows.push(crate::domain::PoolSummary {
            id: id.clone(),
            name: pool.identity_pool_name.clone(),
        });
    }
    model.pools.details.insert(id.clone(), Detail::Loaded(pool));
    model.pools.filter.reset();
    model.pools.filter_editing = false;
    model.pools.refilter();
    if let Some(position) = model
        .pools
        .shown
        .iter()
        .position(|&i| model.pools.rows[i].id == id)
    {
        model.pools.selected = position;
    }
    model.pools.scroll_into_view(layout::list_rows(model.size));
    model.tab = crate::app::Tab::Pools;
    open_summary(model)
}
