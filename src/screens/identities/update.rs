//! How the Identity browser reacts: paging, filter, marks, the open identity, and the deletion.

use std::collections::HashSet;
use tui_input::InputRequest;

use super::deletion::Deletion;
use super::state::{Detail, Loading, Panel};
use crate::app::model::Level;
use crate::app::{Action, AwsError, Effect, Model, RequestId, Tab};
use crate::domain::Identity;
use crate::domain::identity_filter;
use crate::view::layout;

/// The developer provider of the current pool, when its configuration is known.
fn developer_provider(model: &Model) -> Option<String> {
    let (id, _) = model.current_pool.as_ref()?;
    model.pools.loaded(id)?.developer_provider_name.clone()
}

/// Starts loading the current pool's identities when the tab shows another pool's (or none).
pub fn sync(model: &mut Model) -> Vec<Effect> {
    let current = model.current_pool.as_ref().map(|(id, _)| id.clone());
    let state = &model.identities;
    if model.tab != Tab::Identities
        || current == state.pool_id
        || state.deletion.is_some()
        || model.session().is_none()
    {
        return Vec::new();
    }
    begin(model, current)
}

/// Forgets what is loaded and lists `pool_id` from the first page.
fn begin(model: &mut Model, pool_id: Option<String>) -> Vec<Effect> {
    if let Loading::Running { req } = model.identities.loading {
        model.finish_request(req);
    }
    model.identities.reset(pool_id.clone());
    match pool_id {
        Some(pool_id) => request_page(model, pool_id, None),
        None => Vec::new(),
    }
}

fn request_page(model: &mut Model, pool_id: String, next_token: Option<String>) -> Vec<Effect> {
    let req = model.start_request("ListIdentities", false);
    model.identities.loading = Loading::Running { req };
    model.identities.page_token.clone_from(&next_token);
    let hide_disabled = model.identities.hide_disabled;
    vec![Effect::ListIdentities {
        req,
        pool_id,
        next_token,
        hide_disabled,
    }]
}

/// A page of ListIdentities arrived.
pub fn on_page(
    model: &mut Model,
    req: RequestId,
    result: Result<(Vec<Identity>, Option<String>), AwsError>,
) -> Vec<Effect> {
    if model.identities.loading != (Loading::Running { req }) {
        return Vec::new();
    }
    let Some(pool_id) = model.identities.pool_id.clone() else {
        return Vec::new();
    };
    match result {
        Ok((page, next_token)) => {
            let state = &mut model.identities;
            state.append(page);
            state.pages += 1;
            match next_token {
                Some(token) if state.pause_requested => {
                    state.pause_requested = false;
                    state.loading = Loading::Paused { next_token: token };
                    Vec::new()
                }
                Some(token) => request_page(model, pool_id, Some(token)),
                None => {
                    state.loading = Loading::Done;
                    Vec::new()
                }
            }
        }
        Err(error) => {
            model.report_error("ListIdentities", &error);
            let next_token = model.identities.page_token.clone();
            model.identities.loading = Loading::Failed { error, next_token };
            Vec::new()
        }
    }
}

/// DescribeIdentity answered (for the open identity).
pub fn on_described(model: &mut Model, req: RequestId, result: Result<Identity, AwsError>) {
    let failed = result.as_ref().err().cloned();
    let Some(Panel::Detail(detail)) = &mut model.identities.panel else {
        return;
    };
    if !detail.reqs.contains(&req) {
        return;
    }
    detail.described = Some(result);
    if let Some(error) = failed {
        model.report_error("DescribeIdentity", &error);
    }
}

