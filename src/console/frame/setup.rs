//! The screen shown before the console is connected: connecting, or what is missing and how to fix it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::ErrorKind;
use crate::console::Model;
use crate::console::model::Connection;
use crate::view::theme::Theme;

/// Draws the set-up screen into the body.
pub fn draw(model: &Model, connection: &Connection, theme: &Theme, frame: &mut Frame, area: Rect) {
    let profile = model.options.profile.as_deref().unwrap_or("default");
    let mut lines: Vec<Line> = Vec::new();
    let title = match connection {
        Connection::Connecting { .. } => {
            lines.push(Line::raw("Resolving the region and credentials…"));
            " Connecting "
        }
        Connection::Ready(_) => " Connected ",
        Connection::Failed(error) => {
            let (headline, fixes): (String, Vec<String>) = match error.kind {
                ErrorKind::NoRegion => (
                    "No AWS region is configured.".into(),
                    vec![
                        "pass --region, e.g.  cognito-tui --region us-east-1".into(),
                        "or set AWS_REGION (or AWS_DEFAULT_REGION)".into(),
                        format!("or add  region = us-east-1  to profile \"{profile}\" in ~/.aws/config"),
                    ],
                ),
                ErrorKind::NoProfile => (
                    format!("There is no profile \"{profile}\"."),
                    vec![
                        "name one that exists:  --profile NAME, AWS_PROFILE, or :profile NAME here".into(),
                        "or add it:  aws configure --profile NAME   (or aws configure sso)".into(),
                    ],
                ),
                ErrorKind::Credentials => (
                    format!("No usable AWS credentials for profile \"{profile}\"."),
                    vec![
                        format!("sign in:  aws sso login --profile {profile}   (for SSO profiles)"),
                        "or configure keys:  aws configure   (writes ~/.aws/credentials)".into(),
                        "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)".into(),
                        "or choose another profile:  --profile NAME, AWS_PROFILE, or :profile NAME here".into(),
                    ],
                ),
                _ => (
                    "Could not set up the AWS clients.".into(),
                    vec!["check --endpoint-url and your network, then press r".into()],
                ),
            };
            lines.push(Line::styled(headline, theme.error));
            lines.push(Line::raw(""));
            lines.push(Line::styled("How to fix it:", theme.accent));
            lines.extend(fixes.into_iter().map(|f| Line::raw(format!("  • {f}"))));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::raw("No AWS account? Try the built-in sandbox:  "),
                Span::styled("cognito-tui --sandbox", theme.key),
            ]));
            lines.push(Line::raw(""));
            lines.push(Line::styled(format!("Details: {error}"), theme.dim));
            if let Some(warning) = &model.options.startup_warning {
                // The config problem stays in view: the footer's notice is the connection's now.
                lines.push(Line::raw(""));
                lines.push(Line::styled(format!("Config: {warning}"), theme.warning));
            }
            lines.push(Line::raw(""));
            lines.push(Line::raw(
                "Press r to try again, : for a command (:profile, :region), q to quit.",
            ));
            " Not connected "
        }
    };
    let block = Block::bordered().title(Span::styled(title, theme.accent));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
