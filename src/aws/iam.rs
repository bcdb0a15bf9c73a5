//! IAM calls of the create wizard: the account's roles and identity providers, and creating (or
//! undoing) the new roles.

use aws_sdk_iam::Client;
use percent_encoding::percent_decode_str;

use super::error::from_sdk;
use crate::app::AwsError;
use crate::app::response::Page;
use crate::domain::roles::IamRole;

/// IAM returns policy documents percent-encoded.
pub(super) fn decode(document: &str) -> String {
    percent_decode_str(document)
        .decode_utf8_lossy()
        .into_owned()
}

/// One page of ListRoles (IAM's largest page, 1,000).
pub async fn list_roles(
    client: &Client,
    marker: Option<String>,
) -> Result<Page<IamRole>, AwsError> {
    let out = client
        .list_roles()
        .max_items(1000)
        .set_marker(marker)
        .send()
        .await
        .map_err(from_sdk)?;
    let roles = out
        .roles()
        .iter()
        .map(|r| IamRole {
            name: r.role_name().to_string(),
            arn: r.arn().to_string(),
            trust_policy: decode(r.assume_role_policy_document().unwrap_or_default()),
        })
        .collect();
    let next = if out.is_truncated() {
        out.marker().map(String::from)
    } else {
        None
    };
    Ok((roles, next))
}

/// The ARNs of IAM's OpenID Connect providers.
pub async fn list_oidc_providers(client: &Client) -> Result<Vec<String>, AwsError> {
    let out = client
        .list_open_id_connect_providers()
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(out
        .open_id_connect_provider_list()
        .iter()
        .filter_map(|p| p.arn().map(String::from))
        .collect())
}

/// The ARNs of IAM's SAML providers.
pub async fn list_saml_providers(client: &Client) -> Result<Vec<String>, AwsError> {
    let out = client
        .list_saml_providers()
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(out
        .saml_provider_list()
        .iter()
        .filter_map(|p| p.arn().map(String::from))
        .collect())
}

/// CreateRole; the new role's ARN.
pub async fn create_role(
    client: &Client,
    name: &str,
    trust_policy: &str,
    description: &str,
) -> Result<String, AwsError> {
    let out = client
        .create_role()
        .role_name(name)
        .assume_role_policy_document(trust_policy)
        .description(description)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(out.role().map(|r| r.arn().to_string()).unwrap_or_default())
}

/// PutRolePolicy (an inline policy).
pub async fn put_role_policy(
    client: &Client,
    role: &str,
    policy_name: &str,
    document: &str,
) -> Result<(), AwsError> {
    client
        .put_role_policy()
        .role_name(role)
        .policy_name(policy_name)
        .policy_document(document)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// DeleteRolePolicy (an inline policy).
pub async fn delete_role_policy(
    client: &Client,
    role: &str,
    policy_name: &str,
) -> Result<(), AwsError> {
    client
        .delete_role_policy()
        .role_name(role)
        .policy_name(policy_name)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// DeleteRole.
pub async fn delete_role(client: &Client, role: &str) -> Result<(), AwsError> {
    client
        .delete_role()
        .role_name(role)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}
