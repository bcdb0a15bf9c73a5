//! Drawing the wizard: the step list, the current step's form (or Review, or the creation's
//! progress), and what floats over it (picker, policy documents, questions).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::catalog;
use super::form_view;
use super::layout::PickerNote;
use super::review;
use super::{Dialog, Step, Wizard};
use crate::app::ViewCtx;
use crate::domain::policy::{
    Audience, BASIC_PERMISSIONS_NAME, cognito_basic_permissions, cognito_trust_policy,
};
use crate::store::Catalog;
use crate::view::theme::Theme;
use crate::view::widgets::{centered, fit, input_window, spinner};

/// Draws the wizard into the body area.
pub fn draw(wizard: &Wizard, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let catalog = vx.store.catalog();
    let title = match (&wizard.creation, &wizard.scope) {
        (_, Some(scope)) => format!(" {} ", scope.title()),
        (Some(_), None) => format!(" Creating identity pool \"{}\" ", wizard.draft.name.value()),
        (None, None) => format!(
            " Create identity pool — step {} of 5: {} ",
            wizard.step.number(),
            wizard.step
        ),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.accent));
    frame.render_widget(block, area);
    let super::layout::Areas { nav, body } = super::layout::areas(area);
    if let Some(nav) = nav {
        draw_nav(wizard, catalog, theme, frame, nav);
    }
    let spinner = spinner(vx.now);
    if let Some(creation) = &wizard.creation {
        let lines = review::creation_lines(creation, spinner, theme, usize::from(body.width));
        scrolled(frame, body, lines, 0, None);
    } else if wizard.step == Step::Review {
        let lines = review::lines(wizard, catalog, vx.session, theme, usize::from(body.width));
        let focus_line = lines
            .iter()
            .position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('▸')))
            .unwrap_or(0);
        scrolled(frame, body, lines, focus_line, None);
    } else {
        let form = form_view::lines(wizard, catalog, theme, usize::from(body.width));
        let cursor =
            if wizard.picker.is_none() && wizard.dialog.is_none() && wizard.policy_view.is_none() {
                form.cursor_column
            } else {
                None
            };
        scrolled(frame, body, form.lines, form.focus_line, cursor);
    }
    if let Some(picker) = &wizard.picker {
        draw_picker(wizard, catalog, vx.now, picker, theme, frame, area);
    }
    if let Some((audience, scroll)) = wizard.policy_view {
        draw_policy(wizard, audience, scroll, theme, frame, area);
    }
    if let Some(dialog) = wizard.dialog {
        draw_dialog(wizard, dialog, theme, frame, area);
    }
}

/// Draws `lines` so that `focus_line` is on screen (kept a third from the top when scrolling).
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    focus_line: usize,
    cursor: Option<u16>,
) {
    let height = usize::from(area.height.max(1));
    let offset = crate::view::layout::scroll_offset(focus_line, lines.len(), height);
    if let Some(column) = cursor {
        let row = focus_line.saturating_sub(offset);
        if row < height && column < area.width {
            let y = area.y + u16::try_from(row).unwrap_or(0);
            frame.set_cursor_position(Position::new(area.x + column, y));
        }
    }
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), area);
}

