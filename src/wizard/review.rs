//! Review: every choice by section; and, once creating, each call with its outcome.

use crate::store::Catalog;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Wizard;
use super::create::{Call, Creation, Phase, Status, operation};
use super::draft::{Draft, RoleMode, RoleSetting, TagMode};
use super::fields::Row;
use super::form_view::wrap;
use super::plan::Plan;
use super::source::Source;
use super::step::Step;
use super::steps::permissions::audience_title;
use super::steps::providers::rule_role_label;
use crate::app::Session;
use crate::domain::policy::{Audience, BASIC_PERMISSIONS_NAME};
use crate::domain::roles::MATCH_TYPES;
use crate::view::theme::Theme;
use crate::view::widgets::mask_secret;

fn on_off(flag: bool) -> &'static str {
    if flag { "on" } else { "off" }
}

fn section(step: Step, draft: &Draft) -> Vec<String> {
    match step {
        Step::Trust => {
            let mut out = vec![format!(
                "Authenticated access: {} · Guest access: {}",
                on_off(draft.authenticated),
                on_off(draft.guest)
            )];
            let sources: Vec<String> = draft.active_sources().iter().map(|s| s.title()).collect();
            if !sources.is_empty() {
                out.push(format!("Identity sources: {}", sources.join(", ")));
            }
            out
        }
        Step::Permissions => draft
            .audiences()
            .into_iter()
            .map(|audience| {
                let role = draft.role(audience);
                match (role.mode, &role.existing) {
                    (RoleMode::Existing, Some(existing)) => {
                        format!("{}: existing role {} ({})", audience_title(audience), existing.name, existing.arn)
                    }
                    _ => {
                        let tags = audience == Audience::Authenticated && draft.uses_principal_tags();
                        format!(
                            "{}: new role {} (trusts this pool's {} identities{}; inline policy {BASIC_PERMISSIONS_NAME})",
                            audience_title(audience),
                            role.new_name.value(),
                            if audience == Audience::Guest { "guest" } else { "authenticated" },
                            if tags { ", with sts:TagSession" } else { "" }
                        )
                    }
                }
            })
            .collect(),
        Step::Providers => providers(draft),
        Step::Properties => {
            let tags: Vec<String> = draft
                .tags
                .iter()
                .map(|(k, v)| format!("{}={}", k.value(), v.value()))
                .collect();
            vec![
                format!("Name: {}", draft.name.value()),
                format!("Basic (classic) flow: {}", on_off(draft.classic_flow)),
                format!("Tags: {}", if tags.is_empty() { "none".to_string() } else { tags.join(", ") }),
            ]
        }
        Step::Review => Vec::new(),
    }
}

fn providers(draft: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    for source in draft.active_sources() {
        let mut details = Vec::new();
        let ids = match source {
            Source::UserPool if draft.new_user_pool.create => {
                details = super::new_user_pool::review(&draft.new_user_pool);
                let first = details.remove(0);
                format!(
                    "{first} · server-side token check {}",
                    on_off(draft.server_side_check)
                )
            }
            Source::UserPool => format!(
                "user pool {} · app client {} · server-side token check {}",
                draft.user_pool_id.value(),
                draft.client_id.value(),
                on_off(draft.server_side_check)
            ),
            Source::Oidc(_) | Source::Saml(_) => {
                draft.arns.get(&source).cloned().unwrap_or_default()
            }
            Source::Developer => {
                format!("developer provider name {}", draft.developer_name.value())
            }
            Source::Twitter => format!(
                "consumer key {} · secret {}",
                draft
                    .app_ids
                    .get(&source)
                    .map(|i| i.value())
                    .unwrap_or_default(),
                mask_secret(draft.twitter_secret.0.value())
            ),
            social => draft
                .app_ids
                .get(&social)
                .map(|i| i.value().to_string())
                .unwrap_or_default(),
        };
        out.push(format!("{}: {ids}", source.title()));
        out.extend(details);
        let provider = draft.provider(source);
        if source.has_role_settings() {
            let unmatched = if provider.deny_unmatched {
                "deny"
            } else {
                "default authenticated role"
            };
            match provider.role {
                RoleSetting::Default => out.push("    role: default authenticated role".into()),
                RoleSetting::Token => out.push(format!(
                    "    role: cognito:preferred_role in tokens; otherwise {unmatched}"
                )),
                RoleSetting::Rules => {
                    out.push(format!(
                        "    role: {} rule(s), first match wins; no match: {unmatched}",
                        provider.rules.len()
                    ));
                    for (i, rule) in provider.rules.iter().enumerate() {
                        out.push(format!(
                            "      {}. {} {} \"{}\" → {}",
                            i + 1,
                            rule.claim.value(),
                            MATCH_TYPES.get(rule.operator).copied().unwrap_or_default(),
                            rule.value.value(),
                            rule.role
                                .as_ref()
                                .map(|r| rule_role_label(draft, r))
                                .unwrap_or_default()
                        ));
                    }
                }
            }
        }
        if source.has_access_control() {
            let tags = match provider.tags {
                TagMode::Inactive => "inactive".to_string(),
                TagMode::Defaults => {
                    let pairs: Vec<String> = source
                        .default_tags()
                        .unwrap_or_default()
                        .iter()
                        .map(|(t, c)| format!("{t} ← {c}"))
                        .collect();
                    format!("default mappings ({})", pairs.join(", "))
                }
                TagMode::Custom => provider
                    .custom_tags
                    .iter()
                    .map(|(t, c)| format!("{} ← {}", t.value(), c.value()))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            out.push(format!("    attributes for access control: {tags}"));
        }
    }
    if out.is_empty() {
        out.push("No identity providers (guest access only)".into());
    }
    out
}

/// `text` wrapped to `width`, each line indented by `indent` (continuations two more).
fn wrapped(text: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(indent + 2))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let pad = if i == 0 { indent } else { indent + 2 };
            Line::styled(format!("{}{part}", " ".repeat(pad)), style)
        })
        .collect()
}

