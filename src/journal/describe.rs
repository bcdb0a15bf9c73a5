//! What a write effect is, in a journal's words, and how it came out. Pure: the runner calls these
//! with the effect it ran and the answer it got.

use std::collections::BTreeMap;

use crate::app::{AwsError, Effect, Response};

/// The operation, what it changes and a one-line summary of a write effect; `None` for a read.
/// Secrets never appear: a Twitter consumer secret is named, never shown.
pub fn describe(effect: &Effect) -> Option<(&'static str, String, String)> {
    let role = |name: &str| format!("role/{name}");
    Some(match effect {
        Effect::CreateIdentityPool { pool, .. } => (
            "CreateIdentityPool",
            String::new(),
            format!(
                "create \"{}\": {}",
                pool.identity_pool_name,
                pool_shape(pool)
            ),
        ),
        Effect::UpdateIdentityPool { pool, .. } => (
            "UpdateIdentityPool",
            pool.identity_pool_id.clone(),
            format!("set \"{}\": {}", pool.identity_pool_name, pool_shape(pool)),
        ),
        Effect::DeleteIdentityPool { pool_id, name, .. } => (
            "DeleteIdentityPool",
            pool_id.clone(),
            format!("delete \"{name}\""),
        ),
        Effect::DeleteIdentities { pool_id, ids, .. } => (
            "DeleteIdentities",
            pool_id.clone(),
            format!(
                "delete {} identit{}: {}",
                ids.len(),
                plural(ids.len()),
                first_ids(ids)
            ),
        ),
        Effect::SetIdentityPoolRoles {
            pool_id,
            roles,
            role_mappings,
            ..
        } => (
            "SetIdentityPoolRoles",
            pool_id.clone(),
            roles_shape(roles, role_mappings),
        ),
        Effect::SetPrincipalTagAttributeMap {
            pool_id,
            provider,
            tags,
            ..
        } => (
            "SetPrincipalTagAttributeMap",
            pool_id.clone(),
            if tags.use_defaults {
                format!("{provider}: default mappings")
            } else if tags.principal_tags.is_empty() {
                format!("{provider}: inactive")
            } else {
                let pairs: Vec<String> = tags
                    .principal_tags
                    .iter()
                    .map(|(tag, claim)| format!("{tag} ← {claim}"))
                    .collect();
                format!("{provider}: {}", pairs.join(", "))
            },
        ),
        Effect::TagResource { pool_id, tags, .. } => {
            let pairs: Vec<String> = tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            (
                "TagResource",
                pool_id.clone(),
                format!("tag {}", pairs.join(", ")),
            )
        }
        Effect::UntagResource { pool_id, keys, .. } => (
            "UntagResource",
            pool_id.clone(),
            format!("untag {}", keys.join(", ")),
        ),
        Effect::CreateUserPool { settings, .. } => (
            "CreateUserPool",
            String::new(),
            format!(
                "create user pool \"{}\": self sign-up {} · verification by {} · SMS role {}",
                settings.name,
                if settings.self_sign_up { "on" } else { "off" },
                match settings.verification.style {
                    crate::domain::user_pool_messages::EmailStyle::Code => "code",
                    crate::domain::user_pool_messages::EmailStyle::Link => "link",
                },
                settings
                    .sms
                    .as_ref()
                    .map_or("none", |s| s.role_arn.as_str())
            ),
        ),
        Effect::CreateUserPoolClient {
            user_pool_id,
            settings,
            ..
        } => (
            "CreateUserPoolClient",
            user_pool_id.clone(),
            format!(
                "create app client \"{}\": {}{}",
                settings.name,
                settings.flows().join(", "),
                if settings.secret {
                    " · with a secret"
                } else {
                    ""
                }
            ),
        ),
        Effect::DeleteUserPoolClient {
            user_pool_id,
            client_id,
            ..
        } => (
            "DeleteUserPoolClient",
            user_pool_id.clone(),
            format!("delete app client {client_id}"),
        ),
        Effect::DeleteUserPool { user_pool_id, .. } => (
            "DeleteUserPool",
            user_pool_id.clone(),
            "delete the user pool".into(),
        ),
        Effect::CreateRole { name, .. } => (
            "CreateRole",
            role(name),
            "create the role with its trust policy".into(),
        ),
        Effect::PutRolePolicy {
            role_name,
            policy_name,
            ..
        } => (
            "PutRolePolicy",
            role(role_name),
            format!("put inline policy {policy_name}"),
        ),
        Effect::DeleteRolePolicy {
            role_name,
            policy_name,
            ..
        } => (
            "DeleteRolePolicy",
            role(role_name),
            format!("delete inline policy {policy_name}"),
        ),
        Effect::DeleteRole { role_name, .. } => {
            ("DeleteRole", role(role_name), "delete the role".into())
        }
        Effect::UpdateAssumeRolePolicy { role_name, .. } => (
            "UpdateAssumeRolePolicy",
            role(role_name),
            "replace the trust policy".into(),
        ),
        _ => return None,
    })
}

