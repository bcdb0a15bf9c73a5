//! The pool as an aws-cli script: the `--cli-input-json` documents of create-identity-pool,
//! set-identity-pool-roles and set-principal-tag-attribute-map, applied in that order, with the
//! new pool's id put into the later ones. With `--include-roles` the roles are made first
//! (create-role with the trust pointing at the new pool, put-role-policy, attach-role-policy).
//! The JSON is in quoted here-documents: nothing in it is expanded by the shell.

use serde_json::{Map, Value, json};

use super::{PoolExport, TWITTER, referenced_roles, twitter};

const POOL_ID: &str = "__POOL_ID__";
const TWITTER_SECRET: &str = "__TWITTER_CONSUMER_SECRET__";

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// `name=$(cat <<'JSON' … JSON)`.
fn document(out: &mut String, name: &str, value: &Value) {
    out.push_str(&format!(
        "{name}=$(cat <<'JSON'\n{}\nJSON\n)\n",
        pretty(value)
    ));
}

/// The create-identity-pool input.
pub fn create_input(export: &PoolExport) -> Value {
    let pool = &export.config.pool;
    let mut doc = Map::new();
    doc.insert("IdentityPoolName".into(), json!(pool.identity_pool_name));
    doc.insert(
        "AllowUnauthenticatedIdentities".into(),
        json!(pool.allow_unauthenticated_identities),
    );
    if let Some(classic) = pool.allow_classic_flow {
        doc.insert("AllowClassicFlow".into(), json!(classic));
    }
    if !pool.supported_login_providers.is_empty() {
        let logins: Map<String, Value> = pool
            .supported_login_providers
            .iter()
            .map(|(domain, id)| {
                let value = if domain == TWITTER {
                    format!("{};{TWITTER_SECRET}", twitter(export).unwrap_or_default())
                } else {
                    id.clone()
                };
                (domain.clone(), json!(value))
            })
            .collect();
        doc.insert("SupportedLoginProviders".into(), Value::Object(logins));
    }
    if let Some(developer) = &pool.developer_provider_name {
        doc.insert("DeveloperProviderName".into(), json!(developer));
    }
    if !pool.open_id_connect_provider_arns.is_empty() {
        doc.insert(
            "OpenIdConnectProviderARNs".into(),
            json!(pool.open_id_connect_provider_arns),
        );
    }
    if !pool.cognito_identity_providers.is_empty() {
        let providers: Vec<Value> = pool
            .cognito_identity_providers
            .iter()
            .map(|p| {
                json!({
                    "ProviderName": p.provider_name,
                    "ClientId": p.client_id,
                    "ServerSideTokenCheck": p.server_side_token_check,
                })
            })
            .collect();
        doc.insert("CognitoIdentityProviders".into(), Value::Array(providers));
    }
    if !pool.saml_provider_arns.is_empty() {
        doc.insert("SamlProviderARNs".into(), json!(pool.saml_provider_arns));
    }
    if !pool.identity_pool_tags.is_empty() {
        doc.insert("IdentityPoolTags".into(), json!(pool.identity_pool_tags));
    }
    Value::Object(doc)
}

