//! How the Identity browser reacts: paging, filter, marks, the open identity, and the deletion.

use tui_input::InputRequest;

use super::msg::{Action, Msg};
use super::panel_keys::{on_deleted, on_panel_action, open_detail, send_batches};
use super::state::{IdentitiesState, Loading, Panel};
use super::status;
use crate::app::{AwsError, Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::app::{Condition, Level};
use crate::domain::Identity;
use crate::domain::identity_filter;
use crate::view::layout;

pub(super) type Cx<'a> = crate::app::Cx<'a, IdentitiesState>;

/// Handles one message for the Identity browser.
pub fn update(state: &mut IdentitiesState, ctx: &Ctx, msg: Msg) -> Outcome {
    let mut cx = Cx::new(state, ctx);
    let effects = match msg {
        Msg::Action(action) => on_action(&mut cx, action),
        Msg::Input(request) => {
            on_input(&mut cx, request);
            Vec::new()
        }
        Msg::Response { req, response } => match response {
            Response::ListIdentities(result) if cx.state.status_check.awaits(req) => {
                status::on_page(&mut cx, result)
            }
            Response::ListIdentities(result) => on_page(&mut cx, req, result),
            Response::DescribeIdentity(result) => {
                on_described(&mut cx, req, result);
                Vec::new()
            }
            Response::LookupDeveloperIdentity(result) => {
                on_looked_up(&mut cx, req, result);
                Vec::new()
            }
            Response::DeleteIdentities(result) => on_deleted(&mut cx, req, result),
            _ => Vec::new(),
        },
        Msg::Settle => sync(&mut cx),
    };
    let mut effects = effects;
    effects.extend(status::ensure(&mut cx));
    cx.finish(effects)
}

/// The developer provider of the current pool, when its configuration is known.
pub(super) fn developer_provider(cx: &Cx) -> Option<String> {
    cx.ctx.pool_config()?.developer_provider_name.clone()
}

/// Starts loading the current pool's identities when the tab shows another pool's (or none).
fn sync(cx: &mut Cx) -> Vec<Effect> {
    let current = cx.ctx.current_pool.map(|(id, _)| id.clone());
    let state = &cx.state;
    if cx.ctx.tab != Tab::Identities
        || current == state.pool_id
        || state.deletion.is_some()
        || cx.session().is_none()
    {
        return Vec::new();
    }
    begin(cx, current)
}

/// Forgets what is loaded and lists `pool_id` from the first page.
fn begin(cx: &mut Cx, pool_id: Option<String>) -> Vec<Effect> {
    if let Loading::Running { req } = cx.state.loading {
        cx.finish_request(req);
    }
    status::abandon(cx);
    cx.state.reset(pool_id.clone());
    match pool_id {
        Some(pool_id) => request_page(cx, pool_id, None),
        None => Vec::new(),
    }
}

fn request_page(cx: &mut Cx, pool_id: String, next_token: Option<String>) -> Vec<Effect> {
    let req = cx.start_request("ListIdentities", false);
    cx.state.loading = Loading::Running { req };
    cx.state.page_token.clone_from(&next_token);
    let hide_disabled = cx.state.hide_disabled;
    vec![Effect::ListIdentities {
        req,
        pool_id,
        next_token,
        hide_disabled,
    }]
}

/// A page of ListIdentities arrived.
fn on_page(
    cx: &mut Cx,
    req: RequestId,
    result: Result<(Vec<Identity>, Option<String>), AwsError>,
) -> Vec<Effect> {
    if cx.state.loading != (Loading::Running { req }) {
        return Vec::new();
    }
    let Some(pool_id) = cx.state.pool_id.clone() else {
        return Vec::new();
    };
    match result {
        Ok((page, next_token)) => {
            let state = &mut cx.state;
            state.append(page);
            state.pages += 1;
            match next_token {
                Some(token) if state.pause_requested => {
                    state.pause_requested = false;
                    state.loading = Loading::Paused { next_token: token };
                    Vec::new()
                }
                Some(token) => request_page(cx, pool_id, Some(token)),
                None => {
                    state.loading = Loading::Done;
                    Vec::new()
                }
            }
        }
        Err(error) => {
            cx.report_error("ListIdentities", &error);
            if error.is_not_found() {
                // Deleted elsewhere: every tab stops acting on it (the app says so).
                cx.emit(Event::PoolGone(pool_id));
            }
            let next_token = cx.state.page_token.clone();
            cx.state.loading = Loading::Failed { error, next_token };
            Vec::new()
        }
    }
}

/// DescribeIdentity answered (for the open identity).
fn on_described(cx: &mut Cx, req: RequestId, result: Result<Identity, AwsError>) {
    let failed = result.as_ref().err().cloned();
    let Some(Panel::Detail(detail)) = &mut cx.state.panel else {
        return;
    };
    if !detail.reqs.contains(&req) {
        return;
    }
    detail.described = Some(result);
    if let Some(error) = failed {
        cx.report_error("DescribeIdentity", &error);
    }
}

/// LookupDeveloperIdentity answered (for the open identity, or a lookup by user).
fn on_looked_up(cx: &mut Cx, req: RequestId, result: Result<(String, Vec<String>), AwsError>) {
    // "Not found" is an answer here (no such user), not a failure worth the error list.
    if let Err(error) = &result
        && !error.is_not_found()
    {
        cx.report_error("LookupDeveloperIdentity", error);
    }
    match &mut cx.state.panel {
        Some(Panel::Detail(detail)) if detail.reqs.contains(&req) => {
            detail.developer_users = Some(result.map(|(_, users)| users));
        }
        Some(Panel::LookupResult {
            req: awaited,
            result: slot,
            ..
        }) if *awaited == Some(req) => {
            *awaited = None;
            *slot = Some(result);
        }
        _ => {}
    }
}

/// Text typed into the filter, the lookup field or the typed-count confirmation.
fn on_input(cx: &mut Cx, request: InputRequest) {
    let now = cx.ctx.now.unwrap_or(0.0);
    let state = &mut cx.state;
    match &mut state.panel {
        Some(Panel::LookupInput(input)) => {
            input.handle(request);
        }
        Some(Panel::ConfirmDelete { typed, .. }) => {
            typed.handle(request);
        }
        Some(_) => {}
        None if state.filter_editing => {
            state.filter_input.handle(request);
            state.rearm_status_check();
            match identity_filter::parse(state.filter_input.value(), now) {
                Ok(filter) => {
                    state.filter = filter;
                    state.filter_error = None;
                    state.list.selected = 0;
                    state.list.offset = 0;
                    state.refilter();
                }
                Err(message) => state.filter_error = Some(message),
            }
        }
        None => {}
    }
}

/// An action while the Identity browser has the keys.
fn on_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    if cx.state.deletion.is_some() {
        if matches!(action, Action::Cancel | Action::Back)
            && let Some(d) = cx.state.deletion.as_mut()
        {
            d.cancelled = true;
            cx.notify(
                Level::Warning,
                "Cancelling: batches already sent finish; nothing new is sent",
            );
            return send_batches(cx);
        }
        return Vec::new();
    }
    if cx.state.panel.is_some() {
        return on_panel_action(cx, action);
    }
    let height = layout::list_rows(cx.ctx.size);
    if cx.state.filter_editing {
        match action {
            Action::Submit | Action::Open => cx.state.filter_editing = false,
            Action::Back => {
                let state = &mut cx.state;
                state.filter_editing = false;
                state.filter_input.reset();
                state.filter = Default::default();
                state.filter_error = None;
                state.refilter();
            }
            _ => {}
        }
        return Vec::new();
    }
    let Some((pool_id, _)) = cx.ctx.current_pool.cloned() else {
        return Vec::new();
    };
    let state = &mut cx.state;
    match action {
        Action::Move(step) => state.list.step(step, height),
        Action::Filter => state.filter_editing = true,
        Action::Back if !state.filter.is_empty() || state.filter_error.is_some() => {
            state.filter_input.reset();
            state.filter = Default::default();
            state.filter_error = None;
            state.refilter();
        }
        Action::Mark => {
            if let Some(&i) = state.list.shown.get(state.list.selected) {
                let row = &mut state.list.rows[i];
                row.marked = !row.marked;
                if row.marked {
                    state.marked += 1
                } else {
                    state.marked -= 1
                }
                state.move_selection(1);
            }
        }
        Action::MarkAll | Action::InvertMarks => {
            for &i in &state.list.shown {
                let row = &mut state.list.rows[i];
                row.marked = action == Action::MarkAll || !row.marked;
            }
            state.marked = state.list.rows.iter().filter(|r| r.marked).count();
        }
        Action::ClearMarks => {
            state.list.rows.iter_mut().for_each(|r| r.marked = false);
            state.marked = 0;
        }
        Action::Refresh => return begin(cx, Some(pool_id)),
        Action::ToggleHideDisabled => {
            state.hide_disabled = !state.hide_disabled;
            let text = if state.hide_disabled {
                "Hiding disabled identities (reloading)"
            } else {
                "Showing disabled identities too (reloading)"
            };
            cx.notify_while(Level::Info, text, Condition::IdentitiesLoading);
            return begin(cx, Some(pool_id));
        }
        Action::TogglePause => return toggle_pause(cx, pool_id),
        Action::CopyId => {
            if let Some(row) = state.selected_row() {
                let id = row.identity.id.clone();
                cx.notify(Level::Success, format!("Copied {id}"));
                return vec![Effect::CopyToClipboard(id)];
            }
        }
        Action::Open => return open_detail(cx, pool_id),
        Action::Lookup => {
            if developer_provider(cx).is_some() {
                cx.state.panel = Some(Panel::LookupInput(Default::default()));
            } else {
                cx.notify(
                    Level::Info,
                    "This pool has no developer provider to look up users in",
                );
            }
        }
        Action::Delete => {
            let ids = if state.marked > 0 {
                state.marked_ids()
            } else {
                state
                    .selected_row()
                    .map(|r| vec![r.identity.id.clone()])
                    .unwrap_or_default()
            };
            if ids.is_empty() {
                cx.notify(Level::Info, "No identity selected or marked");
            } else {
                state.panel = Some(Panel::ConfirmDelete {
                    ids,
                    typed: Default::default(),
                    confirm_focused: false,
                });
            }
        }
        _ => {}
    }
    cx.state.scroll_into_view(height);
    Vec::new()
}

fn toggle_pause(cx: &mut Cx, pool_id: String) -> Vec<Effect> {
    let state = &mut cx.state;
    match state.loading.clone() {
        Loading::Running { .. } => {
            state.pause_requested = !state.pause_requested;
            if state.pause_requested {
                cx.notify_while(
                    Level::Info,
                    "Loading stops after this page (p resumes)",
                    Condition::IdentitiesPauseRequested,
                );
            } else {
                cx.notify_while(Level::Info, "Loading goes on", Condition::IdentitiesLoading);
            }
            Vec::new()
        }
        Loading::Paused { next_token } => request_page(cx, pool_id, Some(next_token)),
        Loading::Failed {
            next_token: Some(token),
            ..
        } => request_page(cx, pool_id, Some(token)),
        Loading::Failed {
            next_token: None, ..
        }
        | Loading::Idle => begin(cx, Some(pool_id)),
        Loading::Done => Vec::new(),
    }
}
