//! A screen that runs safe saves: starting one from a finished form, feeding it its answers,
//! and the keys of its phases. Shared by the User access and Role settings tabs, which keep the
//! [`SaveView`] in a panel of their own and hand it here while one message is handled.

use super::{Phase, Save};
use crate::app::Level;
use crate::app::keys::{Binding, ENTER, ESC, Keys, b};
use crate::app::{Cx, Effect, Event, RequestId, Response};
use crate::wizard::scoped::Finished;
use crossterm::event::KeyCode;

/// A save and what the review says beside its diff.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveView {
    /// The save.
    pub save: Save,
    /// A note beside the diff (what the change means for users).
    pub note: Option<String>,
    /// How many rows the panel is scrolled (a long diff is read to its end before saving).
    pub scroll: u16,
}

/// Starts the safe save of a finished form (the fresh read first); None while another save of
/// the screen is still writing (`writing`), which is said.
pub fn begin<S>(
    cx: &mut Cx<S>,
    writing: bool,
    pool_id: &str,
    finished: Finished,
) -> Option<(SaveView, Vec<Effect>)> {
    if writing {
        cx.notify(
            Level::Warning,
            "A save is still writing; wait for it to finish",
        );
        return None;
    }
    let Finished {
        edit,
        new_role,
        new_user_pool,
        note,
    } = finished;
    let (mut save, effects) = Save::begin_with_role(pool_id, edit, new_role, |op, write| {
        cx.start_request(op, write)
    });
    save.new_user_pool = new_user_pool;
    let view = SaveView {
        save,
        note,
        scroll: 0,
    };
    Some((view, effects))
}

/// Feeds the save an answer; once it is done, says how it went (and follows a rename into the
/// tab bar).
pub fn on_response<S>(
    cx: &mut Cx<S>,
    view: &mut SaveView,
    req: RequestId,
    response: Response,
) -> Vec<Effect> {
    let effects = view
        .save
        .on_response(req, response, |op, write| cx.start_request(op, write));
    let save = &view.save;
    if let Phase::Done(differs) = &save.phase {
        let (level, text) = if differs.is_empty() {
            (
                Level::Success,
                "Saved and checked: the pool is exactly as intended".to_string(),
            )
        } else {
            (
                Level::Warning,
                format!(
                    "Saved, but {} field(s) differ from what was intended: see the report",
                    differs.len()
                ),
            )
        };
        if let Some(intended) = &save.intended {
            let id = intended.pool.identity_pool_id.clone();
            let name = intended.pool.identity_pool_name.clone();
            if cx
                .ctx
                .current_pool
                .is_some_and(|(c, n)| *c == id && *n != name)
            {
                cx.emit(Event::SetCurrentPool(id, name));
            }
        }
        cx.notify(level, text);
    }
    effects
}

/// A screen state with a panel that can hold a save.
pub trait SaveSlot {
    /// Takes the save out of its panel (None when no save is on screen).
    fn take_save(&mut self) -> Option<Box<SaveView>>;
    /// Puts the save back into its panel.
    fn put_save(&mut self, view: Box<SaveView>);
}

/// Runs `f` on the screen's save: taken out of the state while `f` runs (the save and the
/// request ids live in different parts of the context) and put back.
pub fn with_save<S: SaveSlot, T>(
    cx: &mut Cx<S>,
    f: impl FnOnce(&mut Cx<S>, &mut SaveView) -> T,
) -> Option<T> {
    let mut view = cx.state.take_save()?;
    let out = f(cx, &mut view);
    cx.state.put_save(view);
    Some(out)
}

/// An answer for the screen's save.
pub fn answer<S: SaveSlot>(cx: &mut Cx<S>, req: RequestId, response: Response) -> Vec<Effect> {
    with_save(cx, |cx, view| on_response(cx, view, req, response)).unwrap_or_default()
}

