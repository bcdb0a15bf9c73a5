//! What opens over the identity table and its keys: an identity's details, the developer user
//! lookup, the delete confirmation, and the bulk deletion it starts, with its report.

use std::collections::HashSet;

use super::deletion::Deletion;
use super::msg::Action;
use super::state::{Detail, Panel};
use super::update::{Cx, developer_provider};
use crate::app::Level;
use crate::app::{AwsError, Effect, RequestId};

/// A DeleteIdentities batch answered: deleted rows leave the table, the next batches go out, and
/// the report opens when all is done.
pub(super) fn on_deleted(
    cx: &mut Cx,
    req: RequestId,
    result: Result<Vec<(String, String)>, AwsError>,
) -> Vec<Effect> {
    let Some(deletion) = cx.state.deletion.as_mut() else {
        return Vec::new();
    };
    let Some(deleted) = deletion.on_result(req, result) else {
        return Vec::new();
    };
    let gone: HashSet<&str> = deleted.iter().map(String::as_str).collect();
    cx.state.remove_ids(&gone);
    send_batches(cx)
}

/// Sends the deletion's next batches, or opens its report once it is finished.
pub(super) fn send_batches(cx: &mut Cx) -> Vec<Effect> {
    let Some(mut deletion) = cx.state.deletion.take() else {
        return Vec::new();
    };
    let batches = deletion.next_batches(|| cx.start_request("DeleteIdentities", true));
    if deletion.is_finished() {
        let report = deletion.report(cx.ctx.now);
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
        cx.notify(level, text);
        cx.state.panel = Some(Panel::Report(report));
    } else {
        cx.state.deletion = Some(deletion);
    }
    let pool_id = cx.state.pool_id.clone().unwrap_or_default();
    batches
        .into_iter()
        .map(|(req, ids)| Effect::DeleteIdentities {
            req,
            pool_id: pool_id.clone(),
            ids,
        })
        .collect()
}

/// ⏎ on a row: its details (DescribeIdentity, and its developer users where the pool has a
/// developer provider).
pub(super) fn open_detail(cx: &mut Cx, pool_id: String) -> Vec<Effect> {
    let Some(id) = cx.state.selected_row().map(|r| r.identity.id.clone()) else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    let describe = cx.start_request("DescribeIdentity", false);
    effects.push(Effect::DescribeIdentity {
        req: describe,
        identity_id: id.clone(),
    });
    let mut reqs = vec![describe];
    let has_developer = developer_provider(cx).is_some();
    if has_developer {
        let lookup = cx.start_request("LookupDeveloperIdentity", false);
        reqs.push(lookup);
        effects.push(Effect::LookupDeveloperIdentity {
            req: lookup,
            pool_id,
            identity_id: Some(id.clone()),
            developer_user: None,
        });
    }
    cx.state.panel = Some(Panel::Detail(Detail {
        id,
        described: None,
        developer_users: None,
        reqs,
    }));
    effects
}

/// A key while a panel is open.
pub(super) fn on_panel_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let Some(panel) = cx.state.panel.take() else {
        return Vec::new();
    };
    match (panel, action) {
        (Panel::Report(_), Action::Back | Action::Submit | Action::Open) => {}
        (Panel::Report(report), Action::CopyId) => {
            let failed: Vec<String> = report.failed.iter().map(|(id, _)| id.clone()).collect();
            cx.state.panel = Some(Panel::Report(report));
            if !failed.is_empty() {
                cx.notify(
                    Level::Success,
                    format!("Copied {} failed ids", failed.len()),
                );
                return vec![Effect::CopyToClipboard(failed.join("\n"))];
            }
        }
        (_, Action::Back) => {}
        (Panel::LookupInput(input), Action::Submit | Action::Open) => {
            let user = input.value().trim().to_string();
            let Some((pool_id, _)) = cx.ctx.current_pool.cloned() else {
                return Vec::new();
            };
            if user.is_empty() {
                cx.state.panel = Some(Panel::LookupInput(input));
                return Vec::new();
            }
            let req = cx.start_request("LookupDeveloperIdentity", false);
            cx.state.panel = Some(Panel::LookupResult {
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
            Action::FocusNext,
        ) => {
            cx.state.panel = Some(Panel::ConfirmDelete {
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
            if !super::state::count_confirmed(ids.len(), typed.value()) {
                cx.state.panel = Some(Panel::ConfirmDelete {
                    ids,
                    typed,
                    confirm_focused,
                });
                return Vec::new();
            }
            cx.notify(Level::Info, format!("Deleting {} identities…", ids.len()));
            cx.state.deletion = Some(Deletion::new(ids, cx.ctx.now));
            return send_batches(cx);
        }
        (panel, _) => cx.state.panel = Some(panel),
    }
    Vec::new()
}
