//! A save as lines to show: the field-level diff and the calls in order before saving; what
//! changed elsewhere on a conflict; each call's outcome while writing; after a failure what is now
//! true on the service and what is not; after the check, whether the pool is as intended.

use ratatui::text::{Line, Span};

use super::{CallStatus, Phase, Save};
use crate::domain::config::{FieldChange, diff};
use crate::domain::save_plan::Write;
use crate::view::theme::Theme;
use crate::view::widgets::wrap;
use unicode_width::UnicodeWidthStr;

/// A change, whole: on one line when it fits, else the field, then its value before and after,
/// each wrapped under its label (a value being confirmed is never cut).
fn change_lines(change: &FieldChange, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let one_line = change.field.width() + change.before.width() + change.after.width() + 6;
    if one_line <= width {
        return vec![Line::from(vec![
            Span::styled(format!("  {}: ", change.field), theme.accent),
            Span::styled(change.before.clone(), theme.dim),
            Span::raw(" → "),
            Span::raw(change.after.clone()),
        ])];
    }
    let label = format!("{}:", change.field);
    let mut lines: Vec<Line<'static>> = wrap(&label, width.saturating_sub(4))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let indent = if i == 0 { "  " } else { "    " };
            Line::styled(format!("{indent}{part}"), theme.accent)
        })
        .collect();
    for (label, value, style) in [
        ("before ", &change.before, theme.dim),
        ("after  ", &change.after, ratatui::style::Style::new()),
    ] {
        for (i, part) in wrap(value, width.saturating_sub(13))
            .into_iter()
            .enumerate()
        {
            let label = if i == 0 { label } else { "       " };
            lines.push(Line::from(vec![
                Span::styled(format!("    {label}"), theme.dim),
                Span::styled(part, style),
            ]));
        }
    }
    lines
}

fn call_line(write: &Write, status: &CallStatus, spinner: &str, theme: &Theme) -> Line<'static> {
    let (mark, style) = match status {
        CallStatus::Waiting => ("·", theme.dim),
        CallStatus::Running(_) => (spinner, theme.accent),
        CallStatus::Done => ("✓", theme.success),
        CallStatus::Failed(_) => ("✗", theme.error),
    };
    let what = match write {
        Write::SetPrincipalTags { provider, .. } => format!(" for {provider}"),
        Write::CreateRole(role) => format!(" {}", role.name),
        Write::PutRolePolicy(name) => format!(" on {name}"),
        Write::CreateSmsRole { name, .. } => format!(" {name} (SMS role)"),
        Write::PutSmsRolePolicy(name) => format!(" sns-publish on {name}"),
        Write::CreateUserPool(plan) => format!(" {}", plan.settings.name),
        Write::CreateUserPoolClient(client) => format!(" {}", client.name),
        Write::Tag(tags) => format!(" ({} tag(s))", tags.len()),
        Write::Untag(keys) => format!(" ({})", keys.join(", ")),
        _ => String::new(),
    };
    Line::styled(format!("  {mark} {}{what}", write.operation()), style)
}

