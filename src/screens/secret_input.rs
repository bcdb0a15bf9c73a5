//! A text input holding a secret (a password, a token, a consumer secret): it edits like any
//! input, but `{:?}` never shows its value, so it can't reach a log or a panic message through
//! the state that holds it.

use tui_input::Input;

/// An [`Input`] whose debug print says only whether it is set.
#[derive(Clone, Default)]
pub struct SecretInput(pub Input);

impl std::fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = if self.0.value().is_empty() {
            "empty"
        } else {
            "set"
        };
        write!(f, "SecretInput(<{state}>)")
    }
}

// It is an input in every other way: typing, the cursor, reset.
impl std::ops::Deref for SecretInput {
    type Target = Input;

    fn deref(&self) -> &Input {
        &self.0
    }
}

impl std::ops::DerefMut for SecretInput {
    fn deref_mut(&mut self) -> &mut Input {
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_edits_but_never_debug_prints() {
        let mut input = SecretInput::default();
        assert_eq!(format!("{input:?}"), "SecretInput(<empty>)");
        input.handle(tui_input::InputRequest::InsertChar('x'));
        input.handle(tui_input::InputRequest::InsertChar('9'));
        assert_eq!(input.value(), "x9");
        assert_eq!(format!("{input:?}"), "SecretInput(<set>)");
    }
}
