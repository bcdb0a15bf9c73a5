//! How a tab reads the current pool's whole configuration: everything in parallel, the
//! providers known from the Pools tab (or the last read) with it; a pool with providers not known
//! then has their attributes for access control read in a second round. Shared by the User
//! access and Role settings tabs.

use super::Read;
use crate::app::{Cx, Effect, Event, RequestId, Response};
use crate::domain::config::PoolConfig;

/// A tab's read of its pool: in flight, the configuration read, or why it failed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TabRead {
    /// The read in flight.
    pub reading: Option<Read>,
    /// The pool's configuration, once read.
    pub config: Option<PoolConfig>,
    /// Why the last read failed.
    pub error: Option<String>,
    /// The pool being read.
    pool_id: Option<String>,
}

/// What an answer did to the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// It was not for this read.
    NotMine,
    /// Taken; more answers are awaited.
    Pending,
    /// The configuration is read (into `config`).
    Read,
    /// The read failed (said in `error` and the footer).
    Failed,
}

/// Starts reading `pool_id` (forgetting any read in flight); `known` is the configuration the
/// providers are taken from, when the tab has none yet.
pub fn start<S>(
    cx: &mut Cx<S>,
    read: &mut TabRead,
    pool_id: &str,
    known: Option<&crate::domain::IdentityPool>,
) -> Vec<Effect> {
    let providers = match (&read.config, known) {
        (Some(config), _) => config.pool.tag_providers(),
        (None, Some(pool)) if pool.identity_pool_id == pool_id => pool.tag_providers(),
        _ => Vec::new(),
    };
    start_with(cx, read, pool_id, &providers)
}

fn start_with<S>(
    cx: &mut Cx<S>,
    read: &mut TabRead,
    pool_id: &str,
    providers: &[String],
) -> Vec<Effect> {
    if let Some(old) = read.reading.take() {
        for req in old.pending() {
            cx.finish_request(req);
        }
    }
    let (reading, effects) = Read::start(pool_id, providers, |op| cx.start_request(op, false));
    read.reading = Some(reading);
    read.pool_id = Some(pool_id.to_string());
    effects
}

/// Feeds the read an answer; the effects of a second round, if the pool has providers that were
/// not known.
pub fn on_response<S>(
    cx: &mut Cx<S>,
    read: &mut TabRead,
    req: RequestId,
    response: Response,
) -> (Answered, Vec<Effect>) {
    let Some(reading) = read.reading.as_mut() else {
        return (Answered::NotMine, Vec::new());
    };
    if !reading.awaits(req) {
        return (Answered::NotMine, Vec::new());
    }
    reading.on_response(req, response);
    let Some(outcome) = reading.outcome() else {
        return (Answered::Pending, Vec::new());
    };
    let asked = reading.providers();
    read.reading = None;
    match outcome {
        Ok(config) => {
            let providers = config.pool.tag_providers();
            if providers.iter().any(|p| !asked.contains(p)) {
                let pool_id = config.pool.identity_pool_id.clone();
                let effects = start_with(cx, read, &pool_id, &providers);
                return (Answered::Pending, effects);
            }
            read.error = None;
            read.config = Some(config);
            (Answered::Read, Vec::new())
        }
        Err((operation, error)) => {
            if error.is_not_found()
                && let Some(pool_id) = read.pool_id.clone()
            {
                cx.emit(Event::PoolGone(pool_id));
            }
            read.error = Some(format!("{operation} failed: {error}"));
            cx.report_error(&operation, &error);
            (Answered::Failed, Vec::new())
        }
    }
}