/// The review's lines, `width` columns wide.
pub fn lines(
    wizard: &Wizard,
    catalog: &Catalog,
    session: Option<&Session>,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    // Where it will be created: the pool lands in the session's account and region.
    let target = match session {
        Some(s) => match &s.caller {
            Some(who) => format!(
                "Creates in {} with profile {} ({who})",
                wizard.region, s.profile
            ),
            None => format!("Creates in {} with profile {}", wizard.region, s.profile),
        },
        None => format!("Creates in {}", wizard.region),
    };
    out.extend(wrapped(&target, 0, width, theme.accent));
    if let Some(from) = &wizard.moved_from {
        out.extend(wrapped(
            &format!(
                "⚠ This draft was made for {from}: its user pool, providers and roles were chosen there"
            ),
            0,
            width,
            theme.warning,
        ));
    }
    out.push(Line::raw(""));
    for (i, step) in Step::ALL.iter().filter(|s| **s != Step::Review).enumerate() {
        let focused = i == wizard.review_focus;
        // One derivation of the step's rows per frame: its problems and its warnings.
        let rows = wizard.rows(catalog, *step);
        let problems = super::fields::problems(&rows);
        let mut title = vec![
            Span::raw(if focused { "▸ " } else { "  " }),
            Span::styled(format!("{} {step}", step.number()), theme.accent),
            Span::styled("   e edit", theme.dim),
        ];
        if !problems.is_empty() {
            title.push(Span::styled(format!("   ✗ {}", problems[0]), theme.error));
        }
        out.push(Line::from(title).style(if focused {
            theme.selected
        } else {
            Style::new()
        }));
        for line in section(*step, &wizard.draft) {
            let indent = 4 + line.chars().take_while(|c| *c == ' ').count();
            out.extend(wrapped(line.trim_start(), indent, width, Style::new()));
        }
        // The step's warnings (an existing role's trust, …) are repeated where the choice is made.
        for row in &rows {
            if let Row::Warning(warning) = row {
                out.extend(wrapped(&format!("⚠ {warning}"), 4, width, theme.warning));
            }
        }
        out.push(Line::raw(""));
    }
    let planned = Creation::new(Plan::from_draft(&wizard.draft));
    let calls: Vec<String> = planned
        .calls
        .iter()
        .map(|(c, _)| call_label(c, Some(&planned)))
        .collect();
    out.push(Line::styled(
        "⏎ Create identity pool — the calls, in order:",
        theme.accent,
    ));
    for (i, call) in calls.iter().enumerate() {
        out.extend(wrapped(
            &format!("{}. {call}", i + 1),
            4,
            width,
            Style::new(),
        ));
    }
    out
}

