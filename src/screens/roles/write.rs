//! Changing one IAM document of a role safely: a trust policy fix or an inline policy edited in
//! `$EDITOR`. Like the pool's saves: the change is shown as a line diff, re-read just before
//! writing (a change made elsewhere meanwhile stops it, nothing written), written, and read once
//! more to verify.

use serde_json::Value;

use crate::app::{AwsError, Effect, RequestId, Response};
use crate::domain::policy::{self, PolicyKind};
use crate::domain::roles::role_name;

/// Which document of the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocTarget {
    /// Its trust policy (UpdateAssumeRolePolicy).
    Trust,
    /// An inline policy, by name (PutRolePolicy).
    Inline(String),
    /// A new inline policy, by name (PutRolePolicy where there is none yet).
    NewInline(String),
    /// An inline policy to delete, by name (DeleteRolePolicy).
    DeleteInline(String),
}

/// What a new inline policy starts from in the editor: one statement that is safe as it is
/// (each identity reaches only its own prefix of one bucket), to adapt.
pub const NEW_POLICY_TEMPLATE: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EachIdentityItsOwnPrefix",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::REPLACE-WITH-BUCKET/private/${cognito-identity.amazonaws.com:sub}/*"
    }
  ]
}"#;

/// Why a name can't be an inline policy's (IAM: 1 to 128 of letters, digits and `+=,.@_-`), or
/// that the role has one of that name already.
pub fn policy_name_problem(name: &str, taken: &[String]) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    if name.is_empty() {
        return Some("A name is needed: 1 to 128 of letters, digits and + = , . @ _ -".into());
    }
    if name.chars().count() > 128 {
        return Some(format!(
            "{} characters: IAM allows at most 128",
            name.chars().count()
        ));
    }
    if let Some(bad) = name.chars().find(|c| !allowed(*c)) {
        return Some(format!(
            "{bad:?} is not allowed: letters, digits and + = , . @ _ - only"
        ));
    }
    taken
        .iter()
        .any(|t| t == name)
        .then(|| format!("The role has an inline policy {name} already: e on it edits it"))
}

/// Where a document write is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WritePhase {
    /// In the user's editor.
    Editing,
    /// The edited text is not a valid policy: why (the text is kept for another try).
    Invalid(String),
    /// The edited text is the document as it was.
    Unchanged,
    /// The diff, waiting for ⏎.
    Review,
    /// Reading the document again just before writing.
    Rereading,
    /// Changed elsewhere since it was read: the document as it is now; nothing written.
    Conflict(String),
    /// The write is running.
    Writing,
    /// Reading it back.
    Verifying,
    /// Written and read back as intended.
    Done,
    /// Written, but read back different: the document as read.
    Differs(String),
    /// A call failed: what, with the service's code and message.
    Failed(String),
}

/// One document write, from its diff to its verification.
#[derive(Debug, Clone, PartialEq)]
pub struct DocWrite {
    /// The role's ARN.
    pub arn: String,
    /// The document.
    pub target: DocTarget,
    /// The document as read (pretty JSON).
    pub before: String,
    /// The document to write (pretty JSON).
    pub after: String,
    /// What the change is for (the trust problems it fixes).
    pub why: Vec<String>,
    /// Where it is.
    pub phase: WritePhase,
    req: Option<RequestId>,
}

/// A document as shown and compared: pretty JSON (the text itself when it is not JSON).
pub fn pretty(document: &str) -> String {
    serde_json::from_str::<Value>(document)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| document.to_string())
}

