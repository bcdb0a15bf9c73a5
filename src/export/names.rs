//! Names the generated code gives things: CloudFormation logical ids and CDK ids (PascalCase),
//! Terraform resource names (snake_case), each unique within one export.

use std::collections::BTreeSet;

/// `orders-app-admin` → `OrdersAppAdmin` (letters and digits only, starting with a letter).
pub fn pascal(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert(0, 'X');
    }
    out
}

/// `orders-app-admin` → `orders_app_admin` (lower case, digits and `_`, starting with a letter).
pub fn snake(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out
    } else {
        format!("x_{out}")
    }
}

/// Hands out names, adding 2, 3, … to one already given.
#[derive(Debug, Default)]
pub struct Names {
    used: BTreeSet<String>,
}

impl Names {
    /// `base`, or `base2`, `base3`, … (`base_2` … with `sep`) when taken.
    pub fn unique(&mut self, base: &str, sep: &str) -> String {
        let mut name = base.to_string();
        let mut n = 2;
        while self.used.contains(&name) {
            name = format!("{base}{sep}{n}");
            n += 1;
        }
        self.used.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_identifiers_and_unique() {
        assert_eq!(pascal("orders-app-admin"), "OrdersAppAdmin");
        assert_eq!(pascal("1st role"), "X1stRole");
        assert_eq!(snake("Orders-App.admin"), "orders_app_admin");
        assert_eq!(snake("9lives"), "x_9lives");
        let mut names = Names::default();
        assert_eq!(names.unique("Role", ""), "Role");
        assert_eq!(names.unique("Role", ""), "Role2");
        assert_eq!(names.unique("role", "_"), "role");
    }
}
