//! The frame around every tab: header, tab bar and footer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::{Level, Tab};
use crate::console::Model;
use crate::console::keymap;
use crate::console::model::{Connection, Overlay};
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::{self, input_window, truncate};

/// Writes `left` at the left and `right` at the right of a one-line area.
fn split_line(frame: &mut Frame, area: Rect, left: Vec<Span<'_>>, right: Vec<Span<'_>>) {
    let right_width: usize = right.iter().map(|s| s.content.width()).sum();
    let right_width = u16::try_from(right_width)
        .unwrap_or(area.width)
        .min(area.width);
    let left_area = Rect {
        width: area.width - right_width,
        ..area
    };
    let right_area = Rect {
        x: area.x + area.width - right_width,
        width: right_width,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(left)), left_area);
    frame.render_widget(Paragraph::new(Line::from(right)), right_area);
}

/// ` cognito-tui  profile default · us-east-1 · sandbox 127.0.0.1:41237   [read-only]  ⠙ 2 in flight`
pub fn header(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let where_to = match &model.connection {
        Connection::Ready(s) => match &s.caller {
            Some(arn) => format!(
                "profile {} · {} · {} · {arn}",
                s.profile, s.region, s.endpoint
            ),
            None => format!("profile {} · {} · {}", s.profile, s.region, s.endpoint),
        },
        Connection::Connecting { .. } => "connecting…".to_string(),
        Connection::Failed(_) => "not connected".to_string(),
    };
    let left = vec![
        Span::styled(" cognito-tui ", theme.accent),
        Span::raw(" "),
        Span::raw(where_to),
    ];
    let mut right = Vec::new();
    if model.options.read_only {
        right.push(Span::styled("[read-only] ", theme.warning));
    }
    if model.journal_failing.is_some() {
        right.push(Span::styled("[journal not written: :errors] ", theme.error));
    }
    let pending = model.in_flight.len();
    if pending > 0 {
        let frame_char = widgets::spinner(model.now);
        right.push(Span::styled(
            format!(" {frame_char} {pending} in flight "),
            theme.accent,
        ));
    }
    split_line(frame, area, left, right);
}

/// ` 1 Pools   2 User access   3 Identity browser   4 Role settings        pool: orders-app`
pub fn tab_bar(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut left = Vec::new();
    for (i, &tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            left.push(Span::raw(" "));
        }
        let style = if tab == model.tab {
            theme.focused
        } else {
            Style::new()
        };
        left.push(Span::styled(layout::tab_label(tab), style));
    }
    let right = match &model.current_pool {
        Some((_, name)) => vec![
            Span::styled("pool: ", theme.dim),
            Span::styled(format!("{name} "), theme.accent),
        ],
        None => vec![Span::styled("no pool chosen ", theme.dim)],
    };
    let width = |spans: &[Span<'_>]| spans.iter().map(|s| s.content.width()).sum::<usize>();
    // The tabs matter more than the pool's name when space is short.
    let right = if width(&left) + width(&right) > usize::from(area.width) {
        Vec::new()
    } else {
        right
    };
    split_line(frame, area, left, right);
}

/// Key hints of the focused context on the left, the latest notice on the right; the command line
/// takes the whole footer while it is open.
pub fn footer(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(Overlay::Command(input)) = &model.overlay {
        let (shown, cursor) = input_window(input, usize::from(area.width.saturating_sub(1)));
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(":", theme.key),
                Span::raw(shown),
            ])),
            area,
        );
        let x = area.x + 1 + u16::try_from(cursor).unwrap_or(0);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        let candidates = &model.command_line.candidates;
        if !candidates.is_empty() && area.y > 0 {
            // What Tab could complete to, on the row above the line.
            let above = Rect {
                y: area.y - 1,
                ..area
            };
            frame.render_widget(Clear, above);
            let text = format!(" Tab: {}", candidates.join("  "));
            frame.render_widget(
                Paragraph::new(Line::styled(
                    truncate(&text, usize::from(area.width)),
                    theme.dim,
                )),
                above,
            );
        }
        return;
    }
    let mut hints = Vec::new();
    for binding in keymap::active_sheet(model).iter().filter(|b| b.hint) {
        let disabled = binding.mutates && model.options.read_only;
        let key_style = if disabled { theme.dim } else { theme.key };
        let help_style = if disabled { theme.dim } else { Style::new() };
        hints.push(Span::styled(format!(" {}", binding.label), key_style));
        hints.push(Span::styled(format!(" {} ", binding.help), help_style));
    }
    let Some(notice) = &model.notice else {
        split_line(
            frame,
            area,
            whole_hints(hints, usize::from(area.width)),
            Vec::new(),
        );
        return;
    };
    let (mark, style) = match notice.level {
        Level::Success => ("✓ ", theme.success),
        Level::Info => ("", Style::new()),
        Level::Warning => ("! ", theme.warning),
        Level::Error => ("✗ ", theme.error),
    };
    let text = format!("{mark}{} ", notice.text);
    let width = usize::from(area.width);
    let hints_width: usize = hints.iter().map(|s| s.content.width()).sum();
    // The notice shares the line when it leaves the keys half of it (or all they need).
    let keys_need = hints_width.min(width / 2);
    // An overlay covers the row above; it shares the line then.
    if text.width() + keys_need + 2 <= width || area.y == 0 || model.overlay.is_some() {
        let shown = truncate(&text, width.saturating_sub(keys_need + 2));
        let hints = whole_hints(hints, width.saturating_sub(shown.width() + 2));
        split_line(frame, area, hints, vec![Span::styled(shown, style)]);
        return;
    }
    // Too long to share the line: the notice takes the row above (the body's bottom edge), whole,
    // and the keys keep the footer.
    let above = Rect {
        y: area.y - 1,
        ..area
    };
    frame.render_widget(Clear, above);
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&format!(" {text}"), width), style)),
        above,
    );
    split_line(frame, area, whole_hints(hints, width), Vec::new());
}

/// As many whole hints (key and help, two spans each) as fit in `room` columns: a hint cut in
/// half reads as a different key.
fn whole_hints(spans: Vec<Span<'static>>, mut room: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut spans = spans.into_iter();
    while let (Some(key), Some(help)) = (spans.next(), spans.next()) {
        let width = key.content.width() + help.content.width();
        if width > room {
            break;
        }
        room -= width;
        out.push(key);
        out.push(help);
    }
    out
}
