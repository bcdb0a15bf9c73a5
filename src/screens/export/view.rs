//! Drawing the export view: the format chooser, what the reader must know (a secret left out,
//! roles as parameters), the code scrolled, and the file prompt.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{ExportView, Read};
use super::update::code_rows;
use crate::app::ViewCtx;
use crate::export::Format;
use crate::view::theme::Theme;
use crate::view::widgets::{input_window, spinner, wrap};

/// Draws the view over the body of the tab it covers.
pub fn draw(view: &ExportView, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = Line::from(vec![
        Span::styled(format!(" Export — {} ", view.pool_name), theme.accent),
        Span::styled(format!("{} ", view.pool_id), theme.dim),
    ]);
    let inner = crate::view::panel::covering(frame, area, title);
    let width = usize::from(inner.width);
    let mut lines = vec![chooser(view, theme)];
    lines.push(Line::styled(
        if view.include_roles {
            "  Roles: included — read from IAM and written too (i leaves them out)"
        } else {
            "  Roles: referenced by ARN (i includes them)"
        },
        theme.dim,
    ));
    let mut cursor = None;
    match &view.read {
        Read::Reading(_) => lines.push(Line::raw(format!(
            "{} Reading the pool{}…",
            spinner(vx.now),
            if view.include_roles {
                " and its roles"
            } else {
                ""
            }
        ))),
        Read::Failed(error) => {
            for line in wrap(&format!("✗ {error}"), width) {
                lines.push(Line::styled(line, theme.error));
            }
            if let Some(id) = &error.request_id {
                lines.push(Line::styled(format!("  request id {id}"), theme.dim));
            }
            lines.push(Line::styled("  r reads the pool again", theme.dim));
        }
        Read::Done(_, rendered) => {
            for note in &rendered.notes {
                for line in wrap(&format!("! {note}"), width.saturating_sub(2)) {
                    lines.push(Line::styled(format!("  {line}"), theme.warning));
                }
            }
            if let Some(writing) = &view.writing {
                let label = "  Write to: ";
                let (shown, at) =
                    input_window(&writing.path, width.saturating_sub(label.len() + 1));
                cursor = Some((lines.len(), label.chars().count() + at));
                lines.push(Line::from(vec![
                    Span::styled(label, theme.focused),
                    Span::styled(shown, theme.focused),
                ]));
                let (status, style) = match (&writing.problem, writing.req) {
                    (_, Some(_)) => ("Writing…".to_string(), theme.dim),
                    (Some(problem), None) => (format!("✗ {problem}"), theme.error),
                    (None, None) => (
                        "A new file; an existing one is replaced only after a second ⏎.".into(),
                        theme.dim,
                    ),
                };
                for line in wrap(&status, width.saturating_sub(2)) {
                    lines.push(Line::styled(format!("  {line}"), style));
                }
            }
            lines.push(Line::raw(""));
            let total = rendered.text.lines().count();
            let rows =
                code_rows(vx.size).min(usize::from(inner.height).saturating_sub(lines.len() + 1));
            for text in rendered.text.lines().skip(view.scroll).take(rows) {
                let text: String = text.chars().take(width).collect();
                lines.push(Line::raw(text));
            }
            let shown_to = (view.scroll + rows).min(total);
            let position = if rows == 0 {
                format!("  {total} lines (the terminal is too short to show them)")
            } else {
                format!(
                    "  lines {}–{shown_to} of {total} · {}",
                    (view.scroll + 1).min(total),
                    view.format.file_name()
                )
            };
            lines.push(Line::styled(position, theme.dim));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((row, column)) = cursor {
        let (row, column) = (
            u16::try_from(row).unwrap_or(0),
            u16::try_from(column).unwrap_or(0),
        );
        if row < inner.height {
            frame.set_cursor_position(Position::new(inner.x + column, inner.y + row));
        }
    }
}

fn chooser(view: &ExportView, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw("  Format ")];
    for format in Format::ALL {
        if format == view.format {
            spans.push(Span::styled(
                format!("◀ {} ▶", format.title()),
                theme.focused,
            ));
        } else {
            spans.push(Span::styled(format!("  {}  ", format.title()), theme.dim));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}
