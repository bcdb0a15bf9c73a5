//! Drawing the Pools tab: the list (only the rows on screen are built) and a pool's summary.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::state::{Detail, Listing, PoolsState};
use crate::app::AwsError;
use crate::app::Model;
use crate::domain::roles::{PoolRoles, RoleMapping, role_name};
use crate::domain::{IdentityPool, ProviderKind};
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, mask_secret, truncate};

/// Draws the list, or the open pool's summary.
pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    match &model.pools.open {
        Some(id) => summary(&model.pools, id, theme, frame, area),
        None => list(model, theme, frame, area),
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

fn list(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let pools = &model.pools;
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
    let height = layout::list_rows(model.size);
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
            detail_cells(pools.details.get(&pool.id), theme);
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

/// The GUEST, BASIC FLOW and PROVIDERS cells, from what is known of the pool.
fn detail_cells(detail: Option<&Detail>, theme: &Theme) -> (String, String, String, Style) {
    match detail {
        Some(Detail::Loaded(pool)) => {
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
        Some(Detail::Failed(error)) => {
            let code = error.code.clone().unwrap_or_else(|| "error".into());
            ("!".into(), "!".into(), code, theme.error)
        }
        Some(Detail::Loading(_)) | None => ("…".into(), "…".into(), "…".into(), theme.dim),
    }
}

fn basic_flow_short(pool: &IdentityPool) -> &'static str {
    match pool.allow_classic_flow {
        Some(true) => "on",
        Some(false) => "off",
        None => "unset",
    }
}

fn row<'a>(label: &str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(fit(label, 22), theme.dim),
        Span::raw(value.into()),
    ])
}

/// The app id of a social provider as shown: Twitter's value is `consumerKey;consumerSecret`, and
/// the secret is never drawn.
fn shown_app_id(kind: ProviderKind, value: &str) -> String {
    match (kind, value.split_once(';')) {
        (ProviderKind::Twitter, Some((key, secret))) => format!("{key};{}", mask_secret(secret)),
        _ => value.to_string(),
    }
}

fn summary(pools: &PoolsState, id: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let name = pools.pool(id).map(|p| p.name.clone()).unwrap_or_default();
    let block = Block::bordered()
        .title(Span::styled(format!(" {name} "), theme.accent))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let mut lines = vec![row("ID", id, theme), row("Name", name.clone(), theme)];
    match pools.details.get(id) {
        Some(Detail::Loaded(pool)) => {
            let roles = pools
                .summary_roles
                .as_ref()
                .and_then(|(_, answer)| answer.as_ref());
            describe(pool, roles, theme, &mut lines);
        }
        Some(Detail::Failed(error)) => {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("Could not describe the pool: {error}"),
                theme.error,
            ));
            lines.push(Line::styled("Press r to try again.", theme.dim));
        }
        Some(Detail::Loading(_)) | None => {
            lines.push(Line::raw(""));
            lines.push(Line::styled("Loading the pool's configuration…", theme.dim));
        }
    }
    let scroll = pools
        .summary_scroll
        .min(u16::try_from(lines.len().saturating_sub(1)).unwrap_or(0));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn describe(
    pool: &IdentityPool,
    roles: Option<&Result<PoolRoles, AwsError>>,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let guest = if pool.allow_unauthenticated_identities {
        "active (guests get unauthenticated identities)"
    } else {
        "inactive"
    };
    lines.push(row("Guest access", guest, theme));
    let basic = match pool.allow_classic_flow {
        Some(true) => "on (basic flow allowed)",
        Some(false) => "off",
        None => "not set (the service allows the basic flow)",
    };
    lines.push(row("Basic (classic) flow", basic, theme));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Identity providers", theme.accent));
    let before = lines.len();
    for provider in &pool.cognito_identity_providers {
        lines.push(row(
            "  Cognito user pool",
            provider.provider_name.clone(),
            theme,
        ));
        let check = if provider.server_side_token_check {
            "on"
        } else {
            "off"
        };
        lines.push(row(
            "",
            format!(
                "app client {} · server-side token check {check}",
                provider.client_id
            ),
            theme,
        ));
    }
    for (key, value) in &pool.supported_login_providers {
        let kind = ProviderKind::from_login_key(key);
        let label = if kind == ProviderKind::Other {
            key.clone()
        } else {
            kind.to_string()
        };
        lines.push(row(&format!("  {label}"), shown_app_id(kind, value), theme));
    }
    for arn in &pool.open_id_connect_provider_arns {
        lines.push(row("  OpenID Connect", arn.clone(), theme));
    }
    for arn in &pool.saml_provider_arns {
        lines.push(row("  SAML", arn.clone(), theme));
    }
    if let Some(name) = &pool.developer_provider_name {
        lines.push(row("  Developer provider", name.clone(), theme));
    }
    if lines.len() == before {
        lines.push(Line::styled("  none (guest access only)", theme.dim));
    }
    roles_section(roles, theme, lines);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Tags ({})", pool.identity_pool_tags.len()),
        theme.accent,
    ));
    if pool.identity_pool_tags.is_empty() {
        lines.push(Line::styled("  none", theme.dim));
    }
    for (key, value) in &pool.identity_pool_tags {
        lines.push(Line::raw(format!("  {} = {value}", truncate(key, 40))));
    }
}

