//! The Role settings tab's changes to IAM documents: `f` fixes a role's trust policy for this
//! pool, `e` opens an inline policy in `$EDITOR`; both then run a [`DocWrite`] (diff, re-read,
//! write, read back) and read the role again once written.

use super::fetch::Job;
use super::msg::Action;
use super::state::{Fetch, Panel, PolicyRef};
use super::update::start_fetches;
use super::write::{DocTarget, DocWrite, WritePhase, policy_name_problem};
use crate::app::Level;
use crate::app::{Effect, RequestId, Response};
use crate::domain::role_use;
use crate::domain::roles::role_name;

type Cx<'a> = crate::app::Cx<'a, super::state::RolesState>;

/// `e` on a policy of a role: an inline policy opens in `$EDITOR`.
pub(super) fn edit_policy(cx: &mut Cx, arn: &str, policy: Option<&PolicyRef>) -> Vec<Effect> {
    let Some(PolicyRef::Inline(name)) = policy else {
        let text = match policy {
            Some(PolicyRef::Managed(..)) => {
                "A managed policy changes by a new policy version in IAM, for every role it is attached to: not from here"
            }
            _ => "Select an inline policy (↓) to edit it; the trust policy is changed with f",
        };
        cx.notify(Level::Info, text);
        return Vec::new();
    };
    let document = cx
        .ctx
        .store
        .role(role_name(arn))
        .and_then(|f| f.inline_document(name).cloned());
    let Some(document) = document else {
        cx.notify(Level::Info, "The policy has not been read yet");
        return Vec::new();
    };
    let previous = cx.state.panel.take();
    let (write, effect) = DocWrite::edit(arn, name, &document, |op, w| cx.start_request(op, w));
    drop(previous);
    cx.state.panel = Some(Panel::Write(Box::new(write)));
    vec![effect]
}

/// A key while a new policy's name is typed: ⏎ opens the editor on a template once the name is
/// one IAM takes (and the role has no policy of that name); Esc goes back to the role.
pub(super) fn on_new_policy(
    cx: &mut Cx,
    action: Action,
    arn: String,
    name: tui_input::Input,
) -> Vec<Effect> {
    match action {
        Action::Back => {
            cx.state.panel = Some(Panel::Role { arn, focus: 0 });
            Vec::new()
        }
        Action::Submit => {
            let typed = name.value().trim().to_string();
            let taken = cx.ctx.store.role(role_name(&arn)).map(|f| f.inline_names());
            if policy_name_problem(&typed, &taken.unwrap_or_default()).is_some() {
                // The problem is drawn under the name.
                cx.state.panel = Some(Panel::NewPolicy { arn, name });
                return Vec::new();
            }
            let (write, effect) = DocWrite::create(&arn, &typed, |op, w| cx.start_request(op, w));
            cx.state.panel = Some(Panel::Write(Box::new(write)));
            vec![effect]
        }
        _ => {
            cx.state.panel = Some(Panel::NewPolicy { arn, name });
            Vec::new()
        }
    }
}

/// `d` on an inline policy: its deletion, as a diff to confirm.
pub(super) fn delete_policy(cx: &mut Cx, arn: &str, policy: Option<&PolicyRef>) {
    let Some(PolicyRef::Inline(name)) = policy else {
        let text = match policy {
            Some(PolicyRef::Managed(..)) => {
                "A managed policy is detached in IAM (it may serve other roles): not from here"
            }
            _ => "Select an inline policy (↓) to delete it",
        };
        cx.notify(Level::Info, text);
        return;
    };
    let document = cx
        .ctx
        .store
        .role(role_name(arn))
        .and_then(|f| f.inline_document(name).cloned());
    let Some(document) = document else {
        cx.notify(Level::Info, "The policy has not been read yet");
        return;
    };
    let write = DocWrite::delete(arn, name, &document);
    cx.state.panel = Some(Panel::Write(Box::new(write)));
}

