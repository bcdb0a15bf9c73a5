//! IAM roles and their policies.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{IamState, Role, iso8601, now};
use crate::domain::policy::{self, PolicyKind};
use crate::domain::validation::StrRule;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::query::{QueryInput, element};

use crate::domain::limits::IAM_ROLE_NAME as ROLE_NAME;
const POLICY_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w+=,.@-]+"),
    allowed: "1–128 of letters, digits and + = , . @ _ -",
};
const PATH: StrRule = StrRule {
    min: 1,
    max: 512,
    pattern: Some(r"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"),
    allowed: "/ or /path/",
};
const DOCUMENT: StrRule = StrRule {
    min: 1,
    max: 131_072,
    pattern: Some(r"[\u0009\u000A\u000D\u0020-\u00FF]+"),
    allowed: "a JSON policy document",
};
pub(super) const DESCRIPTION: StrRule = StrRule {
    min: 0,
    max: 1000,
    pattern: Some(r"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*"),
    allowed: "at most 1000 characters",
};
const TAG_KEY: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+"),
    allowed: "1–128 characters",
};
const TAG_VALUE: StrRule = StrRule {
    min: 0,
    max: 256,
    pattern: Some(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"),
    allowed: "at most 256 characters",
};
const MARKER: StrRule = StrRule {
    min: 1,
    max: 320,
    pattern: Some(r"[\u0020-\u00FF]+"),
    allowed: "a marker from a previous page",
};
const POLICY_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "a policy ARN",
};

/// What IAM leaves unencoded in returned documents (RFC 3986 unreserved characters).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// IAM returns every policy document URL-encoded.
pub(super) fn encoded(document: &str) -> String {
    utf8_percent_encode(document, ENCODE).to_string()
}

fn no_such_role(name: &str) -> ServiceError {
    ServiceError {
        status: 404,
        code: "NoSuchEntity",
        message: format!("The role with name {name} cannot be found."),
    }
}

fn malformed(message: String) -> ServiceError {
    ServiceError::client("MalformedPolicyDocument", message)
}

fn role_mut<'a>(iam: &'a mut IamState, name: &str) -> Result<&'a mut Role, ServiceError> {
    iam.roles.get_mut(name).ok_or_else(|| no_such_role(name))
}

fn role_xml(role: &Role, with_tags: bool) -> String {
    let mut out = String::from("<Role>");
    out.push_str(&element("Path", &role.path));
    out.push_str(&element("RoleName", &role.name));
    out.push_str(&element("RoleId", &role.id));
    out.push_str(&element("Arn", &role.arn()));
    out.push_str(&element("CreateDate", &iso8601(role.created)));
    out.push_str(&element(
        "AssumeRolePolicyDocument",
        &encoded(&role.trust_policy),
    ));
    if let Some(description) = &role.description {
        out.push_str(&element("Description", description));
    }
    out.push_str(&element(
        "MaxSessionDuration",
        &role.max_session_duration.to_string(),
    ));
    if with_tags && !role.tags.is_empty() {
        out.push_str("<Tags>");
        for (key, value) in &role.tags {
            out.push_str(&format!(
                "<member>{}{}</member>",
                element("Key", key),
                element("Value", value)
            ));
        }
        out.push_str("</Tags>");
    }
    out.push_str("</Role>");
    out
}

pub(super) fn role_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let suffix: String = (0..17)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect();
    format!("AROA{suffix}")
}

/// CreateRole.
pub fn create(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let trust = input.string("AssumeRolePolicyDocument", &DOCUMENT, true);
    let path = input.string("Path", &PATH, false);
    let description = input.string("Description", &DESCRIPTION, false);
    let max_session = input.integer("MaxSessionDuration", 3600, 43_200);
    let tags = input.tags(&TAG_KEY, &TAG_VALUE);
    input.finish()?;
    let (name, trust) = (name.unwrap_or_default(), trust.unwrap_or_default());
    if iam
        .roles
        .keys()
        .any(|existing| existing.eq_ignore_ascii_case(&name))
    {
        return Err(ServiceError {
            status: 409,
            code: "EntityAlreadyExists",
            message: format!("Role with name {name} already exists."),
        });
    }
    if tags.len() > 50 {
        return Err(ServiceError::client(
            "LimitExceeded",
            "A role can have at most 50 tags.",
        ));
    }
    policy::check(&trust, PolicyKind::Trust).map_err(malformed)?;
    let role = Role {
        name: name.clone(),
        id: role_id(),
        path: path.unwrap_or_else(|| "/".into()),
        created: now(),
        trust_policy: trust,
        description,
        max_session_duration: max_session.unwrap_or(3600),
        inline_policies: Default::default(),
        attached: Vec::new(),
        tags,
    };
    let xml = role_xml(&role, true);
    iam.roles.insert(name, role);
    Ok(xml)
}

/// GetRole.
pub fn get(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    input.finish()?;
    let name = name.unwrap_or_default();
    Ok(role_xml(role_mut(iam, &name)?, true))
}

/// ListRoles: by name, `MaxItems` (1–1000, default 100) a page, opaque `Marker`.
pub fn list(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let prefix = input
        .string("PathPrefix", &PATH, false)
        .unwrap_or_else(|| "/".into());
    let marker = input.string("Marker", &MARKER, false);
    let max = input.integer("MaxItems", 1, 1000).unwrap_or(100);
    input.finish()?;
    let max = usize::try_from(max).unwrap_or(100);
    let mut roles = iam
        .roles
        .values()
        .filter(|r| r.path.starts_with(&prefix))
        .filter(|r| marker.as_ref().is_none_or(|m| r.name.as_str() > m.as_str()));
    let page: Vec<&Role> = roles.by_ref().take(max).collect();
    let truncated = roles.next().is_some();
    let mut out = format!("<IsTruncated>{truncated}</IsTruncated><Roles>");
    for role in &page {
        out.push_str(
            &role_xml(role, false)
                .replacen("<Role>", "<member>", 1)
                .replace("</Role>", "</member>"),
        );
    }
    out.push_str("</Roles>");
    if truncated && let Some(last) = page.last() {
        out.push_str(&element("Marker", &last.name));
    }
    Ok(out)
}

