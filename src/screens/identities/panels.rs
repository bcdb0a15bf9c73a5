//! What the Identity browser draws over its table: an identity's details, the developer-user
//! lookup, the delete confirmation, the deletion's progress and its report.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Padding, Paragraph, Wrap};
use std::collections::BTreeMap;

use super::deletion::{Deletion, Report};
use super::state::{Detail, IdentitiesState, Panel, TYPE_COUNT_ABOVE};
use crate::app::ViewCtx;
use crate::domain::identity::format_time;
use crate::domain::identity_filter::Status;
use crate::view::theme::Theme;
use crate::view::widgets::{centered, fit, truncate};

/// Draws the panel or the deletion's progress, if any, over `area`.
pub fn draw(vx: &ViewCtx, state: &IdentitiesState, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(deletion) = &state.deletion {
        progress(vx, deletion, theme, frame, area);
        return;
    }
    let (title, lines, width) = match &state.panel {
        None => return,
        Some(Panel::Detail(detail)) => ("Identity", detail_lines(state, detail, theme), 90),
        Some(Panel::LookupInput(input)) => (
            "Look up a developer user",
            vec![
                Line::raw("Developer user identifier (as your backend passed it):"),
                Line::styled(format!("> {}▏", input.value()), theme.selected),
                Line::raw(""),
                Line::styled("⏎ looks it up · Esc closes", theme.dim),
            ],
            70,
        ),
        Some(Panel::LookupResult { user, result, .. }) => (
            "Developer user",
            lookup_lines(user, result.as_ref(), theme),
            90,
        ),
        Some(Panel::ConfirmDelete {
            ids,
            typed,
            confirm_focused,
        }) => (
            "Delete identities",
            confirm_lines(ids, typed.value(), *confirm_focused, theme),
            72,
        ),
        Some(Panel::Report(report)) => ("Deletion report", report_lines(report, theme), 90),
    };
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.accent))
        .padding(Padding::horizontal(1));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

fn row(label: &str, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(fit(label, 18), theme.dim),
        Span::raw(value),
    ])
}

