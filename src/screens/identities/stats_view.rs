//! The identity statistics the console shows beside a pool's summary: guests against signed-in
//! identities, logins by provider and identities created per month, from what this browser has
//! loaded of the pool (and how much that is), as bar charts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::{IdentitiesState, Loading};
use crate::domain::identity_stats::{IdentityStats, stats};
use crate::view::theme::Theme;
use crate::view::widgets::{thousands, truncate};

/// How much of the pool the statistics cover, in words.
fn coverage(identities: &IdentitiesState) -> String {
    let loaded = thousands(identities.list.rows.len());
    let pages = identities.pages;
    let of = |s: &str| {
        format!(
            "{loaded} loaded in {pages} page{}{s}",
            if pages == 1 { "" } else { "s" }
        )
    };
    match &identities.loading {
        Loading::Done => of(", all"),
        Loading::Running { .. } => of(", loading more…"),
        Loading::Paused { .. } => of(", paused (more in the Identity browser)"),
        Loading::Failed { .. } => of(", stopped by an error"),
        Loading::Idle => of(""),
    }
}

/// Draws the statistics of the identities loaded for the pool in `area`.
pub fn draw(identities: &IdentitiesState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(Span::styled(" Identities ", theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let numbers = stats(identities.list.rows.iter().map(|r| &r.identity));
    let providers = numbers.by_provider.len().min(5);
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(2),
            Constraint::Length(u16::try_from(3 + providers).unwrap_or(7)),
            Constraint::Length(1),
            Constraint::Max(9),
        ])
        .split(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(coverage(identities), theme.dim)),
        parts[0],
    );
    frame.render_widget(
        kinds_chart(&numbers, usize::from(inner.width), theme),
        parts[1],
    );
    let months = &numbers.per_month;
    let span = match (months.first(), months.last()) {
        (Some((first, _)), Some((last, _))) if first != last => format!("{first} … {last}"),
        (Some((first, _)), _) => first.clone(),
        _ => "no creation dates".into(),
    };
    let most = months.iter().map(|(_, n)| *n).max().unwrap_or(0);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("Created per month ({span}; most {}):", thousands(most)),
            theme.dim,
        )),
        parts[2],
    );
    frame.render_widget(months_chart(months, parts[3], theme), parts[3]);
}

/// The months as vertical bars labelled with the month's number, the newest that fit.
fn months_chart<'a>(months: &[(String, usize)], area: Rect, theme: &Theme) -> BarChart<'a> {
    let width = usize::from(area.width);
    let bar_width = (width / months.len().max(1)).saturating_sub(1).clamp(2, 5);
    let fit = width / (bar_width + 1);
    let bars: Vec<Bar> = months
        .iter()
        .skip(months.len().saturating_sub(fit))
        .map(|(month, n)| {
            Bar::default()
                .label(Line::raw(month.get(5..).unwrap_or(month).to_string()))
                .value(*n as u64)
                .text_value(if bar_width >= 4 {
                    thousands(*n)
                } else {
                    String::new()
                })
        })
        .collect();
    BarChart::default()
        .bar_width(u16::try_from(bar_width).unwrap_or(2))
        .bar_gap(1)
        .bar_style(theme.accent)
        .value_style(theme.selected)
        .data(BarGroup::default().bars(&bars))
}

/// Guests, signed in, then each provider's logins (the five most used), as horizontal bars.
fn kinds_chart<'a>(numbers: &IdentityStats, width: usize, theme: &Theme) -> BarChart<'a> {
    let label_width = (width / 3).clamp(8, 24);
    let bar = |label: &str, value: usize| {
        Bar::default()
            .label(Line::raw(truncate(label, label_width)))
            .value(value as u64)
            .text_value(thousands(value))
    };
    let mut bars = vec![
        bar("guests", numbers.guests),
        bar("signed in", numbers.authenticated),
    ];
    bars.extend(
        numbers
            .by_provider
            .iter()
            .take(5)
            .map(|(provider, n)| bar(&format!("· {provider}"), *n)),
    );
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(theme.accent)
        .value_style(theme.selected)
        .data(BarGroup::default().bars(&bars))
}
