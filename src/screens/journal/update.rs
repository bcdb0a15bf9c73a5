//! The journal view's state and how it reacts: it reads the journal, filters it and moves over it.

use tui_input::InputRequest;

use crate::app::cover::{Cover, Covering, covering_screen};
use crate::app::intent::only_reads;
use crate::app::{Ctx, Effect, Event, RequestId, Response};
use crate::journal::Entry;
use crate::screens::cursor::{Cursor, ListKey, TypedFilter, list_key, type_filter};
use crate::view::layout;

type Cx<'a> = crate::app::Cx<'a, JournalView>;

/// The open view.
#[derive(Debug, Clone)]
pub struct JournalView {
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
pub type JournalState = Cover<JournalView>;

/// What the view's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move over the entries (down is older), filter them, or close.
    List(ListKey),
    /// Read the journal again.
    Refresh,
    /// The help overlay.
    Help,
}

// Reading the journal changes nothing.
only_reads!(Action);

covering_screen!(JournalState, (), Action);

impl Covering for JournalView {
    type Open = ();
    type Action = Action;
    type Kept = ();

    fn open((): (), _: &Ctx) -> Self {
        JournalView {
            req: None,
            read: Ok(None),
            filter: TypedFilter::default(),
            cursor: Cursor::default(),
        }
    }

    fn start(cx: &mut Cx) -> Vec<Effect> {
        read(cx)
    }

    fn on_action(cx: &mut Cx, action: Action, _: &mut ()) -> (Vec<Effect>, bool) {
        on_action(cx, action)
    }

    fn on_input(cx: &mut Cx, request: InputRequest) {
        let view = &mut *cx.state;
        type_filter(&mut view.cursor, &mut view.filter, request);
    }

    fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
        if cx.state.req == Some(req)
            && let Response::Journal(result) = response
        {
            cx.state.req = None;
            cx.state.read = result.map(Some);
        }
        Vec::new()
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
        Action::List(key) => {
            let count = cx.state.shown().len();
            let page = layout::list_rows(cx.ctx.size);
            let view = &mut *cx.state;
            return (
                Vec::new(),
                list_key(&mut view.cursor, &mut view.filter, key, count, page),
            );
        }
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Refresh => return (read(cx), false),
    }
    (Vec::new(), false)
}