/// A key on the screen's save; the panel is closed when the key closes it. `After::CloseAndRead`
/// tells the screen to read its pool again.
pub fn key<S: SaveSlot>(cx: &mut Cx<S>, key: SaveKey) -> (Vec<Effect>, After) {
    let Some(mut view) = cx.state.take_save() else {
        return (Vec::new(), After::Stay);
    };
    let (effects, after) = on_key(cx, &mut view, key);
    if after == After::Stay {
        cx.state.put_save(view);
    }
    (effects, after)
}

/// A screen's intent as a key on its save (None: not one of the save's keys).
pub trait SaveIntent: Copy {
    /// The save key it is.
    fn save_key(self) -> Option<SaveKey>;
}

/// A key on the screen's save from one of the screen's intents; `None` when it is not a save key.
pub fn act<S: SaveSlot>(cx: &mut Cx<S>, action: impl SaveIntent) -> Option<(Vec<Effect>, After)> {
    action.save_key().map(|k| key(cx, k))
}

/// The shared parts of a tab that reads its pool and saves through [`SaveView`]: for a state with
/// `pool_id`, `read` (a `TabRead`) and `panel: Option<Panel>` holding `Panel::Save(Box<SaveView>)`,
/// and an intent enum with `Submit`, `Reapply`, `Retry` and `Back`.
#[macro_export]
macro_rules! pool_tab {
    ($state:ty, $panel:ident, $action:ty) => {
        impl $crate::screens::save::host::SaveSlot for $state {
            fn take_save(&mut self) -> Option<Box<$crate::screens::save::host::SaveView>> {
                match self.panel.take() {
                    Some($panel::Save(view)) => Some(view),
                    other => {
                        self.panel = other;
                        None
                    }
                }
            }

            fn put_save(&mut self, view: Box<$crate::screens::save::host::SaveView>) {
                self.panel = Some($panel::Save(view));
            }
        }

        impl $crate::screens::save::tab_read::ReadsPool for $state {
            fn pool(&self) -> Option<String> {
                self.pool_id.clone()
            }

            fn tab_read(&mut self) -> &mut $crate::screens::save::tab_read::TabRead {
                &mut self.read
            }
        }

        impl $crate::screens::save::host::SaveIntent for $action {
            fn save_key(self) -> Option<$crate::screens::save::host::SaveKey> {
                use $crate::screens::save::host::SaveKey;
                match self {
                    <$action>::Submit => Some(SaveKey::Submit),
                    <$action>::Reapply => Some(SaveKey::Reapply),
                    <$action>::Retry => Some(SaveKey::Retry),
                    <$action>::Back => Some(SaveKey::Back),
                    <$action>::Up => Some(SaveKey::Scroll(-1)),
                    <$action>::Down => Some(SaveKey::Scroll(1)),
                    <$action>::PageUp => Some(SaveKey::Scroll(-10)),
                    <$action>::PageDown => Some(SaveKey::Scroll(10)),
                    _ => None,
                }
            }
        }
    };
}

/// What a key asks of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKey {
    /// ⏎: save the reviewed diff (or close a finished save).
    Submit,
    /// `a` after a conflict: apply the edit again on the pool as it is now.
    Reapply,
    /// `r` after a failure: retry the failed call and the rest.
    Retry,
    /// Esc.
    Back,
    /// ↑/↓, PgUp/PgDn: scroll the panel by this many rows.
    Scroll(i16),
}

/// How far the save's panel can scroll on a terminal of `size`: its rows past those it shows.
/// The tabs draw it as wide as the body less a margin and as tall as the body (the view clamps
/// too, so a row of difference here only costs a key press).
fn max_scroll(view: &SaveView, (columns, rows): (u16, u16)) -> u16 {
    let width = columns.saturating_sub(8);
    let theme = crate::view::theme::Theme::named(Default::default());
    let lines = super::view::lines(
        &view.save,
        view.note.as_deref(),
        " ",
        &theme,
        usize::from(width.saturating_sub(2)),
    );
    let total = crate::view::panel::rows_in(&lines, width);
    // The header, tab bar and footer, the tab's border and the panel's.
    let visible = usize::from(rows.saturating_sub(3 + 2 + 2 + 2));
    u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX)
}

