//! How a tab reads the current pool's whole configuration: everything in parallel, the
//! providers the store knows with it; a pool with providers not known then has their attributes
//! for access control read in a second round. Shared by the User access, Role settings and Test
//! access tabs. What the reads answer lands in the store, which is what the tab draws.

use super::Read;
use crate::app::{Cx, Effect, Event, RequestId, Response};
use crate::domain::config::PoolConfig;
use crate::store::Store;

/// A tab's read of its pool: in flight, or why it failed (what it read is in the store).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TabRead {
    /// The read in flight.
    pub reading: Option<Read>,
    /// Why the last read failed.
    pub error: Option<String>,
    /// The pool being read.
    pool_id: Option<String>,
    /// Whether a whole read of the pool (every provider's attributes too) has come back.
    read_once: bool,
}

impl TabRead {
    /// The pool's whole configuration as the store holds it, once this tab's first read of it
    /// is complete: from then on whatever any tab reads or writes of the pool shows here.
    pub fn config<'s>(&self, store: &'s Store) -> Option<&'s PoolConfig> {
        if !self.read_once {
            return None;
        }
        store.config(self.pool_id.as_deref()?)
    }
}

/// A tab's lines once its pool is read (`body`), or why it could not be read, or that it is
/// being read.
pub fn lines(
    read: &TabRead,
    vx: &crate::app::ViewCtx,
    theme: &crate::view::theme::Theme,
    body: impl FnOnce(&PoolConfig) -> Vec<ratatui::text::Line<'static>>,
) -> Vec<ratatui::text::Line<'static>> {
    match (read.config(vx.store), &read.error) {
        (Some(config), _) => body(config),
        (None, Some(error)) => vec![ratatui::text::Line::styled(error.clone(), theme.error)],
        (None, None) => vec![ratatui::text::Line::raw(format!(
            "{} Reading the pool…",
            crate::view::widgets::spinner(vx.now)
        ))],
    }
}

/// A tab state that reads its pool with a [`TabRead`].
pub trait ReadsPool {
    /// The pool the tab shows.
    fn pool(&self) -> Option<String>;
    /// Its read.
    fn tab_read(&mut self) -> &mut TabRead;
}

/// The pool to follow when the tab `tab` is shown and the current pool is not the one it shows
/// (and no write of its own is under way); None when it stays as it is.
pub fn to_follow<S: ReadsPool>(
    cx: &Cx<S>,
    tab: crate::app::Tab,
    writing: bool,
) -> Option<Option<String>> {
    let current = cx.ctx.current_pool.map(|(id, _)| id.clone());
    let shown = current == cx.state.pool();
    (cx.ctx.tab == tab && !shown && cx.session().is_some() && !writing).then_some(current)
}

/// Reads the tab's pool: DescribeIdentityPool, GetIdentityPoolRoles and the attributes for
/// access control of every provider known (from the Pools tab or the last read), all at once.
pub fn read<S: ReadsPool>(cx: &mut Cx<S>) -> Vec<Effect> {
    let Some(pool_id) = cx.state.pool() else {
        return Vec::new();
    };
    let mut read = std::mem::take(cx.state.tab_read());
    let effects = start(cx, &mut read, &pool_id);
    *cx.state.tab_read() = read;
    effects
}

/// An answer for the tab's read.
pub fn answer<S: ReadsPool>(
    cx: &mut Cx<S>,
    req: RequestId,
    response: Response,
) -> (Answered, Vec<Effect>) {
    let mut read = std::mem::take(cx.state.tab_read());
    let out = on_response(cx, &mut read, req, response);
    *cx.state.tab_read() = read;
    out
}

/// What an answer did to the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// It was not for this read.
    NotMine,
    /// Taken; more answers are awaited.
    Pending,
    /// The configuration is read (into the store).
    Read,
    /// The read failed (said in `error` and the footer).
    Failed,
}

/// Starts reading `pool_id` (forgetting any read in flight), with the attributes for access
/// control of the providers the store knows it has.
pub fn start<S>(cx: &mut Cx<S>, read: &mut TabRead, pool_id: &str) -> Vec<Effect> {
    let providers = cx
        .ctx
        .store
        .pool(pool_id)
        .map(crate::domain::IdentityPool::tag_providers)
        .unwrap_or_default();
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
    if read.pool_id.as_deref() != Some(pool_id) {
        read.read_once = false;
        read.pool_id = Some(pool_id.to_string());
    }
    effects
}

/// Feeds the read an answer; the effects of the providers' maps asked for once the pool is
/// described, if it has providers that were not known.
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
    // The providers the pool turns out to have are asked for within the same read.
    let more = reading.on_whole_response(req, response, |op| cx.start_request(op, false));
    if !more.is_empty() {
        return (Answered::Pending, more);
    }
    let Some(outcome) = reading.outcome() else {
        return (Answered::Pending, Vec::new());
    };
    read.reading = None;
    match outcome {
        Ok(_) => {
            read.error = None;
            read.read_once = true;
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
