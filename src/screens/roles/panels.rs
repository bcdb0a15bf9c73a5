//! The Role settings tab's panels: one role's trust and permissions, a policy document, a trust
//! fix or policy edit from its diff to its verification, a save, and the simulator.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use tui_input::Input;

use super::simulator::{SimFocus, Simulator};
use super::state::{Fetch, Panel, PolicyRef, RolesState};
use super::view::{permissions, verdict};
use super::write::{DocWrite, WritePhase, diff_lines};
use crate::app::ViewCtx;
use crate::domain::grants;
use crate::domain::role_use::handed_out;
use crate::domain::simulation::{Login, TrustVerdict};
use crate::screens::access::summary;
use crate::view::panel;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, input_window, spinner};

/// Draws the panel open over the tab.
pub fn draw(
    vx: &ViewCtx,
    state: &RolesState,
    open: &Panel,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(6).min(130);
    let inner = usize::from(width.saturating_sub(2));
    let max = area.height.saturating_sub(2);
    let (title, lines) = match open {
        Panel::Role { arn, focus } => (
            format!(" Role {} ", crate::domain::roles::role_name(arn)),
            role_lines(state, vx.store, arn, *focus, theme, inner),
        ),
        Panel::NewPolicy { arn, name } => (
            format!(
                " New inline policy of {} ",
                crate::domain::roles::role_name(arn)
            ),
            new_policy_lines(vx.store, arn, name, theme, inner),
        ),
        Panel::Document {
            title,
            text,
            scroll,
        } => {
            let room = usize::from(max.saturating_sub(2)).max(1);
            let lines = text
                .lines()
                .skip(*scroll)
                .take(room)
                .map(|l| Line::raw(l.to_string()))
                .collect();
            (format!(" {title} "), lines)
        }
        Panel::Write(write) => (
            format!(" {} ", write.title()),
            write_lines(write, spinner(vx.now), theme, inner),
        ),
        Panel::Save(view) => (
            " Save changes ".to_string(),
            crate::screens::save::view::lines(
                &view.save,
                view.note.as_deref(),
                spinner(vx.now),
                theme,
                inner,
            ),
        ),
        Panel::Simulator(sim) => (
            " Resolution simulator ".to_string(),
            simulator_lines(sim, theme, inner),
        ),
    };
    let height = match open {
        Panel::Document { .. } | Panel::Simulator(_) => max,
        _ => panel::fitted_height(&lines, width, max),
    };
    // A save's panel scrolls as its keys say; the others keep their focused line in view.
    let scroll = match open {
        Panel::Save(view) => panel::Scroll::Rows(view.scroll),
        _ => panel::Scroll::ToFocus,
    };
    panel::draw_scrolled(frame, area, title, lines, (width, height), theme, scroll);
}

/// The name field of a new inline policy, what IAM allows beside it.
fn new_policy_lines(
    store: &crate::store::Store,
    arn: &str,
    name: &tui_input::Input,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let taken = store
        .role(crate::domain::roles::role_name(arn))
        .map(|f| f.inline_names())
        .unwrap_or_default();
    let typed = name.value().trim();
    let field = input_window(name, width.saturating_sub(8)).0;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Name  ", theme.accent),
            Span::styled(field, theme.focused),
        ]),
        match super::write::policy_name_problem(typed, &taken) {
            Some(problem) if !typed.is_empty() => {
                Line::styled(format!("      {problem}"), theme.error)
            }
            _ => Line::styled(
                "      1 to 128 of letters, digits and + = , . @ _ -",
                theme.dim,
            ),
        },
        Line::raw(""),
    ];
    lines.push(Line::raw(
        "⏎ opens $EDITOR on a template to adapt; the document is checked against IAM's grammar, shown as a diff, written with PutRolePolicy and read back.",
    ));
    lines
}

