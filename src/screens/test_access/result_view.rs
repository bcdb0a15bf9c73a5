//! The lower half of the Test access panel: the run (its warning, its progress, what the service
//! handed out call by call) on the left, the Role settings simulator's prediction on the right,
//! and a loud mark across both when they differ. Secrets are never drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::prediction::{Agreement, Prediction, compare, predict, trust_finding};
use super::state::{Done, Panel, Run};
use crate::app::ViewCtx;
use crate::app::test_access::{Access, Novelty, Refused, Step, Trial, shortened};
use crate::view::theme::Theme;
use crate::view::widgets::{spinner, wrap};

/// Draws the run and the prediction into `area`.
pub fn draw(panel: &Panel, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let done = match &panel.run {
        Run::Done(done) => Some(done.as_ref()),
        _ => None,
    };
    let prediction = match (done, panel.read.config(vx.store)) {
        (Some(done), Some(config)) => predict(vx.store, config, done),
        _ => None,
    };
    let agreement = match (&prediction, done) {
        (Some(p), Some(done)) => compare(p, &done.trial),
        _ => None,
    };
    let mut area = area;
    if let Some(Agreement::Differs(text)) = &agreement {
        let loud = theme
            .error
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        let [banner, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" ✗ NOT AS PREDICTED: {text} "), loud)),
            banner,
        );
        area = rest;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let left_width = usize::from(left.width.saturating_sub(2));
    let result = match &panel.run {
        Run::Idle => wrapped(
            "⏎ signs in and shows what the pool hands out, call by call.",
            left_width,
            theme.dim,
        ),
        Run::Confirming => confirming(panel, theme, left_width),
        Run::Running { kind, .. } => vec![Line::raw(format!(
            "{} Signing in as {kind}…",
            spinner(vx.now)
        ))],
        Run::Done(done) => result_lines(
            panel,
            vx.store,
            done,
            prediction.as_ref(),
            theme,
            left_width,
        ),
    };
    frame.render_widget(
        Paragraph::new(result).block(
            Block::new()
                .borders(Borders::TOP | Borders::RIGHT)
                .title(" Result "),
        ),
        left,
    );
    let right_width = usize::from(right.width.saturating_sub(1));
    let predicted = prediction_lines(prediction.as_ref(), agreement.as_ref(), theme, right_width);
    frame.render_widget(
        Paragraph::new(predicted).block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Predicted by the Role settings simulator "),
        ),
        right,
    );
}

fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn confirming(panel: &Panel, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = wrapped(
        &format!(
            "⚠ Test access signs in for real: {} creates an identity in {} (a guest gets a new one every run; a user's first sign-in makes theirs). They stay until deleted in the Identity browser.",
            if panel.mode == super::state::Mode::Developer {
                "GetOpenIdTokenForDeveloperIdentity"
            } else {
                "GetId"
            },
            panel.pool_name
        ),
        width,
        theme.warning,
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "⏎ go on (not asked again this session) · Esc cancel",
        theme.key,
    ));
    lines
}

fn steps(steps: &[Step], theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("calls", theme.dim)];
    let total: f64 = steps.iter().map(|s| s.millis).sum();
    for step in steps {
        lines.push(Line::raw(format!(
            "  {:<36}{:>7.0} ms",
            step.call, step.millis
        )));
    }
    lines.push(Line::styled(
        format!("  {:<36}{:>7.0} ms", "total", total),
        theme.dim,
    ));
    lines
}

fn result_lines(
    panel: &Panel,
    store: &crate::store::Store,
    done: &Done,
    prediction: Option<&Prediction>,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    match &done.trial {
        Trial::Issued(access) => issued(access, prediction, theme, width),
        Trial::Refused(refused) => refused_lines(panel, store, done, refused, theme, width),
        Trial::NewPasswordRequired {
            sign_in, steps: s, ..
        } => {
            let mut lines = wrapped(
                &format!(
                    "The user pool asks {} for a new password (NEW_PASSWORD_REQUIRED): type one in New password and press ⏎.",
                    sign_in.username
                ),
                width,
                theme.warning,
            );
            lines.extend(steps(s, theme));
            lines
        }
    }
}

