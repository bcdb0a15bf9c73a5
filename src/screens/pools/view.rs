//! Drawing the Pools tab: the list (only the rows on screen are built) and a pool's summary.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::state::{Detail, Listing, PoolsState};
use crate::app::ViewCtx;
use crate::domain::IdentityPool;
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::fit;

/// Draws the list, or the open pool's summary.
pub fn draw(pools: &PoolsState, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    match &pools.open {
        Some(id) => super::summary::draw(pools, vx.store, id, theme, frame, area),
        None => list(pools, vx, theme, frame, area),
    }
}

/// Column widths for a list of inner width `width`: (name, id, guest, basic flow, providers). The id
/// column goes first when space is short.
fn columns(width: usize) -> (usize, usize, usize, usize, usize) {
    const ID: usize = 47;
    let (guest, basic) = (6, 11);
    let with_id = width >= 2 + 16 + ID + guest + basic + 12;
    let id = if with_id { ID } else { 0 };
    let rest = width.saturating_sub(2 + id + guest + basic);
    let name = (rest * 3 / 5).clamp(12, 40).min(rest);
    (name, id, guest, basic, rest.saturating_sub(name))
}

fn title(pools: &PoolsState, theme: &Theme) -> Line<'static> {
    let count = if pools.filter.value().is_empty() {
        format!(" Identity pools ({}) ", pools.list.rows.len())
    } else {
        format!(
            " Identity pools ({} of {}) ",
            pools.list.shown.len(),
            pools.list.rows.len()
        )
    };
    let mut spans = vec![Span::styled(count, theme.accent)];
    if !pools.filter.value().is_empty() || pools.filter_editing {
        let cursor = if pools.filter_editing { "▏" } else { "" };
        spans.push(Span::styled(
            format!("─ /{}{cursor} ", pools.filter.value()),
            theme.key,
        ));
    }
    match &pools.listing {
        Listing::Loading { pages, .. } => {
            spans.push(Span::styled(
                format!("─ loading page {}… ", pages + 1),
                theme.dim,
            ));
        }
        Listing::Failed(error) => {
            let code = error.code.as_deref().unwrap_or("error");
            spans.push(Span::styled(
                format!("─ listing stopped: {code} (r retries) "),
                theme.error,
            ));
        }
        Listing::Idle | Listing::Done { .. } => {}
    }
    Line::from(spans)
}

fn list(pools: &PoolsState, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(title(pools, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let (name_w, id_w, guest_w, basic_w, prov_w) = columns(width);
    let mut heading = format!("  {}", fit("NAME", name_w));
    if id_w > 0 {
        heading.push_str(&fit("ID", id_w));
    }
    heading.push_str(&fit("GUEST", guest_w));
    heading.push_str(&fit("BASIC FLOW", basic_w));
    heading.push_str(&fit("PROVIDERS", prov_w));
    let mut lines = vec![Line::styled(heading, theme.dim)];

    if pools.list.shown.is_empty() {
        let message = match (&pools.listing, pools.list.rows.is_empty()) {
            (Listing::Loading { .. } | Listing::Idle, true) => {
                "Loading identity pools…".to_string()
            }
            (Listing::Failed(_), true) => {
                "Could not list the pools; the error is in the footer (:errors).".into()
            }
            (_, true) => {
                "No identity pools in this region. Press n to create one, or :region NAME.".into()
            }
            (_, false) => format!(
                "No pool matches \"{}\". Esc clears the filter.",
                pools.filter.value()
            ),
        };
        lines.push(Line::styled(format!("  {message}"), theme.dim));
    }
    let height = layout::list_rows(vx.size);
    // Only the rows on screen are built, so drawing costs the same with 50 pools or 50,000.
    for (pos, &index) in pools
        .list
        .shown
        .iter()
        .enumerate()
        .skip(pools.list.offset)
        .take(height)
    {
        let Some(pool) = pools.list.rows.get(index) else {
            continue;
        };
        let selected = pos == pools.list.selected;
        let marker = if selected { "> " } else { "  " };
        let deleting = pools.deleting.contains_key(&pool.id);
        let name = if deleting {
            format!("{} (deleting…)", pool.name)
        } else {
            pool.name.clone()
        };
        let (guest, basic, providers, detail_style) =
            detail_cells(pools.details.get(&pool.id), vx.store.pool(&pool.id), theme);
        let row_style = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let mut spans = vec![Span::raw(marker), Span::raw(fit(&name, name_w))];
        if id_w > 0 {
            spans.push(Span::styled(
                fit(&pool.id, id_w),
                if selected { Style::new() } else { theme.dim },
            ));
        }
        spans.push(Span::styled(fit(&guest, guest_w), detail_style));
        spans.push(Span::styled(fit(&basic, basic_w), detail_style));
        spans.push(Span::styled(fit(&providers, prov_w), detail_style));
        let style = if deleting {
            row_style.patch(theme.dim)
        } else {
            row_style
        };
        lines.push(Line::from(spans).style(style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The GUEST, BASIC FLOW and PROVIDERS cells, from what the store holds of the pool (a failed
/// describe shows as failed until it is read again).
fn detail_cells(
    detail: Option<&Detail>,
    described: Option<&IdentityPool>,
    theme: &Theme,
) -> (String, String, String, Style) {
    match (detail, described) {
        (Some(Detail::Failed(error)), _) => {
            let code = error.code.clone().unwrap_or_else(|| "error".into());
            ("!".into(), "!".into(), code, theme.error)
        }
        (Some(Detail::Read) | None, Some(pool)) => {
            let guest = if pool.allow_unauthenticated_identities {
                "on"
            } else {
                "off"
            };
            let kinds: Vec<String> = pool
                .provider_kinds()
                .iter()
                .map(ToString::to_string)
                .collect();
            let providers = if kinds.is_empty() {
                "—".to_string()
            } else {
                kinds.join(", ")
            };
            (
                guest.into(),
                basic_flow_short(pool).into(),
                providers,
                Style::new(),
            )
        }
        (Some(Detail::Loading(_)), _) | (_, None) => {
            ("…".into(), "…".into(), "…".into(), theme.dim)
        }
    }
}

fn basic_flow_short(pool: &IdentityPool) -> &'static str {
    match pool.allow_classic_flow {
        Some(true) => "on",
        Some(false) => "off",
        None => "unset",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width() {
        for width in 0..200 {
            let (a, b, c, d, e) = columns(width);
            assert!(
                2 + a + b + c + d + e <= width.max(2 + c + d + 12),
                "{width}"
            );
        }
        assert_eq!(columns(98).1, 47, "the id shows at 100 columns");
        assert_eq!(columns(70).1, 0, "the id gives way first");
    }
}