fn role_lines(
    state: &RolesState,
    store: &crate::store::Store,
    arn: &str,
    focus: usize,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(config) = state.config(store) else {
        return Vec::new();
    };
    let Some(handed) = handed_out(config).into_iter().find(|h| h.arn == arn) else {
        return vec![Line::raw("The pool no longer hands this role out.")];
    };
    let facts = store.role(crate::domain::roles::role_name(arn));
    let (sign, text, verdict_style, problems) = verdict(config, &handed, facts, theme);
    let uses: Vec<String> = handed.uses.iter().map(ToString::to_string).collect();
    let mut lines = vec![
        Line::styled(arn.to_string(), theme.dim),
        Line::raw(fit(&format!("Handed out as: {}", uses.join(", ")), width)),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Trust: ", theme.accent),
            Span::styled(format!("{sign} {text}"), verdict_style),
        ]),
    ];
    for problem in problems {
        lines.push(Line::styled(format!("  • {problem}"), verdict_style));
    }
    let pick = |i: usize| if i == focus { "▸ " } else { "  " };
    let chosen = |i: usize| {
        if i == focus {
            theme.selected
        } else {
            Style::default()
        }
    };
    lines.push(Line::styled(
        format!("{}Trust policy (⏎ to read it)", pick(0)),
        chosen(0),
    ));
    lines.push(Line::raw(""));
    let (count, _) = permissions(facts);
    lines.push(Line::styled(format!("Permissions: {count}"), theme.accent));
    let policies = facts.map(|f| f.policies()).unwrap_or_default();
    if policies.is_empty() {
        lines.push(Line::styled("  (no policies read)", theme.dim));
    }
    for (i, policy) in policies.iter().enumerate() {
        let n = i + 1;
        let kind = match policy {
            PolicyRef::Inline(_) => "inline ",
            PolicyRef::Managed(..) => "managed",
        };
        let doc = facts.and_then(|f| f.documents.get(policy));
        let status = match doc {
            Some(Fetch::Got(d)) => {
                let broad = grants::broad(d);
                if broad.is_empty() {
                    "scoped".to_string()
                } else {
                    format!("⚠ {}", broad.join("; "))
                }
            }
            Some(Fetch::Waiting) | None => "reading…".into(),
            Some(Fetch::Denied(w) | Fetch::Missing(w) | Fetch::Failed(w)) => {
                format!("not read: {w}")
            }
        };
        let arn = match policy {
            PolicyRef::Managed(_, arn) => format!(" ({arn})"),
            PolicyRef::Inline(_) => String::new(),
        };
        lines.push(Line::styled(
            fit(
                &format!("{}{kind} {}{arn} — {status}", pick(n), policy.name()),
                width,
            ),
            chosen(n),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "⏎ reads the focused document · e edits an inline policy in $EDITOR · n adds one · d deletes it · f fixes the trust",
        theme.dim,
    ));
    lines
}

fn write_lines(write: &DocWrite, spin: &str, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !write.why.is_empty() {
        let heading = match write.target {
            super::write::DocTarget::Trust => "Fixes:",
            _ => "What it means:",
        };
        lines.push(Line::styled(heading, theme.accent));
        for why in &write.why {
            lines.push(Line::raw(fit(&format!("  • {why}"), width)));
        }
        lines.push(Line::raw(""));
    }
    let diff = |lines: &mut Vec<Line<'static>>, before: &str, after: &str| {
        for (sign, text) in diff_lines(before, after) {
            let style = match sign {
                '-' => theme.error,
                '+' => theme.success,
                _ => theme.dim,
            };
            lines.push(Line::styled(fit(&format!("{sign} {text}"), width), style));
        }
    };
    match &write.phase {
        WritePhase::Editing => lines.push(Line::raw(format!("{spin} In the editor…"))),
        WritePhase::Invalid(why) => {
            lines.push(Line::styled(why.clone(), theme.error));
            lines.push(Line::raw(
                "e opens the editor again on your text; Esc drops it.",
            ));
        }
        WritePhase::Unchanged => lines.push(Line::raw("No change.")),
        WritePhase::Review => {
            lines.push(Line::styled(
                match write.target {
                    super::write::DocTarget::NewInline(_) => "The new policy:",
                    super::write::DocTarget::DeleteInline(_) => {
                        "The policy deleted (every line goes):"
                    }
                    _ => "The change (only these lines; every other statement is kept as it is):",
                },
                theme.accent,
            ));
            diff(&mut lines, &write.before, &write.after);
            lines.push(Line::raw(""));
            let call = match write.target {
                super::write::DocTarget::Trust => "UpdateAssumeRolePolicy",
                super::write::DocTarget::Inline(_) | super::write::DocTarget::NewInline(_) => {
                    "PutRolePolicy"
                }
                super::write::DocTarget::DeleteInline(_) => "DeleteRolePolicy",
            };
            lines.push(Line::raw(format!(
                "⏎ re-reads it (to catch a change made meanwhile), then {call}, then reads it back."
            )));
        }
        WritePhase::Rereading => {
            lines.push(Line::raw(format!("{spin} Re-reading before writing…")))
        }
        WritePhase::Writing => lines.push(Line::raw(format!("{spin} Writing…"))),
        WritePhase::Verifying => lines.push(Line::raw(format!("{spin} Reading it back…"))),
        WritePhase::Conflict(now) => {
            lines.push(Line::styled(
                "Changed elsewhere since it was read: nothing was written. What changed:",
                theme.warning,
            ));
            diff(&mut lines, &write.before, now);
            lines.push(Line::raw(
                "a redoes the change on the document as it is now; Esc closes.",
            ));
        }
        WritePhase::Done => lines.push(Line::styled(
            "✓ Written and read back exactly as intended.",
            theme.success,
        )),
        WritePhase::Differs(now) => {
            lines.push(Line::styled(
                "Written, but IAM now holds this instead of what was written:",
                theme.warning,
            ));
            diff(&mut lines, &write.after, now);
        }
        WritePhase::Failed(why) => lines.push(Line::styled(why.clone(), theme.error)),
    }
    lines
}

