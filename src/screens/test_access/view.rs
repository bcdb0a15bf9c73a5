//! Drawing the Test access panel: the form (who signs in, with what), the one-time warning, and
//! below it the result beside the simulator's prediction ([`super::result_view`]).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::result_view;
use super::state::{Field, Mode, Panel, Run};
use crate::app::ViewCtx;
use crate::app::test_access::Flow;
use crate::domain::edit::ProviderRef;
use crate::domain::identity::short_provider;
use crate::view::theme::Theme;
use crate::view::widgets::{input_window, spinner, wrap};

const LABEL: usize = 15;

/// Draws the panel over the body of the tab it covers.
pub fn draw(panel: &Panel, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = Line::from(vec![
        Span::styled(format!(" Test access — {} ", panel.pool_name), theme.accent),
        Span::styled(format!("{} ", panel.pool_id), theme.dim),
    ]);
    let inner = crate::view::panel::covering(frame, area, title);
    let width = usize::from(inner.width);
    let (form, cursor) = form_lines(vx, panel, theme, width);
    let height = u16::try_from(form.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(form), top);
    if let Some((row, column)) = cursor {
        let row = u16::try_from(row).unwrap_or(0);
        let column = u16::try_from(column).unwrap_or(0);
        if row < top.height {
            frame.set_cursor_position(Position::new(top.x + column, top.y + row));
        }
    }
    result_view::draw(panel, vx, theme, frame, bottom);
}

fn mode_text(mode: Mode) -> String {
    mode.title().to_string()
}

fn provider_text(provider: &ProviderRef) -> String {
    match provider {
        ProviderRef::UserPool {
            provider_name,
            client_id,
        } => format!("{} · client {client_id}", short_provider(provider_name)),
        other => format!(
            "{} ({})",
            short_provider(&other.login_name()),
            other.login_name()
        ),
    }
}

fn flow_text(flow: Flow) -> &'static str {
    match flow {
        Flow::Auto => "auto: USER_SRP_AUTH when the client allows it, else USER_PASSWORD_AUTH",
        Flow::Srp => "USER_SRP_AUTH (the password never leaves this machine)",
        Flow::Password => "USER_PASSWORD_AUTH (the password is sent to the user pool)",
    }
}

/// The form's lines and, when a text field has the focus, the cursor's (row, column).
fn form_lines(
    vx: &ViewCtx,
    panel: &Panel,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let mut lines = Vec::new();
    let mut cursor = None;
    if panel.read.config(vx.store).is_none() {
        let text = match &panel.read.error {
            Some(error) => Line::styled(error.clone(), theme.error),
            None => Line::raw(format!("{} Reading the pool…", spinner(vx.now))),
        };
        return (vec![text], None);
    }
    let value_width = width.saturating_sub(LABEL + 2);
    for field in panel.fields() {
        let focused = panel.focus == field;
        let style = if focused {
            theme.focused
        } else {
            ratatui::style::Style::default()
        };
        let mark = if focused { "▸ " } else { "  " };
        let label = format!("{mark}{:<LABEL$}", label(field));
        let value = match field {
            Field::Mode => choice(&mode_text(panel.mode), panel.modes(vx.store).len()),
            Field::Provider => match panel.chosen_provider(vx.store) {
                Some(p) => {
                    let count = panel.providers(vx.store).len();
                    let text = provider_text(&p);
                    let at = panel.provider.min(count.saturating_sub(1)) + 1;
                    let text = if count > 1 {
                        format!("{text} ({at} of {count})")
                    } else {
                        text
                    };
                    choice(&text, count)
                }
                None => "(none)".into(),
            },
            Field::Flow => choice(flow_text(panel.flow), 3),
            Field::Password | Field::NewPassword => {
                let input = if field == Field::Password {
                    &panel.password
                } else {
                    &panel.new_password
                };
                let shown = "•".repeat(input.value().chars().count().min(value_width));
                if focused {
                    cursor = Some((
                        lines.len(),
                        label.chars().count() + input.visual_cursor().min(value_width),
                    ));
                }
                shown
            }
            Field::Token => {
                let count = panel.token.value().chars().count();
                if focused {
                    cursor = Some((lines.len(), label.chars().count() + usize::from(count > 0)));
                }
                match count {
                    0 => String::new(),
                    n => format!("•  ({n} characters, hidden)"),
                }
            }
            Field::Username | Field::DeveloperUser => {
                let input = if field == Field::Username {
                    &panel.username
                } else {
                    &panel.developer_user
                };
                let (shown, at) = input_window(input, value_width);
                if focused {
                    cursor = Some((lines.len(), label.chars().count() + at));
                }
                shown
            }
        };
        // Typed values scroll in their window; a choice or a note wraps under its column so a
        // narrow terminal still shows all of it.
        let typed = matches!(
            field,
            Field::Username | Field::DeveloperUser | Field::Password | Field::NewPassword
        );
        let mut parts = if typed {
            vec![value]
        } else {
            wrap(&value, value_width)
        }
        .into_iter();
        lines.push(Line::from(vec![
            Span::styled(label, style),
            Span::styled(parts.next().unwrap_or_default(), style),
        ]));
        for part in parts {
            lines.push(Line::styled(
                format!("{:width$}{part}", "", width = LABEL + 2),
                style,
            ));
        }
        if let Some((problem_field, text)) = &panel.problem
            && *problem_field == field
        {
            for line in wrap(&format!("✗ {text}"), value_width) {
                lines.push(Line::styled(
                    format!("{:width$}{line}", "", width = LABEL + 2),
                    theme.error,
                ));
            }
        }
    }
    let mut note = |text: &str| {
        for line in wrap(text, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {line}"), theme.dim));
        }
    };
    if panel.mode == Mode::Developer {
        note(
            "Uses your own credentials (GetOpenIdTokenForDeveloperIdentity), as the app's backend does.",
        );
    }
    if panel.run != Run::Confirming {
        note(match panel.mode {
            Mode::Guest => "Each run makes a new guest identity in this pool.",
            _ => "A first sign-in makes an identity in this pool; later ones reuse it.",
        });
    }
    lines.push(Line::raw(""));
    (lines, cursor)
}

fn label(field: Field) -> &'static str {
    match field {
        Field::Mode => "Sign in as",
        Field::Provider => "Provider",
        Field::Username => "User name",
        Field::Password => "Password",
        Field::Flow => "Flow",
        Field::Token => "Token",
        Field::DeveloperUser => "Developer user",
        Field::NewPassword => "New password",
    }
}

/// A choice as it reads: arrows only when there is something to choose between.
fn choice(text: &str, count: usize) -> String {
    if count > 1 {
        format!("◀ {text} ▶")
    } else {
        text.to_string()
    }
}
