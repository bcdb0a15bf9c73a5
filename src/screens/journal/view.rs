//! Drawing the journal: a line per write, newest first, and the selected entry's details.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::update::JournalView;
use crate::app::ViewCtx;
use crate::screens::list;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, spinner, thousands, truncate, wrap};

/// Draws the view over the body of the tab it covers.
pub fn draw(view: &JournalView, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::view::panel::covering(
        frame,
        area,
        Span::styled(" Journal — writes made from here ", theme.accent),
    );
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let (entries, unreadable) = match &view.read {
        Ok(None) => {
            lines.push(Line::raw(format!(
                "{} Reading the journal…",
                spinner(vx.now)
            )));
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        Err(why) => {
            for line in wrap(&format!("✗ The journal can't be read: {why}"), width) {
                lines.push(Line::styled(line, theme.error));
            }
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        Ok(Some((entries, unreadable))) => (entries, *unreadable),
    };
    let shown = view.shown();
    let failed = entries.iter().filter(|e| e.outcome != "ok").count();
    let plural = if entries.len() == 1 { "" } else { "s" };
    let mut head = format!("{} write{plural}", thousands(entries.len()));
    if failed > 0 {
        head.push_str(&format!(" · {failed} not ok"));
    }
    if shown.len() != entries.len() {
        head.push_str(&format!(" · {} shown", thousands(shown.len())));
    }
    if unreadable > 0 {
        let lines = if unreadable == 1 { "line" } else { "lines" };
        head.push_str(&format!(" · {unreadable} {lines} unreadable"));
    }
    lines.push(Line::raw(head));
    lines.extend(view.filter.line(width, theme));
    if shown.is_empty() {
        lines.push(Line::styled(
            if entries.is_empty() {
                "  Nothing written from the console yet."
            } else {
                "  No entry matches the filter."
            },
            theme.dim,
        ));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let details = shown
        .get(view.cursor.selected)
        .map(|e| detail(e, width, theme))
        .unwrap_or_default();
    let rows = usize::from(inner.height)
        .saturating_sub(lines.len() + details.len() + 1)
        .max(1);
    let first = list::window(view.cursor.selected, view.cursor.offset, rows, shown.len());
    for (i, entry) in shown.iter().enumerate().skip(first).take(rows) {
        let (mark, style) = match entry.outcome.as_str() {
            "ok" => ("✓", theme.success),
            "partly" => ("!", theme.warning),
            _ => ("✗", theme.error),
        };
        let time = entry
            .time
            .get(..19)
            .unwrap_or(&entry.time)
            .replace('T', " ");
        let text = format!(
            "{time} {} {} {}",
            fit(&entry.operation, 27),
            fit(&entry.target, width.saturating_sub(94).clamp(12, 46)),
            entry.summary
        );
        let text = truncate(&text, width.saturating_sub(4));
        let selected = i == view.cursor.selected;
        lines.push(Line::from(vec![
            Span::raw(if selected { "> " } else { "  " }),
            Span::styled(format!("{mark} "), style),
            Span::styled(
                text,
                if selected {
                    theme.selected
                } else {
                    Default::default()
                },
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(details);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn detail(entry: &crate::journal::Entry, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut text = vec![
        format!(
            "{} · {} · {} · profile {} · region {}",
            entry.time, entry.operation, entry.outcome, entry.profile, entry.region
        ),
        format!(
            "target: {}",
            if entry.target.is_empty() {
                "—"
            } else {
                &entry.target
            }
        ),
        entry.summary.clone(),
        format!(
            "request ids: {}",
            if entry.request_ids.is_empty() {
                "—".to_string()
            } else {
                entry.request_ids.join(", ")
            }
        ),
    ];
    if let Some(error) = &entry.error {
        text.push(error.clone());
    }
    text.iter()
        .enumerate()
        .flat_map(|(i, t)| {
            let style = if i == 4 { theme.error } else { theme.dim };
            wrap(t, width.saturating_sub(2))
                .into_iter()
                .map(move |l| Line::styled(format!("  {l}"), style))
        })
        .collect()
}
