//! `config.toml` in the user's config directory: default profile and region, read-only, theme,
//! pools protected from deletion.
//! A file that cannot be read falls back to the defaults with a warning, never a crash.

use directories::ProjectDirs;
use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::view::theme::ThemeName;

/// The settings a config file can hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Profile to use when `--profile` is not given.
    pub profile: Option<String>,
    /// Region to use when `--region` is not given.
    pub region: Option<String>,
    /// Start in read-only mode.
    pub read_only: bool,
    /// Colour theme: dark, light or mono.
    pub theme: ThemeName,
    /// Pools the console never deletes: ids, or name patterns with `*`.
    pub protected: Vec<String>,
}

/// The project's directories (config, data) on this system.
pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("dev", "cognito-tui", "cognito-tui")
}

/// Where the config file is looked for by default.
pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config; a missing file is the defaults, a bad one the defaults plus a warning.
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let asked = path.is_some();
    let Some(path) = path.map(Path::to_path_buf).or_else(default_path) else {
        return (Config::default(), None);
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        // No config file in the usual place is normal; one asked for with --config is not.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !asked => (Config::default(), None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
            Config::default(),
            Some(format!(
                "Using default settings: {} (from --config) does not exist",
                path.display()
            )),
        ),
        Err(e) => (
            Config::default(),
            Some(format!(
                "Using default settings: cannot read {}: {e}",
                path.display()
            )),
        ),
    }
}

fn parse(text: &str, path: &Path) -> (Config, Option<String>) {
    match toml::from_str::<Config>(text) {
        Ok(config) => (config, None),
        Err(e) => {
            let reason = e.message().to_string();
            (
                Config::default(),
                Some(format!(
                    "Using default settings: {} is malformed ({reason})",
                    path.display()
                )),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let (config, warning) = parse(
            "profile = \"prod\"\nregion = \"eu-west-1\"\nread_only = true\ntheme = \"mono\"\nprotected = [\"prod-*\"]\n",
            Path::new("c.toml"),
        );
        assert_eq!(warning, None);
        assert_eq!(
            config,
            Config {
                profile: Some("prod".into()),
                region: Some("eu-west-1".into()),
                read_only: true,
                theme: ThemeName::Mono,
                protected: vec!["prod-*".into()],
            }
        );
    }

    #[test]
    fn a_malformed_file_gives_defaults_and_a_warning() {
        for text in [
            "read_only = \"yes\"",
            "theme = \"neon\"",
            "regoin = \"x\"",
            "[[[",
            "profile = 3",
        ] {
            let (config, warning) = parse(text, Path::new("c.toml"));
            assert_eq!(config, Config::default(), "{text}");
            let warning = warning.unwrap_or_default();
            assert!(
                warning.starts_with("Using default settings: c.toml is malformed"),
                "{text}: {warning}"
            );
        }
    }

    #[test]
    fn the_shipped_example_is_valid_and_matches_the_defaults() {
        let (config, warning) = parse(
            include_str!("../assets/config.toml"),
            Path::new("assets/config.toml"),
        );
        assert_eq!(warning, None);
        assert_eq!(config, Config::default());
    }

    #[test]
    fn a_missing_file_asked_for_is_the_defaults_with_a_warning() {
        let (config, warning) = load(Some(Path::new("/nonexistent/cognito-tui/config.toml")));
        assert_eq!(config, Config::default());
        assert!(
            warning
                .as_deref()
                .is_some_and(|w| w.contains("(from --config) does not exist")),
            "{warning:?}"
        );
    }
}