/// What the screen does with its save panel after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Keep it open.
    Stay,
    /// Close it; nothing was written.
    Close,
    /// Close it and read the pool again (something was written).
    CloseAndRead,
}

/// Handles a key on the save panel.
pub fn on_key<S>(cx: &mut Cx<S>, view: &mut SaveView, key: SaveKey) -> (Vec<Effect>, After) {
    if let SaveKey::Scroll(rows) = key {
        let max = max_scroll(view, cx.ctx.size);
        view.scroll = view.scroll.saturating_add_signed(rows).min(max);
        return (Vec::new(), After::Stay);
    }
    let save = &mut view.save;
    match (&save.phase, key) {
        (Phase::Review, SaveKey::Submit) => {
            // The diff is confirmed: the form behind it has done its work.
            let tab = cx.ctx.tab;
            cx.emit(Event::HeldEdit { tab, resume: false });
            (
                save.confirm(|op, write| cx.start_request(op, write)),
                After::Stay,
            )
        }
        (Phase::Conflict { .. }, SaveKey::Reapply) => {
            save.reapply();
            (Vec::new(), After::Stay)
        }
        (Phase::Failed(_), SaveKey::Retry) => (
            save.retry(|op, write| cx.start_request(op, write)),
            After::Stay,
        ),
        (Phase::ReadFailed { .. }, SaveKey::Retry) => (
            save.read_again(|op, write| cx.start_request(op, write)),
            After::Stay,
        ),
        // Leaving before anything is written goes back to the form, the edit kept (a save
        // started without a form just closes).
        (
            Phase::Reading(_)
            | Phase::Rereading(_)
            | Phase::Review
            | Phase::ReadFailed { .. }
            | Phase::Conflict { .. }
            | Phase::Refused(_),
            SaveKey::Back,
        ) => {
            for req in save.reading() {
                cx.finish_request(req);
            }
            // Once a call was made (a check after writing that failed), the form's work is done.
            let written = save
                .calls
                .iter()
                .any(|(_, status)| !matches!(status, super::CallStatus::Waiting));
            let tab = cx.ctx.tab;
            cx.emit(Event::HeldEdit {
                tab,
                resume: !written,
            });
            cx.notify(Level::Info, "Nothing was saved");
            (Vec::new(), After::Close)
        }
        (Phase::Done(_) | Phase::Failed(_), SaveKey::Back | SaveKey::Submit) => {
            (Vec::new(), After::CloseAndRead)
        }
        _ => (Vec::new(), After::Stay),
    }
}

/// The key tables of a save's phases, for a screen whose intents are `A`.
pub struct SaveKeys<A: 'static> {
    /// Reviewing the diff.
    pub review: &'static [Binding<A>],
    /// Changed elsewhere.
    pub conflict: &'static [Binding<A>],
    /// Failed part-way.
    pub failed: &'static [Binding<A>],
    /// Done or refused.
    pub close: &'static [Binding<A>],
    /// A read before writing failed.
    pub read_failed: &'static [Binding<A>],
    /// Reading before writing (Esc cancels).
    pub reading: &'static [Binding<A>],
    /// Calls running.
    pub running: &'static [Binding<A>],
}

/// The screen's intents that scroll a save's panel: a row up and down, a page up and down.
#[derive(Debug, Clone, Copy)]
pub struct Scrolling<A> {
    /// A row up (↑).
    pub up: A,
    /// A row down (↓).
    pub down: A,
    /// A page up (PgUp).
    pub page_up: A,
    /// A page down (PgDn).
    pub page_down: A,
}

/// The scrolling bindings, shown once in the footer.
#[rustfmt::skip]
const fn scrolling<A: Copy>(s: Scrolling<A>) -> [Binding<A>; 4] {
    [
        b(&[(KeyCode::Down, crate::app::keys::NONE), (KeyCode::Char('j'), crate::app::keys::NONE)], "↓/↑", "scroll", s.down, true),
        b(&[(KeyCode::Up, crate::app::keys::NONE), (KeyCode::Char('k'), crate::app::keys::NONE)], "↑", "scroll up", s.up, false),
        b(&[(KeyCode::PageDown, crate::app::keys::NONE)], "PgDn", "page down", s.page_down, false),
        b(&[(KeyCode::PageUp, crate::app::keys::NONE)], "PgUp", "page up", s.page_up, false),
    ]
}

