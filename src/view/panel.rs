//! A panel over a tab: a bordered box centred on the body, its lines wrapped, and scrolled so the
//! focused line (the one marked `▸`) stays in view on a small terminal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::ViewCtx;

use super::theme::Theme;
use super::widgets::centered;

/// The rows `lines` take once wrapped to `width` columns.
fn rows(lines: &[Line], width: usize) -> Vec<usize> {
    let width = width.max(1);
    lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(width))
        .collect()
}

/// The height of a panel `width` wide showing all of `lines` (borders included), at most `max`.
pub fn fitted_height(lines: &[Line], width: u16, max: u16) -> u16 {
    let total: usize = rows(lines, usize::from(width.saturating_sub(2)))
        .iter()
        .sum();
    u16::try_from(total + 2).unwrap_or(u16::MAX).min(max)
}

/// How a panel's lines are scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// The focused line (the one marked `▸`) kept in view.
    ToFocus,
    /// This many rows from the top (at most as far as the last row shows).
    Rows(u16),
}

/// Draws `lines` in a box of `width` × `height` centred on `area`, the focused line in view.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    size: (u16, u16),
    theme: &Theme,
) {
    draw_scrolled(frame, area, title, lines, size, theme, Scroll::ToFocus);
}

/// The rows `lines` take wrapped in a panel `width` wide (borders included).
pub fn rows_in(lines: &[Line], width: u16) -> usize {
    rows(lines, usize::from(width.saturating_sub(2)))
        .iter()
        .sum()
}

/// Draws `lines` in a box of `width` × `height` centred on `area`, scrolled as `scroll` says;
/// when they are longer than the box, its bottom border says how much more there is.
pub fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    (width, height): (u16, u16),
    theme: &Theme,
    scroll: Scroll,
) {
    let rect = centered(area, width, height);
    let mut block = Block::bordered().title(Span::styled(title, theme.accent));
    let inner = block.inner(rect);
    // The rows the panel stands on are cleared across the area (inside the tab's border): no
    // word of the tab behind shows in the margins beside it (it read as part of the dialog).
    frame.render_widget(
        Clear,
        Rect {
            x: area.x.saturating_add(1).min(rect.x),
            width: area.width.saturating_sub(2).max(rect.width),
            ..rect
        }
        .intersection(area),
    );
    let focus = lines
        .iter()
        .position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('▸')))
        .unwrap_or(0);
    // Counted in screen rows: long lines wrap.
    let rows = rows(&lines, usize::from(inner.width));
    let total: usize = rows.iter().sum();
    let visible = usize::from(inner.height);
    let offset = match scroll {
        Scroll::ToFocus => {
            let focus_row: usize = rows[..focus].iter().sum();
            super::layout::scroll_offset(focus_row, total, visible)
        }
        Scroll::Rows(n) => usize::from(n).min(total.saturating_sub(visible)),
    };
    if let Scroll::Rows(_) = scroll {
        let below = total.saturating_sub(offset + visible);
        let more = match (offset > 0, below > 0) {
            (_, true) => Some(format!(" ↓ {below} more row(s): ↓/PgDn ")),
            (true, false) => Some(" ↑ more above: ↑/PgUp ".to_string()),
            (false, false) => None,
        };
        if let Some(more) = more {
            block = block.title_bottom(Span::styled(more, theme.dim));
        }
    }
    frame.render_widget(block, rect);
    let offset = u16::try_from(offset).unwrap_or(0);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((offset, 0)),
        inner,
    );
}

/// The frame of a tab acting on the current pool: with no pool chosen, `hint` says how to choose
/// one (None comes back), after saying which pool was found deleted if that is why; else a box
/// titled with the tab and the pool, and the area inside it.
pub fn pool_tab(
    vx: &ViewCtx,
    title: &str,
    hint: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Option<Rect> {
    let Some((pool_id, pool_name)) = vx.current_pool else {
        let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.accent));
        let mut lines = lost_pool(vx, theme);
        lines.push(Line::raw(hint.to_string()));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
        return None;
    };
    let block = Block::bordered().title(Line::from(vec![
        Span::styled(format!(" {title} — {pool_name} "), theme.accent),
        Span::styled(format!("{pool_id} "), theme.dim),
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    Some(inner)
}

/// The frame of a view over a tab: the body cleared, a box titled `title`; the area inside it.
pub fn covering(frame: &mut Frame, area: Rect, title: impl Into<Line<'static>>) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// What a tab acting on the current pool says first when that pool was found deleted.
pub fn lost_pool(vx: &ViewCtx, theme: &Theme) -> Vec<Line<'static>> {
    match vx.lost_pool {
        Some((id, name)) => vec![
            Line::styled(
                format!("Pool \"{name}\" ({id}) no longer exists: it was deleted."),
                theme.warning,
            ),
            Line::raw(""),
        ],
        None => Vec::new(),
    }
}

/// Draws a tab's lines into `inner`, scrolled so the focused line (`▸`) is in view.
pub fn scrolled(frame: &mut Frame, inner: Rect, lines: Vec<Line<'static>>) {
    let height = usize::from(inner.height.max(1));
    let focus = lines
        .iter()
        .position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('▸')))
        .unwrap_or(0);
    let offset = super::layout::scroll_offset(focus, lines.len(), height);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
