//! What floats over the screen: help, recent errors, confirmation dialogs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keys::KeyHelp;
use crate::console::model::{Button, Overlay};
use crate::console::{Model, keymap};
use crate::view::theme::Theme;
use crate::view::widgets::{centered, fit, truncate};

/// Draws the overlay, if any, over everything else.
pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    match &model.overlay {
        Some(Overlay::Help) => help(model, theme, frame, area),
        Some(Overlay::Errors) => errors(model, theme, frame, area),
        Some(Overlay::ConfirmDelete {
            pool_id,
            name,
            typed,
            focus,
        }) => {
            confirm_delete(theme, frame, area, (pool_id, name), typed, *focus);
        }
        Some(Overlay::ConfirmQuit { focus }) => confirm_quit(model, theme, frame, area, *focus),
        Some(Overlay::Command(_)) | None => {}
    }
    // A question cut off says so on the last row, over whatever covers it.
    if model.overlay.is_some() && !dialog_fits(model) && area.height > 0 {
        let last = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(Clear, last);
        frame.render_widget(
            Paragraph::new(Line::styled(
                "Too small: enlarge the terminal, or Esc",
                theme.warning,
            )),
            last,
        );
    }
}

fn boxed<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::bordered().title(Span::styled(format!(" {title} "), theme.accent))
}

fn key_lines<'a>(
    title: &str,
    bindings: &[KeyHelp],
    read_only: bool,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.accent)];
    for binding in bindings {
        let mut help = binding.help.to_string();
        if binding.mutates && read_only {
            help.push_str(" (off: read-only)");
        }
        lines.push(Line::from(vec![
            Span::styled(fit(binding.label, 11), theme.key),
            Span::raw(help),
        ]));
    }
    lines
}

