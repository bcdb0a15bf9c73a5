//! The resolution simulator: who signs in (a provider of the pool, or a guest), the token's
//! claims (a pasted JWT, decoded but not verified, or `key=value` lines), and the answer the
//! service would give, recomputed on every keystroke by the domain's simulation (the same
//! resolution the sandbox's GetCredentialsForIdentity runs).

use serde_json::Value;
use tui_input::{Input, InputRequest};

use crate::domain::claims;
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::simulation::{Login, RoleTrust, Simulation, simulate};

/// Which part of the simulator has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimFocus {
    /// The login choice (←/→).
    Login,
    /// The claims (typing).
    Claims,
}

/// The simulator's state.
#[derive(Debug, Clone)]
pub struct Simulator {
    /// The logins offered: guest, then each provider of the pool.
    pub logins: Vec<Login>,
    /// The one chosen.
    pub chosen: usize,
    /// The claims as typed, a line each (or a JWT on the first).
    pub lines: Vec<Input>,
    /// The line with the cursor.
    pub line: usize,
    /// What has the keys.
    pub focus: SimFocus,
    /// The claims, or why they can't be read (shown under the field).
    pub claims: Result<Value, String>,
    /// Whether the claims came from a JWT (decoded, not verified).
    pub from_jwt: bool,
    /// The answer for the claims as they are.
    pub answer: Option<Simulation>,
}

/// Whether a line looks like a pasted JWT rather than a claim.
fn looks_like_jwt(text: &str) -> bool {
    // A JWT's header is base64url of `{"…`, always `eyJ`; base64url has no `=`, a claim line does.
    let text = text.trim();
    text.starts_with("eyJ") && !text.contains('=')
}

impl Simulator {
    /// A simulator on the pool: the first provider chosen (guest when there is none).
    pub fn new(config: &PoolConfig) -> Self {
        let mut logins = vec![Login::Guest];
        logins.extend(
            ProviderRef::all(&config.pool)
                .into_iter()
                .map(Login::Provider),
        );
        Self {
            chosen: usize::from(logins.len() > 1),
            logins,
            lines: vec![Input::default()],
            line: 0,
            focus: SimFocus::Claims,
            claims: Ok(Value::Object(Default::default())),
            from_jwt: false,
            answer: None,
        }
    }

    /// The login chosen.
    pub fn login(&self) -> &Login {
        &self.logins[self.chosen.min(self.logins.len() - 1)]
    }

    /// The claims as one text.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(Input::value)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Reads the claims again and recomputes the answer.
    pub fn recompute<'a>(&mut self, config: &PoolConfig, trust_of: impl Fn(&str) -> RoleTrust<'a>) {
        let first = self.lines.first().map(Input::value).unwrap_or_default();
        self.from_jwt = self.lines.len() == 1 && looks_like_jwt(first);
        self.claims = if self.from_jwt {
            claims::from_jwt(first)
        } else {
            claims::from_lines(&self.text())
        };
        self.answer = match (&self.claims, self.login()) {
            (Ok(claims), login) => Some(simulate(config, login, claims, trust_of)),
            (Err(_), Login::Guest) => Some(simulate(config, &Login::Guest, &Value::Null, trust_of)),
            (Err(_), _) => None,
        };
    }

    /// ←/→ on the login choice.
    pub fn choose(&mut self, delta: isize) {
        let count = self.logins.len() as isize;
        self.chosen = (self.chosen as isize + delta).rem_euclid(count) as usize;
    }

    /// Tab: the other part.
    pub fn switch_focus(&mut self) {
        self.focus = match self.focus {
            SimFocus::Login => SimFocus::Claims,
            SimFocus::Claims => SimFocus::Login,
        };
    }

    /// ⏎ in the claims: a new line after the cursor's.
    pub fn new_line(&mut self) {
        self.line += 1;
        self.lines.insert(self.line, Input::default());
    }

    /// ↑/↓ in the claims.
    pub fn move_line(&mut self, delta: isize) {
        let last = self.lines.len().saturating_sub(1) as isize;
        self.line = (self.line as isize + delta).clamp(0, last) as usize;
    }

    /// A keystroke in the claims; Backspace on an empty line removes it.
    pub fn type_key(&mut self, request: InputRequest) {
        let empty = self.lines[self.line].value().is_empty();
        if request == InputRequest::DeletePrevChar && empty && self.lines.len() > 1 {
            self.lines.remove(self.line);
            self.line = self.line.saturating_sub(1);
            return;
        }
        // A pasted token or several lines arrive as characters; a newline among them splits.
        if let InputRequest::InsertChar('\n' | '\r') = request {
            self.new_line();
            return;
        }
        self.lines[self.line].handle(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_jwt_is_told_apart_from_claim_lines() {
        assert!(looks_like_jwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln"));
        assert!(!looks_like_jwt("custom:tier=partner"));
        assert!(!looks_like_jwt("email=a.b@c.d"));
    }
}