/// An input line with its cursor drawn as a reversed cell.
fn input_line(prefix: &str, input: &Input, focused: bool, width: usize) -> Line<'static> {
    let (shown, cursor) = input_window(input, width.saturating_sub(prefix.chars().count()));
    let mut spans = vec![Span::raw(prefix.to_string())];
    if !focused {
        spans.push(Span::raw(shown));
        return Line::from(spans);
    }
    let before: String = shown.chars().take(cursor).collect();
    let at: String = shown.chars().skip(cursor).take(1).collect();
    let after: String = shown.chars().skip(cursor + 1).collect();
    spans.push(Span::raw(before));
    spans.push(Span::styled(
        if at.is_empty() { " ".to_string() } else { at },
        Style::default().add_modifier(Modifier::REVERSED),
    ));
    spans.push(Span::raw(after));
    Line::from(spans)
}

fn login_name(login: &Login) -> String {
    match login {
        Login::Guest => "Guest (no login)".into(),
        Login::Provider(p) => format!("{} · {}", summary::kind(p), p.mapping_key()),
    }
}

fn simulator_lines(sim: &Simulator, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let on_login = sim.focus == SimFocus::Login;
    let mut lines = vec![Line::from(vec![
        Span::styled("Who signs in: ", theme.accent),
        Span::styled(
            format!("◂ {} ▸", login_name(sim.login())),
            if on_login {
                theme.selected
            } else {
                Style::default()
            },
        ),
        Span::styled(
            format!("  ({} of {})", sim.chosen + 1, sim.logins.len()),
            theme.dim,
        ),
    ])];
    lines.push(Line::styled(
        "Token: paste a JWT on the first line, or type claims as name=value lines (a comma makes a list)",
        theme.dim,
    ));
    for (i, input) in sim.lines.iter().enumerate() {
        let focused = !on_login && i == sim.line;
        let prefix = if focused { "▸ ┃ " } else { "  ┃ " };
        lines.push(input_line(prefix, input, focused, width));
    }
    match &sim.claims {
        Err(why) => lines.push(Line::styled(format!("  ✗ {why}"), theme.error)),
        Ok(_) if sim.from_jwt => lines.push(Line::styled(
            "  Decoded, not verified: the signature is not checked here (the service checks it).",
            theme.warning,
        )),
        Ok(_) => {}
    }
    lines.push(Line::raw(""));
    let Some(answer) = &sim.answer else {
        lines.push(Line::styled("Fix the token to see the answer.", theme.dim));
        return lines;
    };
    lines.push(Line::styled("What the service does", theme.accent));
    let mut n = 0;
    let mut step = |text: String| {
        n += 1;
        Line::raw(fit(&format!("{n}. {text}"), width))
    };
    match &answer.resolution {
        None => lines.push(step(
            "A guest: the pool's guest role, no mapping applies".into(),
        )),
        Some(resolution) => {
            lines.push(step(match (&resolution.key, &resolution.mapping_type) {
                (Some(key), Some(kind)) => {
                    format!("Provider key {key}: its role mapping is {kind}")
                }
                _ => "No role mapping for this login's provider".into(),
            }));
            for (i, s) in resolution.steps.iter().enumerate() {
                let (sign, style) = if s.matched {
                    ("✓", theme.success)
                } else {
                    ("✗", theme.dim)
                };
                lines.push(Line::styled(
                    fit(
                        &format!(
                            "   {sign} rule {}: {} {} \"{}\" → {} — {}",
                            i + 1,
                            s.rule.claim,
                            s.rule.match_type,
                            s.rule.value,
                            crate::domain::roles::role_name(&s.rule.role_arn),
                            s.why
                        ),
                        width,
                    ),
                    style,
                ));
            }
            lines.push(step(resolution.reason.clone()));
        }
    }
    if !answer.tags.is_empty() {
        let tags: Vec<String> = answer
            .tags
            .iter()
            .map(crate::domain::simulation::SessionTag::shown)
            .collect();
        lines.push(step(format!(
            "Principal tags on the session: {}",
            tags.join(", ")
        )));
    }
    if let Some(trust) = &answer.trust {
        let role = answer
            .role
            .as_ref()
            .map(|a| crate::domain::roles::role_name(a).to_string())
            .unwrap_or_default();
        lines.push(step(match trust {
            TrustVerdict::Admits => format!("Trust: {role} admits this identity"),
            TrustVerdict::Refuses => {
                format!("Trust: {role} does not admit this identity (see its trust problems)")
            }
            TrustVerdict::Missing => format!("Trust: the role {role} does not exist"),
            TrustVerdict::Unknown(why) => format!("Trust: {role} — not known ({why})"),
        }));
    }
    lines.push(Line::raw(""));
    match answer.outcome() {
        Ok(arn) => lines.push(Line::styled(
            fit(&format!("Answer: credentials for {arn}"), width),
            theme.success,
        )),
        Err(refusal) => lines.push(Line::styled(
            fit(
                &format!("Answer: {} — {}", refusal.code, refusal.message),
                width,
            ),
            theme.error,
        )),
    }
    lines
}
