//! Drawing the report: a summary line, then each finding (severity, check, pool, reason, fix).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{Report, ReportView};
use crate::app::ViewCtx;
use crate::domain::doctor::Severity;
use crate::view::theme::Theme;
use crate::view::widgets::{spinner, wrap};

/// Draws the view over the body of the tab it covers.
pub fn draw(view: &ReportView, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let region = vx.session.map(|s| s.region.clone()).unwrap_or_default();
    let title = Span::styled(format!(" Security report — {region} "), theme.accent);
    let inner = crate::view::panel::covering(frame, area, title);
    let width = usize::from(inner.width).saturating_sub(10);
    let mut lines = Vec::new();
    match &view.run {
        Ok(None) => lines.push(Line::raw(format!(
            "{} Checking every pool of {region}, its roles and providers…",
            spinner(vx.now)
        ))),
        Err(error) => {
            for line in wrap(&format!("✗ {error}"), width + 8) {
                lines.push(Line::styled(line, theme.error));
            }
        }
        Ok(Some(Report {
            pools_checked,
            findings,
        })) => {
            let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
            lines.push(Line::raw(format!(
                "{pools_checked} pools checked: {} high, {} medium, {} low",
                count(Severity::High),
                count(Severity::Medium),
                count(Severity::Low)
            )));
            if findings.is_empty() {
                lines.push(Line::styled("✓ Nothing to report.", theme.success));
            }
            // Enough findings before the selected one to keep it on screen.
            let rows = usize::from(inner.height).saturating_sub(2);
            let mut body: Vec<(usize, Line<'static>)> = Vec::new();
            for (i, f) in findings.iter().enumerate() {
                let style = match f.severity {
                    Severity::High => theme.error,
                    Severity::Medium => theme.warning,
                    Severity::Low => theme.dim,
                };
                let mark = if i == view.selected { "▸" } else { " " };
                body.push((
                    i,
                    Line::from(vec![
                        Span::raw(format!("{mark} ")),
                        Span::styled(format!("{:<7}", f.severity.name().to_uppercase()), style),
                        Span::styled(format!("{}  ", f.check), theme.accent),
                        Span::raw(format!("{} ({})", f.pool_name, f.pool_id)),
                    ]),
                ));
                for text in wrap(&f.reason, width) {
                    body.push((i, Line::raw(format!("          {text}"))));
                }
                for text in wrap(&format!("fix ({}): {}", f.fix_in, f.fix), width) {
                    body.push((i, Line::styled(format!("          {text}"), theme.dim)));
                }
            }
            let first = body
                .iter()
                .position(|(i, _)| *i == view.selected)
                .unwrap_or(0);
            let last = body
                .iter()
                .rposition(|(i, _)| *i == view.selected)
                .unwrap_or(0);
            let skip = (last + 1).saturating_sub(rows).min(first);
            lines.push(Line::raw(""));
            lines.extend(body.into_iter().skip(skip).map(|(_, l)| l));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
