//! A pool's summary: id, name, guest access, basic flow, providers with their attributes for
//! access control, default roles and role mappings, tags. Long values wrap under their value
//! column, never back to the left edge.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::state::{Detail, PoolsState};
use crate::app::AwsError;
use crate::domain::identity::short_provider;
use crate::domain::roles::{PoolRoles, PrincipalTagMap, RoleMapping, role_name};
use crate::domain::{IdentityPool, ProviderKind};
use crate::store::Store;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, mask_secret, wrap};

/// The label column's width.
const LABEL: usize = 22;

/// The summary's lines, built for one width.
struct Lines<'t> {
    out: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

impl Lines<'_> {
    /// `label` then `value`; a value too long for one line goes on under the value column.
    fn row(&mut self, label: &str, value: impl AsRef<str>) {
        // A value's own indent (a rule under its mapping) holds for its continuation lines too.
        let value = value.as_ref();
        let body = value.trim_start();
        let indent = " ".repeat(value.len() - body.len());
        let parts = wrap(body, self.width.saturating_sub(LABEL + indent.len()));
        for (i, part) in parts.into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            self.out.push(Line::from(vec![
                Span::styled(fit(label, LABEL), self.theme.dim),
                Span::raw(format!("{indent}{part}")),
            ]));
        }
    }

    /// Text indented by `indent`, continuation lines by two more.
    fn text(&mut self, indent: usize, text: &str, style: Style) {
        self.hanging(indent, indent + 2, text, style);
    }

    /// Text indented by `indent`, continuation lines by `hang` (the start of a value after its
    /// key), or by two more than `indent` where that would leave too narrow a column.
    fn hanging(&mut self, indent: usize, hang: usize, text: &str, style: Style) {
        let hang = if self.width.saturating_sub(hang) >= 20 {
            hang
        } else {
            indent + 2
        };
        let first = wrap(text, self.width.saturating_sub(indent));
        let Some((head, _)) = first.split_first() else {
            return;
        };
        self.out
            .push(Line::styled(format!("{}{head}", " ".repeat(indent)), style));
        let rest = text.get(head.len()..).unwrap_or_default().trim_start();
        if rest.is_empty() {
            return;
        }
        for part in wrap(rest, self.width.saturating_sub(hang)) {
            self.out
                .push(Line::styled(format!("{}{part}", " ".repeat(hang)), style));
        }
    }

    fn heading(&mut self, text: String) {
        self.out.push(Line::raw(""));
        self.out.push(Line::styled(text, self.theme.accent));
    }
}

/// The app id of a social provider as shown: Twitter's value is `consumerKey;consumerSecret`, and
/// the secret is never drawn.
fn shown_app_id(kind: ProviderKind, value: &str) -> String {
    match (kind, value.split_once(';')) {
        (ProviderKind::Twitter, Some((key, secret))) => format!("{key};{}", mask_secret(secret)),
        _ => value.to_string(),
    }
}

/// Draws the open pool's summary.
pub fn draw(
    pools: &PoolsState,
    store: &Store,
    id: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let name = store
        .pool(id)
        .map(|p| p.identity_pool_name.clone())
        .or_else(|| pools.pool(id).map(|p| p.name.clone()))
        .unwrap_or_default();
    let block = Block::bordered()
        .title(Span::styled(format!(" {name} "), theme.accent))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let width = usize::from(block.inner(area).width);
    let mut lines = Lines {
        out: Vec::new(),
        width,
        theme,
    };
    lines.row("ID", id);
    lines.row("Name", &name);
    // Opened, the summary is read fresh: it says so until its own describe answers.
    match (pools.details.get(id), store.pool(id)) {
        (Some(Detail::Failed(error)), _) => {
            lines.out.push(Line::raw(""));
            lines.text(
                0,
                &format!("Could not describe the pool: {error}"),
                theme.error,
            );
            lines.text(0, "Press r to try again.", theme.dim);
        }
        (Some(Detail::Read) | None, Some(pool)) => {
            if store
                .entry(id)
                .is_some_and(crate::store::PoolEntry::written_since_read)
            {
                lines.text(
                    0,
                    "Written since this was read: r reads it again",
                    theme.dim,
                );
            }
            let roles = match pools.summary_roles.as_ref() {
                Some((_, Some(error))) => Some(Err(error)),
                _ => store.pool_roles(id).map(Ok),
            };
            let failed = pools
                .summary_tags
                .as_ref()
                .filter(|t| t.pool_id == id)
                .map(|t| &t.failed);
            let tags = |provider: &str| match failed.and_then(|f| f.get(provider)) {
                Some(error) => Some(Err(error)),
                None => store.tag_map(id, provider).map(Ok),
            };
            describe(pool, roles, &tags, &mut lines);
        }
        (Some(Detail::Loading(_)), _) | (_, None) => {
            lines.out.push(Line::raw(""));
            lines.text(0, "Loading the pool's configuration…", theme.dim);
        }
    }
    let lines = lines.out;
    let scroll = pools
        .summary_scroll
        .min(u16::try_from(lines.len().saturating_sub(1)).unwrap_or(0));
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// What is known of one provider's attributes for access control: `None` while not read,
/// `Ok(None)` when inactive.
type TagRead<'a> = Option<Result<Option<&'a PrincipalTagMap>, &'a AwsError>>;

fn describe<'a>(
    pool: &IdentityPool,
    roles: Option<Result<&PoolRoles, &AwsError>>,
    tags: &dyn Fn(&str) -> TagRead<'a>,
    lines: &mut Lines,
) {
    let guest = if pool.allow_unauthenticated_identities {
        "active (guests get unauthenticated identities)"
    } else {
        "inactive"
    };
    lines.row("Guest access", guest);
    let basic = match pool.allow_classic_flow {
        Some(true) => "on (basic flow allowed)",
        Some(false) => "off",
        None => "not set (the service allows the basic flow)",
    };
    lines.row("Basic (classic) flow", basic);
    lines.heading("Identity providers".into());
    let before = lines.out.len();
    for provider in &pool.cognito_identity_providers {
        lines.row("  Cognito user pool", &provider.provider_name);
        let check = if provider.server_side_token_check {
            "on"
        } else {
            "off"
        };
        lines.row(
            "",
            format!(
                "app client {} · server-side token check {check}",
                provider.client_id
            ),
        );
    }
    for (key, value) in &pool.supported_login_providers {
        let kind = ProviderKind::from_login_key(key);
        let label = if kind == ProviderKind::Other {
            key.clone()
        } else {
            kind.to_string()
        };
        lines.row(&format!("  {label}"), shown_app_id(kind, value));
    }
    for arn in &pool.open_id_connect_provider_arns {
        lines.row("  OpenID Connect", arn);
    }
    for arn in &pool.saml_provider_arns {
        lines.row("  SAML", arn);
    }
    if let Some(name) = &pool.developer_provider_name {
        lines.row("  Developer provider", name);
    }
    let has_providers = lines.out.len() > before;
    if !has_providers {
        lines.text(2, "none (guest access only)", lines.theme.dim);
    }
    access_control_section(pool, tags, lines);
    roles_section(roles, has_providers, lines);
    lines.heading(format!("Tags ({})", pool.identity_pool_tags.len()));
    if pool.identity_pool_tags.is_empty() {
        lines.text(2, "none", lines.theme.dim);
    }
    for (key, value) in &pool.identity_pool_tags {
        let hang = 2 + key.chars().count() + 3;
        lines.hanging(2, hang, &format!("{key} = {value}"), Style::new());
    }
}