fn help(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    // The keys of the screen under the overlay, next to the keys that work everywhere.
    let sheet = keymap::sheet_below_overlay(model);
    let read_only = model.options.read_only;
    let mut here = key_lines(sheet.title, &sheet.entries, read_only, theme);
    here.extend(sheet.notes.iter().map(|note| match *note {
        "" => Line::raw(""),
        note => Line::styled(note, theme.dim),
    }));
    // Forms such as the wizard take every key themselves: tabs, `:` and `q` do not apply there.
    let everywhere = if sheet.global {
        let global = keymap::global_sheet();
        let mut lines = key_lines("Everywhere", &global.entries, read_only, theme);
        lines.push(Line::raw(""));
        lines.push(Line::styled("Commands (after :)", theme.accent));
        lines.extend(
            crate::console::command::COMMANDS_HELP
                .iter()
                .map(|l| Line::raw(*l)),
        );
        lines
    } else {
        vec![
            Line::styled("Everywhere", theme.accent),
            Line::from(vec![
                Span::styled(fit("Ctrl-c", 11), theme.key),
                Span::raw("quit (asks if writes are on their way)"),
            ]),
            Line::raw(""),
            Line::styled("Tabs, : commands and q work again", theme.dim),
            Line::styled("once this screen is left (Esc).", theme.dim),
        ]
    };
    // Wide enough for the longest line in each half (at least 92, at most the screen); what is
    // still longer wraps, never cut.
    let longest = here
        .iter()
        .chain(&everywhere)
        .map(Line::width)
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(2 * (longest + 2) + 2).unwrap_or(u16::MAX);
    let width = wanted.max(92).min(area.width);
    let half_width = width.saturating_sub(2) / 2;
    let tall = |lines: &[Line]| crate::view::panel::fitted_height(lines, half_width, u16::MAX);
    let height = tall(&here).max(tall(&everywhere));
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = boxed("Help — Esc closes", theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let half = inner.width / 2;
    let left = Rect {
        width: half,
        ..inner
    };
    let right = Rect {
        x: inner.x + half,
        width: inner.width - half,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(here)
            .wrap(Wrap { trim: false })
            .block(Block::new().padding(ratatui::widgets::Padding::horizontal(1))),
        left,
    );
    frame.render_widget(Paragraph::new(everywhere).wrap(Wrap { trim: false }), right);
}

fn errors(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    // The body's whole width, below the header and tab bar and above the footer: a narrower box
    // let the list's last column show beside it.
    let rect = Rect {
        y: area.y + 2.min(area.height),
        height: area.height.saturating_sub(3),
        ..area
    };
    let mut lines = Vec::new();
    if model.errors.is_empty() {
        lines.push(Line::raw("No errors so far."));
    }
    for record in &model.errors {
        let code = record.error.code.as_deref().unwrap_or("(no code)");
        let mut head = vec![
            Span::styled(format!("{} ", record.operation), theme.accent),
            Span::styled(code.to_string(), theme.error),
        ];
        if let Some(at) = record.at {
            head.push(Span::styled(
                format!("  at {}", when(at, model.now)),
                theme.dim,
            ));
        }
        lines.push(Line::from(head));
        lines.push(Line::raw(format!("  {}", record.error.message)));
        if let Some(hint) = record.error.hint() {
            lines.push(Line::styled(format!("  hint: {hint}"), theme.dim));
        }
        let request_id = record
            .error
            .request_id
            .as_deref()
            .unwrap_or("(none: no answer from the service)");
        lines.push(Line::styled(
            format!("  request id: {request_id}"),
            theme.dim,
        ));
    }
    frame.render_widget(Clear, rect);
    let title = format!(
        "Recent errors ({}) — newest first, Esc closes",
        model.errors.len()
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed(&title, theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// `06:21:05 UTC (3 min ago)`: the time of day, and how long ago while that is short.
fn when(at: f64, now: Option<f64>) -> String {
    let format = time::macros::format_description!("[hour]:[minute]:[second]");
    let clock = time::OffsetDateTime::from_unix_timestamp(at as i64)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| "?".into());
    let ago = now.map(|now| (now - at).max(0.0) as u64);
    match ago {
        Some(s) if s < 60 => format!("{clock} UTC ({s} s ago)"),
        Some(s) if s < 3_600 => format!("{clock} UTC ({} min ago)", s / 60),
        Some(s) if s < 86_400 => format!("{clock} UTC ({} h ago)", s / 3_600),
        _ => format!("{clock} UTC"),
    }
}

fn buttons<'a>(
    theme: &Theme,
    focus: Button,
    confirm_label: &'a str,
    confirm_enabled: bool,
) -> Line<'a> {
    let style = |button: Button, enabled: bool| match (focus == button, enabled) {
        (true, true) => theme.focused,
        (true, false) => theme.focused.patch(theme.dim),
        (false, true) => Style::new(),
        (false, false) => theme.dim,
    };
    Line::from(vec![
        Span::styled("[ Cancel ]", style(Button::Cancel, true)),
        Span::raw("   "),
        Span::styled(
            format!("[ {confirm_label} ]"),
            style(Button::Confirm, confirm_enabled),
        ),
    ])
}

/// Two buttons named for what they do (the first is the safe one, focused first).
fn labeled_buttons<'a>(theme: &Theme, focus: Button, safe: &'a str, confirm: &'a str) -> Line<'a> {
    let style = |button: Button| {
        if focus == button {
            theme.focused
        } else {
            Style::new()
        }
    };
    Line::from(vec![
        Span::styled(format!("[ {safe} ]"), style(Button::Cancel)),
        Span::raw("   "),
        Span::styled(format!("[ {confirm} ]"), style(Button::Confirm)),
    ])
}

fn confirm_delete(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    (pool_id, name): (&str, &str),
    typed: &tui_input::Input,
    focus: Button,
) {
    let rect = centered(area, 70, CONFIRM_DELETE_HEIGHT);
    let inner_width = usize::from(rect.width.saturating_sub(4));
    let matches = typed.value() == name;
    let status = if typed.value().is_empty() {
        Line::styled(
            "Type the name exactly; Delete stays disabled until it matches.",
            theme.dim,
        )
    } else if matches {
        Line::styled("✓ Name matches. Tab to Delete, then ⏎.", theme.success)
    } else {
        Line::styled("✗ Does not match the pool's name.", theme.error)
    };
    let field_text = truncate(typed.value(), inner_width.saturating_sub(2));
    let lines = vec![
        Line::from(vec![
            Span::raw("Delete identity pool "),
            Span::styled(format!("\"{name}\""), theme.accent),
            Span::raw("?"),
        ]),
        Line::styled(truncate(pool_id, inner_width), theme.dim),
        Line::raw("Its identities become unusable. This cannot be undone."),
        Line::raw(""),
        Line::raw("Type the pool's name to confirm:"),
        Line::styled(fit(&format!("> {field_text}"), inner_width), theme.selected),
        status,
        Line::raw(""),
        buttons(theme, focus, "Delete", matches),
        Line::styled(
            "Tab switches button · ⏎ presses it · Esc cancels",
            theme.dim,
        ),
    ];
    frame.render_widget(Clear, rect);
    let block = boxed("Delete identity pool", theme).border_style(theme.error);
    frame.render_widget(
        Paragraph::new(lines).block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        rect,
    );
    let cursor =
        u16::try_from(typed.visual_cursor().min(inner_width.saturating_sub(3))).unwrap_or(0);
    frame.set_cursor_position((rect.x + 2 + 2 + cursor, rect.y + 1 + 5));
}

/// Whether the question on screen is drawn whole on a terminal of the model's size: its
/// buttons shown. When it is not, its keys do nothing but cancel (a button not on screen is not
/// pressed).
pub fn dialog_fits(model: &Model) -> bool {
    let (columns, rows) = model.size;
    let needed = match &model.overlay {
        Some(Overlay::ConfirmDelete { .. }) => (40, CONFIRM_DELETE_HEIGHT),
        Some(Overlay::ConfirmQuit { focus }) => {
            let theme = Theme::named(Default::default());
            let (lines, _) = quit_lines(model, &theme, *focus);
            (44, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX))
        }
        _ => (0, 0),
    };
    columns >= needed.0 && rows >= needed.1
}