/// The lines of a save, `note` beside its diff.
pub fn lines(
    save: &Save,
    note: Option<&str>,
    spinner: &str,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let changes = |lines: &mut Vec<Line<'static>>, title: &str, list: &[FieldChange]| {
        lines.push(Line::styled(title.to_string(), theme.accent));
        if list.is_empty() {
            lines.push(Line::styled("  (none)", theme.dim));
        }
        lines.extend(list.iter().flat_map(|c| change_lines(c, theme, width)));
        lines.push(Line::raw(""));
    };
    let calls = |lines: &mut Vec<Line<'static>>| {
        lines.push(Line::styled("Calls, in order", theme.accent));
        lines.extend(
            save.calls
                .iter()
                .map(|(w, s)| call_line(w, s, spinner, theme)),
        );
        lines.push(Line::raw(""));
    };
    match &save.phase {
        Phase::Reading(_) => {
            lines.push(Line::raw(format!("{spinner} Reading the pool fresh…")));
            lines.push(Line::styled("Esc cancels: nothing is written.", theme.dim));
        }
        Phase::Review => {
            changes(
                &mut lines,
                "What will change (before → after)",
                &save.changes,
            );
            if let Some(note) = note {
                for part in note.lines() {
                    for (i, piece) in wrap(part, width.saturating_sub(2)).into_iter().enumerate() {
                        let mark = if i == 0 { "⚠ " } else { "  " };
                        lines.push(Line::styled(format!("{mark}{piece}"), theme.warning));
                    }
                }
                lines.push(Line::raw(""));
            }
            calls(&mut lines);
            lines.push(Line::raw(
                "Everything else stays as read. The pool is read again just before writing.",
            ));
        }
        Phase::Rereading(_) => {
            changes(&mut lines, "What will change", &save.changes);
            lines.push(Line::raw(format!(
                "{spinner} Checking that nobody changed the pool meanwhile…"
            )));
            lines.push(Line::styled("Esc cancels: nothing is written.", theme.dim));
        }
        Phase::Conflict { elsewhere, .. } => {
            lines.push(Line::styled(
                "The pool changed since this edit began: nothing was written.",
                theme.warning,
            ));
            lines.push(Line::raw(""));
            changes(&mut lines, "Changed elsewhere", elsewhere);
            changes(&mut lines, "Your edit", &save.changes);
            lines.push(Line::raw(
                "a applies your edit again on the pool as it is now (you see the new diff first); Esc goes back with it.",
            ));
        }
        Phase::Writing | Phase::Verifying(_) => {
            changes(&mut lines, "Saving", &save.changes);
            calls(&mut lines);
            if matches!(save.phase, Phase::Verifying(_)) {
                lines.push(Line::raw(format!("{spinner} Reading the pool to check…")));
            }
        }
        Phase::Done(differs) if differs.is_empty() => {
            changes(&mut lines, "Saved", &save.changes);
            calls(&mut lines);
            lines.push(Line::styled(
                "✓ Checked with a fresh read: the pool is exactly as intended.",
                theme.success,
            ));
        }
        Phase::Done(differs) => {
            calls(&mut lines);
            changes(
                &mut lines,
                "Written, but a fresh read differs from what was intended (intended → now)",
                differs,
            );
        }
        Phase::FailedReading(_) | Phase::Failed(_) => {
            failed(save, &mut lines, spinner, theme, width)
        }
        Phase::ReadFailed { why, confirmed } => {
            if *confirmed {
                changes(&mut lines, "What would change", &save.changes);
            }
            lines.push(Line::styled(
                if *confirmed {
                    "Nothing was written: the check before writing failed."
                } else {
                    "Nothing was written: the pool could not be read."
                },
                theme.warning,
            ));
            lines.push(Line::raw(format!("  {why}")));
            lines.push(Line::raw(""));
            lines.push(Line::raw(
                "r checks again (your edit is kept); Esc goes back to the form.",
            ));
        }
        Phase::Refused(why) => lines.push(Line::styled(why.clone(), theme.warning)),
    }
    lines
}

fn failed(save: &Save, lines: &mut Vec<Line<'static>>, spinner: &str, theme: &Theme, width: usize) {
    if let Some((write, error)) = save.failure() {
        lines.push(Line::styled(
            if save.unanswered().is_some() {
                format!(
                    "? {} got no answer: it may have taken effect (the read below says); the calls after it were not made.",
                    write.operation()
                )
            } else {
                format!(
                    "✗ {} failed: the calls after it were not made.",
                    write.operation()
                )
            },
            theme.error,
        ));
        lines.push(Line::raw(format!(
            "  {}: {}",
            error.code.as_deref().unwrap_or("error"),
            error.message
        )));
        if let Some(id) = &error.request_id {
            lines.push(Line::styled(format!("  request id {id}"), theme.dim));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Calls", theme.accent));
    lines.extend(
        save.calls
            .iter()
            .map(|(w, s)| call_line(w, s, spinner, theme)),
    );
    lines.push(Line::raw(""));
    match (&save.phase, &save.base, &save.intended) {
        (Phase::Failed(Some(now)), Some(base), Some(intended)) => {
            let done = diff(base, now);
            let left = diff(now, intended);
            lines.push(Line::styled(
                "Now true on the service (a fresh read, before → now)",
                theme.accent,
            ));
            if done.is_empty() {
                lines.push(Line::styled("  nothing changed", theme.dim));
            }
            lines.extend(done.iter().flat_map(|c| change_lines(c, theme, width)));
            lines.push(Line::raw(""));
            lines.push(Line::styled("Not done yet (now → intended)", theme.accent));
            lines.extend(left.iter().flat_map(|c| change_lines(c, theme, width)));
            lines.push(Line::raw(""));
            lines.push(Line::raw(
                "r makes what is still missing (planned again from this read); Esc closes.",
            ));
        }
        (Phase::Failed(_), _, _) => lines.push(Line::styled(
            "The pool could not be read after the failure: refresh to see what it is now.",
            theme.warning,
        )),
        _ => lines.push(Line::raw(format!(
            "{spinner} Reading the pool to see what is now true…"
        ))),
    }
}
