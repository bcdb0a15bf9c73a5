//! The journal view's state and how it reacts: it reads the journal, filters it and moves over it.

use tui_input::InputRequest;

use crate::app::intent::Intent;
use crate::app::screen::{in_view, open_view};
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::journal::Entry;
use crate::screens::cursor::{Cursor, Move, TypedFilter};
use crate::view::layout;

type Cx<'a> = crate::app::Cx<'a, JournalView>;

/// The open view.
#[derive(Debug, Clone)]
pub struct JournalView {
    /// The tab it covers.
    pub origin: Tab,
    /// The read in flight.
    pub req: Option<RequestId>,
    /// The entries as written (oldest first) and how many lines could not be read; `None` while
    /// reading; the reason when the journal can't be read.
    pub read: Result<Option<(Vec<Entry>, usize)>, String>,
    /// The filter typed.
    pub filter: TypedFilter,
    /// The selected row (0 = the newest shown) and the first on screen.
    pub cursor: Cursor,
}

impl JournalView {
    /// The entries the filter shows, newest first.
    pub fn shown(&self) -> Vec<&Entry> {
        let filter = self.filter.value();
        match &self.read {
            Ok(Some((entries, _))) => entries.iter().rev().filter(|e| e.matches(filter)).collect(),
            _ => Vec::new(),
        }
    }
}

/// The screen: the view when open.
#[derive(Debug, Clone, Default)]
pub struct JournalState {
    /// The open view.
    pub view: Option<Box<JournalView>>,
}

impl JournalState {
    /// The view, when it covers `tab`.
    pub fn on(&self, tab: Tab) -> Option<&JournalView> {
        self.view.as_deref().filter(|v| v.origin == tab)
    }
}

/// What the view's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move over the entries (down is older).
    Move(Move),
    /// Start typing a filter.
    Filter,
    /// Keep the filter typed.
    Submit,
    /// Read the journal again.
    Refresh,
    /// Clear the filter, or close the view.
    Back,
    /// The help overlay.
    Help,
}

// Reading the journal changes nothing.
impl Intent for Action {
    fn changes(&self) -> Option<&'static str> {
        None
    }
}

/// A message for the journal view.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Open the view over `origin` and read the journal.
    Open {
        /// The tab it covers.
        origin: Tab,
    },
    /// A key.
    Action(Action),
    /// Typing into the filter.
    Input(InputRequest),
    /// The journal as read.
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Box<Response>,
    },
}

/// Handles one message for the view.
pub fn update(state: &mut JournalState, ctx: &Ctx, msg: Msg) -> Outcome {
    match msg {
        Msg::Open { origin } => {
            let view = JournalView {
                origin,
                req: None,
                read: Ok(None),
                filter: TypedFilter::default(),
                cursor: Cursor::default(),
            };
            open_view(&mut state.view, view, ctx, read)
        }
        Msg::Action(action) => in_view(&mut state.view, ctx, |cx| on_action(cx, action)),
        Msg::Input(request) => in_view(&mut state.view, ctx, |cx| {
            cx.state.filter.handle(request);
            cx.state.cursor.reset();
            (Vec::new(), false)
        }),
        Msg::Response { req, response } => in_view(&mut state.view, ctx, |cx| {
            if cx.state.req == Some(req)
                && let Response::Journal(result) = *response
            {
                cx.state.req = None;
                cx.state.read = result.map(Some);
            }
            (Vec::new(), false)
        }),
    }
}

fn read(cx: &mut Cx) -> Vec<Effect> {
    let req = cx.start_request("ReadJournal", false);
    cx.state.req = Some(req);
    vec![Effect::ReadJournal { req }]
}

/// A key; true when the view closes.
fn on_action(cx: &mut Cx, action: Action) -> (Vec<Effect>, bool) {
    match action {
        Action::Move(step) => {
            let count = cx.state.shown().len();
            let page = layout::list_rows(cx.ctx.size);
            cx.state.cursor.step(step, count, page);
        }
        Action::Filter => cx.state.filter.editing = true,
        Action::Submit => cx.state.filter.editing = false,
        Action::Back => {
            if !cx.state.filter.clear() {
                return (Vec::new(), true);
            }
            cx.state.cursor.reset();
        }
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Refresh => return (read(cx), false),
    }
    (Vec::new(), false)
}