/// The script.
pub fn render(export: &PoolExport) -> String {
    let config = &export.config;
    let pool = &config.pool;
    let mut out = format!(
        "#!/usr/bin/env bash\n# Recreates identity pool {} ({}) with aws-cli, exported by cognito-tui:\n# create-identity-pool, then set-identity-pool-roles and set-principal-tag-attribute-map with the\n# new pool's id. Run it with the target account's credentials and region; it prints the new id.\nset -euo pipefail\n\n",
        pool.identity_pool_name, pool.identity_pool_id
    );
    if twitter(export).is_some() {
        out.push_str(": \"${TWITTER_CONSUMER_SECRET:?set TWITTER_CONSUMER_SECRET to the consumer secret of the Twitter app (not exported)}\"\n");
    }
    document(&mut out, "create", &create_input(export));
    if twitter(export).is_some() {
        out.push_str(&format!(
            "create=${{create//{TWITTER_SECRET}/$TWITTER_CONSUMER_SECRET}}\n"
        ));
    }
    out.push_str("POOL_ID=$(aws cognito-identity create-identity-pool --cli-input-json \"$create\" --query IdentityPoolId --output text)\necho \"created $POOL_ID\" >&2\n\n");

    // Roles made here get placeholders, replaced by the ARNs create-role answers.
    let mut roles_doc = json!({ "Roles": config.roles.roles });
    if !config.roles.role_mappings.is_empty() {
        roles_doc["RoleMappings"] =
            serde_json::to_value(&config.roles.role_mappings).unwrap_or_default();
    }
    let mut substitutions = Vec::new();
    if let Some(roles) = &export.roles {
        for (i, arn) in referenced_roles(config).iter().enumerate() {
            let Some(role) = roles.iter().find(|r| &r.arn == arn) else {
                continue;
            };
            let variable = format!("ROLE_{}", i + 1);
            let trust = role.trust_policy.replace(&pool.identity_pool_id, POOL_ID);
            document(
                &mut out,
                &format!("trust_{}", i + 1),
                &serde_json::from_str(&trust).unwrap_or(Value::String(trust.clone())),
            );
            out.push_str(&format!(
                "{variable}=$(aws iam create-role --role-name {} --assume-role-policy-document \"${{trust_{n}//{POOL_ID}/$POOL_ID}}\" --query Role.Arn --output text)\n",
                shell_word(&role.name),
                n = i + 1
            ));
            for (name, policy) in &role.inline {
                let value = serde_json::from_str(policy).unwrap_or(Value::String(policy.clone()));
                document(&mut out, "policy", &value);
                out.push_str(&format!(
                    "aws iam put-role-policy --role-name {} --policy-name {} --policy-document \"$policy\"\n",
                    shell_word(&role.name),
                    shell_word(name)
                ));
            }
            for attached in &role.attached {
                out.push_str(&format!(
                    "aws iam attach-role-policy --role-name {} --policy-arn {}\n",
                    shell_word(&role.name),
                    shell_word(attached)
                ));
            }
            out.push('\n');
            substitutions.push((arn.clone(), format!("__{variable}__"), variable));
        }
    }
    replace_strings(&mut roles_doc, &|s| {
        substitutions
            .iter()
            .find(|(arn, _, _)| arn == s)
            .map(|(_, placeholder, _)| placeholder.clone())
    });
    if !config.roles.roles.is_empty() || !config.roles.role_mappings.is_empty() {
        if let Value::Object(doc) = &mut roles_doc {
            doc.insert("IdentityPoolId".into(), json!(POOL_ID));
        }
        document(&mut out, "roles", &roles_doc);
        out.push_str(&format!("roles=${{roles//{POOL_ID}/$POOL_ID}}\n"));
        for (_, placeholder, variable) in &substitutions {
            out.push_str(&format!("roles=${{roles//{placeholder}/${variable}}}\n"));
        }
        out.push_str(
            "aws cognito-identity set-identity-pool-roles --cli-input-json \"$roles\"\n\n",
        );
    }
    for (provider, tags) in &config.principal_tags {
        if !tags.use_defaults && tags.principal_tags.is_empty() {
            continue;
        }
        let doc = json!({
            "IdentityPoolId": POOL_ID,
            "IdentityProviderName": provider,
            "UseDefaults": tags.use_defaults,
            "PrincipalTags": tags.principal_tags,
        });
        document(&mut out, "tags", &doc);
        out.push_str(&format!("tags=${{tags//{POOL_ID}/$POOL_ID}}\naws cognito-identity set-principal-tag-attribute-map --cli-input-json \"$tags\" > /dev/null\n\n"));
    }
    out.push_str("echo \"$POOL_ID\"\n");
    out
}

fn replace_strings(value: &mut Value, replace: &dyn Fn(&str) -> Option<String>) {
    match value {
        Value::String(s) => {
            if let Some(new) = replace(s) {
                *s = new;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_strings(v, replace)),
        Value::Object(entries) => entries
            .values_mut()
            .for_each(|v| replace_strings(v, replace)),
        _ => {}
    }
}

/// A word the shell takes as it is (single-quoted unless plainly safe).
fn shell_word(text: &str) -> String {
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+@,".contains(c));
    if safe {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