fn detail_lines(state: &IdentitiesState, detail: &Detail, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![row("Identity id", detail.id.clone(), theme)];
    match &detail.described {
        None => lines.push(Line::styled("Loading (DescribeIdentity)…", theme.dim)),
        Some(Err(error)) => lines.push(Line::styled(
            format!("DescribeIdentity failed: {error}"),
            theme.error,
        )),
        Some(Ok(identity)) => {
            let kind = if identity.is_guest() {
                "guest (unauthenticated)"
            } else {
                "authenticated"
            };
            lines.push(row("Kind", kind.into(), theme));
            let status = match state.status_of(identity) {
                Status::Enabled => "enabled",
                Status::Disabled => "disabled (left out of a listing with HideDisabled)",
                Status::Unknown => "not checked (filter `disabled` or `enabled` checks)",
            };
            lines.push(row("Status", status.into(), theme));
            lines.push(row("Created", format_time(identity.created), theme));
            lines.push(row("Last modified", format_time(identity.modified), theme));
            if identity.logins.is_empty() {
                lines.push(row("Logins", "none".into(), theme));
            }
            for (i, login) in identity.logins.iter().enumerate() {
                lines.push(row(
                    if i == 0 { "Logins" } else { "" },
                    login.clone(),
                    theme,
                ));
            }
        }
    }
    match &detail.developer_users {
        None if detail.reqs.len() > 1 => {
            lines.push(Line::styled("Loading developer users…", theme.dim))
        }
        None => {}
        Some(Ok(users)) if users.is_empty() => {
            lines.push(row("Developer users", "none".into(), theme))
        }
        Some(Ok(users)) => {
            for (i, user) in users.iter().enumerate() {
                lines.push(row(
                    if i == 0 { "Developer users" } else { "" },
                    user.clone(),
                    theme,
                ));
            }
        }
        Some(Err(error)) if error.is_not_found() => {
            lines.push(row("Developer users", "none".into(), theme))
        }
        Some(Err(error)) => lines.push(Line::styled(
            format!("LookupDeveloperIdentity failed: {error}"),
            theme.error,
        )),
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc closes", theme.dim));
    lines
}

fn lookup_lines(
    user: &str,
    result: Option<&Result<(String, Vec<String>), crate::app::AwsError>>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![row("Developer user", user.to_string(), theme)];
    match result {
        None => lines.push(Line::styled("Looking up…", theme.dim)),
        Some(Err(error)) => lines.push(Line::styled(format!("{error}"), theme.error)),
        Some(Ok((id, users))) => {
            lines.push(row("Identity id", id.clone(), theme));
            for (i, u) in users.iter().enumerate() {
                lines.push(row(
                    if i == 0 { "All its users" } else { "" },
                    u.clone(),
                    theme,
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc closes", theme.dim));
    lines
}

fn confirm_lines(
    ids: &[String],
    typed: &str,
    confirm_focused: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let count = ids.len();
    let needs_typing = count > TYPE_COUNT_ABOVE;
    let ready = super::state::count_confirmed(count, typed);
    let shown = crate::view::widgets::thousands(count);
    let mut lines = vec![
        Line::styled(
            format!(
                "Delete {shown} identit{}?",
                if count == 1 { "y" } else { "ies" }
            ),
            theme.error,
        ),
        Line::raw("Only these identities are deleted. This cannot be undone."),
        Line::raw(""),
    ];
    for id in ids.iter().take(5) {
        lines.push(Line::styled(format!("  {id}"), theme.dim));
    }
    if count > 5 {
        lines.push(Line::styled(
            format!("  … and {} more", count - 5),
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
    if needs_typing {
        lines.push(Line::raw(format!(
            "More than {}: type the count ({shown}) to confirm:",
            crate::view::widgets::thousands(TYPE_COUNT_ABOVE)
        )));
        lines.push(Line::styled(format!("> {typed}▏"), theme.selected));
        if !typed.trim().is_empty() && !ready {
            lines.push(Line::styled(
                format!("  ✗ {} does not match {shown}", typed.trim()),
                theme.error,
            ));
        }
    }
    let style = |focused: bool, enabled: bool| match (focused, enabled) {
        (true, true) => theme.focused,
        (true, false) => theme.focused.patch(theme.dim),
        (false, true) => Style::new(),
        (false, false) => theme.dim,
    };
    lines.push(Line::from(vec![
        Span::styled("[ Cancel ]", style(!confirm_focused, true)),
        Span::raw("   "),
        Span::styled(format!("[ Delete {shown} ]"), style(confirm_focused, ready)),
    ]));
    lines.push(Line::styled(
        "Tab switches button · ⏎ presses it · Esc cancels",
        theme.dim,
    ));
    lines
}

fn progress(vx: &ViewCtx, deletion: &Deletion, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 78, 10);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Deleting {} identities ", deletion.total),
            theme.accent,
        ))
        .padding(Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let done = deletion.deleted + deletion.failed.len();
    let ratio = if deletion.total == 0 {
        1.0
    } else {
        done as f64 / deletion.total as f64
    };
    let gauge_area = Rect { height: 1, ..inner };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.accent)
            .ratio(ratio.clamp(0.0, 1.0)),
        gauge_area,
    );
    let rate = deletion
        .rate(vx.now)
        .map_or("—".to_string(), |r| format!("{r:.0}/s"));
    let eta = deletion
        .eta(vx.now)
        .map_or("—".to_string(), |s| format!("~{s:.0} s left"));
    let state = if deletion.cancelled {
        "cancelling: waiting for the batches already sent"
    } else {
        "c or Esc cancels"
    };
    let lines = vec![
        Line::raw(""),
        Line::raw(format!(
            "{} deleted · {} failed · {} to go",
            deletion.deleted,
            deletion.failed.len(),
            deletion.remaining()
        )),
        Line::raw(format!("{rate} · {eta}")),
        Line::styled(
            format!(
                "{} batches in flight (limit {}) · throttled {} times",
                deletion.in_flight.len(),
                deletion.concurrency,
                deletion.throttled
            ),
            theme.dim,
        ),
        Line::raw(""),
        Line::styled(state, theme.dim),
    ];
    let text_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), text_area);
}

fn report_lines(report: &Report, theme: &Theme) -> Vec<Line<'static>> {
    let took = report
        .seconds
        .map_or(String::new(), |s| format!(" in {s:.1} s"));
    let headline = if report.cancelled {
        "Cancelled"
    } else {
        "Done"
    };
    let mut lines = vec![
        Line::styled(format!("{headline}{took}"), theme.accent),
        Line::styled(format!("Deleted        {}", report.deleted), theme.success),
        Line::styled(
            format!("Failed         {}", report.failed.len()),
            if report.failed.is_empty() {
                Style::new()
            } else {
                theme.error
            },
        ),
        Line::raw(format!("Not attempted  {}", report.not_attempted.len())),
    ];
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, code) in &report.failed {
        *by_code.entry(code.as_str()).or_default() += 1;
    }
    if !by_code.is_empty() {
        lines.push(Line::raw(""));
        for (code, n) in &by_code {
            lines.push(Line::styled(format!("  {code} × {n}"), theme.error));
        }
        for (id, code) in report.failed.iter().take(6) {
            lines.push(Line::styled(
                format!("  {} {code}", truncate(id, 50)),
                theme.dim,
            ));
        }
        if report.failed.len() > 6 {
            lines.push(Line::styled(
                format!("  … {} more (y copies them all)", report.failed.len() - 6),
                theme.dim,
            ));
        }
    }
    lines.push(Line::raw(""));
    let copy = if report.failed.is_empty() {
        ""
    } else {
        "y copies the failed ids · "
    };
    lines.push(Line::styled(format!("{copy}Esc closes"), theme.dim));
    lines
}
