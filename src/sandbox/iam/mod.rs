//! IAM (Query protocol): roles with trust and inline policies, attached managed policies, and the
//! OpenID Connect and SAML providers identity pools trust.

mod managed;
mod providers;
mod roles;

pub use managed::ManagedPolicy;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::protocol::ServiceError;
use super::query::QueryInput;

/// The XML namespace of IAM's answers.
pub const NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

/// One role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// Its name (unique ignoring case).
    pub name: String,
    /// `AROA…`.
    pub id: String,
    /// `/` or `/…/`.
    pub path: String,
    /// Epoch seconds.
    pub created: i64,
    /// The trust policy as sent (IAM returns it URL-encoded).
    pub trust_policy: String,
    /// The description.
    pub description: Option<String>,
    /// 3600–43200.
    pub max_session_duration: i64,
    /// Inline policies by name.
    pub inline_policies: BTreeMap<String, String>,
    /// Attached managed policy ARNs.
    pub attached: Vec<String>,
    /// Tags.
    pub tags: Vec<(String, String)>,
}

impl Role {
    /// `arn:aws:iam::<account>:role<path><name>`.
    pub fn arn(&self) -> String {
        format!(
            "arn:aws:iam::{}:role{}{}",
            super::store::SANDBOX_ACCOUNT,
            self.path,
            self.name
        )
    }
}

/// An OpenID Connect provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OidcProvider {
    /// `https://host/path`.
    pub url: String,
    /// Audiences.
    pub client_ids: Vec<String>,
    /// Certificate thumbprints.
    pub thumbprints: Vec<String>,
    /// Epoch seconds.
    pub created: i64,
}

/// A SAML provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SamlProvider {
    /// The metadata document.
    pub metadata: String,
    /// Epoch seconds.
    pub created: i64,
}

/// Everything IAM holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IamState {
    /// Roles by name.
    pub roles: BTreeMap<String, Role>,
    /// OIDC providers by ARN.
    pub oidc_providers: BTreeMap<String, OidcProvider>,
    /// SAML providers by ARN.
    pub saml_providers: BTreeMap<String, SamlProvider>,
    /// The account's own managed policies by ARN.
    #[serde(default)]
    pub policies: BTreeMap<String, ManagedPolicy>,
}

impl IamState {
    /// How many roles have the managed policy `arn` attached.
    pub fn attachments(&self, arn: &str) -> usize {
        self.roles
            .values()
            .filter(|r| r.attached.iter().any(|a| a == arn))
            .count()
    }
}

/// Whether an action changes state (so the store saves after it).
pub fn is_write(action: &str) -> bool {
    !(action.starts_with("Get") || action.starts_with("List"))
}

/// Runs one IAM action; the XML inside `<ActionResult>`, or None for actions without output.
pub fn handle(
    iam: &mut IamState,
    action: &str,
    input: QueryInput,
) -> Result<Option<String>, ServiceError> {
    match action {
        "CreateRole" => roles::create(iam, input).map(Some),
        "GetRole" => roles::get(iam, input).map(Some),
        "ListRoles" => roles::list(iam, input).map(Some),
        "DeleteRole" => roles::delete(iam, input).map(|_| None),
        "UpdateAssumeRolePolicy" => roles::update_trust(iam, input).map(|_| None),
        "PutRolePolicy" => roles::put_policy(iam, input).map(|_| None),
        "GetRolePolicy" => roles::get_policy(iam, input).map(Some),
        "ListRolePolicies" => roles::list_policies(iam, input).map(Some),
        "DeleteRolePolicy" => roles::delete_policy(iam, input).map(|_| None),
        "AttachRolePolicy" => roles::attach(iam, input).map(|_| None),
        "ListAttachedRolePolicies" => roles::list_attached(iam, input).map(Some),
        "CreatePolicy" => managed::create(iam, input).map(Some),
        "GetPolicy" => managed::get(iam, input).map(Some),
        "GetPolicyVersion" => managed::get_version(iam, input).map(Some),
        "CreateOpenIDConnectProvider" => providers::create_oidc(iam, input).map(Some),
        "ListOpenIDConnectProviders" => Ok(Some(providers::list_oidc(iam))),
        "CreateSAMLProvider" => providers::create_saml(iam, input).map(Some),
        "ListSAMLProviders" => Ok(Some(providers::list_saml(iam))),
        _ => Err(ServiceError::client(
            "InvalidAction",
            format!(
                "The action {action} is not valid for this web service (or not served by this sandbox)."
            ),
        )),
    }
}

/// ISO 8601 in UTC, as IAM writes timestamps.
pub fn iso8601(epoch: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(epoch)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Now, in epoch seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
