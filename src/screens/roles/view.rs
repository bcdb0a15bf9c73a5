//! Drawing the Role settings tab: the default roles, every provider's role mapping with its
//! rules, the trust and permissions of every role the pool hands out, and the simulator's row;
//! panels are drawn by [`super::panels`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::state::{Fetch, Item, RoleFacts, RolesState};
use crate::app::ViewCtx;
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::grants;
use crate::domain::policy::Audience;
use crate::domain::role_use::{self, HandedOut};
use crate::domain::roles::role_name;
use crate::screens::access::summary;
use crate::view::theme::Theme;
use crate::view::widgets::{fit, spinner};

/// Draws the tab into the body.
pub fn draw(state: &RolesState, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let hint = "Role settings shows the current pool's roles. Choose one first: press 1 for Pools, select a pool, press ⏎, then come back with 4.";
    let Some(inner) = crate::view::panel::pool_tab(vx, "Role settings", hint, theme, frame, area)
    else {
        return;
    };
    let width = usize::from(inner.width);
    let lines = crate::screens::save::tab_read::lines(&state.read, vx, theme, |config| {
        body(vx, state, config, theme, width)
    });
    crate::view::panel::scrolled(frame, inner, lines);
    if let Some(panel) = &state.panel {
        super::panels::draw(vx, state, panel, theme, frame, area);
    }
}

fn mark(selected: bool) -> &'static str {
    if selected { "▸ " } else { "  " }
}

fn style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected
    } else {
        Style::default()
    }
}

