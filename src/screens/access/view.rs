//! Drawing the User access tab: guest and authenticated access, the providers' table, the
//! properties, and the panel over them (a provider's sections, the kinds to add, a removal's
//! confirmation, a save).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::state::{AccessState, Item, Panel};
use super::summary;
use crate::app::ViewCtx;
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, spinner};
use crate::wizard::scoped::source_of;

/// Draws the tab into the body.
pub fn draw(state: &AccessState, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let hint = "User access changes the current pool. Choose one first: press 1 for Pools, select a pool, press ⏎, then come back with 2.";
    let Some(inner) = crate::view::panel::pool_tab(vx, "User access", hint, theme, frame, area)
    else {
        return;
    };
    let width = usize::from(inner.width);
    let lines = crate::screens::save::tab_read::lines(&state.read, vx, theme, |config| {
        body(state, vx.store, config, theme, width)
    });
    crate::view::panel::scrolled(frame, inner, lines);
    if let Some(panel) = &state.panel {
        draw_panel(vx, state, panel, theme, frame, area);
    }
}

fn row(selected: bool, label: &str, value: String, theme: &Theme, width: usize) -> Line<'static> {
    let mark = if selected { "▸ " } else { "  " };
    let label = format!("{mark}{label:<22}");
    let value = fit(&value, width.saturating_sub(label.chars().count()));
    let style = if selected {
        theme.selected
    } else {
        Style::default()
    };
    Line::from(vec![Span::styled(label, style), Span::styled(value, style)])
}

fn body(
    state: &AccessState,
    store: &crate::store::Store,
    config: &PoolConfig,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let pool = &config.pool;
    let mut lines = Vec::new();
    let items = state.items(store);
    let is = |i: usize| i == state.selected;
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Guest => {
                lines.push(Line::styled("Guest access", theme.accent));
                let status = if pool.allow_unauthenticated_identities {
                    "Active"
                } else {
                    "Inactive"
                };
                let role = summary::default_role(config, "unauthenticated");
                lines.push(row(
                    is(i),
                    "Status · guest role",
                    format!("{status} · {role}"),
                    theme,
                    width,
                ));
            }
            Item::Authenticated => {
                lines.push(Line::raw(""));
                lines.push(Line::styled("Authenticated access", theme.accent));
                let role = summary::default_role(config, "authenticated");
                let status = if config.roles.roles.contains_key("authenticated") {
                    "Active"
                } else {
                    "Inactive"
                };
                lines.push(row(
                    is(i),
                    "Status · default role",
                    format!("{status} · {role}"),
                    theme,
                    width,
                ));
                lines.push(Line::raw(""));
                let count = super::state::providers(config).len()
                    + usize::from(pool.developer_provider_name.is_some());
                lines.push(Line::styled(
                    format!("Identity providers ({count})"),
                    theme.accent,
                ));
            }
            Item::Provider(provider) => {
                lines.push(row(
                    is(i),
                    &summary::kind(provider),
                    summary::ids(config, provider),
                    theme,
                    width,
                ));
                let style = theme.dim;
                lines.push(Line::styled(
                    fit(
                        &format!(
                            "      role settings: {}",
                            summary::role_settings(config, provider)
                        ),
                        width,
                    ),
                    style,
                ));
                lines.push(Line::styled(
                    fit(
                        &format!(
                            "      attributes for access control: {}",
                            summary::attributes(config, provider)
                        ),
                        width,
                    ),
                    style,
                ));
            }
            Item::Developer(name) => {
                lines.push(row(
                    is(i),
                    "Developer",
                    format!("{name} (can't be changed or removed)"),
                    theme,
                    width,
                ));
            }
            Item::AddProvider => lines.push(row(
                is(i),
                "+ Add identity provider",
                String::new(),
                theme,
                width,
            )),
            Item::Name => {
                lines.push(Line::raw(""));
                lines.push(Line::styled("Properties", theme.accent));
                lines.push(row(
                    is(i),
                    "Name",
                    pool.identity_pool_name.clone(),
                    theme,
                    width,
                ));
            }
            Item::ClassicFlow => {
                let on = if pool.allow_classic_flow.unwrap_or(false) {
                    "on"
                } else {
                    "off"
                };
                lines.push(row(is(i), "Basic (classic) flow", on.into(), theme, width));
            }
            Item::Tags => {
                let tags = if pool.identity_pool_tags.is_empty() {
                    "none".to_string()
                } else {
                    pool.identity_pool_tags
                        .iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                lines.push(row(is(i), "Tags", tags, theme, width));
            }
        }
    }
    lines
}

