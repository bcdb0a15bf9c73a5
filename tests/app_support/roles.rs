//! Role settings models in known states, fed through `update` only: the pool of
//! [`super::access::every_kind`] opened on the tab, with the roles IAM holds answered from a
//! small in-memory account (trust policy, inline and attached policies per role).

use super::access::role;
use super::*;
use cognito_tui::app::{AwsError, Tab};
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::domain::roles::{IamRole, role_name};
use std::collections::BTreeMap;

/// One role as the fake account holds it.
#[derive(Debug, Clone, Default)]
pub struct FakeRole {
    /// Its trust policy.
    pub trust: String,
    /// Inline policies by name.
    pub inline: BTreeMap<String, String>,
    /// Attached managed policies: (name, ARN, document).
    pub attached: Vec<(String, String, String)>,
    /// GetRole answers AccessDenied.
    pub denied: bool,
}

/// Roles by name.
pub type FakeIam = BTreeMap<String, FakeRole>;

/// A scoped inline policy.
pub const SCOPED: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
/// AdministratorAccess.
pub const ADMIN: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// Every role of `config` with a correct trust policy (TagSession where tags are on), a scoped
/// inline policy each, and AdministratorAccess on the admin role.
pub fn healthy_iam(config: &PoolConfig) -> FakeIam {
    let pool = &config.pool.identity_pool_id;
    let mut iam = FakeIam::new();
    for handed in cognito_tui::domain::role_use::handed_out(config) {
        let audience = handed.audiences()[0];
        let tags = cognito_tui::domain::role_use::needs_tag_session(config, &handed);
        let mut role = FakeRole {
            trust: cognito_trust_policy(
                pool,
                audience,
                tags && audience == Audience::Authenticated,
            ),
            ..FakeRole::default()
        };
        role.inline
            .insert(format!("{}-access", handed.name()), SCOPED.to_string());
        if handed.name().ends_with("admin") {
            role.attached.push((
                "AdministratorAccess".into(),
                "arn:aws:iam::aws:policy/AdministratorAccess".into(),
                ADMIN.into(),
            ));
        }
        iam.insert(handed.name().to_string(), role);
    }
    iam
}

fn no_such(name: &str) -> AwsError {
    AwsError::service(
        "NoSuchEntity",
        format!("The role with name {name} cannot be found."),
    )
}

/// The fake account's answer to an IAM read, or None for any other effect.
pub fn iam_answer(iam: &FakeIam, effect: &Effect) -> Option<(u64, Response)> {
    let get = |name: &str| iam.get(name).ok_or_else(|| no_such(name));
    Some(match effect {
        Effect::GetRole { req, role_name } => (
            *req,
            Response::GetRole(get(role_name).and_then(|r| {
                if r.denied {
                    Err(AwsError::service(
                        "AccessDenied",
                        "User is not authorized to perform: iam:GetRole",
                    ))
                } else {
                    Ok(IamRole {
                        name: role_name.clone(),
                        arn: role(role_name),
                        trust_policy: r.trust.clone(),
                    })
                }
            })),
        ),
        Effect::ListRolePolicies { req, role_name } => (
            *req,
            Response::ListRolePolicies(get(role_name).map(|r| r.inline.keys().cloned().collect())),
        ),
        Effect::ListAttachedRolePolicies { req, role_name } => (
            *req,
            Response::ListAttachedRolePolicies(get(role_name).map(|r| {
                r.attached
                    .iter()
                    .map(|(n, a, _)| (n.clone(), a.clone()))
                    .collect()
            })),
        ),
        Effect::GetRolePolicy {
            req,
            role_name,
            policy_name,
        } => (
            *req,
            Response::GetRolePolicy(get(role_name).and_then(|r| {
                r.inline
                    .get(policy_name)
                    .cloned()
                    .ok_or_else(|| no_such(policy_name))
            })),
        ),
        Effect::GetManagedPolicy { req, arn } => (
            *req,
            Response::GetManagedPolicy(
                iam.values()
                    .flat_map(|r| r.attached.iter())
                    .find(|(_, a, _)| a == arn)
                    .map(|(_, _, d)| d.clone())
                    .ok_or_else(|| no_such(arn)),
            ),
        ),
        _ => return None,
    })
}

/// Answers IAM reads among `effects` (and the reads they lead to) until none is asked; the
/// effects that are not IAM reads.
pub fn answer_iam(model: &mut Model, mut effects: Vec<Effect>, iam: &FakeIam) -> Vec<Effect> {
    let mut rest = Vec::new();
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            match iam_answer(iam, &effect) {
                Some((req, response)) => {
                    next.extend(update(model, Msg::Response { req, response }))
                }
                None => rest.push(effect),
            }
        }
        effects = next;
    }
    rest
}

/// A model on the Role settings tab of pool 0 (configuration `config`), its IAM reads answered
/// from `iam`.
pub fn on_roles(config: &PoolConfig, iam: &FakeIam, options: Options, size: (u16, u16)) -> Model {
    let (mut model, effects) = super::access::opened_on(Tab::Roles, config, options, size);
    let rest = answer_iam(&mut model, effects, iam);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(
        model.roles.read.config(&model.store).is_some(),
        "the tab read its pool"
    );
    model
}

/// The name of a role ARN.
pub fn name_of(arn: &str) -> &str {
    role_name(arn)
}