/// The confirm-delete dialog's height.
const CONFIRM_DELETE_HEIGHT: u16 = 13;

fn confirm_quit(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect, focus: Button) {
    let (lines, width) = quit_lines(model, theme, focus);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed("Quit?", theme).padding(ratatui::widgets::Padding::horizontal(1))),
        rect,
    );
}

/// The quit question's lines, and how wide it is drawn.
fn quit_lines(model: &Model, theme: &Theme, focus: Button) -> (Vec<Line<'static>>, u16) {
    let unfinished = model
        .wizard
        .open
        .as_ref()
        .and_then(|w| w.creation.as_ref())
        .filter(|c| c.is_unfinished());
    let mut lines = match unfinished {
        Some(creation) => {
            let mut lines = vec![Line::styled(
                "The new identity pool is only partly made. What exists now:",
                theme.warning,
            )];
            let made = creation.made();
            if made.is_empty() {
                lines.push(Line::raw("  nothing yet (the first call is on its way)"));
            }
            lines.extend(made.into_iter().map(|m| Line::raw(format!("  {m}"))));
            lines.push(Line::raw(
                "Quit anyway? It stays as it is (Cancel, then u undoes it).",
            ));
            lines
        }
        None => {
            let mut lines = vec![Line::raw(format!(
                "{} change(s) on their way to the service:",
                model.writes_in_flight()
            ))];
            lines.extend(
                model
                    .writes_on_their_way()
                    .into_iter()
                    .map(|w| Line::raw(format!("  {w}"))),
            );
            lines.push(Line::raw(
                "Wait: the console quits by itself once they are answered.",
            ));
            lines.push(Line::raw(
                "Quit now: their outcome stays unknown (the journal says so).",
            ));
            lines
        }
    };
    lines.push(Line::raw(""));
    let waiting = unfinished.is_none() && model.writes_in_flight() > 0;
    lines.push(if waiting {
        labeled_buttons(theme, focus, "Wait, then quit", "Quit now")
    } else {
        buttons(theme, focus, "Quit", true)
    });
    let width = if unfinished.is_some() { 100 } else { 66 };
    (lines, width)
}