/// LookupDeveloperIdentity answered (for the open identity, or a lookup by user).
pub fn on_looked_up(
    model: &mut Model,
    req: RequestId,
    result: Result<(String, Vec<String>), AwsError>,
) {
    // "Not found" is an answer here (no such user), not a failure worth the error list.
    if let Err(error) = &result
        && !error.is_not_found()
    {
        model.report_error("LookupDeveloperIdentity", error);
    }
    match &mut model.identities.panel {
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

/// A DeleteIdentities batch answered: deleted rows leave the table, the next batches go out, and
/// the report opens when all is done.
pub fn on_deleted(
    model: &mut Model,
    req: RequestId,
    result: Result<Vec<(String, String)>, AwsError>,
) -> Vec<Effect> {
    let Some(deletion) = model.identities.deletion.as_mut() else {
        return Vec::new();
    };
    let Some(deleted) = deletion.on_result(req, result) else {
        return Vec::new();
    };
    let gone: HashSet<&str> = deleted.iter().map(String::as_str).collect();
    model.identities.remove_ids(&gone);
    send_batches(model)
}

fn send_batches(model: &mut Model) -> Vec<Effect> {
    let Some(mut deletion) = model.identities.deletion.take() else {
        return Vec::new();
    };
    let batches = deletion.next_batches(|| model.start_request("DeleteIdentities", true));
    if deletion.is_finished() {
        let report = deletion.report(model.now);
        let text = format!(
            "Deleted {} of {} identities · {} failed · {} not attempted",
            report.deleted,
            report.total,
            report.failed.len(),
            report.not_attempted.len()
        );
        let level = if report.failed.is_empty() && report.not_attempted.is_empty() {
            Level::Success
        } else {
            Level::Warning
        };
        model.notify(level, text);
        model.identities.panel = Some(Panel::Report(report));
    } else {
        model.identities.deletion = Some(deletion);
    }
    batches
        .into_iter()
        .map(|(req, ids)| Effect::DeleteIdentities { req, ids })
        .collect()
}

/// Text typed into the filter, the lookup field or the typed-count confirmation.
pub fn on_input(model: &mut Model, request: InputRequest) {
    let now = model.now.unwrap_or(0.0);
    let state = &mut model.identities;
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
            match identity_filter::parse(state.filter_input.value(), now) {
                Ok(filter) => {
                    state.filter = filter;
                    state.filter_error = None;
                    state.selected = 0;
                    state.offset = 0;
                    state.refilter();
                }
                Err(message) => state.filter_error = Some(message),
            }
        }
        None => {}
    }
}

