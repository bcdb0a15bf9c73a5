//! Creating: the plan's calls one at a time, their answers, and what the operator does after a
//! failure (retry, undo, keep); the finished pool opens in the console.

use super::Cx;
use super::Step;
use super::create::{Creation, Phase};
use super::msg::{Action, Created};
use super::plan::Plan;
use super::update::wizard;
use crate::app::Level;
use crate::app::{AwsError, Effect, Event, RequestId};

/// A creation or undo call answered.
pub(super) fn on_call_done(
    cx: &mut Cx,
    req: RequestId,
    result: Result<Created, AwsError>,
) -> Vec<Effect> {
    let Some(creation) = cx.state.active_mut().and_then(|w| w.creation.as_mut()) else {
        return Vec::new();
    };
    if !creation.awaits(req) {
        return Vec::new();
    }
    let failed = result.as_ref().err().cloned();
    creation.on_result(req, result);
    if let Some(error) = failed {
        let operation = creation
            .calls
            .iter()
            .chain(&creation.undo)
            .find(|(_, s)| *s == super::create::Status::Failed(error.clone()))
            .map_or("A call", |(c, _)| super::create::operation(c));
        cx.report_error(operation, &error);
    }
    advance(cx)
}

/// Starts the next call, or finishes: open the new pool once all is created.
fn advance(cx: &mut Cx) -> Vec<Effect> {
    let Some(mut creation) = cx.state.active_mut().and_then(|w| w.creation.take()) else {
        return Vec::new();
    };
    let effect = creation.next_effect(|operation, write| cx.start_request(operation, write));
    let phase = creation.phase();
    if let Some(w) = wizard(cx) {
        w.creation = Some(creation);
    }
    match phase {
        Phase::Created => open_created(cx),
        Phase::Undone => {
            let failures = cx
                .state
                .open
                .as_ref()
                .and_then(|w| w.creation.as_ref())
                .map_or(0, |c| {
                    c.undo
                        .iter()
                        .filter(|(_, s)| matches!(s, super::create::Status::Failed(_)))
                        .count()
                });
            if failures == 0 {
                cx.notify(
                    Level::Info,
                    "Undone: everything the wizard created was deleted",
                );
            } else {
                cx.notify(
                    Level::Error,
                    format!("Undo finished with {failures} failure(s): r retries them"),
                );
            }
            Vec::new()
        }
        _ => effect.into_iter().collect(),
    }
}

/// Closes the wizard and shows the created pool, selected and open.
fn open_created(cx: &mut Cx) -> Vec<Effect> {
    let Some(pool) = cx
        .state
        .open
        .take()
        .and_then(|w| w.creation.and_then(|c| c.pool))
    else {
        return Vec::new();
    };
    cx.state.parked = None;
    cx.notify(
        Level::Success,
        format!(
            "Created identity pool \"{}\" ({})",
            pool.identity_pool_name, pool.identity_pool_id
        ),
    );
    cx.emit(Event::PoolCreated(pool));
    Vec::new()
}

/// A key while a creation runs or after it failed.
pub(super) fn on_creation(cx: &mut Cx, phase: Phase, action: Action) -> Vec<Effect> {
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    match (phase, action) {
        (Phase::Failed, Action::Retry) => {
            if let Some(c) = w.creation.as_mut() {
                c.retry();
            }
            advance(cx)
        }
        (Phase::Failed, Action::Undo) => {
            if let Some(c) = w.creation.as_mut() {
                c.begin_undo();
                if c.undo.is_empty() {
                    cx.notify(
                        Level::Info,
                        "Nothing was created, so there is nothing to undo: back to Review",
                    );
                    return back_to_review(cx);
                }
            }
            advance(cx)
        }
        (Phase::Undone, Action::Retry) => {
            if let Some(c) = w.creation.as_mut()
                && c.undo_failures() > 0
            {
                c.retry_undo();
                return advance(cx);
            }
            Vec::new()
        }
        (Phase::Failed, Action::Keep) => {
            let pool = w.creation.as_ref().and_then(|c| c.pool.clone());
            match pool {
                Some(pool) => {
                    cx.state.open = None;
                    cx.state.parked = None;
                    cx.notify(
                        Level::Warning,
                        format!("Kept the partly configured pool \"{}\": finish its setup in tabs 2 and 4", pool.identity_pool_name),
                    );
                    cx.emit(Event::PoolCreated(pool));
                    Vec::new()
                }
                None => {
                    cx.notify(
                        Level::Info,
                        "Nothing was created, so there is no pool to open: back to Review",
                    );
                    back_to_review(cx)
                }
            }
        }
        (Phase::Failed, Action::Back)
            if w.creation.as_ref().is_some_and(|c| c.made().is_empty()) =>
        {
            cx.notify(Level::Info, "Nothing was created: back to Review");
            back_to_review(cx)
        }
        (Phase::Failed, Action::Back) => {
            cx.notify(
                Level::Warning,
                "Choose: r retry · u undo (delete what was created) · o keep and open the pool",
            );
            Vec::new()
        }
        (Phase::Undone, Action::Back | Action::Open | Action::Submit) => back_to_review(cx),
        (Phase::Creating | Phase::Undoing, Action::Back) => {
            cx.notify(
                Level::Info,
                "Calls are running; the outcome of each is shown as it arrives",
            );
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Leaves a creation for Review. When it made roles, the account's roles are listed again: one
/// may be left (an undo that failed), so the names are checked afresh before the next attempt.
fn back_to_review(cx: &mut Cx) -> Vec<Effect> {
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let made_roles = w.creation.take().is_some_and(|c| !c.role_arns.is_empty());
    w.step = Step::Review;
    if !made_roles {
        return Vec::new();
    }
    super::lists::request(cx, crate::store::CatalogList::Roles, true)
}

/// ⏎ on Review: every step valid → run the plan; else go to the first step with a problem.
pub(super) fn create(cx: &mut Cx) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let new_roles = !Plan::from_draft(&w.draft).new_roles.is_empty();
    let listing_roles = w
        .listing
        .values()
        .any(|list| *list == crate::store::CatalogList::Roles);
    if new_roles && listing_roles {
        // The names are checked against the account's roles: wait for the list.
        w.create_when_listed = true;
        cx.notify(
            Level::Info,
            "Checking the new roles' names against the account (ListRoles)…",
        );
        return Vec::new();
    }
    w.create_when_listed = false;
    if let Some(step) = w.first_invalid_step(catalog) {
        let problem = w
            .problems(catalog, step)
            .into_iter()
            .next()
            .unwrap_or_default();
        w.attempted.insert(step);
        w.step = step;
        w.focus = 0;
        w.from_review = true;
        cx.notify(
            Level::Warning,
            format!("Step {} needs attention: {problem}", step.number()),
        );
        return Vec::new();
    }
    w.creation = Some(Creation::new(Plan::from_draft(&w.draft)));
    advance(cx)
}
