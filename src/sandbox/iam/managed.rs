//! Managed policies: a few AWS managed ones every account has (their documents as the sandbox's
//! own short versions), and the account's own from CreatePolicy; GetPolicy and GetPolicyVersion
//! read them, AttachRolePolicy refuses an ARN that names none.

use serde::{Deserialize, Serialize};

use super::{IamState, iso8601, now};
use crate::domain::policy::{self, PolicyKind};
use crate::domain::validation::StrRule;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::query::{QueryInput, element};

/// The AWS managed policies the sandbox knows, by name, with their documents.
const AWS_MANAGED: &[(&str, &str)] = &[
    (
        "AdministratorAccess",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    ),
    (
        "AmazonS3ReadOnlyAccess",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*"],"Resource":"*"}]}"#,
    ),
    (
        "AmazonCognitoReadOnly",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cognito-identity:Describe*","cognito-identity:Get*","cognito-identity:List*","cognito-idp:Describe*","cognito-idp:Get*","cognito-idp:List*","iam:ListOpenIDConnectProviders","iam:ListRoles"],"Resource":"*"}]}"#,
    ),
    (
        "AmazonCognitoPowerUser",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cognito-identity:*","cognito-idp:*","iam:ListRoles","iam:ListOpenIDConnectProviders"],"Resource":"*"}]}"#,
    ),
];

/// A customer managed policy (one version: the sandbox has no CreatePolicyVersion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedPolicy {
    /// Its name.
    pub name: String,
    /// `ANPA…`.
    pub id: String,
    /// The document as sent.
    pub document: String,
    /// Epoch seconds.
    pub created: i64,
}

const POLICY_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w+=,.@-]+"),
    allowed: "1–128 of letters, digits and + = , . @ _ -",
};
const POLICY_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "a policy ARN",
};
const VERSION: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?"),
    allowed: "a version id such as v1",
};
const DOCUMENT: StrRule = StrRule {
    min: 1,
    max: 6144,
    pattern: Some(r"[\u0009\u000A\u000D\u0020-\u00FF]+"),
    allowed: "a JSON policy document of at most 6,144 characters",
};

/// The document of the policy `arn` names, if it exists.
pub fn document<'a>(iam: &'a IamState, arn: &str) -> Option<&'a str> {
    if let Some(name) = arn.strip_prefix("arn:aws:iam::aws:policy/") {
        return AWS_MANAGED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| *d);
    }
    iam.policies.get(arn).map(|p| p.document.as_str())
}

fn not_found(arn: &str) -> ServiceError {
    ServiceError {
        status: 404,
        code: "NoSuchEntity",
        message: format!("Policy {arn} was not found."),
    }
}

fn encoded(document: &str) -> String {
    super::roles::encoded(document)
}

/// CreatePolicy (customer managed, path `/`).
pub fn create(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("PolicyName", &POLICY_NAME, true);
    let document = input.string("PolicyDocument", &DOCUMENT, true);
    let _description = input.string("Description", &super::roles::DESCRIPTION, false);
    input.finish()?;
    let (name, document) = (name.unwrap_or_default(), document.unwrap_or_default());
    let arn = format!(
        "arn:aws:iam::{}:policy/{name}",
        crate::sandbox::store::SANDBOX_ACCOUNT
    );
    if iam.policies.contains_key(&arn) {
        return Err(ServiceError {
            status: 409,
            code: "EntityAlreadyExists",
            message: format!(
                "A policy called {name} already exists. Duplicate names are not allowed."
            ),
        });
    }
    policy::check(&document, PolicyKind::Permissions)
        .map_err(|m| ServiceError::client("MalformedPolicyDocument", m))?;
    let policy = ManagedPolicy {
        name,
        id: format!("ANPA{}", &super::roles::role_id()[4..]),
        document,
        created: now(),
    };
    let xml = policy_xml(
        &arn,
        &policy.name,
        &policy.id,
        policy.created,
        iam.attachments(&arn),
    );
    iam.policies.insert(arn, policy);
    Ok(xml)
}

fn policy_xml(arn: &str, name: &str, id: &str, created: i64, attachments: usize) -> String {
    format!(
        "<Policy>{}{}{}{}{}{}{}{}{}</Policy>",
        element("PolicyName", name),
        element("DefaultVersionId", "v1"),
        element("PolicyId", id),
        element("Path", "/"),
        element("Arn", arn),
        element("AttachmentCount", &attachments.to_string()),
        element("IsAttachable", "true"),
        element("CreateDate", &iso8601(created)),
        element("UpdateDate", &iso8601(created)),
    )
}

/// When the AWS managed policies the sandbox knows were made (a fixed date, as the service's are).
const AWS_MANAGED_CREATED: i64 = 1_423_000_000;

/// GetPolicy.
pub fn get(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let arn = input.string("PolicyArn", &POLICY_ARN, true);
    input.finish()?;
    let arn = arn.unwrap_or_default();
    document(iam, &arn).ok_or_else(|| not_found(&arn))?;
    let name = arn.rsplit('/').next().unwrap_or_default().to_string();
    let (id, created) = match iam.policies.get(&arn) {
        Some(p) => (p.id.clone(), p.created),
        // AWS managed: a stable id from the name.
        None => (
            format!(
                "ANPA{:0>17}",
                name.bytes().map(u64::from).sum::<u64>() * 104_729
            ),
            AWS_MANAGED_CREATED,
        ),
    };
    Ok(policy_xml(&arn, &name, &id, created, iam.attachments(&arn)))
}

/// GetPolicyVersion (every policy here has just v1).
pub fn get_version(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let arn = input.string("PolicyArn", &POLICY_ARN, true);
    let version = input.string("VersionId", &VERSION, true);
    input.finish()?;
    let (arn, version) = (arn.unwrap_or_default(), version.unwrap_or_default());
    let document = document(iam, &arn).ok_or_else(|| not_found(&arn))?;
    if version != "v1" {
        return Err(ServiceError {
            status: 404,
            code: "NoSuchEntity",
            message: format!("Policy {arn} version {version} does not exist or is not attachable."),
        });
    }
    Ok(format!(
        "<PolicyVersion>{}{}{}{}</PolicyVersion>",
        element("Document", &encoded(document)),
        element("VersionId", "v1"),
        element("IsDefaultVersion", "true"),
        // Version 1 is as old as the policy: the same date on every read.
        element(
            "CreateDate",
            &iso8601(
                iam.policies
                    .get(&arn)
                    .map_or(AWS_MANAGED_CREATED, |p| p.created)
            )
        ),
    ))
}
