//! Drawing the inventory: a summary line, the pools of every region in one table with a region
//! column, and a line for each region that could not be listed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{InventoryView, refusal};
use crate::app::ViewCtx;
use crate::screens::list;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, spinner, thousands, truncate, wrap};

/// Draws the view over the body of the tab it covers.
pub fn draw(view: &InventoryView, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = view.rows();
    let title = Span::styled(
        format!(" All regions ({}) ", view.regions.len()),
        theme.accent,
    );
    let inner = crate::view::panel::covering(frame, area, title);
    let width = usize::from(inner.width);
    let mut lines = vec![summary(vx, view, rows.len(), theme)];
    lines.extend(view.filter.line(width, theme));
    let failed: Vec<Line> = view
        .failed()
        .flat_map(|(region, error)| {
            let text = format!("✗ {region:<15} {}: {error}", refusal(error));
            wrap(&text, width.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let indent = if i == 0 { "" } else { "                  " };
                    Line::styled(format!("{indent}{l}"), theme.error)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // The failed regions keep their lines below the table, the table takes the rest.
    let header_rows = lines.len() + 1;
    let table_rows = usize::from(inner.height)
        .saturating_sub(header_rows + failed.len() + usize::from(!failed.is_empty()))
        .max(1);
    let name_width = (width / 3).clamp(12, 40);
    lines.push(Line::styled(
        format!("  {:<15} {} ID", "REGION", fit("NAME", name_width)),
        theme.dim,
    ));
    let first = list::window(
        view.cursor.selected,
        view.cursor.offset,
        table_rows,
        rows.len(),
    );
    for (i, (region, pool)) in rows.iter().enumerate().skip(first).take(table_rows) {
        let text = format!("{region:<15} {} {}", fit(&pool.name, name_width), pool.id);
        let text = truncate(&text, width.saturating_sub(2));
        lines.push(if i == view.cursor.selected {
            Line::styled(format!("> {text}"), theme.selected)
        } else {
            Line::raw(format!("  {text}"))
        });
    }
    if rows.is_empty() && view.finished.is_some() {
        lines.push(Line::styled(
            if view.filter.value().is_empty() {
                "  No identity pools in any region."
            } else {
                "  No pool matches the filter."
            },
            theme.dim,
        ));
    }
    let used = lines.len();
    let gap = usize::from(inner.height).saturating_sub(used + failed.len());
    if !failed.is_empty() {
        lines.extend((0..gap).map(|_| Line::raw("")));
    }
    lines.extend(failed);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn summary(vx: &ViewCtx, view: &InventoryView, shown: usize, theme: &Theme) -> Line<'static> {
    let (listing, done, failed) = view.counts();
    let pools: usize = view.regions.iter().map(|r| r.pools.len()).sum();
    let with_pools = view.regions.iter().filter(|r| !r.pools.is_empty()).count();
    let mut spans = vec![Span::raw(format!(
        "{} pools in {with_pools} of {} regions",
        thousands(pools),
        view.regions.len()
    ))];
    if shown != pools {
        spans.push(Span::raw(format!(" · {} shown", thousands(shown))));
    }
    if failed > 0 {
        spans.push(Span::styled(
            format!(
                " · {failed} region{} failed",
                if failed == 1 { "" } else { "s" }
            ),
            theme.error,
        ));
    }
    match (listing, view.started, view.finished) {
        (0, Some(start), Some(end)) => spans.push(Span::styled(
            format!(
                " · {} regions answered in {:.1} s",
                done + failed,
                (end - start).max(0.0)
            ),
            theme.dim,
        )),
        (0, _, _) => {}
        (n, _, _) => spans.push(Span::styled(
            format!(" · {} listing {n} more…", spinner(vx.now)),
            theme.dim,
        )),
    }
    Line::from(spans)
}