fn draw_panel(
    vx: &ViewCtx,
    state: &AccessState,
    panel: &Panel,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let (title, lines, width, height) = match panel {
        Panel::Provider { provider, focus } => {
            let Some(config) = state.read.config(vx.store) else {
                return;
            };
            let width = area.width.min(100);
            let lines = provider_lines(
                config,
                provider,
                *focus,
                theme,
                usize::from(width.saturating_sub(2)),
            );
            let height =
                crate::view::panel::fitted_height(&lines, width, area.height.saturating_sub(2));
            (format!(" {} ", source_of(provider)), lines, width, height)
        }
        Panel::AddKind { kinds, focus } => {
            let mut lines = vec![
                Line::raw("The kinds this pool can still take:"),
                Line::raw(""),
            ];
            for (i, kind) in kinds.iter().enumerate() {
                let selected = i == *focus;
                let mark = if selected { "▸ " } else { "  " };
                let style = if selected {
                    theme.selected
                } else {
                    Style::default()
                };
                lines.push(Line::styled(format!("{mark}{kind}"), style));
            }
            (" Add identity provider ".to_string(), lines, 60, 14)
        }
        Panel::ConfirmRemove { provider, remove } => {
            let buttons = if *remove {
                "   Cancel   [ Remove ]"
            } else {
                " [ Cancel ]   Remove"
            };
            let lines = vec![
                Line::raw(format!(
                    "Remove {} {}?",
                    summary::kind(provider),
                    provider.tag_provider()
                )),
                Line::raw(""),
                Line::raw("Its users can no longer sign in to this pool; its role mapping and"),
                Line::raw(
                    "attributes for access control are removed with it. You see the diff first.",
                ),
                Line::raw(""),
                Line::styled(buttons.to_string(), theme.accent),
            ];
            (" Remove identity provider ".to_string(), lines, 84, 9)
        }
        Panel::Save(view) => {
            let width = area.width.saturating_sub(6);
            let lines = crate::screens::save::view::lines(
                &view.save,
                view.note.as_deref(),
                spinner(vx.now),
                theme,
                usize::from(width.saturating_sub(2)),
            );
            // As tall as its lines (long ones wrap), at most the screen.
            let height =
                crate::view::panel::fitted_height(&lines, width, area.height.saturating_sub(2));
            (" Save changes ".to_string(), lines, width, height)
        }
    };
    // A save's panel scrolls as its keys say; the others keep their focused line in view.
    let scroll = match panel {
        Panel::Save(view) => crate::view::panel::Scroll::Rows(view.scroll),
        _ => crate::view::panel::Scroll::ToFocus,
    };
    crate::view::panel::draw_scrolled(frame, area, title, lines, (width, height), theme, scroll);
}

fn provider_lines(
    config: &PoolConfig,
    provider: &ProviderRef,
    focus: usize,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let sections = [
        (
            "Identity provider information",
            summary::ids(config, provider),
        ),
        ("Role settings", summary::role_settings(config, provider)),
        (
            "Attributes for access control",
            summary::attributes(config, provider),
        ),
    ];
    let mut lines = Vec::new();
    for (i, (title, value)) in sections.into_iter().enumerate() {
        let selected = i == focus;
        let mark = if selected { "▸ " } else { "  " };
        let style = if selected {
            theme.selected
        } else {
            theme.accent
        };
        lines.push(Line::styled(format!("{mark}{title}"), style));
        // A long value wraps under its own indent.
        for part in crate::view::widgets::wrap(&value, width.saturating_sub(4)) {
            lines.push(Line::raw(format!("    {part}")));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "⏎ edits the section marked ▸; d removes the provider.",
        theme.dim,
    ));
    lines
}