/// A call and what it is about.
pub fn call_label(call: &Call, creation: Option<&Creation>) -> String {
    let role = |audience: &Audience| match creation {
        Some(c) => c.role_name(*audience),
        None => audience_title(*audience).to_lowercase(),
    };
    let what = match call {
        Call::CreatePool => "the identity pool".to_string(),
        Call::CreateRole(a) | Call::DeleteRole(a) => role(a),
        Call::PutRolePolicy(a) | Call::DeleteRolePolicy(a) => {
            format!("{BASIC_PERMISSIONS_NAME} on {}", role(a))
        }
        Call::SetRoles => "default roles and role mappings".to_string(),
        Call::SetPrincipalTags(provider) => provider.clone(),
        Call::DeletePool => creation
            .and_then(|c| c.pool.as_ref())
            .map(|p| p.identity_pool_id.clone())
            .unwrap_or_default(),
        Call::CreateSmsRole | Call::DeleteSmsRole => format!(
            "SMS role {}",
            creation
                .and_then(|c| super::create_user_pool::sms_role_name(&c.plan))
                .unwrap_or_default()
        ),
        Call::PutSmsRolePolicy | Call::DeleteSmsRolePolicy => format!(
            "{} on the SMS role",
            crate::domain::new_user_pool::SMS_POLICY_NAME
        ),
        Call::CreateUserPool => format!(
            "user pool {}",
            creation
                .and_then(|c| c.plan.new_user_pool.as_ref())
                .map(|n| n.settings.name.clone())
                .unwrap_or_default()
        ),
        Call::CreateUserPoolClient => format!(
            "app client {}",
            creation
                .and_then(|c| c.plan.new_user_pool.as_ref())
                .map(|n| n.client.name.clone())
                .unwrap_or_default()
        ),
        Call::DeleteUserPoolClient => creation
            .and_then(|c| c.user_pool.client_id.clone())
            .unwrap_or_default(),
        Call::DeleteUserPool => creation
            .and_then(|c| c.user_pool.user_pool_id.clone())
            .unwrap_or_default(),
    };
    format!("{} {what}", operation(call))
}

fn status_line(
    call: &Call,
    status: &Status,
    creation: &Creation,
    spinner: &str,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let label = call_label(call, Some(creation));
    match status {
        Status::Waiting => wrapped(&format!("· {label}"), 2, width, theme.dim),
        Status::Running(_) => wrapped(&format!("{spinner} {label}"), 2, width, Style::new()),
        Status::Done => wrapped(&format!("✓ {label}"), 2, width, theme.success),
        Status::Failed(error) => {
            let mut lines = wrapped(&format!("✗ {label}"), 2, width, theme.error);
            lines.extend(wrapped(&error.to_string(), 6, width, theme.error));
            if let Some(id) = &error.request_id {
                lines.push(Line::styled(format!("      request id {id}"), theme.dim));
            }
            lines
        }
    }
}

/// The creation's lines: each call, then what exists and the choices after a failure.
pub fn creation_lines(
    creation: &Creation,
    spinner: &str,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled("Creating the identity pool", theme.accent)];
    for (call, status) in &creation.calls {
        out.extend(status_line(call, status, creation, spinner, theme, width));
    }
    let phase = creation.phase();
    if phase == Phase::Failed {
        out.push(Line::raw(""));
        let made = creation.made();
        if made.is_empty() {
            out.push(Line::raw("Nothing was created."));
        } else {
            out.push(Line::styled("Created so far (exists now):", theme.warning));
            for m in made {
                out.extend(wrapped(&m, 4, width, Style::new()));
            }
        }
        let not_done: Vec<String> = creation
            .calls
            .iter()
            .filter(|(_, s)| *s != Status::Done)
            .map(|(c, _)| call_label(c, Some(creation)))
            .collect();
        out.push(Line::styled("Not done:", theme.warning));
        for m in not_done {
            out.extend(wrapped(&m, 4, width, Style::new()));
        }
        out.push(Line::raw(""));
        let choices = if creation.made().is_empty() {
            "r retry the failed call · Esc back to Review"
        } else {
            "r retry the failed call · u undo (delete what was created) · o keep it and open the pool"
        };
        out.extend(wrapped(choices, 0, width, theme.key));
    }
    if !creation.undo.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Undo", theme.accent));
        for (call, status) in &creation.undo {
            out.extend(status_line(call, status, creation, spinner, theme, width));
        }
        if phase == Phase::Undone {
            let failed = creation
                .undo
                .iter()
                .filter(|(_, s)| matches!(s, Status::Failed(_)))
                .count();
            out.push(Line::raw(""));
            if failed == 0 {
                out.push(Line::styled(
                    "Everything the wizard created was deleted.",
                    theme.success,
                ));
            } else {
                out.extend(wrapped(
                    &format!("{failed} undo call(s) failed: what they name still exists. r retries them (in order); or delete it by hand."),
                    0,
                    width,
                    theme.error,
                ));
            }
            out.push(Line::styled(
                "Esc back to Review (the draft is kept)",
                theme.key,
            ));
        }
    }
    out
}
