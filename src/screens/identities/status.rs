//! Which identities are disabled. ListIdentities says so only by leaving them out of a listing
//! with `HideDisabled`, so the `disabled`/`enabled` filter terms start a second listing of the
//! pool with it, and an identity the full listing has but that one lacks is disabled. Asked only
//! when a filter needs it: it costs as many calls as loading the pool.

use std::collections::HashSet;

use super::state::IdentitiesState;
use super::update::Cx;
use crate::app::{AwsError, Effect, RequestId};
use crate::domain::Identity;
use crate::domain::identity_filter::Status;

/// The status check's progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum StatusCheck {
    /// Not asked (no filter needed it since the pool was loaded).
    #[default]
    NotAsked,
    /// Listing with `HideDisabled`.
    Running {
        /// The page request.
        req: RequestId,
        /// The ids listed so far.
        enabled: HashSet<String>,
        /// When the listing began (epoch seconds).
        started: f64,
    },
    /// Every enabled identity's id, listed from `started` on.
    Done {
        /// The ids listed.
        enabled: HashSet<String>,
        /// When the listing began (epoch seconds).
        started: f64,
    },
    /// A page failed; the next filter change asks again.
    Failed(AwsError),
}

impl StatusCheck {
    /// The request awaited, if any.
    pub fn awaits(&self, req: RequestId) -> bool {
        matches!(self, StatusCheck::Running { req: r, .. } if *r == req)
    }
}

impl IdentitiesState {
    /// What is known of an identity's status.
    pub fn status_of(&self, identity: &Identity) -> Status {
        if self.hide_disabled {
            // The listing itself left the disabled ones out.
            return Status::Enabled;
        }
        match &self.status_check {
            StatusCheck::Done { enabled, .. } if enabled.contains(&identity.id) => Status::Enabled,
            // Left out of a listing that began after it was created: disabled. One created
            // since may simply be newer than the page that would have listed it.
            StatusCheck::Done { started, .. }
                if identity.created.is_some_and(|created| created < *started) =>
            {
                Status::Disabled
            }
            _ => Status::Unknown,
        }
    }

    /// How many loaded identities are known to be disabled.
    pub fn disabled_count(&self) -> usize {
        self.list
            .rows
            .iter()
            .filter(|r| r.status == Status::Disabled)
            .count()
    }

    /// Asks a failed check again when the filter changes.
    pub fn rearm_status_check(&mut self) {
        if matches!(self.status_check, StatusCheck::Failed(_)) {
            self.status_check = StatusCheck::NotAsked;
        }
    }

    /// Gives every row the status now known, then filters again.
    fn apply_status(&mut self) {
        let statuses: Vec<Status> = self
            .list
            .rows
            .iter()
            .map(|r| self.status_of(&r.identity))
            .collect();
        for (row, status) in self.list.rows.iter_mut().zip(statuses) {
            row.status = status;
        }
        self.refilter();
    }
}

/// Starts the check when the filter needs a status nobody asked for yet.
pub(super) fn ensure(cx: &mut Cx) -> Vec<Effect> {
    let state = &cx.state;
    let wanted = state.filter.needs_status()
        && !state.hide_disabled
        && matches!(state.status_check, StatusCheck::NotAsked);
    match state.pool_id.clone() {
        Some(pool_id) if wanted => {
            let started = cx.ctx.now.unwrap_or(0.0);
            request(cx, pool_id, None, HashSet::new(), started)
        }
        _ => Vec::new(),
    }
}

/// Stops waiting for the check's page (a reload or another pool).
pub(super) fn abandon(cx: &mut Cx) {
    if let StatusCheck::Running { req, .. } = cx.state.status_check {
        cx.finish_request(req);
    }
}

fn request(
    cx: &mut Cx,
    pool_id: String,
    next_token: Option<String>,
    enabled: HashSet<String>,
    started: f64,
) -> Vec<Effect> {
    let req = cx.start_request("ListIdentities", false);
    cx.state.status_check = StatusCheck::Running {
        req,
        enabled,
        started,
    };
    vec![Effect::ListIdentities {
        req,
        pool_id,
        next_token,
        hide_disabled: true,
    }]
}

/// A page of the check's listing.
pub(super) fn on_page(
    cx: &mut Cx,
    result: Result<(Vec<Identity>, Option<String>), AwsError>,
) -> Vec<Effect> {
    let StatusCheck::Running {
        enabled, started, ..
    } = std::mem::take(&mut cx.state.status_check)
    else {
        return Vec::new();
    };
    let Some(pool_id) = cx.state.pool_id.clone() else {
        return Vec::new();
    };
    match result {
        Ok((page, next_token)) => {
            let mut enabled = enabled;
            enabled.extend(page.into_iter().map(|i| i.id));
            match next_token {
                Some(token) => request(cx, pool_id, Some(token), enabled, started),
                None => {
                    cx.state.status_check = StatusCheck::Done { enabled, started };
                    cx.state.apply_status();
                    Vec::new()
                }
            }
        }
        Err(error) => {
            cx.report_error("ListIdentities (HideDisabled, for the status)", &error);
            cx.state.status_check = StatusCheck::Failed(error);
            Vec::new()
        }
    }
}
