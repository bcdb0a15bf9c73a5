//! Deletion protection: pools named in `config.toml`'s `protected` list, by id or by a name
//! pattern where `*` stands for any run of characters, are never deleted from the console.

/// The entry of `protected` that covers this pool, if any.
pub fn protecting<'a>(protected: &'a [String], pool_id: &str, name: &str) -> Option<&'a str> {
    protected
        .iter()
        .map(String::as_str)
        .find(|entry| *entry == pool_id || matches(entry, name))
}

/// Whether `name` matches `pattern` (`*` matches any run of characters, the rest exactly).
fn matches(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    // The end is looked for after the start, so the two never overlap (and the slice below is
    // on character boundaries: both ends matched).
    if !name.starts_with(first) || !name[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_name_patterns_protect() {
        let protected = vec![
            "us-east-1:00000000-0000-4000-8000-000000000001".to_string(),
            "prod-*".to_string(),
            "*-payments-*".to_string(),
            "exact".to_string(),
        ];
        assert_eq!(
            protecting(
                &protected,
                "us-east-1:00000000-0000-4000-8000-000000000001",
                "x"
            ),
            Some("us-east-1:00000000-0000-4000-8000-000000000001")
        );
        assert_eq!(protecting(&protected, "id", "prod-orders"), Some("prod-*"));
        assert_eq!(
            protecting(&protected, "id", "eu-payments-api"),
            Some("*-payments-*")
        );
        assert_eq!(protecting(&protected, "id", "exact"), Some("exact"));
        assert_eq!(protecting(&protected, "id", "exactly"), None);
        assert_eq!(protecting(&protected, "id", "staging-orders"), None);
        assert_eq!(protecting(&protected, "id", "-payments"), None);
        assert!(matches("a*a", "aa"));
        assert!(!matches("ab*ba", "aba"), "the two ends may not overlap");
    }
}
