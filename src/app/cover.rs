//! The one protocol of the views that cover the tab they were opened on until they close (Test
//! access, export, the security report, all regions, the journal): their state ([`Cover`]), their
//! messages ([`CoverMsg`]) and the update that hands each message to the open view ([`update`]).
//! A view says only what is its own, by implementing [`Covering`].

use tui_input::InputRequest;

use super::context::Tab;
use super::effect::{Effect, RequestId};
use super::response::Response;
use super::screen::{Ctx, Cx, Outcome};

/// A view that covers a tab.
pub trait Covering: Sized + std::fmt::Debug {
    /// What opening it carries besides the tab it covers (the pool or regions it is about).
    type Open;
    /// Its key intents.
    type Action;
    /// What its screen keeps from one opening to the next.
    type Kept: Default + std::fmt::Debug;
    /// The view as opened.
    fn open(open: Self::Open, ctx: &Ctx) -> Self;
    /// Its first requests.
    fn start(cx: &mut Cx<'_, Self>) -> Vec<Effect>;
    /// A key: its effects, and whether the view closes.
    fn on_action(
        cx: &mut Cx<'_, Self>,
        action: Self::Action,
        kept: &mut Self::Kept,
    ) -> (Vec<Effect>, bool);
    /// Typing, for a view with a text field.
    fn on_input(cx: &mut Cx<'_, Self>, request: InputRequest) {
        let _ = (cx, request);
    }
    /// An answer to one of its requests.
    fn on_response(cx: &mut Cx<'_, Self>, req: RequestId, response: Response) -> Vec<Effect>;
}

/// The state of a screen that is a view over a tab: the view while open, the tab it covers, and
/// what the screen keeps between openings.
#[derive(Debug)]
pub struct Cover<V: Covering> {
    /// The open view.
    pub view: Option<Box<V>>,
    /// The tab the view covers (the tab shown when it was opened).
    pub origin: Tab,
    /// What outlives a view (Test access: whether signing in for real was confirmed).
    pub kept: V::Kept,
}

impl<V: Covering> Default for Cover<V> {
    fn default() -> Self {
        Self {
            view: None,
            origin: Tab::default(),
            kept: V::Kept::default(),
        }
    }
}

impl<V: Covering> Cover<V> {
    /// The view, when it covers `tab`.
    pub fn on(&self, tab: Tab) -> Option<&V> {
        self.view.as_deref().filter(|_| self.origin == tab)
    }
}

/// A message for a view over a tab.
#[derive(Debug, Clone, PartialEq)]
pub enum CoverMsg<O, A> {
    /// Open it over `origin` (replacing one open) and start it.
    Open {
        /// The tab it covers.
        origin: Tab,
        /// What else opening it carries.
        open: O,
    },
    /// A key.
    Action(A),
    /// Typing into its text field.
    Input(InputRequest),
    /// An answer to one of its requests (boxed: the other messages are a few bytes).
    Response {
        /// The request.
        req: RequestId,
        /// Its result.
        response: Box<Response>,
    },
}

/// What opening a view about one pool carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnPool {
    /// The pool.
    pub pool_id: String,
    /// Its name.
    pub name: String,
}

/// Handles one message for a view over a tab: `Open` opens it; everything else goes to the open
/// view (nothing happens while none is open), which closes when its key says so.
pub fn update<V: Covering>(
    state: &mut Cover<V>,
    ctx: &Ctx,
    msg: CoverMsg<V::Open, V::Action>,
) -> Outcome {
    if let CoverMsg::Open { origin, open } = msg {
        state.origin = origin;
        let view = state.view.insert(Box::new(V::open(open, ctx)));
        let mut cx = Cx::new(&mut **view, ctx);
        let effects = V::start(&mut cx);
        return cx.finish(effects);
    }
    let Some(view) = state.view.as_deref_mut() else {
        return Outcome::default();
    };
    let mut cx = Cx::new(view, ctx);
    let (effects, close) = match msg {
        CoverMsg::Open { .. } => (Vec::new(), false),
        CoverMsg::Action(action) => V::on_action(&mut cx, action, &mut state.kept),
        CoverMsg::Input(request) => {
            V::on_input(&mut cx, request);
            (Vec::new(), false)
        }
        CoverMsg::Response { req, response } => (V::on_response(&mut cx, req, *response), false),
    };
    let outcome = cx.finish(effects);
    if close {
        state.view = None;
    }
    outcome
}

/// A view over a tab's message type and update, from its `Open` and `Action`:
/// `covering_screen!(JournalState, (), Action);`.
macro_rules! covering_screen {
    ($state:ty, $open:ty, $action:ty) => {
        /// A message for the view.
        pub type Msg = $crate::app::cover::CoverMsg<$open, $action>;

        /// Handles one message for the view.
        pub fn update(
            state: &mut $state,
            ctx: &$crate::app::Ctx,
            msg: Msg,
        ) -> $crate::app::Outcome {
            $crate::app::cover::update(state, ctx, msg)
        }
    };
}
pub(crate) use covering_screen;