/// Two bindings and the scrolling ones.
const fn two<A: Copy>(first: Binding<A>, second: Binding<A>, s: Scrolling<A>) -> [Binding<A>; 6] {
    let [a, b_, c, d] = scrolling(s);
    [first, second, a, b_, c, d]
}

/// One binding and the scrolling ones.
const fn one<A: Copy>(only: Binding<A>, s: Scrolling<A>) -> [Binding<A>; 5] {
    let [a, b_, c, d] = scrolling(s);
    [only, a, b_, c, d]
}

/// The bindings of a save's review.
#[rustfmt::skip]
pub const fn review<A: Copy>(submit: A, back: A, s: Scrolling<A>) -> [Binding<A>; 6] {
    two(
        b(&[ENTER], "⏎", "save these changes", submit, true),
        b(&[ESC], "Esc", "back, the edit kept (nothing saved)", back, true),
        s,
    )
}

/// The bindings after a conflict.
#[rustfmt::skip]
pub const fn conflict<A: Copy>(reapply: A, back: A, s: Scrolling<A>) -> [Binding<A>; 6] {
    two(
        b(&[(KeyCode::Char('a'), crate::app::keys::NONE)], "a", "re-apply my edit on the new state", reapply, true),
        b(&[ESC], "Esc", "back, my edit kept (nothing written)", back, true),
        s,
    )
}

/// The bindings after a part-way failure.
#[rustfmt::skip]
pub const fn failed<A: Copy>(retry: A, back: A, s: Scrolling<A>) -> [Binding<A>; 6] {
    two(
        b(&[(KeyCode::Char('r'), crate::app::keys::NONE)], "r", "make what is missing", retry, true),
        b(&[ESC], "Esc", "close (re-reads the pool)", back, true),
        s,
    )
}

/// The bindings after a read before writing failed.
#[rustfmt::skip]
pub const fn read_failed<A: Copy>(retry: A, back: A, s: Scrolling<A>) -> [Binding<A>; 6] {
    two(
        b(&[(KeyCode::Char('r'), crate::app::keys::NONE)], "r", "check again (the edit is kept)", retry, true),
        b(&[ESC], "Esc", "back to the form (nothing written)", back, true),
        s,
    )
}

/// The binding while reading before writing.
pub const fn reading<A: Copy>(back: A, s: Scrolling<A>) -> [Binding<A>; 5] {
    one(b(&[ESC], "Esc", "cancel (nothing written)", back, true), s)
}

/// The binding of a finished save.
pub const fn close<A: Copy>(back: A, s: Scrolling<A>) -> [Binding<A>; 5] {
    one(b(&[ESC, ENTER], "Esc", "close", back, true), s)
}

/// The binding while calls run.
pub const fn running<A: Copy>(back: A, s: Scrolling<A>) -> [Binding<A>; 5] {
    one(b(&[ESC], "Esc", "(calls are running)", back, false), s)
}

impl<A: crate::app::intent::Intent> SaveKeys<A> {
    /// The keys of the save's current phase.
    pub fn of(&self, save: &Save) -> Keys<A> {
        match &save.phase {
            Phase::Review => Keys::own("Review changes", self.review),
            Phase::Conflict { .. } => Keys::own("Changed elsewhere", self.conflict),
            Phase::Failed(_) => Keys::own("Save failed part-way", self.failed),
            Phase::ReadFailed { .. } => {
                Keys::own("Nothing written: a read failed", self.read_failed)
            }
            Phase::Reading(_) | Phase::Rereading(_) => Keys::own("Reading the pool", self.reading),
            Phase::Done(_) | Phase::Refused(_) => Keys::own("Save", self.close),
            _ => Keys::own("Saving", self.running),
        }
    }
}
