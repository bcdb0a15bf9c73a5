//! What a screen's `update` gets and gives back: a read-only [`Ctx`] of what the app knows, an
//! [`Outcome`] of effects and [`Event`]s for the app, and [`Cx`], the two bundled with the screen's
//! own state while one message is handled; and what its view reads besides its own state
//! ([`ViewCtx`]).

use super::context::{Condition, Level, Session, Tab};
use super::effect::{Effect, RequestId};
use super::error::AwsError;
use crate::domain::IdentityPool;

/// What a screen's view may read besides its own state: the same facts its `update` gets, never
/// another screen's state or the composition's.
#[derive(Debug, Clone, Copy)]
pub struct ViewCtx<'a> {
    /// What the service holds, as last read.
    pub store: &'a crate::store::Store,
    /// The session, once connected.
    pub session: Option<&'a Session>,
    /// The pool tabs 2–4 act on (id, name).
    pub current_pool: Option<&'a (String, String)>,
    /// The pool they acted on until a read found it deleted (id, name), until another is chosen.
    pub lost_pool: Option<&'a (String, String)>,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// The wall clock at the latest event (spinners, "3 days ago").
    pub now: Option<f64>,
    /// The tab shown.
    pub tab: Tab,
    /// `--read-only`.
    pub read_only: bool,
}

/// What a screen may read of the app while it handles a message.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The session, once connected.
    pub session: Option<&'a Session>,
    /// The pool tabs 2–4 act on.
    pub current_pool: Option<&'a (String, String)>,
    /// What the service holds, as last read.
    pub store: &'a crate::store::Store,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// `--read-only`.
    pub read_only: bool,
    /// The wall clock at the latest event, in epoch seconds.
    pub now: Option<f64>,
    /// The tab shown.
    pub tab: Tab,
    /// The first request id this message may hand out.
    pub next_req: RequestId,
}

impl<'a> Ctx<'a> {
    /// The current pool's configuration, once described (looked up only when asked: it costs a
    /// hash of the pool id).
    pub fn pool_config(&self) -> Option<&'a IdentityPool> {
        let (id, _) = self.current_pool?;
        self.store.pool(id)
    }
}

/// What a screen asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Show a notice in the footer.
    Notify(Level, String),
    /// Show a notice in the footer until the condition it is about goes.
    NotifyWhile(Level, String, Condition),
    /// A request failed: show it and keep it for `:errors`.
    Failed {
        /// The operation.
        operation: String,
        /// The error.
        error: AwsError,
    },
    /// Keep an error for `:errors` without a notice (the screen shows it in place).
    Record {
        /// The operation.
        operation: String,
        /// The error.
        error: AwsError,
    },
    /// Open the wizard's form on one section of a live pool.
    EditSection(Box<crate::wizard::scoped::EditScope>),
    /// Save a section edit of a live pool safely (the User access tab does it).
    SaveEdit {
        /// The tab that opened the form (it runs the save).
        origin: Tab,
        /// The pool.
        pool_id: String,
        /// The edit, and the role to create first.
        finished: Box<crate::wizard::scoped::Finished>,
    },
    /// The section edit form whose save the tab `tab` shows: back on screen with its edit
    /// (`resume`: the review was left), or let go (the save went ahead, or was dropped).
    HeldEdit {
        /// The tab whose save it is.
        tab: Tab,
        /// Show it again rather than let it go.
        resume: bool,
    },
    /// Make this pool the current one (id, name).
    SetCurrentPool(String, String),
    /// Show this tab (as its number key does).
    GoTab(Tab),
    /// This pool no longer exists: stop acting on it if it is the current one.
    PoolGone(String),
    /// Ask for the pool's name before deleting it (the app's typed-name dialog).
    ConfirmPoolDeletion {
        /// The pool.
        pool_id: String,
        /// Its name, which must be typed.
        name: String,
    },
    /// The wizard made this pool: list it, select it and open it.
    PoolCreated(IdentityPool),
    /// Open the help overlay.
    ShowHelp,
    /// Open the inventory of every region over the Pools tab.
    OpenInventory,
    /// Open the create wizard (or offer the kept draft).
    OpenWizard,
    /// Open Test access on this pool (made the current one), over the tab shown.
    OpenTestAccess {
        /// The pool.
        pool_id: String,
        /// Its name.
        name: String,
    },
    /// Open this pool by id, switching to its region when it is another (`:open`).
    OpenPool(String),
    /// Open the export view on this pool (made the current one), over the tab shown.
    OpenExport {
        /// The pool.
        pool_id: String,
        /// Its name.
        name: String,
    },
}

/// A request a screen started while handling a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Started {
    /// Its id.
    pub req: RequestId,
    /// The operation, for `:errors` and the quit question.
    pub operation: &'static str,
    /// Whether it changes something.
    pub write: bool,
}

/// What handling one message produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Work for the runner.
    pub effects: Vec<Effect>,
    /// Requests for the app.
    pub events: Vec<Event>,
    /// Requests started (the app records their owner).
    pub started: Vec<Started>,
    /// Requests no longer waited for.
    pub forgotten: Vec<RequestId>,
}

/// A screen's state, the app's context and the outcome so far, while one message is handled.
pub struct Cx<'a, S> {
    /// The screen's own state.
    pub state: &'a mut S,
    /// What the app knows.
    pub ctx: &'a Ctx<'a>,
    /// What the message has produced so far.
    pub out: Outcome,
}

impl<'a, S> Cx<'a, S> {
    /// Starts handling a message.
    pub fn new(state: &'a mut S, ctx: &'a Ctx<'a>) -> Self {
        Self {
            state,
            ctx,
            out: Outcome::default(),
        }
    }

    /// Hands out a request id and records what it is for.
    pub fn start_request(&mut self, operation: &'static str, write: bool) -> RequestId {
        let req = self.ctx.next_req + self.out.started.len() as RequestId;
        self.out.started.push(Started {
            req,
            operation,
            write,
        });
        req
    }

    /// Stops waiting for a request (its answer, if it comes, is dropped).
    pub fn finish_request(&mut self, req: RequestId) {
        self.out.forgotten.push(req);
    }

    /// Shows a notice.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        self.out.events.push(Event::Notify(level, text.into()));
    }

    /// Shows a notice that goes when `about` does.
    pub fn notify_while(&mut self, level: Level, text: impl Into<String>, about: Condition) {
        self.out
            .events
            .push(Event::NotifyWhile(level, text.into(), about));
    }

    /// Reports a failed request (notice and `:errors`).
    pub fn report_error(&mut self, operation: &str, error: &AwsError) {
        self.out.events.push(Event::Failed {
            operation: operation.to_string(),
            error: error.clone(),
        });
    }

    /// Asks something of the app.
    pub fn emit(&mut self, event: Event) {
        self.out.events.push(event);
    }

    /// The session, once connected.
    pub fn session(&self) -> Option<&'a Session> {
        self.ctx.session
    }

    /// The outcome, with `effects` added.
    pub fn finish(mut self, effects: Vec<Effect>) -> Outcome {
        self.out.effects.extend(effects);
        self.out
    }
}
