//! Editing a document in the user's own editor, as k9s edits resources: the text goes to a
//! temporary file, `$VISUAL` / `$EDITOR` (else `vi`) runs on it in the terminal, and what was
//! saved comes back. The caller hands the terminal over before and takes it back after.

use std::io::Write;
use std::process::Command;

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi` (it may carry arguments, `code -w`).
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs the user's editor on `text`; the text as saved, or why the editor could not run.
pub fn edit(text: &str) -> Result<String, String> {
    edit_with(&editor_command(), text)
}

/// Runs `command` on `text` (a `.json` file, so editors pick their JSON mode); the text as
/// saved, or why the editor could not run or failed.
pub fn edit_with(command: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("cognito-tui-")
        .suffix(".json")
        .tempfile()
        .map_err(|e| format!("could not make a temporary file: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("could not write the temporary file: {e}"))?;
    let path = file.path().to_path_buf();
    // Through the shell, so an editor given with arguments works; the path is passed as $1,
    // never spliced into the command line.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status()
        .map_err(|e| format!("could not start the editor ({command}): {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor ({command}) exited with {status}; nothing was changed"
        ));
    }
    std::fs::read_to_string(&path).map_err(|e| format!("could not read the edited file back: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scripted_editor_changes_the_text_and_a_failing_one_is_reported() {
        let edited = edit_with("sed -i s/Allow/Deny/", "{\"Effect\":\"Allow\"}");
        assert_eq!(edited, Ok("{\"Effect\":\"Deny\"}".into()));
        let failed = edit_with("false", "x").err().unwrap_or_default();
        assert!(failed.contains("exited with"), "{failed}");
        assert!(failed.contains("nothing was changed"), "{failed}");
    }
}