fn body(
    vx: &ViewCtx,
    state: &RolesState,
    config: &PoolConfig,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let selected = state.selected_item(vx.store);
    let is = |item: &Item| selected.as_ref() == Some(item);
    let mut lines = vec![Line::styled("Default roles", theme.accent)];
    for (audience, label, key) in [
        (
            Audience::Authenticated,
            "Authenticated role",
            "authenticated",
        ),
        (Audience::Guest, "Guest role", "unauthenticated"),
    ] {
        let here = is(&Item::DefaultRole(audience));
        let mut value = summary::default_role(config, key);
        if audience == Audience::Guest {
            let active = config.pool.allow_unauthenticated_identities;
            value.push_str(if active {
                " · guest access active"
            } else {
                " · guest access inactive"
            });
        }
        let head = format!("{}{label:<22}", mark(here));
        lines.push(Line::from(vec![
            Span::styled(head.clone(), style(here, theme)),
            Span::styled(
                fit(&value, width.saturating_sub(head.chars().count())),
                style(here, theme),
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Role mappings (who gets which role, per identity provider)",
        theme.accent,
    ));
    let providers = ProviderRef::all(&config.pool);
    if providers.is_empty() {
        lines.push(Line::styled(
            "  No identity providers: every signed-in user would get the authenticated role.",
            theme.dim,
        ));
    }
    for provider in &providers {
        lines.extend(mapping_lines(
            config,
            provider,
            is(&Item::Mapping(provider.clone())),
            theme,
            width,
        ));
    }
    lines.push(Line::raw(""));
    let handed = state.handed_out(vx.store);
    let left = state.fetcher.left();
    let heading = if left > 0 {
        format!(
            "Trust and permissions ({} role(s)) {} checking… {left} IAM read(s) left",
            handed.len(),
            spinner(vx.now)
        )
    } else {
        format!(
            "Trust and permissions ({} role(s), checked against this pool)",
            handed.len()
        )
    };
    lines.push(Line::styled(heading, theme.accent));
    if handed.is_empty() {
        lines.push(Line::styled("  The pool hands out no role yet.", theme.dim));
    }
    for h in &handed {
        let facts = vx.store.role(role_name(&h.arn));
        lines.extend(role_lines(
            config,
            h,
            facts,
            is(&Item::Role(h.arn.clone())),
            theme,
            width,
        ));
    }
    for key in role_use::token_mapped(config) {
        lines.push(Line::styled(
            fit(
                &format!(
                    "  {key}: the role comes from the token's cognito:preferred_role (a user pool's: its groups' roles), so it is not listed here"
                ),
                width,
            ),
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
    let here = is(&Item::Simulate);
    lines.push(Line::styled(
        format!(
            "{}Resolution simulator — which role a token gets, and why (s)",
            mark(here)
        ),
        style(here, theme),
    ));
    lines
}

fn mapping_lines(
    config: &PoolConfig,
    provider: &ProviderRef,
    selected: bool,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let key = provider.mapping_key();
    let mapping = provider
        .mapping_keys()
        .iter()
        .find_map(|k| config.roles.role_mappings.get(k));
    let (kind, resolution) = match mapping {
        None => (
            "Default role (the authenticated role)".to_string(),
            String::new(),
        ),
        Some(m) if m.mapping_type == "Token" => (
            "Token: cognito:preferred_role".to_string(),
            resolution(m.ambiguous_role_resolution.as_deref()),
        ),
        Some(m) => (
            format!(
                "Rules ({})",
                m.rules_configuration.as_ref().map_or(0, |r| r.rules.len())
            ),
            resolution(m.ambiguous_role_resolution.as_deref()),
        ),
    };
    let head = format!("{}{:<10} ", mark(selected), summary::kind(provider));
    let text = format!("{key}  ·  {kind}{resolution}");
    let mut lines = vec![Line::from(vec![
        Span::styled(head.clone(), style(selected, theme)),
        Span::styled(
            fit(&text, width.saturating_sub(head.chars().count())),
            style(selected, theme),
        ),
    ])];
    for (i, rule) in mapping
        .and_then(|m| m.rules_configuration.as_ref())
        .map(|r| r.rules.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        lines.push(Line::raw(fit(
            &format!(
                "      {:>2}. {} {} \"{}\" → {}",
                i + 1,
                rule.claim,
                rule.match_type,
                rule.value,
                role_name(&rule.role_arn)
            ),
            width,
        )));
    }
    lines
}

fn resolution(value: Option<&str>) -> String {
    match value {
        Some("Deny") => "  ·  no match: deny".into(),
        _ => "  ·  no match: the authenticated role".into(),
    }
}

/// A role's verdict in a word, its style, and the problems.
pub fn verdict(
    config: &PoolConfig,
    handed: &HandedOut,
    facts: Option<&RoleFacts>,
    theme: &Theme,
) -> (&'static str, String, Style, Vec<String>) {
    match facts.map(|f| &f.role) {
        None | Some(Fetch::Waiting) => ("·", "checking…".into(), theme.dim, Vec::new()),
        Some(Fetch::Denied(why)) => (
            "?",
            format!("not checked: {why}"),
            theme.warning,
            Vec::new(),
        ),
        Some(Fetch::Missing(_)) => (
            "✗",
            "credentials refused (InvalidIdentityPoolConfigurationException): the role does not exist".into(),
            theme.error,
            vec!["IAM has no such role: choose another one for this use (e on its row)".into()],
        ),
        Some(Fetch::Failed(why)) => (
            "?",
            format!("not checked: {why}"),
            theme.warning,
            Vec::new(),
        ),
        Some(Fetch::Got(role)) => {
            let problems = role_use::problems(config, handed, &role.trust_policy);
            if problems.is_empty() {
                return ("✓", "trust ok".into(), theme.success, problems);
            }
            let fix = if role_use::fix(config, handed, &role.trust_policy).is_ok() {
                " · f fixes"
            } else {
                ""
            };
            if role_use::refuses(config, handed, &role.trust_policy) {
                let text = format!(
                    "credentials refused (InvalidIdentityPoolConfigurationException): {} problem(s){fix}",
                    problems.len()
                );
                ("✗", text, theme.error, problems)
            } else {
                let text = format!("admits more than it should: {} warning(s){fix}", problems.len());
                ("⚠", text, theme.warning, problems)
            }
        }
    }
}

/// What a role's permissions come to, in a few words, and the broad grants found.
pub fn permissions(facts: Option<&RoleFacts>) -> (String, Vec<String>) {
    let Some(facts) = facts else {
        return (String::new(), Vec::new());
    };
    let count = |f: &Fetch<usize>| match f {
        Fetch::Got(n) => n.to_string(),
        Fetch::Waiting => "…".into(),
        _ => "?".into(),
    };
    let inline = match &facts.inline {
        Fetch::Got(v) => Fetch::Got(v.len()),
        Fetch::Waiting => Fetch::Waiting,
        _ => Fetch::Failed(String::new()),
    };
    let attached = match &facts.attached {
        Fetch::Got(v) => Fetch::Got(v.len()),
        Fetch::Waiting => Fetch::Waiting,
        _ => Fetch::Failed(String::new()),
    };
    let broad: Vec<String> = facts
        .documents
        .iter()
        .filter_map(|(policy, doc)| doc.got().map(|d| (policy, d)))
        .flat_map(|(policy, doc)| {
            grants::broad(doc)
                .into_iter()
                .map(move |g| format!("{}: {g}", policy.name()))
        })
        .collect();
    (
        format!("{} inline, {} attached", count(&inline), count(&attached)),
        broad,
    )
}

fn role_lines(
    config: &PoolConfig,
    handed: &HandedOut,
    facts: Option<&RoleFacts>,
    selected: bool,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let (sign, text, verdict_style, problems) = verdict(config, handed, facts, theme);
    let uses: Vec<String> = handed.uses.iter().map(ToString::to_string).collect();
    let (policies, broad) = permissions(facts);
    let head = format!("{}{sign} {:<24} ", mark(selected), handed.name());
    let rest = format!("{policies} · {}", uses.join(", "));
    let mut lines = vec![Line::from(vec![
        Span::styled(head.clone(), style(selected, theme).patch(verdict_style)),
        Span::styled(format!("{text}  "), verdict_style),
        Span::styled(
            fit(
                &rest,
                width.saturating_sub(head.chars().count() + text.chars().count() + 2),
            ),
            theme.dim,
        ),
    ])];
    for problem in problems {
        lines.push(Line::styled(
            fit(&format!("      {sign} {problem}"), width),
            verdict_style,
        ));
    }
    for grant in broad {
        lines.push(Line::styled(
            fit(
                &format!("      ⚠ {grant} (least privilege: scope it down)"),
                width,
            ),
            theme.warning,
        ));
    }
    lines
}
