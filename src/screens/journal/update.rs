//! The journal view's state and how it reacts: it reads the journal, filters it and moves over it.

use tui_input::{Input, InputRequest};

use crate::app::intent::Intent;
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::journal::Entry;
use crate::screens::list;
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
    pub filter: Input,
    /// Whether the filter is being typed.
    pub filter_editing: bool,
    /// The selected row (0 = the newest shown).
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
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
    /// The next (older) entry.
    Down,
    /// The previous (newer) entry.
    Up,
    /// The newest.
    Top,
    /// The oldest.
    Bottom,
    /// A screen up.
    PageUp,
    /// A screen down.
    PageDown,
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
    if let Msg::Open { origin } = msg {
        let view = state.view.insert(Box::new(JournalView {
            origin,
            req: None,
            read: Ok(None),
            filter: Input::default(),
            filter_editing: false,
            selected: 0,
            offset: 0,
        }));
        let mut cx = Cx::new(view, ctx);
        let effects = read(&mut cx);
        return cx.finish(effects);
    }
    let Some(view) = state.view.as_deref_mut() else {
        return Outcome::default();
    };
    let mut cx = Cx::new(view, ctx);
    let mut close = false;
    let effects = match msg {
        Msg::Open { .. } => Vec::new(),
        Msg::Action(action) => on_action(&mut cx, action, &mut close),
        Msg::Input(request) => {
            cx.state.filter.handle(request);
            cx.state.selected = 0;
            cx.state.offset = 0;
            Vec::new()
        }
        Msg::Response { req, response } => {
            if cx.state.req == Some(req)
                && let Response::Journal(result) = *response
            {
                cx.state.req = None;
                cx.state.read = result.map(Some);
            }
            Vec::new()
        }
    };
    let outcome = cx.finish(effects);
    if close {
        state.view = None;
    }
    outcome
}

fn read(cx: &mut Cx) -> Vec<Effect> {
    let req = cx.start_request("ReadJournal", false);
    cx.state.req = Some(req);
    vec![Effect::ReadJournal { req }]
}

fn on_action(cx: &mut Cx, action: Action, close: &mut bool) -> Vec<Effect> {
    let count = cx.state.shown().len();
    let page = layout::list_rows(cx.ctx.size).max(1);
    let view = &mut *cx.state;
    match action {
        Action::Down => view.selected = list::moved(view.selected, 1, count),
        Action::Up => view.selected = list::moved(view.selected, -1, count),
        Action::PageDown => view.selected = list::moved(view.selected, page as isize, count),
        Action::PageUp => view.selected = list::moved(view.selected, -(page as isize), count),
        Action::Top => view.selected = 0,
        Action::Bottom => view.selected = count.saturating_sub(1),
        Action::Filter => view.filter_editing = true,
        Action::Submit => view.filter_editing = false,
        Action::Back if view.filter_editing || !view.filter.value().is_empty() => {
            view.filter_editing = false;
            view.filter.reset();
            view.selected = 0;
            view.offset = 0;
        }
        Action::Back => *close = true,
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Refresh => return read(cx),
    }
    cx.state.offset = list::window(cx.state.selected, cx.state.offset, page, count);
    Vec::new()
}
