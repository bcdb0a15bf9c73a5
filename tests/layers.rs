//! The layers read one way (docs/architecture.md): nothing below the composition (`console`)
//! names it, no screen's view takes the whole model, and the vocabulary names no screen's state
//! beyond the wizard's edit types it carries. A file that breaks the rule fails here, by name and
//! line, before review has to catch it.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The lines of the files under `src/<dir>` (comments left out) that `offends` flags.
fn offending(dirs: &[&str], offends: impl Fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for dir in dirs {
        for file in sources(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                if offends(code) {
                    found.push(format!("{}:{}: {code}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

const BELOW_THE_COMPOSITION: &[&str] = &["screens", "wizard", "view", "app", "store", "domain"];

#[test]
fn nothing_below_the_composition_names_it() {
    let found = offending(BELOW_THE_COMPOSITION, |line| {
        line.contains("crate::console") || line.contains("super::console")
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_screen_or_view_takes_the_model() {
    let found = offending(&["screens", "wizard", "view"], |line| {
        line.contains("&Model") || line.contains("Model,") || line.contains("::Model")
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_vocabulary_and_the_store_name_no_screen_but_the_wizards_edit_types() {
    let allowed = [
        "crate::wizard::scoped::EditScope",
        "crate::wizard::scoped::Finished",
        "crate::wizard::Step",
    ];
    let found = offending(&["app", "store", "domain"], |line| {
        (line.contains("crate::screens") || line.contains("crate::wizard"))
            && !allowed.iter().any(|a| line.contains(a))
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // The rule above is only as good as its search: it must see a line it is meant to catch.
    let found = offending(&["console"], |line| line.contains("pub struct Model"));
    assert_eq!(found.len(), 1, "{found:?}");
}
