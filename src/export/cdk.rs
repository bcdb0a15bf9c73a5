//! The pool as a CDK stack (TypeScript): the `IdentityPool` construct with its authentication
//! providers (user pools, social logins, OIDC, SAML, a developer provider), default roles, role
//! mappings (token or rules, in order; ambiguous resolution) and `allowClassicFlow`; tags with
//! `Tags.of`; attribute maps as `CfnIdentityPoolPrincipalTag`. A comment shows
//! `IdentityPool.fromIdentityPoolId` for adopting the existing pool instead. Roles are referenced
//! by ARN (`Role.fromRoleArn`).

use std::collections::BTreeMap;

use super::cloudformation::short;
use super::names::{Names, pascal};
use super::{PoolExport, TWITTER, referenced_roles, twitter};
use crate::domain::roles::role_name;

/// A TypeScript string literal.
fn ts(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn camel(text: &str) -> String {
    let p = pascal(text);
    let mut chars = p.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => p,
    }
}

/// `RoleMappingMatchType`'s member for the service's match type.
fn match_type(service: &str) -> &'static str {
    match service {
        "Contains" => "CONTAINS",
        "StartsWith" => "STARTS_WITH",
        "NotEqual" => "NOTEQUAL",
        _ => "EQUALS",
    }
}