/// An action while the Identity browser has the keys.
pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.identities.deletion.is_some() {
        if matches!(action, Action::Cancel | Action::Back)
            && let Some(d) = model.identities.deletion.as_mut()
        {
            d.cancelled = true;
            model.notify(
                Level::Warning,
                "Cancelling: batches already sent finish; nothing new is sent",
            );
            return send_batches(model);
        }
        return Vec::new();
    }
    if model.identities.panel.is_some() {
        return on_panel_action(model, action);
    }
    let height = layout::list_rows(model.size);
    if model.identities.filter_editing {
        match action {
            Action::Submit | Action::Open => model.identities.filter_editing = false,
            Action::Back => {
                let state = &mut model.identities;
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
    let page = isize::try_from(height.max(1)).unwrap_or(1);
    let Some((pool_id, _)) = model.current_pool.clone() else {
        return Vec::new();
    };
    let state = &mut model.identities;
    match action {
        Action::Up => state.move_selection(-1),
        Action::Down => state.move_selection(1),
        Action::PageUp => state.move_selection(-page),
        Action::PageDown => state.move_selection(page),
        Action::Top => state.selected = 0,
        Action::Bottom => state.selected = state.shown.len().saturating_sub(1),
        Action::Filter => state.filter_editing = true,
        Action::Back if !state.filter.is_empty() || state.filter_error.is_some() => {
            state.filter_input.reset();
            state.filter = Default::default();
            state.filter_error = None;
            state.refilter();
        }
        Action::Mark => {
            if let Some(&i) = state.shown.get(state.selected) {
                let row = &mut state.rows[i];
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
            for &i in &state.shown {
                let row = &mut state.rows[i];
                row.marked = action == Action::MarkAll || !row.marked;
            }
            state.marked = state.rows.iter().filter(|r| r.marked).count();
        }
        Action::ClearMarks => {
            state.rows.iter_mut().for_each(|r| r.marked = false);
            state.marked = 0;
        }
        Action::Refresh => return begin(model, Some(pool_id)),
        Action::ToggleHideDisabled => {
            state.hide_disabled = !state.hide_disabled;
            let text = if state.hide_disabled {
                "Hiding disabled identities (reloading)"
            } else {
                "Showing disabled identities too (reloading)"
            };
            model.notify(Level::Info, text);
            return begin(model, Some(pool_id));
        }
        Action::TogglePause => return toggle_pause(model, pool_id),
        Action::CopyId => {
            if let Some(row) = state.selected_row() {
                let id = row.identity.id.clone();
                model.notify(Level::Success, format!("Copied {id}"));
                return vec![Effect::CopyToClipboard(id)];
            }
        }
        Action::Open => return open_detail(model, pool_id),
        Action::Lookup => {
            if developer_provider(model).is_some() {
                model.identities.panel = Some(Panel::LookupInput(Default::default()));
            } else {
                model.notify(
                    Level::Info,
                    "This pool has no developer provider to look up users in",
                );
            }
        }
        Action::Delete => {
            if model.options.read_only {
                model.notify(
                    Level::Warning,
                    "Read-only mode (--read-only): deleting identities is disabled",
                );
                return Vec::new();
            }
            let ids = if state.marked > 0 {
                state.marked_ids()
            } else {
                state
                    .selected_row()
                    .map(|r| vec![r.identity.id.clone()])
                    .unwrap_or_default()
            };
            if ids.is_empty() {
                model.notify(Level::Info, "No identity selected or marked");
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
    model.identities.scroll_into_view(height);
    Vec::new()
}

fn toggle_pause(model: &mut Model, pool_id: String) -> Vec<Effect> {
    let state = &mut model.identities;
    match state.loading.clone() {
        Loading::Running { .. } => {
            state.pause_requested = !state.pause_requested;
            let text = if state.pause_requested {
                "Loading stops after this page (p resumes)"
            } else {
                "Loading goes on"
            };
            model.notify(Level::Info, text);
            Vec::new()
        }
        Loading::Paused { next_token } => request_page(model, pool_id, Some(next_token)),
        Loading::Failed {
            next_token: Some(token),
            ..
        } => request_page(model, pool_id, Some(token)),
        Loading::Failed {
            next_token: None, ..
        }
        | Loading::Idle => begin(model, Some(pool_id)),
        Loading::Done => Vec::new(),
    }
}

fn open_detail(model: &mut Model, pool_id: String) -> Vec<Effect> {
    let Some(id) = model
        .identities
        .selected_row()
        .map(|r| r.identity.id.clone())
    else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    let describe = model.start_request("DescribeIdentity", false);
    effects.push(Effect::DescribeIdentity {
        req: describe,
        identity_id: id.clone(),
    });
    let mut reqs = vec![describe];
    let has_developer = developer_provider(model).is_some();
    if has_developer {
        let lookup = model.start_request("LookupDeveloperIdentity", false);
        reqs.push(lookup);
        effects.push(Effect::LookupDeveloperIdentity {
            req: lookup,
            pool_id,
            identity_id: Some(id.clone()),
            developer_user: None,
        });
    }
    model.identities.panel = Some(Panel::Detail(Detail {
        id,
        described: None,
        developer_users: None,
        reqs,
    }));
    effects
}

fn on_panel_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(panel) = model.identities.panel.take() else {
        return Vec::new();
    };
    match (panel, action) {
        (Panel::Report(_), Action::Back | Action::Submit | Action::Open) => {}
        (Panel::Report(report), Action::CopyId) => {
            let failed: Vec<String> = report.failed.iter().map(|(id, _)| id.clone()).collect();
            model.identities.panel = Some(Panel::Report(report));
            if !failed.is_empty() {
                model.notify(
                    Level::Success,
                    format!("Copied {} failed ids", failed.len()),
                );
                return vec![Effect::CopyToClipboard(failed.join("\n"))];
            }
        }
        (_, Action::Back) => {}
        (Panel::LookupInput(input), Action::Submit | Action::Open) => {
            let user = input.value().trim().to_string();
            let Some((pool_id, _)) = model.current_pool.clone() else {
                return Vec::new();
            };
            if user.is_empty() {
                model.identities.panel = Some(Panel::LookupInput(input));
                return Vec::new();
            }
            let req = model.start_request("LookupDeveloperIdentity", false);
            model.identities.panel = Some(Panel::LookupResult {
                user: user.clone(),
                req: Some(req),
                result: None,
            });
            return vec![Effect::LookupDeveloperIdentity {
                req,
                pool_id,
                identity_id: None,
                developer_user: Some(user),
            }];
        }
        (
            Panel::ConfirmDelete {
                ids,
                typed,
                confirm_focused,
            },
            Action::FocusNext | Action::FocusPrev,
        ) => {
            model.identities.panel = Some(Panel::ConfirmDelete {
                ids,
                typed,
                confirm_focused: !confirm_focused,
            });
        }
        (
            Panel::ConfirmDelete {
                ids,
                typed,
                confirm_focused,
            },
            Action::Submit | Action::Open,
        ) => {
            if !confirm_focused {
                return Vec::new();
            }
            if ids.len() > super::TYPE_COUNT_ABOVE && typed.value().trim() != ids.len().to_string()
            {
                model.identities.panel = Some(Panel::ConfirmDelete {
                    ids,
                    typed,
                    confirm_focused,
                });
                return Vec::new();
            }
            model.notify(Level::Info, format!("Deleting {} identities…", ids.len()));
            model.identities.deletion = Some(Deletion::new(ids, model.now));
            return send_batches(model);
        }
        (panel, _) => model.identities.panel = Some(panel),
    }
    Vec::new()
}