fn issued(
    access: &Access,
    prediction: Option<&Prediction>,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("✓ Credentials issued", theme.success)];
    let novelty = match &access.novelty {
        Novelty::New => "new".to_string(),
        Novelty::Existing(since) => format!("existing, since {since}"),
        Novelty::Unknown(why) => format!("new or existing: unknown ({why})"),
    };
    let mut field = |name: &str, value: String| {
        for (i, line) in wrap(&value, width.saturating_sub(10))
            .into_iter()
            .enumerate()
        {
            let name = if i == 0 { name } else { "" };
            lines.push(Line::raw(format!("{name:<10}{line}")));
        }
    };
    field("identity", format!("{} ({novelty})", access.identity_id));
    field(
        "role",
        access
            .role_arn
            .clone()
            .unwrap_or_else(|| "(not named in the caller's ARN)".into()),
    );
    field("caller", access.caller_arn.clone());
    if let Some(key) = &access.logins_key {
        let via = access.flow.map(|f| format!(" via {f}")).unwrap_or_default();
        field("login", format!("{key}{via}"));
    }
    field(
        "expires",
        access.expiration.clone().unwrap_or_else(|| "?".into()),
    );
    field(
        "key",
        format!(
            "{} (secret key and session token hidden; Ctrl-y copies export lines)",
            shortened(&access.access_key_id)
        ),
    );
    let tags = prediction.map(|p| p.tags.as_slice()).unwrap_or_default();
    let set: Vec<String> = tags
        .iter()
        .filter_map(|t| t.value.as_ref().map(|v| format!("{}={v}", t.key)))
        .collect();
    field(
        "tags",
        if set.is_empty() {
            "none (no attributes for access control, or no claims for them)".to_string()
        } else {
            format!(
                "{} (the attribute map applied to the token)",
                set.join(", ")
            )
        },
    );
    lines.extend(steps(&access.steps, theme));
    lines
}

fn refused_lines(
    panel: &Panel,
    store: &crate::store::Store,
    done: &Done,
    refused: &Refused,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = wrapped(
        &format!("✗ {} refused: {}", refused.call, refused.error),
        width,
        theme.error,
    );
    if let Some(advice) = &refused.advice {
        lines.extend(wrapped(advice, width, theme.warning));
    }
    if let Some(id) = &refused.error.request_id {
        lines.push(Line::styled(format!("request id {id}"), theme.dim));
    }
    if let Some(config) = panel.read.config(store)
        && let Some(findings) = trust_finding(panel, store, config, done)
    {
        lines.push(Line::styled("trust check", theme.accent));
        for finding in findings {
            lines.extend(wrapped(&format!("• {finding}"), width, Style::default()));
        }
    }
    lines.extend(steps(&refused.steps, theme));
    lines
}

fn prediction_lines(
    prediction: Option<&Prediction>,
    agreement: Option<&Agreement>,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(prediction) = prediction else {
        return wrapped(
            "After a run: the role the simulator computes for the same login and claims.",
            width,
            theme.dim,
        );
    };
    let mut lines = match &prediction.outcome {
        Ok(role) => vec![Line::raw(format!(
            "role  {}",
            role.rsplit('/').next().unwrap_or(role)
        ))],
        Err(refusal) => wrapped(
            &format!("refused: {}: {}", refusal.code, refusal.message),
            width,
            theme.warning,
        ),
    };
    for why in &prediction.why {
        lines.extend(wrapped(why, width, theme.dim));
    }
    let tags: Vec<String> = prediction
        .tags
        .iter()
        .map(crate::domain::simulation::SessionTag::shown)
        .collect();
    if !tags.is_empty() {
        lines.extend(wrapped(
            &format!("tags  {}", tags.join(", ")),
            width,
            Style::default(),
        ));
    }
    match agreement {
        Some(Agreement::Agrees) => {
            lines.push(Line::styled(
                "✓ The service did as predicted",
                theme.success,
            ));
        }
        Some(Agreement::Differs(_)) => lines.push(Line::styled(
            "✗ The service did otherwise (above)",
            theme.error.add_modifier(Modifier::BOLD),
        )),
        None => lines.push(Line::styled(
            "(the sign-in stopped before Cognito Identity: nothing to compare)",
            theme.dim,
        )),
    }
    lines
}
