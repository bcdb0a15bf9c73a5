//! Colours, chosen once per run from the config's `theme`.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

/// The themes a config file can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colours, only bold, dim and reverse (for monochrome terminals and screen readers).
    Mono,
}

/// The styles the view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Titles, the app name, the selected tab.
    pub accent: Style,
    /// Secondary text.
    pub dim: Style,
    /// The selected row.
    pub selected: Style,
    /// Success notices.
    pub success: Style,
    /// Warnings and read-only badges.
    pub warning: Style,
    /// Errors.
    pub error: Style,
    /// Key labels in hints.
    pub key: Style,
    /// A focused button.
    pub focused: Style,
}

impl Theme {
    /// The styles of a named theme.
    pub fn named(name: ThemeName) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match name {
            ThemeName::Dark => Self {
                accent: bold.fg(Color::Cyan),
                dim: Style::new().fg(Color::DarkGray),
                selected: Style::new()
                    .bg(Color::Rgb(40, 60, 90))
                    .add_modifier(Modifier::BOLD),
                success: Style::new().fg(Color::Green),
                warning: Style::new().fg(Color::Yellow),
                error: bold.fg(Color::Red),
                key: bold.fg(Color::Cyan),
                focused: bold.fg(Color::Black).bg(Color::Cyan),
            },
            ThemeName::Light => Self {
                accent: bold.fg(Color::Blue),
                dim: Style::new().fg(Color::Gray),
                selected: Style::new()
                    .bg(Color::Rgb(205, 225, 250))
                    .add_modifier(Modifier::BOLD),
                success: Style::new().fg(Color::Green),
                warning: Style::new().fg(Color::Rgb(160, 100, 0)),
                error: bold.fg(Color::Red),
                key: bold.fg(Color::Blue),
                focused: bold.fg(Color::White).bg(Color::Blue),
            },
            ThemeName::Mono => Self {
                accent: bold,
                dim: Style::new().add_modifier(Modifier::DIM),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                success: Style::new(),
                warning: bold,
                error: bold,
                key: bold,
                focused: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            },
        }
    }
}