/// DeleteRole: refused while policies are attached or inline.
pub fn delete(iam: &mut IamState, mut input: QueryInput) -> Result<(), ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    input.finish()?;
    let name = name.unwrap_or_default();
    let role = role_mut(iam, &name)?;
    if !role.inline_policies.is_empty() || !role.attached.is_empty() {
        return Err(ServiceError {
            status: 409,
            code: "DeleteConflict",
            message: "Cannot delete entity, must delete policies first.".into(),
        });
    }
    iam.roles.remove(&name);
    Ok(())
}

/// UpdateAssumeRolePolicy.
pub fn update_trust(iam: &mut IamState, mut input: QueryInput) -> Result<(), ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let document = input.string("PolicyDocument", &DOCUMENT, true);
    input.finish()?;
    let (name, document) = (name.unwrap_or_default(), document.unwrap_or_default());
    let role = role_mut(iam, &name)?;
    policy::check(&document, PolicyKind::Trust).map_err(malformed)?;
    role.trust_policy = document;
    Ok(())
}

/// PutRolePolicy: creates or replaces an inline policy.
pub fn put_policy(iam: &mut IamState, mut input: QueryInput) -> Result<(), ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let policy_name = input.string("PolicyName", &POLICY_NAME, true);
    let document = input.string("PolicyDocument", &DOCUMENT, true);
    input.finish()?;
    let role = role_mut(iam, &name.unwrap_or_default())?;
    let document = document.unwrap_or_default();
    policy::check(&document, PolicyKind::Permissions).map_err(malformed)?;
    role.inline_policies
        .insert(policy_name.unwrap_or_default(), document);
    Ok(())
}

fn no_such_policy(role: &str, policy: &str) -> ServiceError {
    ServiceError {
        status: 404,
        code: "NoSuchEntity",
        message: format!("The role policy with name {policy} cannot be found for role {role}."),
    }
}

/// GetRolePolicy.
pub fn get_policy(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let policy_name = input.string("PolicyName", &POLICY_NAME, true);
    input.finish()?;
    let (name, policy_name) = (name.unwrap_or_default(), policy_name.unwrap_or_default());
    let role = role_mut(iam, &name)?;
    let document = role
        .inline_policies
        .get(&policy_name)
        .ok_or_else(|| no_such_policy(&name, &policy_name))?;
    Ok(format!(
        "{}{}{}",
        element("RoleName", &name),
        element("PolicyName", &policy_name),
        element("PolicyDocument", &encoded(document))
    ))
}

/// ListRolePolicies.
pub fn list_policies(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    input.finish()?;
    let role = role_mut(iam, &name.unwrap_or_default())?;
    let members: String = role
        .inline_policies
        .keys()
        .map(|n| element("member", n))
        .collect();
    Ok(format!(
        "<PolicyNames>{members}</PolicyNames><IsTruncated>false</IsTruncated>"
    ))
}

/// DeleteRolePolicy.
pub fn delete_policy(iam: &mut IamState, mut input: QueryInput) -> Result<(), ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let policy_name = input.string("PolicyName", &POLICY_NAME, true);
    input.finish()?;
    let (name, policy_name) = (name.unwrap_or_default(), policy_name.unwrap_or_default());
    let role = role_mut(iam, &name)?;
    role.inline_policies
        .remove(&policy_name)
        .ok_or_else(|| no_such_policy(&name, &policy_name))?;
    Ok(())
}

/// AttachRolePolicy: AWS managed policies (`arn:aws:iam::aws:policy/…`) or the account's.
pub fn attach(iam: &mut IamState, mut input: QueryInput) -> Result<(), ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    let arn = input.string("PolicyArn", &POLICY_ARN, true);
    input.finish()?;
    let arn = arn.unwrap_or_default();
    let valid = arn
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(":policy/"))
        .is_some_and(|(owner, name)| (owner == "aws" || owner.len() == 12) && !name.is_empty());
    if !valid {
        return Err(ServiceError::client(
            "InvalidInput",
            format!("ARN {arn} is not valid."),
        ));
    }
    if super::managed::document(iam, &arn).is_none() {
        return Err(ServiceError {
            status: 404,
            code: "NoSuchEntity",
            message: format!("Policy {arn} does not exist or is not attachable."),
        });
    }
    let role = role_mut(iam, &name.unwrap_or_default())?;
    if !role.attached.contains(&arn) {
        role.attached.push(arn);
    }
    Ok(())
}

/// ListAttachedRolePolicies.
pub fn list_attached(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("RoleName", &ROLE_NAME, true);
    input.finish()?;
    let role = role_mut(iam, &name.unwrap_or_default())?;
    let members: String = role
        .attached
        .iter()
        .map(|arn| {
            let policy = arn.rsplit('/').next().unwrap_or(arn);
            format!(
                "<member>{}{}</member>",
                element("PolicyName", policy),
                element("PolicyArn", arn)
            )
        })
        .collect();
    Ok(format!(
        "<AttachedPolicies>{members}</AttachedPolicies><IsTruncated>false</IsTruncated>"
    ))
}
