//! IAM calls of the Role settings tab: one role with its trust policy, its inline and attached
//! policies and their documents, and the trust policy's update.

use aws_sdk_iam::Client;

use super::error::from_sdk;
use super::iam::decode;
use crate::app::AwsError;
use crate::domain::roles::IamRole;

/// GetRole: the role with its trust policy (decoded).
pub async fn get_role(client: &Client, name: &str) -> Result<IamRole, AwsError> {
    let out = client
        .get_role()
        .role_name(name)
        .send()
        .await
        .map_err(from_sdk)?;
    let role = out
        .role()
        .ok_or_else(|| AwsError::new(crate::app::ErrorKind::Other, "GetRole returned no role"))?;
    Ok(IamRole {
        name: role.role_name().to_string(),
        arn: role.arn().to_string(),
        trust_policy: decode(role.assume_role_policy_document().unwrap_or_default()),
    })
}

/// UpdateAssumeRolePolicy (replaces the trust policy).
pub async fn update_trust(client: &Client, name: &str, document: &str) -> Result<(), AwsError> {
    client
        .update_assume_role_policy()
        .role_name(name)
        .policy_document(document)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// Every page of ListRolePolicies: the inline policies' names.
pub async fn inline_policies(client: &Client, name: &str) -> Result<Vec<String>, AwsError> {
    let mut names = Vec::new();
    let mut marker = None;
    loop {
        let out = client
            .list_role_policies()
            .role_name(name)
            .set_marker(marker)
            .send()
            .await
            .map_err(from_sdk)?;
        names.extend(out.policy_names().iter().cloned());
        marker = out
            .marker()
            .map(String::from)
            .filter(|_| out.is_truncated());
        if marker.is_none() {
            return Ok(names);
        }
    }
}

/// GetRolePolicy: one inline policy's document (decoded).
pub async fn inline_policy(client: &Client, role: &str, policy: &str) -> Result<String, AwsError> {
    let out = client
        .get_role_policy()
        .role_name(role)
        .policy_name(policy)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(decode(out.policy_document()))
}

/// Every page of ListAttachedRolePolicies: (name, ARN) of each managed policy attached.
pub async fn attached_policies(
    client: &Client,
    name: &str,
) -> Result<Vec<(String, String)>, AwsError> {
    let mut policies = Vec::new();
    let mut marker = None;
    loop {
        let out = client
            .list_attached_role_policies()
            .role_name(name)
            .set_marker(marker)
            .send()
            .await
            .map_err(from_sdk)?;
        policies.extend(out.attached_policies().iter().map(|p| {
            (
                p.policy_name().unwrap_or_default().to_string(),
                p.policy_arn().unwrap_or_default().to_string(),
            )
        }));
        marker = out
            .marker()
            .map(String::from)
            .filter(|_| out.is_truncated());
        if marker.is_none() {
            return Ok(policies);
        }
    }
}

/// GetPolicy then GetPolicyVersion of its default version: a managed policy's document.
pub async fn managed_policy(client: &Client, arn: &str) -> Result<String, AwsError> {
    let policy = client
        .get_policy()
        .policy_arn(arn)
        .send()
        .await
        .map_err(from_sdk)?;
    let version = policy
        .policy()
        .and_then(|p| p.default_version_id())
        .unwrap_or("v1")
        .to_string();
    let out = client
        .get_policy_version()
        .policy_arn(arn)
        .version_id(version)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(decode(
        out.policy_version()
            .and_then(|v| v.document())
            .unwrap_or_default(),
    ))
}
