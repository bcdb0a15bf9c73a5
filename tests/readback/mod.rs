//! Everything a sandbox lets one read back through the official SDKs, as comparable text: for
//! checking that a restart (or any other change of storage) keeps every record as it was.
#![allow(dead_code)]

use super::common;
use cognito_tui::sandbox::RunningSandbox;

/// A debug print without the request ids (which differ on every call), with the entries of
/// every `{…}` sorted: the SDK's maps are HashMaps, whose order differs from one map to the next.
pub fn shown(value: &impl std::fmt::Debug) -> String {
    let text = format!("{value:?}");
    let text = regex::Regex::new(r#"_request_id: Some\("[^"]*"\)"#)
        .map(|re| re.replace_all(&text, "").into_owned())
        .unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    canonical(&chars, &mut at, None)
}

/// Copies `chars` from `at` up to `close` (or the end), sorting the entries of each `{…}`;
/// string literals are copied as they are.
fn canonical(chars: &[char], at: &mut usize, close: Option<char>) -> String {
    let mut out = String::new();
    while *at < chars.len() {
        let c = chars[*at];
        *at += 1;
        match c {
            '"' => {
                out.push(c);
                while *at < chars.len() {
                    let d = chars[*at];
                    *at += 1;
                    out.push(d);
                    if d == '\\' && *at < chars.len() {
                        out.push(chars[*at]);
                        *at += 1;
                    } else if d == '"' {
                        break;
                    }
                }
            }
            '{' => {
                let inner = canonical(chars, at, Some('}'));
                let mut entries = split_top(&inner);
                entries.sort();
                out.push('{');
                out.push_str(&entries.join(", "));
                out.push('}');
            }
            '(' => {
                out.push(c);
                out.push_str(&canonical(chars, at, Some(')')));
                out.push(')');
            }
            '[' => {
                out.push(c);
                out.push_str(&canonical(chars, at, Some(']')));
                out.push(']');
            }
            c if Some(c) == close => return out,
            c => out.push(c),
        }
    }
    out
}

/// `a, b(c, d), "e, f"` → the three top-level entries.
fn split_top(text: &str) -> Vec<String> {
    let (mut entries, mut entry, mut depth, mut quoted, mut escaped) =
        (Vec::new(), String::new(), 0i32, false, false);
    for c in text.chars() {
        if quoted {
            quoted = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
        } else {
            match c {
                '"' => quoted = true,
                '{' | '(' | '[' => depth += 1,
                '}' | ')' | ']' => depth -= 1,
                ',' if depth == 0 => {
                    entries.push(entry.trim().to_string());
                    entry.clear();
                    continue;
                }
                _ => {}
            }
        }
        entry.push(c);
    }
    if !entry.trim().is_empty() {
        entries.push(entry.trim().to_string());
    }
    entries
}

#[test]
fn maps_print_the_same_whatever_their_order() {
    assert_eq!(shown(&"x"), "\"x\"".to_string());
    let a = split_top(r#"b: Some({"k": "v, w"}), a: [1, 2]"#);
    assert_eq!(a, [r#"b: Some({"k": "v, w"})"#, "a: [1, 2]"]);
    let chars: Vec<char> = r#"M { t: {"b": 1, "a": S { y: 2, x: "}" }} }"#.chars().collect();
    let mut at = 0;
    assert_eq!(
        canonical(&chars, &mut at, None),
        r#"M {t: {"a": S {x: "}", y: 2}, "b": 1}}"#
    );
}

/// Everything the service lets one read back, as text: identity pools (configuration, roles,
/// attribute maps, tags, identities) in both demo regions, IAM (roles, inline and attached
/// policies, managed policies, OIDC and SAML providers), user pools and their clients.
pub async fn everything(sb: &RunningSandbox) -> Vec<String> {
    let mut out = Vec::new();
    for region in ["us-east-1", "eu-west-1"] {
        let identity = common::identity_client(sb, region).await;
        let pools = identity
            .list_identity_pools()
            .max_results(60)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        out.push(shown(&pools));
        for pool in pools.identity_pools() {
            let id = pool.identity_pool_id().unwrap_or_default();
            let described = identity
                .describe_identity_pool()
                .identity_pool_id(id)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e:?}"));
            out.push(shown(&described));
            for provider in described.cognito_identity_providers() {
                let map = identity
                    .get_principal_tag_attribute_map()
                    .identity_pool_id(id)
                    .identity_provider_name(provider.provider_name().unwrap_or_default())
                    .send()
                    .await;
                out.push(shown(&map.map_err(|e| common::code(&e))));
            }
            let roles = identity
                .get_identity_pool_roles()
                .identity_pool_id(id)
                .send()
                .await;
            out.push(shown(&roles.map_err(|e| common::code(&e))));
            let arn = format!("arn:aws:cognito-identity:{region}:123456789012:identitypool/{id}");
            let tags = identity
                .list_tags_for_resource()
                .resource_arn(arn)
                .send()
                .await;
            out.push(shown(&tags.map_err(|e| common::code(&e))));
            let mut token = None;
            loop {
                let page = identity
                    .list_identities()
                    .identity_pool_id(id)
                    .max_results(60)
                    .set_next_token(token)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e:?}"));
                out.push(shown(&page.identities()));
                token = page.next_token().map(String::from);
                if token.is_none() {
                    break;
                }
            }
        }
    }
    let iam = common::iam_client(sb).await;
    let roles = iam
        .list_roles()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.push(shown(&roles.roles()));
    for role in roles.roles() {
        let name = role.role_name();
        let inline = iam
            .list_role_policies()
            .role_name(name)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        for policy in inline.policy_names() {
            let got = iam
                .get_role_policy()
                .role_name(name)
                .policy_name(policy)
                .send()
                .await;
            out.push(shown(&got.map(|p| p.policy_document().to_string())));
        }
        let attached = iam
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await;
        out.push(shown(
            &attached
                .as_ref()
                .map(|a| a.attached_policies().to_vec())
                .map_err(|e| e.to_string()),
        ));
        // Each attached managed policy, with its document.
        for policy in attached.iter().flat_map(|a| a.attached_policies()) {
            let arn = policy.policy_arn().unwrap_or_default();
            let got = iam.get_policy().policy_arn(arn).send().await;
            out.push(shown(
                &got.as_ref()
                    .map(|p| p.policy().cloned())
                    .map_err(|e| e.to_string()),
            ));
            let version = got
                .ok()
                .and_then(|p| {
                    p.policy()
                        .and_then(|p| p.default_version_id())
                        .map(String::from)
                })
                .unwrap_or_default();
            let document = iam
                .get_policy_version()
                .policy_arn(arn)
                .version_id(version)
                .send()
                .await;
            out.push(shown(
                &document
                    .map(|d| d.policy_version().cloned())
                    .map_err(|e| e.to_string()),
            ));
        }
    }
    out.push(shown(
        &iam.list_open_id_connect_providers()
            .send()
            .await
            .map(|p| p.open_id_connect_provider_list().to_vec()),
    ));
    out.push(shown(
        &iam.list_saml_providers()
            .send()
            .await
            .map(|p| p.saml_provider_list().to_vec()),
    ));
    let idp = common::idp_client(sb, "us-east-1").await;
    let user_pools = idp
        .list_user_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    for pool in user_pools.user_pools() {
        let id = pool.id().unwrap_or_default();
        out.push(shown(
            &idp.describe_user_pool()
                .user_pool_id(id)
                .send()
                .await
                .map(|p| p.user_pool().cloned()),
        ));
        let clients = idp
            .list_user_pool_clients()
            .user_pool_id(id)
            .max_results(60)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        for client in clients.user_pool_clients() {
            let described = idp
                .describe_user_pool_client()
                .user_pool_id(id)
                .client_id(client.client_id().unwrap_or_default())
                .send()
                .await;
            out.push(shown(&described.map(|c| c.user_pool_client().cloned())));
        }
    }
    out
}