/// The default roles and each provider's role mapping (editing them belongs to Role settings).
fn roles_section(
    roles: Option<&Result<PoolRoles, AwsError>>,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    lines.push(Line::raw(""));
    lines.push(Line::styled("Roles", theme.accent));
    match roles {
        None => lines.push(Line::styled("  loading (GetIdentityPoolRoles)…", theme.dim)),
        Some(Err(error)) => lines.push(Line::styled(
            format!("  could not load: {error}"),
            theme.error,
        )),
        Some(Ok(roles)) => {
            for (key, label) in [
                ("authenticated", "  Authenticated role"),
                ("unauthenticated", "  Guest role"),
            ] {
                let value = match roles.roles.get(key) {
                    Some(arn) => format!("{}  ({arn})", role_name(arn)),
                    None => "none".to_string(),
                };
                lines.push(row(label, value, theme));
            }
            if roles.role_mappings.is_empty() {
                lines.push(row(
                    "  Role mappings",
                    "none: every provider uses the default authenticated role",
                    theme,
                ));
            }
            for (i, (provider, mapping)) in roles.role_mappings.iter().enumerate() {
                let label = if i == 0 { "  Role mappings" } else { "" };
                lines.push(row(label, provider.clone(), theme));
                mapping_lines(mapping, theme, lines);
            }
        }
    }
}

/// How one provider's users get their role: from the token or by rules (each rule in order), and
/// what happens when nothing matches.
fn mapping_lines(mapping: &RoleMapping, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let otherwise = match mapping.ambiguous_role_resolution.as_deref() {
        Some("Deny") => "else denied".to_string(),
        Some("AuthenticatedRole") | None => "else the default authenticated role".to_string(),
        Some(other) => format!("else {other}"),
    };
    let how = match mapping.mapping_type.as_str() {
        "Token" => format!("token (cognito:preferred_role); {otherwise}"),
        "Rules" => format!("rules, first match wins; {otherwise}"),
        other => format!("{other}; {otherwise}"),
    };
    lines.push(row("", how, theme));
    let rules = mapping
        .rules_configuration
        .as_ref()
        .map(|c| c.rules.as_slice())
        .unwrap_or_default();
    for (n, rule) in rules.iter().enumerate() {
        lines.push(row(
            "",
            format!(
                "  {}. {} {} \"{}\" → {}",
                n + 1,
                rule.claim,
                rule.match_type,
                rule.value,
                role_name(&rule.role_arn)
            ),
            theme,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twitter_secrets_are_masked() {
        assert_eq!(
            shown_app_id(ProviderKind::Twitter, "key;secret"),
            "key;••••••••"
        );
        assert_eq!(shown_app_id(ProviderKind::Google, "a;b"), "a;b");
    }

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