fn draw_nav(wizard: &Wizard, catalog: &Catalog, theme: &Theme, frame: &mut Frame, area: Rect) {
    if wizard.scope.is_some() {
        let width = usize::from(area.width);
        let lines: Vec<Line> = [
            ("Editing a live pool", theme.accent),
            ("", theme.dim),
            ("Ctrl-s: review the", theme.dim),
            ("changes, then save", theme.dim),
            ("Esc: leave (asks", theme.dim),
            ("before dropping)", theme.dim),
        ]
        .into_iter()
        .map(|(text, style)| Line::styled(fit(text, width), style))
        .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut lines = Vec::new();
    for step in Step::ALL {
        let done =
            step != Step::Review && step < wizard.step && wizard.problems(catalog, step).is_empty();
        let mark = if step == wizard.step {
            "▸"
        } else if done {
            "✓"
        } else {
            " "
        };
        let text = fit(
            &format!("{mark} {} {step}", step.number()),
            usize::from(area.width),
        );
        let style = if step == wizard.step {
            theme.selected
        } else if done {
            theme.success
        } else {
            theme.dim
        };
        lines.push(Line::styled(text, style));
    }
    if wizard.from_review {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Ctrl-n returns to Review", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn boxed(title: String, theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.accent))
}

fn draw_picker(
    wizard: &Wizard,
    catalog: &Catalog,
    now: Option<f64>,
    picker: &catalog::Picker,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let items = catalog::items(catalog, &wizard.draft, picker);
    let geometry = super::layout::picker_area(wizard, catalog, picker, items.len(), area);
    let what = match picker.kind {
        super::fields::PickerKind::Roles => "an IAM role",
        super::fields::PickerKind::UserPools => "a user pool",
        super::fields::PickerKind::Clients => "an app client",
        super::fields::PickerKind::Oidc => "an OpenID Connect provider",
        super::fields::PickerKind::Saml => "a SAML provider",
    };
    let listed = catalog::listed_at(catalog, &wizard.draft, picker.kind)
        .and_then(|stamp| stamp.ago(now))
        .map(|ago| format!("· listed {ago} "))
        .unwrap_or_default();
    let block = boxed(format!(" Pick {what} ({}) {listed}", items.len()), theme);
    let inner = geometry.inner;
    frame.render_widget(Clear, geometry.rect);
    frame.render_widget(block, geometry.rect);
    let mut lines = vec![Line::from(vec![
        Span::styled("filter: ", theme.dim),
        Span::raw(input_window(&picker.filter, usize::from(inner.width).saturating_sub(8)).0),
    ])];
    for note in &geometry.notes {
        lines.push(match note {
            PickerNote::Loading => Line::styled("loading…", theme.dim),
            PickerNote::Failed(error) => {
                Line::styled(format!("Listing failed: {error}"), theme.error)
            }
            PickerNote::Nothing => Line::styled(
                "Nothing to pick (or nothing matches the filter).",
                theme.dim,
            ),
        });
    }
    let height = usize::from(geometry.list.height);
    let offset = geometry.offset;
    let shown: Vec<(usize, &catalog::PickItem)> =
        items.iter().enumerate().skip(offset).take(height).collect();
    // As wide as the longest label drawn (up to 36 or half the box), so the ARNs keep the rest.
    let label_width = shown
        .iter()
        .map(|(_, item)| item.label.width())
        .max()
        .unwrap_or(0)
        .min(36)
        .min(usize::from(inner.width) / 2);
    // Only the rows drawn are checked, so a long role list costs nothing extra.
    let untrusting: Vec<bool> = shown
        .iter()
        .map(|(_, item)| trust_warning(wizard, catalog, picker.target, item.value.role()))
        .collect();
    // The warning gets its own column when any row drawn has it, so the details stay aligned.
    const MARK: &str = "⚠ trust  ";
    let mark_width = if untrusting.contains(&true) {
        MARK.width()
    } else {
        0
    };
    let detail_width = usize::from(inner.width).saturating_sub(label_width + 3 + mark_width);
    for ((i, item), untrusting) in shown.into_iter().zip(untrusting) {
        let style = if i == picker.selected {
            theme.selected
        } else {
            Style::new()
        };
        let mark = if untrusting {
            MARK.to_string()
        } else {
            " ".repeat(mark_width)
        };
        lines.push(
            Line::from(vec![
                Span::raw(if i == picker.selected { "▸ " } else { "  " }),
                Span::raw(fit(&item.label, label_width)),
                Span::raw(" "),
                Span::styled(mark, theme.warning),
                Span::styled(fit(&item.detail, detail_width), theme.dim),
            ])
            .style(style),
        );
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Whether a role offered for `target` has a trust policy that would not admit the new pool's
/// identities (the field then explains why, once picked).
fn trust_warning(
    wizard: &Wizard,
    catalog: &Catalog,
    target: super::fields::FieldId,
    role: Option<&crate::domain::roles::IamRole>,
) -> bool {
    use super::fields::FieldId;
    let Some(role) = role else {
        return false;
    };
    let (audience, tags) = match target {
        FieldId::ExistingRole(audience) => (
            audience,
            audience == Audience::Authenticated && wizard.draft.uses_principal_tags(),
        ),
        FieldId::RuleRole(source, _) => (
            Audience::Authenticated,
            wizard.draft.provider(source).sets_tags(),
        ),
        _ => return false,
    };
    !crate::domain::trust_check::diagnose(
        &role.trust_policy,
        audience,
        tags,
        wizard.context(catalog).trust_target(),
    )
    .is_empty()
}

fn draw_policy(
    wizard: &Wizard,
    audience: Audience,
    scroll: u16,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = centered(area, area.width.saturating_sub(4).min(100), area.height);
    let name = wizard.draft.role(audience).new_name.value().to_string();
    let block = boxed(format!(" Policy documents of the new role {name} "), theme);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let tags = audience == Audience::Authenticated && wizard.draft.uses_principal_tags();
    let mut lines = vec![Line::styled(
        "Trust policy (the new pool's id replaces <new pool id> when it is created):",
        theme.accent,
    )];
    lines.extend(
        cognito_trust_policy("<new pool id>", audience, tags)
            .lines()
            .map(|l| Line::raw(l.to_string())),
    );
    if tags {
        lines.push(Line::styled(
            "sts:TagSession is allowed because attributes for access control are on.",
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Permissions (inline policy {BASIC_PERMISSIONS_NAME}):"),
        theme.accent,
    ));
    lines.extend(
        cognito_basic_permissions()
            .lines()
            .map(|l| Line::raw(l.to_string())),
    );
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

fn draw_dialog(wizard: &Wizard, dialog: Dialog, theme: &Theme, frame: &mut Frame, area: Rect) {
    let moved = wizard.moved_from.as_ref().map(|from| {
        (
            format!(
                "A draft from earlier is kept. It was made for {from}; the console is on {} now: \
                 continuing creates the pool in {} (ids typed for {from} stay as they are).",
                wizard.region, wizard.region
            ),
            format!("Continue in {}", wizard.region),
        )
    });
    let (title, text, buttons, focus): (&str, String, Vec<&str>, usize) = match dialog {
        Dialog::Leave { focus } => (
            " Leave the wizard? ",
            "The draft has changes.".into(),
            vec!["Keep editing", "Keep draft for later", "Discard draft"],
            focus,
        ),
        Dialog::Discard { focus } => (
            " Discard this edit? ",
            "The form has changes; nothing has been saved.".into(),
            vec!["Keep editing", "Discard"],
            focus,
        ),
        Dialog::Resume { focus } => match &moved {
            Some((text, button)) => (
                " Continue the draft in another region? ",
                text.clone(),
                vec![button.as_str(), "Start over"],
                focus,
            ),
            None => (
                " Continue the draft? ",
                "A draft from earlier is kept.".into(),
                vec!["Continue draft", "Start over"],
                focus,
            ),
        },
    };
    let text_lines = crate::view::widgets::wrap(&text, 66);
    let height = u16::try_from(text_lines.len())
        .unwrap_or(1)
        .saturating_add(4);
    let rect = centered(area, 70, height);
    let block = boxed(title.to_string(), theme);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let mut spans = Vec::new();
    for (i, label) in buttons.iter().enumerate() {
        let style = if i == focus {
            theme.focused
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!("[ {label} ]"), style));
        spans.push(Span::raw("  "));
    }
    let mut lines: Vec<Line> = text_lines.into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(spans));
    frame.render_widget(Paragraph::new(lines), inner);
}