/// How a write came out: `Ok` with what to add to the summary (the new pool's id, identities
/// left undone), or the error.
pub fn outcome(response: &Response) -> Result<Option<String>, &AwsError> {
    match response {
        Response::CreateIdentityPool(r) => r.as_ref().map(|p| Some(p.identity_pool_id.clone())),
        Response::UpdateIdentityPool(r) => r.as_ref().map(|_| None),
        Response::CreateRole(r)
        | Response::CreateUserPool(r)
        | Response::CreateUserPoolClient(r) => r.as_ref().map(|made| Some(made.clone())),
        Response::DeleteIdentities(r) => r.as_ref().map(|unprocessed| {
            (!unprocessed.is_empty()).then(|| {
                let codes: Vec<&str> = unprocessed.iter().map(|(_, code)| code.as_str()).collect();
                format!("{} not deleted ({})", unprocessed.len(), codes.join(", "))
            })
        }),
        Response::DeleteIdentityPool(r)
        | Response::PutRolePolicy(r)
        | Response::SetIdentityPoolRoles(r)
        | Response::SetPrincipalTagAttributeMap(r)
        | Response::DeleteRolePolicy(r)
        | Response::DeleteRole(r)
        | Response::TagResource(r)
        | Response::UntagResource(r)
        | Response::UpdateAssumeRolePolicy(r)
        | Response::DeleteUserPoolClient(r)
        | Response::DeleteUserPool(r) => r.as_ref().map(|_| None),
        _ => Ok(None),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}

fn first_ids(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(3).map(String::as_str).collect();
    let more = ids.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn pool_shape(pool: &crate::domain::IdentityPool) -> String {
    let on = |b: bool| if b { "on" } else { "off" };
    let kinds: Vec<String> = pool
        .provider_kinds()
        .iter()
        .map(|k| k.to_string())
        .collect();
    let mut parts = vec![
        format!("guest {}", on(pool.allow_unauthenticated_identities)),
        format!("basic flow {}", on(pool.allow_classic_flow == Some(true))),
        format!(
            "providers: {}",
            if kinds.is_empty() {
                "none".to_string()
            } else {
                kinds.join(", ")
            }
        ),
    ];
    if !pool.identity_pool_tags.is_empty() {
        parts.push(format!("{} tags", pool.identity_pool_tags.len()));
    }
    parts.join(" · ")
}

fn roles_shape(
    roles: &BTreeMap<String, String>,
    mappings: &BTreeMap<String, crate::domain::roles::RoleMapping>,
) -> String {
    let name = |key: &str| {
        roles
            .get(key)
            .map(|arn| crate::domain::roles::role_name(arn).to_string())
            .unwrap_or_else(|| "none".into())
    };
    let mut text = format!(
        "authenticated → {} · guest → {}",
        name("authenticated"),
        name("unauthenticated")
    );
    for (key, mapping) in mappings {
        let rules = mapping
            .rules_configuration
            .as_ref()
            .map(|c| format!(" ({} rules)", c.rules.len()))
            .unwrap_or_default();
        text.push_str(&format!(" · {key}: {}{rules}", mapping.mapping_type));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorKind;
    use crate::domain::IdentityPool;

    #[test]
    fn writes_are_described_and_reads_are_not() {
        let pool = IdentityPool {
            identity_pool_id: "us-east-1:p".into(),
            identity_pool_name: "orders".into(),
            allow_unauthenticated_identities: true,
            supported_login_providers: [(
                "api.twitter.com".to_string(),
                "key;consumer-secret".to_string(),
            )]
            .into(),
            ..Default::default()
        };
        let (op, target, summary) = describe(&Effect::UpdateIdentityPool {
            req: 1,
            pool: pool.clone(),
        })
        .unwrap_or_default();
        assert_eq!((op, target.as_str()), ("UpdateIdentityPool", "us-east-1:p"));
        assert!(
            summary.contains("guest on") && summary.contains("Twitter"),
            "{summary}"
        );
        assert!(
            !summary.contains("consumer-secret"),
            "never a secret: {summary}"
        );
        assert_eq!(
            describe(&Effect::ListRoles {
                req: 1,
                marker: None
            }),
            None
        );
        let ids: Vec<String> = (0..5).map(|i| format!("us-east-1:{i}")).collect();
        let (_, target, summary) = describe(&Effect::DeleteIdentities {
            req: 2,
            pool_id: "us-east-1:p".into(),
            ids,
        })
        .unwrap_or_default();
        assert_eq!(target, "us-east-1:p");
        assert_eq!(
            summary,
            "delete 5 identities: us-east-1:0, us-east-1:1, us-east-1:2 and 2 more"
        );
    }

    #[test]
    fn outcomes_carry_what_a_summary_needs() {
        let created = IdentityPool {
            identity_pool_id: "us-east-1:new".into(),
            ..Default::default()
        };
        assert_eq!(
            outcome(&Response::CreateIdentityPool(Ok(created))),
            Ok(Some("us-east-1:new".into()))
        );
        let partly = Response::DeleteIdentities(Ok(vec![(
            "us-east-1:a".into(),
            "InternalServerError".into(),
        )]));
        assert_eq!(
            outcome(&partly),
            Ok(Some("1 not deleted (InternalServerError)".into()))
        );
        let error = AwsError::new(ErrorKind::Other, "boom");
        assert_eq!(
            outcome(&Response::TagResource(Err(error.clone()))),
            Err(&error)
        );
    }
}