/// The stack.
pub fn render(export: &PoolExport) -> String {
    let config = &export.config;
    let pool = &config.pool;
    let mut names = Names::default();
    let stack = format!("{}IdentityPoolStack", pascal(&pool.identity_pool_name));
    let mut body = String::new();
    body.push_str(&format!(
        "    // To adopt the existing pool instead of making one:\n    //   const existing = IdentityPool.fromIdentityPoolId(this, 'Existing', {});\n\n",
        ts(&pool.identity_pool_id)
    ));

    let mut role_vars: BTreeMap<String, String> = BTreeMap::new();
    for arn in referenced_roles(config) {
        let var = names.unique(&camel(&format!("{}Role", role_name(&arn))), "");
        body.push_str(&format!(
            "    const {var} = iam.Role.fromRoleArn(this, {}, {});\n",
            ts(&pascal(&var)),
            ts(&arn)
        ));
        role_vars.insert(arn, var);
    }
    // User pools and their clients, by provider key (`<provider name>:<client id>`).
    let mut user_pools: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (i, provider) in pool.cognito_identity_providers.iter().enumerate() {
        let n = i + 1;
        let user_pool = names.unique(&format!("userPool{n}"), "");
        let client = names.unique(&format!("userPool{n}Client"), "");
        body.push_str(&format!(
            "    const {user_pool} = cognito.UserPool.fromUserPoolId(this, {}, {});\n    const {client} = cognito.UserPoolClient.fromUserPoolClientId(this, {}, {});\n",
            ts(&pascal(&user_pool)),
            ts(short(&provider.provider_name)),
            ts(&pascal(&client)),
            ts(&provider.client_id)
        ));
        user_pools.insert(
            format!("{}:{}", provider.provider_name, provider.client_id),
            (user_pool, client),
        );
    }
    let mut oidc = Vec::new();
    for (i, arn) in pool.open_id_connect_provider_arns.iter().enumerate() {
        let var = format!("oidc{}", i + 1);
        body.push_str(&format!(
            "    const {var} = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(this, {}, {});\n",
            ts(&pascal(&var)),
            ts(arn)
        ));
        oidc.push(var);
    }
    let mut saml = Vec::new();
    for (i, arn) in pool.saml_provider_arns.iter().enumerate() {
        let var = format!("saml{}", i + 1);
        body.push_str(&format!(
            "    const {var} = iam.SamlProvider.fromSamlProviderArn(this, {}, {});\n",
            ts(&pascal(&var)),
            ts(arn)
        ));
        saml.push(var);
    }
    body.push('\n');

    let mut providers = Vec::new();
    for (domain, id) in &pool.supported_login_providers {
        providers.push(match domain.as_str() {
            "accounts.google.com" => format!("google: {{ clientId: {} }}", ts(id)),
            "graph.facebook.com" => format!("facebook: {{ appId: {} }}", ts(id)),
            "www.amazon.com" => format!("amazon: {{ appId: {} }}", ts(id)),
            "appleid.apple.com" => format!("apple: {{ servicesId: {} }}", ts(id)),
            TWITTER => format!(
                "twitter: {{ consumerKey: {}, consumerSecret: process.env.TWITTER_CONSUMER_SECRET ?? '' }}",
                ts(twitter(export).unwrap_or_default())
            ),
            other => format!("// {other}: {id} (no property of the construct takes it)"),
        });
    }
    if !oidc.is_empty() {
        providers.push(format!("openIdConnectProviders: [{}]", oidc.join(", ")));
    }
    if !saml.is_empty() {
        providers.push(format!("samlProviders: [{}]", saml.join(", ")));
    }
    if let Some(developer) = &pool.developer_provider_name {
        providers.push(format!("customProvider: {}", ts(developer)));
    }
    if !pool.cognito_identity_providers.is_empty() {
        let entries: Vec<String> = pool
            .cognito_identity_providers
            .iter()
            .filter_map(|p| {
                let (user_pool, client) =
                    user_pools.get(&format!("{}:{}", p.provider_name, p.client_id))?;
                Some(format!(
                    "new UserPoolAuthenticationProvider({{ userPool: {user_pool}, userPoolClient: {client}, disableServerSideTokenCheck: {} }})",
                    !p.server_side_token_check
                ))
            })
            .collect();
        providers.push(format!(
            "userPools: [\n          {},\n        ]",
            entries.join(",\n          ")
        ));
    }

    let mut props = vec![
        format!("identityPoolName: {}", ts(&pool.identity_pool_name)),
        format!(
            "allowUnauthenticatedIdentities: {}",
            pool.allow_unauthenticated_identities
        ),
    ];
    if let Some(classic) = pool.allow_classic_flow {
        props.push(format!("allowClassicFlow: {classic}"));
    }
    for (kind, prop) in [
        ("authenticated", "authenticatedRole"),
        ("unauthenticated", "unauthenticatedRole"),
    ] {
        if let Some(var) = config.roles.roles.get(kind).and_then(|a| role_vars.get(a)) {
            props.push(format!("{prop}: {var}"));
        }
    }
    if !providers.is_empty() {
        props.push(format!(
            "authenticationProviders: {{\n        {},\n      }}",
            providers.join(",\n        ")
        ));
    }
    if !config.roles.role_mappings.is_empty() {
        let mappings: Vec<String> = config
            .roles
            .role_mappings
            .iter()
            .enumerate()
            .map(|(i, (key, mapping))| {
                let url = match user_pools.get(key) {
                    Some((user_pool, client)) => {
                        format!("IdentityPoolProviderUrl.userPool({user_pool}, {client})")
                    }
                    None => format!("IdentityPoolProviderUrl.custom({})", ts(key)),
                };
                let mut fields = vec![format!("mappingKey: {}", ts(&format!("mapping{}", i + 1))), format!("providerUrl: {url}")];
                if mapping.mapping_type == "Token" {
                    fields.push("useToken: true".into());
                }
                if let Some(rules) = &mapping.rules_configuration {
                    let rules: Vec<String> = rules
                        .rules
                        .iter()
                        .map(|r| {
                            let role = role_vars
                                .get(&r.role_arn)
                                .cloned()
                                .unwrap_or_else(|| format!("iam.Role.fromRoleArn(this, 'Rule', {})", ts(&r.role_arn)));
                            format!(
                                "{{ claim: {}, claimValue: {}, matchType: RoleMappingMatchType.{}, mappedRole: {role} }}",
                                ts(&r.claim),
                                ts(&r.value),
                                match_type(&r.match_type)
                            )
                        })
                        .collect();
                    fields.push(format!(
                        "rules: [\n            {},\n          ]",
                        rules.join(",\n            ")
                    ));
                }
                fields.push(format!(
                    "resolveAmbiguousRoles: {}",
                    mapping.ambiguous_role_resolution.as_deref() == Some("AuthenticatedRole")
                ));
                format!("{{\n          {},\n        }}", fields.join(",\n          "))
            })
            .collect();
        props.push(format!(
            "roleMappings: [\n        {},\n      ]",
            mappings.join(",\n        ")
        ));
    }
    body.push_str(&format!(
        "    const pool = new IdentityPool(this, 'IdentityPool', {{\n      {},\n    }});\n",
        props.join(",\n      ")
    ));
    for (k, v) in &pool.identity_pool_tags {
        body.push_str(&format!("    Tags.of(pool).add({}, {});\n", ts(k), ts(v)));
    }
    for (provider, tags) in &config.principal_tags {
        if !tags.use_defaults && tags.principal_tags.is_empty() {
            continue;
        }
        let id = names.unique(&format!("PrincipalTags{}", pascal(short(provider))), "");
        let mapped: Vec<String> = tags
            .principal_tags
            .iter()
            .map(|(k, v)| format!("{}: {}", ts(k), ts(v)))
            .collect();
        body.push_str(&format!(
            "    new cognito.CfnIdentityPoolPrincipalTag(this, {}, {{\n      identityPoolId: pool.identityPoolId,\n      identityProviderName: {},\n      useDefaults: {},\n      principalTags: {},\n    }});\n",
            ts(&id),
            ts(provider),
            tags.use_defaults,
            if mapped.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", mapped.join(", "))
            }
        ));
    }

    format!(
        "// Identity pool {} ({}), exported by cognito-tui.\nimport {{ App, Stack, StackProps, Tags }} from 'aws-cdk-lib';\nimport * as cognito from 'aws-cdk-lib/aws-cognito';\nimport * as iam from 'aws-cdk-lib/aws-iam';\n// Older CDK versions have these in '@aws-cdk/aws-cognito-identitypool-alpha'.\nimport {{\n  IdentityPool,\n  IdentityPoolProviderUrl,\n  RoleMappingMatchType,\n  UserPoolAuthenticationProvider,\n}} from 'aws-cdk-lib/aws-cognito-identitypool';\nimport {{ Construct }} from 'constructs';\n\nexport class {stack} extends Stack {{\n  constructor(scope: Construct, id: string, props?: StackProps) {{\n    super(scope, id, props);\n{body}  }}\n}}\n\nconst app = new App();\nnew {stack}(app, {});\n",
        pool.identity_pool_name,
        pool.identity_pool_id,
        ts(&stack)
    )
}
