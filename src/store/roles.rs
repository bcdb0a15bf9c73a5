//! What IAM said of the roles the console has read: each role's trust (GetRole), its inline and
//! attached policies and each one's document, as far as they were read — filed from whichever
//! screen's request read them (Role settings' checks, a trust fix's re-read, Test access).
//! AccessDenied is kept as "not checked", NoSuchEntity as "missing".

use std::collections::BTreeMap;

use crate::app::{AwsError, Response};
use crate::domain::roles::IamRole;

/// What IAM answered for one read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch<T> {
    /// Not answered yet.
    Waiting,
    /// The answer.
    Got(T),
    /// The caller may not read it (AccessDenied): not checked.
    Denied(String),
    /// It does not exist (NoSuchEntity).
    Missing(String),
    /// Another failure: code and message.
    Failed(String),
}

impl<T> Fetch<T> {
    /// The answer, once got.
    pub fn got(&self) -> Option<&T> {
        match self {
            Fetch::Got(value) => Some(value),
            _ => None,
        }
    }
}

/// A policy document of a role, by where it lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PolicyRef {
    /// An inline policy, by name.
    Inline(String),
    /// An attached managed policy: name and ARN.
    Managed(String, String),
}

impl PolicyRef {
    /// The name shown.
    pub fn name(&self) -> &str {
        match self {
            PolicyRef::Inline(name) | PolicyRef::Managed(name, _) => name,
        }
    }
}

/// What IAM said of one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFacts {
    /// GetRole.
    pub role: Fetch<IamRole>,
    /// ListRolePolicies.
    pub inline: Fetch<Vec<String>>,
    /// ListAttachedRolePolicies.
    pub attached: Fetch<Vec<(String, String)>>,
    /// Each policy's document.
    pub documents: BTreeMap<PolicyRef, Fetch<String>>,
}

impl Default for RoleFacts {
    fn default() -> Self {
        Self {
            role: Fetch::Waiting,
            inline: Fetch::Waiting,
            attached: Fetch::Waiting,
            documents: BTreeMap::new(),
        }
    }
}

impl RoleFacts {
    /// Every policy of the role known so far: inline first, then attached.
    pub fn policies(&self) -> Vec<PolicyRef> {
        let mut out: Vec<PolicyRef> = self
            .inline
            .got()
            .into_iter()
            .flatten()
            .map(|n| PolicyRef::Inline(n.clone()))
            .collect();
        out.extend(
            self.attached
                .got()
                .into_iter()
                .flatten()
                .map(|(n, a)| PolicyRef::Managed(n.clone(), a.clone())),
        );
        out
    }

    /// The names of its inline policies, as listed.
    pub fn inline_names(&self) -> Vec<String> {
        self.inline.got().cloned().unwrap_or_default()
    }

    /// An inline policy's document, once read.
    pub fn inline_document(&self, name: &str) -> Option<&String> {
        self.documents
            .get(&PolicyRef::Inline(name.to_string()))
            .and_then(Fetch::got)
    }
}

impl RoleFacts {
    /// What is known of the role's trust, for a simulation.
    pub fn trust(&self) -> crate::domain::simulation::RoleTrust<'_> {
        use crate::domain::simulation::RoleTrust;
        match &self.role {
            Fetch::Got(role) => RoleTrust::Policy(&role.trust_policy),
            Fetch::Missing(_) => RoleTrust::Missing,
            _ => RoleTrust::Unknown,
        }
    }

    /// Takes one answer about the role (`policy` names the inline policy a GetRolePolicy read).
    pub(super) fn absorb(&mut self, response: &Response, policy: Option<&str>) {
        match response {
            Response::GetRole(result) => self.role = fetched(result),
            Response::ListRolePolicies(result) => {
                self.inline = fetched(result);
                // A policy no longer listed is gone with its document.
                let listed = self.inline.got().cloned().unwrap_or_default();
                self.documents.retain(|p, _| match p {
                    PolicyRef::Inline(name) => listed.contains(name),
                    PolicyRef::Managed(..) => true,
                });
            }
            Response::ListAttachedRolePolicies(result) => {
                self.attached = fetched(result);
                let listed = self.attached.got().cloned().unwrap_or_default();
                self.documents.retain(|p, _| match p {
                    PolicyRef::Managed(name, arn) => listed.contains(&(name.clone(), arn.clone())),
                    PolicyRef::Inline(_) => true,
                });
            }
            Response::GetRolePolicy(result) => {
                if let Some(name) = policy {
                    self.documents
                        .insert(PolicyRef::Inline(name.to_string()), fetched(result));
                }
            }
            _ => {}
        }
    }

    /// Takes a managed policy's document, when the role has it attached.
    pub(super) fn managed_document(&mut self, arn: &str, result: &Result<String, AwsError>) {
        let attached = self.attached.got().into_iter().flatten();
        let names: Vec<String> = attached
            .filter(|(_, a)| a == arn)
            .map(|(n, _)| n.clone())
            .collect();
        for name in names {
            self.documents
                .insert(PolicyRef::Managed(name, arn.to_string()), fetched(result));
        }
    }
}

/// An IAM answer as the tab keeps it: AccessDenied is "not checked", NoSuchEntity "missing".
fn fetched<T: Clone>(result: &Result<T, AwsError>) -> Fetch<T> {
    match result {
        Ok(value) => Fetch::Got(value.clone()),
        Err(error) => {
            let code = error.code.clone().unwrap_or_default();
            let text = error.to_string();
            match code.as_str() {
                "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" => {
                    Fetch::Denied(text)
                }
                "NoSuchEntity" | "NoSuchEntityException" => Fetch::Missing(text),
                _ => Fetch::Failed(text),
            }
        }
    }
}
