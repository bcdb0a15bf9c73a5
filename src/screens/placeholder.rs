//! Tabs 2–4 until their own issues land: they say so plainly, and which pool they will act on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::Keys;
use crate::app::{Action, Model, Tab};
use crate::view::theme::Theme;

/// What the tab will do once built.
fn purpose(tab: Tab) -> &'static str {
    match tab {
        Tab::Pools => "every identity pool of the region",
        Tab::UserAccess => {
            "guest and authenticated access, identity providers, basic flow, tags and rename"
        }
        Tab::Identities => "the pool's identities: browse, filter, and delete in bulk",
        Tab::Roles => "default roles, role mappings with rules or tokens, and role resolution",
    }
}

/// Draws a tab that is not built yet.
pub fn draw(model: &Model, tab: Tab, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::styled(format!("{tab} is not built yet."), theme.warning),
        Line::raw(""),
        Line::raw(format!("It will show {}.", purpose(tab))),
        Line::raw(""),
    ];
    match &model.current_pool {
        Some((id, name)) => lines.push(Line::from(vec![
            Span::raw("It will act on the current pool: "),
            Span::styled(name.clone(), theme.accent),
            Span::styled(format!("  {id}"), theme.dim),
        ])),
        None => lines.push(Line::raw(
            "It acts on the current pool. Choose one first: press 1 for Pools, select a pool, press ⏎.",
        )),
    }
    let block = Block::bordered().title(Span::styled(format!(" {tab} "), theme.accent));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// A tab that is not built yet (or the Identity browser with no pool chosen) has only the global
/// keys.
pub fn keys() -> Keys<Action> {
    Keys::with_global("This tab", &[])
}