/// Each provider's attributes for access control (GetPrincipalTagAttributeMap).
fn access_control_section<'a>(
    pool: &IdentityPool,
    tags: &dyn Fn(&str) -> TagRead<'a>,
    lines: &mut Lines,
) {
    let providers = pool.tag_providers();
    if providers.is_empty() {
        return;
    }
    lines.heading("Attributes for access control".into());
    for provider in providers {
        let (value, style) = match tags(&provider) {
            None => (
                "loading (GetPrincipalTagAttributeMap)…".to_string(),
                lines.theme.dim,
            ),
            Some(Err(error)) => (format!("could not load: {error}"), lines.theme.error),
            Some(Ok(map)) => (
                describe_map(map.unwrap_or(&PrincipalTagMap::default())),
                Style::new(),
            ),
        };
        lines.text(2, &format!("{}: {value}", short_provider(&provider)), style);
    }
}

/// `inactive`, `default mappings`, or each tag ← claim.
fn describe_map(map: &PrincipalTagMap) -> String {
    if map.use_defaults {
        return "default mappings (UseDefaults)".into();
    }
    if map.principal_tags.is_empty() {
        return "inactive".into();
    }
    let pairs: Vec<String> = map
        .principal_tags
        .iter()
        .map(|(tag, claim)| format!("{tag} ← {claim}"))
        .collect();
    format!("custom: {}", pairs.join(", "))
}

/// The default roles and each provider's role mapping (editing them belongs to Role settings).
fn roles_section(
    roles: Option<Result<&PoolRoles, &AwsError>>,
    has_providers: bool,
    lines: &mut Lines,
) {
    lines.heading("Roles".into());
    let theme = lines.theme;
    match roles {
        None => lines.text(2, "loading (GetIdentityPoolRoles)…", theme.dim),
        Some(Err(error)) => lines.text(2, &format!("could not load: {error}"), theme.error),
        Some(Ok(roles)) => {
            for (key, label) in [
                ("authenticated", "  Authenticated role"),
                ("unauthenticated", "  Guest role"),
            ] {
                let value = match roles.roles.get(key) {
                    Some(arn) => format!("{}  ({arn})", role_name(arn)),
                    None => "none".to_string(),
                };
                lines.row(label, value);
            }
            if roles.role_mappings.is_empty() {
                let none = match (has_providers, roles.roles.contains_key("authenticated")) {
                    (false, _) => "none (no identity providers)",
                    (true, true) => "none: every provider uses the default authenticated role",
                    (true, false) => {
                        "none, and no default authenticated role: sign-ins get no credentials"
                    }
                };
                lines.row("  Role mappings", none);
            }
            for (i, (provider, mapping)) in roles.role_mappings.iter().enumerate() {
                let label = if i == 0 { "  Role mappings" } else { "" };
                lines.row(label, provider);
                mapping_lines(mapping, lines);
            }
        }
    }
}

/// How one provider's users get their role: from the token or by rules (each rule in order), and
/// what happens when nothing matches.
fn mapping_lines(mapping: &RoleMapping, lines: &mut Lines) {
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
    lines.row("", how);
    let rules = mapping
        .rules_configuration
        .as_ref()
        .map(|c| c.rules.as_slice())
        .unwrap_or_default();
    for (n, rule) in rules.iter().enumerate() {
        lines.row(
            "",
            format!(
                "  {}. {} {} \"{}\" → {}",
                n + 1,
                rule.claim,
                rule.match_type,
                rule.value,
                role_name(&rule.role_arn)
            ),
        );
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
    fn maps_read_as_operators_say_them() {
        let mut map = PrincipalTagMap::default();
        assert_eq!(describe_map(&map), "inactive");
        map.principal_tags.insert("user".into(), "sub".into());
        assert_eq!(describe_map(&map), "custom: user ← sub");
        map.use_defaults = true;
        assert_eq!(describe_map(&map), "default mappings (UseDefaults)");
    }
}