fn same(a: &str, b: &str) -> bool {
    match (
        serde_json::from_str::<Value>(a),
        serde_json::from_str::<Value>(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

/// Checks an edited document against IAM's grammar: JSON first (with the line and column of the
/// mistake), then the policy language's rules for its kind.
pub fn check(text: &str, kind: PolicyKind) -> Result<(), String> {
    if let Err(error) = serde_json::from_str::<Value>(text) {
        // serde_json's text ends with the position; it is said first here.
        let what = error.to_string();
        let what = what
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        return Err(format!(
            "Not valid JSON at line {}, column {}: {what}",
            error.line(),
            error.column()
        ));
    }
    policy::check(text, kind)
        .map(|_| ())
        .map_err(|problem| format!("IAM would refuse it (MalformedPolicyDocument): {problem}"))
}

fn service(operation: &str, error: &AwsError) -> String {
    format!("{operation} failed: {error}")
}

impl DocWrite {
    /// A trust fix to review: the policy as read and as fixed, and the problems it fixes.
    pub fn trust_fix(arn: &str, before: &str, after: &str, why: Vec<String>) -> Self {
        Self {
            arn: arn.to_string(),
            target: DocTarget::Trust,
            before: pretty(before),
            after: pretty(after),
            why,
            phase: WritePhase::Review,
            req: None,
        }
    }

    /// An inline policy opened in the editor: the effect that opens it.
    pub fn edit(
        arn: &str,
        policy: &str,
        before: &str,
        start: impl FnOnce(&'static str, bool) -> RequestId,
    ) -> (Self, Effect) {
        let before = pretty(before);
        let target = DocTarget::Inline(policy.to_string());
        Self::in_editor(arn, target, before.clone(), before, start)
    }

    /// A document opened in the editor on `text`: the effect that opens it.
    fn in_editor(
        arn: &str,
        target: DocTarget,
        before: String,
        text: String,
        start: impl FnOnce(&'static str, bool) -> RequestId,
    ) -> (Self, Effect) {
        let req = start("$EDITOR", false);
        let effect = Effect::EditInEditor {
            req,
            text: text.clone(),
        };
        let write = Self {
            arn: arn.to_string(),
            target,
            before,
            after: text,
            why: Vec::new(),
            phase: WritePhase::Editing,
            req: Some(req),
        };
        (write, effect)
    }

    /// A new inline policy `name`, opened in the editor on a template: the effect that opens it.
    pub fn create(
        arn: &str,
        name: &str,
        start: impl FnOnce(&'static str, bool) -> RequestId,
    ) -> (Self, Effect) {
        let target = DocTarget::NewInline(name.to_string());
        let template = NEW_POLICY_TEMPLATE.to_string();
        Self::in_editor(arn, target, String::new(), template, start)
    }

    /// The deletion of inline policy `name` (whose document is `document`), to confirm on its
    /// diff: every line goes.
    pub fn delete(arn: &str, name: &str, document: &str) -> Self {
        Self {
            arn: arn.to_string(),
            target: DocTarget::DeleteInline(name.to_string()),
            before: pretty(document),
            after: String::new(),
            why: vec![format!(
                "Identities given this role lose what {name} allows."
            )],
            phase: WritePhase::Review,
            req: None,
        }
    }

    /// Opens the editor again on the text as last edited (after it was refused).
    pub fn edit_again(
        &mut self,
        start: impl FnOnce(&'static str, bool) -> RequestId,
    ) -> Vec<Effect> {
        if !matches!(self.phase, WritePhase::Invalid(_)) {
            return Vec::new();
        }
        let req = start("$EDITOR", false);
        self.req = Some(req);
        self.phase = WritePhase::Editing;
        vec![Effect::EditInEditor {
            req,
            text: self.after.clone(),
        }]
    }

    /// The role's name.
    pub fn role(&self) -> &str {
        role_name(&self.arn)
    }

    /// The document's name, as the review titles it.
    pub fn title(&self) -> String {
        match &self.target {
            DocTarget::Trust => format!("Trust policy of {}", self.role()),
            DocTarget::Inline(name) => format!("Inline policy {name} of {}", self.role()),
            DocTarget::NewInline(name) => format!("New inline policy {name} of {}", self.role()),
            DocTarget::DeleteInline(name) => {
                format!("Deleting inline policy {name} of {}", self.role())
            }
        }
    }

    /// Whether a request of it is in flight.
    pub fn awaits(&self, req: RequestId) -> bool {
        self.req == Some(req)
    }

    /// Whether it is between its calls (quitting then asks first).
    pub fn is_writing(&self) -> bool {
        matches!(
            self.phase,
            WritePhase::Rereading | WritePhase::Writing | WritePhase::Verifying
        )
    }

    fn read(&mut self, start: impl FnOnce(&'static str, bool) -> RequestId) -> Effect {
        let role_name = self.role().to_string();
        match &self.target {
            DocTarget::Trust => {
                let req = start("GetRole", false);
                self.req = Some(req);
                Effect::GetRole { req, role_name }
            }
            DocTarget::Inline(policy_name)
            | DocTarget::NewInline(policy_name)
            | DocTarget::DeleteInline(policy_name) => {
                let req = start("GetRolePolicy", false);
                self.req = Some(req);
                Effect::GetRolePolicy {
                    req,
                    role_name,
                    policy_name: policy_name.clone(),
                }
            }
        }
    }

    /// ⏎ on the review: the re-read before writing.
    pub fn confirm(&mut self, start: impl FnOnce(&'static str, bool) -> RequestId) -> Vec<Effect> {
        if self.phase != WritePhase::Review {
            return Vec::new();
        }
        self.phase = WritePhase::Rereading;
        vec![self.read(start)]
    }

    fn write(&mut self, start: impl FnOnce(&'static str, bool) -> RequestId) -> Effect {
        let role_name = self.role().to_string();
        self.phase = WritePhase::Writing;
        match &self.target {
            DocTarget::Trust => {
                let req = start("UpdateAssumeRolePolicy", true);
                self.req = Some(req);
                Effect::UpdateAssumeRolePolicy {
                    req,
                    role_name,
                    document: self.after.clone(),
                }
            }
            DocTarget::DeleteInline(policy_name) => {
                let req = start("DeleteRolePolicy", true);
                self.req = Some(req);
                Effect::DeleteRolePolicy {
                    req,
                    role_name,
                    policy_name: policy_name.clone(),
                }
            }
            DocTarget::Inline(policy_name) | DocTarget::NewInline(policy_name) => {
                let req = start("PutRolePolicy", true);
                self.req = Some(req);
                Effect::PutRolePolicy {
                    req,
                    role_name,
                    policy_name: policy_name.clone(),
                    document: self.after.clone(),
                }
            }
        }
    }

    /// What the editor saved: checked, then reviewed (or refused, or found unchanged).
    pub fn on_edited(&mut self, edited: Result<String, String>) {
        self.req = None;
        match edited {
            Err(why) => self.phase = WritePhase::Failed(format!("The editor did not run: {why}")),
            Ok(text) => {
                self.after = text;
                self.phase = match check(&self.after, PolicyKind::Permissions) {
                    Err(why) => WritePhase::Invalid(why),
                    Ok(()) if same(&self.after, &self.before) => WritePhase::Unchanged,
                    Ok(()) => {
                        self.after = pretty(&self.after);
                        WritePhase::Review
                    }
                };
            }
        }
    }

    /// An answer to its request; the next call's effects.
    pub fn on_response(
        &mut self,
        req: RequestId,
        response: Response,
        start: impl FnOnce(&'static str, bool) -> RequestId,
    ) -> Vec<Effect> {
        if !self.awaits(req) {
            return Vec::new();
        }
        self.req = None;
        let read = match response {
            Response::Edited(edited) => {
                self.on_edited(edited);
                return Vec::new();
            }
            Response::GetRole(result) => result.map(|r| r.trust_policy),
            // A policy being made or deleted reads as empty where IAM has none.
            Response::GetRolePolicy(Err(error))
                if error.code.as_deref() == Some("NoSuchEntity")
                    && matches!(
                        self.target,
                        DocTarget::NewInline(_) | DocTarget::DeleteInline(_)
                    ) =>
            {
                Ok(String::new())
            }
            Response::GetRolePolicy(result) => result,
            Response::UpdateAssumeRolePolicy(result)
            | Response::PutRolePolicy(result)
            | Response::DeleteRolePolicy(result) => {
                return match result {
                    Ok(()) => {
                        self.phase = WritePhase::Verifying;
                        vec![self.read(start)]
                    }
                    Err(error) => {
                        let op = match self.target {
                            DocTarget::Trust => "UpdateAssumeRolePolicy",
                            DocTarget::Inline(_) | DocTarget::NewInline(_) => "PutRolePolicy",
                            DocTarget::DeleteInline(_) => "DeleteRolePolicy",
                        };
                        self.phase = WritePhase::Failed(format!(
                            "{}; nothing was changed",
                            service(op, &error)
                        ));
                        Vec::new()
                    }
                };
            }
            _ => return Vec::new(),
        };
        let now = match read {
            Ok(now) => now,
            Err(error) => {
                let written = self.phase == WritePhase::Verifying;
                self.phase = WritePhase::Failed(if written {
                    format!(
                        "{}; the write was accepted but could not be read back",
                        service("Reading it back", &error)
                    )
                } else {
                    format!("{}; nothing was written", service("Re-reading", &error))
                });
                return Vec::new();
            }
        };
        match self.phase {
            WritePhase::Rereading if same(&now, &self.before) => vec![self.write(start)],
            WritePhase::Rereading => {
                self.phase = WritePhase::Conflict(pretty(&now));
                Vec::new()
            }
            WritePhase::Verifying if same(&now, &self.after) => {
                self.phase = WritePhase::Done;
                Vec::new()
            }
            WritePhase::Verifying => {
                self.phase = WritePhase::Differs(pretty(&now));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

/// One line of a diff: `-` removed, `+` added, ` ` kept.
pub fn diff_lines(before: &str, after: &str) -> Vec<(char, String)> {
    similar::TextDiff::from_lines(before, after)
        .iter_all_changes()
        .map(|change| {
            let sign = match change.tag() {
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
                similar::ChangeTag::Equal => ' ',
            };
            (sign, change.value().trim_end_matches('\n').to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_policys_name_follows_iams_rules_and_is_not_taken() {
        let taken = vec!["read-assets".to_string()];
        assert_eq!(policy_name_problem("list+buckets@v1.2_x=y,z", &taken), None);
        assert!(policy_name_problem("", &taken).is_some());
        assert!(policy_name_problem(&"a".repeat(129), &taken).is_some());
        assert_eq!(policy_name_problem(&"a".repeat(128), &taken), None);
        let spaced = policy_name_problem("list buckets", &taken);
        assert!(spaced.is_some_and(|p| p.contains("' ' is not allowed")));
        let again = policy_name_problem("read-assets", &taken);
        assert!(again.is_some_and(|p| p.contains("already")));
    }

    #[test]
    fn the_template_is_a_policy_iam_takes() {
        assert_eq!(check(NEW_POLICY_TEMPLATE, PolicyKind::Permissions), Ok(()));
    }
}