/// `f` on a role: its trust policy corrected for this pool, as a diff to confirm.
pub(super) fn begin_fix(cx: &mut Cx, arn: &str) {
    let Some(config) = cx.state.read.config(cx.ctx.store) else {
        return;
    };
    let Some(handed) = role_use::handed_out(config)
        .into_iter()
        .find(|h| h.arn == arn)
    else {
        return;
    };
    let facts = cx.ctx.store.role(role_name(arn));
    let trust = match facts.map(|f| &f.role) {
        Some(Fetch::Got(role)) => role.trust_policy.clone(),
        Some(Fetch::Denied(_)) => {
            cx.notify(
                Level::Warning,
                "Not checked: this caller may not read the role (AccessDenied), so it can't be fixed from here",
            );
            return;
        }
        Some(Fetch::Missing(_)) => {
            cx.notify(
                Level::Warning,
                "The role does not exist: choose another role for this use (e on its row)",
            );
            return;
        }
        _ => {
            cx.notify(Level::Info, "The role is still being read");
            return;
        }
    };
    let problems = role_use::problems(config, &handed, &trust);
    if problems.is_empty() {
        cx.notify(
            Level::Success,
            format!("{} already trusts this pool as it should", handed.name()),
        );
        return;
    }
    match role_use::fix(config, &handed, &trust) {
        Ok(fixed) => {
            let write = DocWrite::trust_fix(arn, &trust, &fixed, problems);
            cx.state.panel = Some(Panel::Write(Box::new(write)));
        }
        Err(why) => cx.notify(Level::Warning, why),
    }
}

pub(super) fn on_write_action(
    cx: &mut Cx,
    action: Action,
    mut write: Box<DocWrite>,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    match (&write.phase, action) {
        (WritePhase::Review, Action::Submit) => {
            effects = write.confirm(|op, w| cx.start_request(op, w));
        }
        (WritePhase::Invalid(_), Action::Edit) => {
            effects = write.edit_again(|op, w| cx.start_request(op, w));
        }
        (WritePhase::Conflict(now), Action::Reapply) => {
            let (arn, now) = (write.arn.clone(), now.clone());
            match write.target.clone() {
                DocTarget::Trust => {
                    // The trust as it is now (the re-read is in the store): fixed again, or
                    // nothing left to fix.
                    begin_fix(cx, &arn);
                    return Vec::new();
                }
                // Made or changed elsewhere meanwhile: the edit starts again from it.
                DocTarget::Inline(name) | DocTarget::NewInline(name) => {
                    let (again, effect) =
                        DocWrite::edit(&arn, &name, &now, |op, w| cx.start_request(op, w));
                    cx.state.panel = Some(Panel::Write(Box::new(again)));
                    return vec![effect];
                }
                DocTarget::DeleteInline(name) => {
                    let again = DocWrite::delete(&arn, &name, &now);
                    cx.state.panel = Some(Panel::Write(Box::new(again)));
                    return Vec::new();
                }
            }
        }
        (phase, Action::Back | Action::Submit)
            if !write.is_writing() && *phase != WritePhase::Editing =>
        {
            let written = matches!(phase, WritePhase::Done | WritePhase::Differs(_));
            if matches!(phase, WritePhase::Review | WritePhase::Invalid(_)) {
                cx.notify(Level::Info, "Nothing was written");
            }
            if written {
                // What IAM now holds for the role: read again, and the pool's checks with it.
                return recheck_role(cx, &write.arn);
            }
            return Vec::new();
        }
        _ => {}
    }
    cx.state.panel = Some(Panel::Write(write));
    effects
}

/// Reads one role (and its policies) again.
fn recheck_role(cx: &mut Cx, arn: &str) -> Vec<Effect> {
    cx.state.checked.insert(arn.to_string());
    cx.state.fetcher.push(Job::Role(arn.to_string()));
    start_fetches(cx)
}

pub(super) fn on_write_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    let Some(Panel::Write(mut write)) = cx.state.panel.take() else {
        return Vec::new();
    };
    let effects = write.on_response(req, response, |op, w| cx.start_request(op, w));
    match &write.phase {
        WritePhase::Done => cx.notify(
            Level::Success,
            match &write.target {
                DocTarget::DeleteInline(name) => format!(
                    "Inline policy {name} of {} deleted: IAM no longer has it",
                    write.role()
                ),
                _ => format!(
                    "{}: written and read back exactly as intended",
                    write.title()
                ),
            },
        ),
        WritePhase::Differs(_) => cx.notify(
            Level::Warning,
            format!(
                "{}: written, but IAM holds something else now: see the report",
                write.title()
            ),
        ),
        WritePhase::Unchanged => cx.notify(Level::Info, "No change: nothing to write"),
        _ => {}
    }
    if write.phase == WritePhase::Unchanged {
        return effects;
    }
    cx.state.panel = Some(Panel::Write(write));
    effects
}
