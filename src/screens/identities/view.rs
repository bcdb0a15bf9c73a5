//! Drawing the Identity browser: the table (only the rows on screen are built, so 100,000 rows
//! cost what 30 do), its status line, and the panels over it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::panels;
use super::state::{IdentitiesState, Loading};
use super::status::StatusCheck;
use crate::app::ViewCtx;
use crate::domain::identity::{format_time, short_provider};
use crate::domain::identity_filter::Status;
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, thousands};

/// Draws the tab into the body.
pub fn draw(state: &IdentitiesState, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some((_, pool_name)) = vx.current_pool else {
        let mut lines = crate::view::panel::lost_pool(vx, theme);
        lines.extend([
            Line::raw("The Identity browser shows the identities of the current pool."),
            Line::raw(""),
            Line::raw(
                "Choose a pool first: press 1 for Pools, select a pool, press ⏎, then come back with 3.",
            ),
        ]);
        let block = Block::bordered().title(Span::styled(" Identity browser ", theme.accent));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
        return;
    };
    let block = Block::bordered()
        .title(title(state, pool_name, theme))
        .title_bottom(status_line(state, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    table(vx, state, theme, frame, inner);
    panels::draw(vx, state, theme, frame, area);
}

fn title(state: &IdentitiesState, pool_name: &str, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" Identities of {pool_name} "),
        theme.accent,
    )];
    let loaded = thousands(state.list.rows.len());
    let progress = match &state.loading {
        Loading::Idle => "not loaded".to_string(),
        Loading::Running { .. } if state.pause_requested => format!("{loaded} loaded · pausing…"),
        Loading::Running { .. } => format!("{loaded} loaded · loading page {}…", state.pages + 1),
        Loading::Paused { .. } => format!(
            "{loaded} loaded · paused after {} pages (p resumes)",
            state.pages
        ),
        Loading::Done if state.pages == 1 => format!("{loaded} · 1 page"),
        Loading::Done => format!("{loaded} · all {} pages", state.pages),
        Loading::Failed { error, .. } => {
            let code = error.code.clone().unwrap_or_else(|| "error".into());
            format!("{loaded} loaded · stopped: {code} (p retries)")
        }
    };
    let style = if matches!(state.loading, Loading::Failed { .. }) {
        theme.error
    } else {
        theme.dim
    };
    spans.push(Span::styled(format!("─ {progress} "), style));
    if state.hide_disabled {
        spans.push(Span::styled("─ disabled hidden ", theme.dim));
    }
    match &state.status_check {
        StatusCheck::Running { enabled, .. } => spans.push(Span::styled(
            format!(
                "─ checking which are disabled ({} enabled so far)… ",
                thousands(enabled.len())
            ),
            theme.dim,
        )),
        StatusCheck::Done { .. } => spans.push(Span::styled(
            format!("─ {} disabled ", thousands(state.disabled_count())),
            theme.dim,
        )),
        StatusCheck::Failed(error) => spans.push(Span::styled(
            format!(
                "─ status check failed: {} ",
                error.code.as_deref().unwrap_or("error")
            ),
            theme.error,
        )),
        StatusCheck::NotAsked => {}
    }
    if state.marked > 0 {
        spans.push(Span::styled(
            format!("─ {} marked ", thousands(state.marked)),
            theme.warning,
        ));
    }
    Line::from(spans)
}

fn status_line(state: &IdentitiesState, theme: &Theme) -> Line<'static> {
    if let Some(error) = &state.filter_error {
        return Line::from(vec![
            Span::styled(format!(" /{} ", state.filter_input.value()), theme.key),
            Span::styled(format!("✗ {error} "), theme.error),
        ]);
    }
    if state.filter_editing || !state.filter.is_empty() {
        let cursor = if state.filter_editing { "▏" } else { "" };
        return Line::from(vec![
            Span::styled(
                format!(" /{}{cursor} ", state.filter_input.value()),
                theme.key,
            ),
            Span::styled(
                format!(
                    "─ {} of {} match ",
                    thousands(state.list.shown.len()),
                    thousands(state.list.rows.len())
                ),
                theme.dim,
            ),
        ]);
    }
    Line::styled(
        " / filter: id text, guest, auth, disabled, p:google, created>30d (last 30 days) · ? all rules ".to_string(),
        theme.dim,
    )
}

/// Column widths for inner width `width`: (id, kind, logins, created, modified); 0 hides a column.
fn columns(width: usize) -> (usize, usize, usize, usize, usize) {
    let (id, kind) = (47, 9);
    let created = if width >= 95 { 17 } else { 0 };
    let modified = if width >= 125 { 17 } else { 0 };
    let logins = width.saturating_sub(3 + id + kind + created + modified);
    (id, kind, logins, created, modified)
}

fn table(vx: &ViewCtx, state: &IdentitiesState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (id_w, kind_w, logins_w, created_w, modified_w) = columns(usize::from(area.width));
    let mut heading = format!(
        "   {}{}{}",
        fit("IDENTITY ID", id_w),
        fit("KIND", kind_w),
        fit("LOGINS", logins_w)
    );
    heading.push_str(&fit("CREATED", created_w));
    heading.push_str(&fit("MODIFIED", modified_w));
    let mut lines = vec![Line::styled(heading, theme.dim)];
    if state.list.shown.is_empty() {
        let message = match (&state.loading, state.list.rows.is_empty()) {
            (Loading::Running { .. } | Loading::Idle, true) => "Loading identities…".to_string(),
            (_, true) => "This pool has no identities.".to_string(),
            (_, false) => "No identity matches the filter. Esc clears it.".to_string(),
        };
        lines.push(Line::styled(format!("   {message}"), theme.dim));
    }
    let height = layout::list_rows(vx.size);
    for (pos, &index) in state
        .list
        .shown
        .iter()
        .enumerate()
        .skip(state.list.offset)
        .take(height)
    {
        let Some(row) = state.list.rows.get(index) else {
            continue;
        };
        let selected = pos == state.list.selected;
        let identity = &row.identity;
        let (kind, kind_style) = match (row.status, identity.is_guest()) {
            (Status::Disabled, _) => ("disabled", theme.warning),
            (_, true) => ("guest", theme.dim),
            (_, false) => ("auth", Style::new()),
        };
        let logins: Vec<String> = identity.logins.iter().map(|l| short_provider(l)).collect();
        let mut spans = vec![
            Span::raw(if selected { ">" } else { " " }),
            Span::styled(if row.marked { "● " } else { "  " }, theme.warning),
            Span::raw(fit(&identity.id, id_w)),
            Span::styled(fit(kind, kind_w), kind_style),
            Span::raw(fit(&logins.join(", "), logins_w)),
        ];
        if created_w > 0 {
            spans.push(Span::styled(
                fit(&format_time(identity.created), created_w),
                theme.dim,
            ));
        }
        if modified_w > 0 {
            spans.push(Span::styled(
                fit(&format_time(identity.modified), modified_w),
                theme.dim,
            ));
        }
        let style = if selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(spans).style(style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
