//! A step's rows as lines: headings, notes, warnings, fields with their values and messages.

use crate::store::Catalog;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Wizard;
use super::edit;
use super::fields::{Field, Kind, Row};
use crate::view::theme::Theme;
use crate::view::widgets::{fit, input_window, truncate, truncate_start};

/// Width of the label column.
const LABEL: usize = 30;

/// Lines of the current step, and the line of the focused field (to scroll to) with the column
/// of its text cursor, when it is a text field.
pub struct FormLines {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// The focused field's line.
    pub focus_line: usize,
    /// Where the text cursor goes on that line.
    pub cursor_column: Option<u16>,
    /// The line of each field, in field order (for mouse clicks).
    pub field_lines: Vec<usize>,
}

pub use crate::view::widgets::wrap;

/// A field's value as drawn in `width` columns, and the text cursor's column in it.
fn value_spans(
    wizard: &Wizard,
    field: &Field,
    focused: bool,
    theme: &Theme,
    width: usize,
) -> (Vec<Span<'static>>, Option<usize>) {
    match &field.kind {
        Kind::Toggle(on) => (vec![Span::raw(if *on { "[x]" } else { "[ ]" })], None),
        Kind::Choice { options, selected } => {
            let label = options.get(*selected).copied().unwrap_or_default();
            let counter = if options.len() > 2 || focused {
                format!("  {}/{}", selected + 1, options.len())
            } else {
                String::new()
            };
            let room = width.saturating_sub(4 + counter.chars().count());
            let spans = vec![
                Span::raw(format!("‹ {} ›", truncate(label, room))),
                Span::styled(counter, theme.dim),
            ];
            (spans, None)
        }
        Kind::Text { masked, picker } => {
            let empty = tui_input::Input::default();
            let input = edit::input(&wizard.draft, field.id).unwrap_or(&empty);
            if input.value().is_empty() {
                let hint = match picker {
                    Some(_) => "(type, or ⏎ to pick)",
                    None => "(type)",
                };
                return (vec![Span::styled(hint, theme.dim)], focused.then_some(0));
            }
            if *masked && !(focused && wizard.reveal_secret) {
                // One bullet per character typed, so a slip of the finger shows; the text only
                // on request.
                let count = input.value().chars().count();
                let hint = if focused { " · Ctrl-t shows it" } else { "" };
                let suffix = format!("  ({count} characters{hint})");
                let room = width.saturating_sub(suffix.chars().count()).max(1);
                let bullets = "•".repeat(count.min(room));
                let cursor = input.visual_cursor().min(room);
                return (
                    vec![Span::raw(bullets), Span::styled(suffix, theme.dim)],
                    Some(cursor).filter(|_| focused),
                );
            }
            // Long values scroll sideways so the cursor stays on screen.
            let (shown, cursor) = input_window(input, width);
            let mut spans = vec![Span::raw(shown)];
            if *masked {
                spans.push(Span::styled("  (shown · Ctrl-t hides)", theme.dim));
            }
            (spans, Some(cursor).filter(|_| focused))
        }
        Kind::Pick { value, .. } => match value {
            Some(value) => {
                const CHANGE: &str = "  (⏎ change)";
                let room = width.saturating_sub(CHANGE.chars().count());
                (
                    vec![
                        // An ARN's end (the role or provider name) is what tells it apart.
                        Span::raw(if value.starts_with("arn:") {
                            truncate_start(value, room)
                        } else {
                            truncate(value, room)
                        }),
                        Span::styled(truncate(CHANGE, width.saturating_sub(room)), theme.dim),
                    ],
                    None,
                )
            }
            None => (vec![Span::styled("(⏎ to pick)", theme.dim)], None),
        },
        Kind::Button => (
            vec![Span::styled(format!("[ {} ]", field.label), theme.key)],
            None,
        ),
    }
}

/// The lines of the wizard's current step, `width` columns wide.
pub fn lines(wizard: &Wizard, catalog: &Catalog, theme: &Theme, width: usize) -> FormLines {
    let rows = wizard.rows(catalog, wizard.step);
    let attempted = wizard.attempted.contains(&wizard.step);
    let mut out = FormLines {
        lines: Vec::new(),
        focus_line: 0,
        cursor_column: None,
        field_lines: Vec::new(),
    };
    let mut field_index = 0;
    let text_width = width.saturating_sub(4);
    for row in rows {
        match row {
            Row::Heading(text) => {
                if !out.lines.is_empty() {
                    out.lines.push(Line::raw(""));
                }
                out.lines.push(Line::styled(text, theme.accent));
            }
            Row::Note(text) => {
                for part in wrap(&text, text_width) {
                    out.lines
                        .push(Line::styled(format!("    {part}"), theme.dim));
                }
            }
            Row::Warning(text) => {
                for (i, part) in wrap(&text, text_width).into_iter().enumerate() {
                    let mark = if i == 0 { "  ⚠ " } else { "    " };
                    out.lines
                        .push(Line::styled(format!("{mark}{part}"), theme.warning));
                }
            }
            Row::Problem(text) if attempted => {
                for (i, part) in wrap(&text, text_width).into_iter().enumerate() {
                    let mark = if i == 0 { "  ✗ " } else { "    " };
                    out.lines
                        .push(Line::styled(format!("{mark}{part}"), theme.error));
                }
            }
            Row::Problem(_) => {}
            Row::Field(field) => {
                let focused = field_index == wizard.focus;
                field_index += 1;
                let marker = if focused { "▸ " } else { "  " };
                let label_width = match field.kind {
                    Kind::Button | Kind::Toggle(_) => 0,
                    _ => LABEL + 1,
                };
                let value_width = width.saturating_sub(2 + label_width);
                let (values, cursor) = value_spans(wizard, &field, focused, theme, value_width);
                let mut spans = vec![Span::raw(marker)];
                match field.kind {
                    Kind::Button => {}
                    Kind::Toggle(_) => {
                        spans.extend(values.clone());
                        spans.push(Span::raw(format!(" {}", field.label)));
                    }
                    _ => {
                        spans.push(Span::raw(fit(&field.label, LABEL)));
                        spans.push(Span::raw(" "));
                    }
                }
                if !matches!(field.kind, Kind::Toggle(_)) {
                    spans.extend(values);
                }
                out.field_lines.push(out.lines.len());
                if focused {
                    out.focus_line = out.lines.len();
                    out.cursor_column =
                        cursor.map(|c| u16::try_from(2 + label_width + c).unwrap_or(u16::MAX));
                }
                let style = if focused {
                    theme.selected
                } else {
                    Style::new()
                };
                out.lines.push(Line::from(spans).style(style));
                if let Some(error) = &field.error
                    && (!field.missing || attempted)
                {
                    for part in wrap(error, text_width.saturating_sub(4)) {
                        out.lines
                            .push(Line::styled(format!("      ✗ {part}"), theme.error));
                    }
                }
            }
        }
    }
    out
}
