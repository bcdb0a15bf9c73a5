//! `:store`, what the console holds of the service, over the tab shown: every pool in the store
//! with how long ago each part was read, whether a write took effect since, and the pools found
//! deleted, and the account's lists the pickers offer. It answers "is what I see fresh?" without a call; ⏎ opens the pool (read fresh).
//!
//! It is also the smallest view over a tab, made by the recipe in docs/architecture.md: this
//! module, a line in `console::plug`, a field, an `Owner` and a `Focus` in `console::model`, a
//! `Msg` variant, an arm in the frame and the keymap, and its `:` command.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::cover::{Cover, Covering, covering_screen};
use crate::app::intent::only_reads;
use crate::app::keys::{Binding, ENTER, ESC, Keys, NONE, b, list_moves};
use crate::app::{Ctx, Effect, Event, RequestId, Response, ViewCtx};
use crate::screens::cursor::{Cursor, Move};
use crate::store::{ListState, Listing, PoolEntry, Stamp, Store};
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::fit;

/// The open view.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldView {
    /// The selected pool and the first row on screen.
    pub cursor: Cursor,
}

/// The screen: the view when open.
pub type HeldState = Cover<HeldView>;

/// What the view's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move over the pools.
    Move(Move),
    /// Open the selected pool's summary (read fresh).
    Open,
    /// Close the view.
    Back,
    /// The help overlay.
    Help,
}

// Looking at what is held reads nothing and changes nothing.
only_reads!(Action);

covering_screen!(HeldState, (), Action);

const MOVES: [Binding<Action>; 6] = list_moves!(Action::Move);

#[rustfmt::skip]
const KEYS: &[Binding<Action>] = &[
    b(&[ENTER], "⏎", "open (read fresh)", Action::Open, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, false),
    b(&[ESC], "Esc", "close", Action::Back, true),
    MOVES[0], MOVES[1], MOVES[2], MOVES[3], MOVES[4], MOVES[5],
];

/// The view's keys.
pub fn keys(_: &HeldView) -> Keys<Action> {
    Keys::own("What the console holds", KEYS).noted(&[
        "",
        "Every pool the console has read, how long",
        "ago, and whether a write took effect since.",
    ])
}

/// The pools held, by name then id.
fn rows(store: &Store) -> Vec<(&String, &PoolEntry)> {
    let mut rows: Vec<_> = store
        .pools()
        .filter(|(_, e)| e.described().is_some())
        .collect();
    rows.sort_by(|(a_id, a), (b_id, b)| {
        let name = |e: &PoolEntry| e.described().map(|p| p.identity_pool_name.clone());
        name(a).cmp(&name(b)).then(a_id.cmp(b_id))
    });
    rows
}

impl Covering for HeldView {
    type Open = ();
    type Action = Action;
    type Kept = ();

    fn open((): (), _: &Ctx) -> Self {
        HeldView {
            cursor: Cursor::default(),
        }
    }

    fn start(_: &mut crate::app::Cx<'_, Self>) -> Vec<Effect> {
        Vec::new()
    }

    fn on_action(
        cx: &mut crate::app::Cx<'_, Self>,
        action: Action,
        _: &mut (),
    ) -> (Vec<Effect>, bool) {
        let held = rows(cx.ctx.store);
        match action {
            Action::Move(step) => {
                let page = layout::list_rows(cx.ctx.size);
                cx.state.cursor.step(step, held.len(), page);
            }
            Action::Open => {
                if let Some((id, _)) = held.get(cx.state.cursor.selected) {
                    cx.emit(Event::OpenPool((*id).clone()));
                    return (Vec::new(), true);
                }
            }
            Action::Help => cx.emit(Event::ShowHelp),
            Action::Back => return (Vec::new(), true),
        }
        (Vec::new(), false)
    }

    fn on_response(_: &mut crate::app::Cx<'_, Self>, _: RequestId, _: Response) -> Vec<Effect> {
        Vec::new()
    }
}

/// How long ago a part was read ("4 s ago"), or that it was not.
fn age(stamp: Option<Stamp>, now: Option<f64>) -> String {
    match stamp {
        Some(stamp) => stamp.ago(now).unwrap_or_else(|| "read".into()),
        None => "not read".into(),
    }
}

/// One of the account's lists: how many items, how long ago, or how far it got.
fn listed<T>(label: &str, listing: Option<&Listing<T>>, now: Option<f64>) -> String {
    let Some(listing) = listing else {
        return format!("{label}: not listed");
    };
    let count = listing.items.len();
    match &listing.state {
        ListState::Complete => match listing.read.ago(now) {
            Some(ago) => format!("{label}: {count}, {ago}"),
            None => format!("{label}: {count}"),
        },
        ListState::More(_) => format!("{label}: {count} so far, listing…"),
        ListState::Failed(error) => format!(
            "{label}: {count} before {} stopped it",
            error.code.as_deref().unwrap_or("an error")
        ),
    }
}

/// What the pickers offer, as listed: a line a list.
fn catalog_lines(store: &Store, now: Option<f64>) -> [String; 4] {
    let catalog = store.catalog();
    [
        listed("IAM roles", catalog.roles(), now),
        listed("user pools", catalog.user_pools(), now),
        listed("OIDC providers", catalog.oidc(), now),
        listed("SAML providers", catalog.saml(), now),
    ]
}

/// Draws the view over the body of the tab it covers.
pub fn draw(view: &HeldView, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::view::panel::covering(
        frame,
        area,
        Span::styled(
            " What the console holds — every tab draws from this ",
            theme.accent,
        ),
    );
    let width = usize::from(inner.width);
    let held = rows(vx.store);
    let gone: Vec<_> = vx.store.gone_pools().collect();
    let mut lines = vec![Line::raw(format!(
        "{} pools held · {} found deleted",
        held.len(),
        gone.len()
    ))];
    let name_w = (width / 4).clamp(10, 30);
    lines.push(Line::styled(
        format!(
            "  {}{}{}{}{}",
            fit("NAME", name_w),
            fit("DESCRIBED", 14),
            fit("ROLES", 14),
            fit("ATTRIBUTES", 12),
            "STATE"
        ),
        theme.dim,
    ));
    let page = layout::list_rows(vx.size);
    for (i, (_, entry)) in held.iter().enumerate().skip(view.cursor.offset).take(page) {
        let selected = i == view.cursor.selected;
        let name = entry
            .described()
            .map(|p| p.identity_pool_name.as_str())
            .unwrap_or_default();
        let (read, of) = entry.tag_maps_read();
        let state = if entry.written_since_read() {
            Span::styled("written since read", theme.warning)
        } else {
            Span::raw("as read")
        };
        let row = format!(
            "{}{}{}{}{}",
            if selected { "> " } else { "  " },
            fit(name, name_w),
            fit(&age(entry.described_at(), vx.now), 14),
            fit(&age(entry.roles_at(), vx.now), 14),
            fit(&format!("{read} of {of}"), 12),
        );
        let style = if selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![Span::styled(row, style), state]));
    }
    if held.is_empty() {
        lines.push(Line::styled("  Nothing read yet.", theme.dim));
    }
    for (id, name) in gone {
        let name = if name.is_empty() { id } else { name };
        lines.push(Line::styled(
            format!("  {}found deleted · {id}", fit(name, name_w)),
            theme.error,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "The account's lists (what the create wizard's pickers offer):",
        theme.dim,
    ));
    for line in catalog_lines(vx.store, vx.now) {
        lines.push(Line::raw(format!("  {line}")));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
