//! The pool as a CloudFormation template: `AWS::Cognito::IdentityPool`, its
//! `IdentityPoolRoleAttachment` (default roles; mappings with rules in order) and one
//! `IdentityPoolPrincipalTag` per provider with an attribute map. Roles are parameters (their
//! current ARNs as defaults), or with `--include-roles` `AWS::IAM::Role`s whose trust names the
//! new pool (`!Ref IdentityPool`), so the template deploys into another account as it is.

use std::collections::BTreeMap;

use super::names::{Names, pascal};
use super::yaml::{Y, to_yaml};
use super::{PoolExport, TWITTER, referenced_roles, twitter};
use crate::domain::roles::role_name;

fn map(entries: Vec<(&str, Y)>) -> Y {
    Y::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn strings(items: &[String]) -> Y {
    Y::List(items.iter().map(|s| Y::s(s.clone())).collect())
}

/// The template.
pub fn render(export: &PoolExport) -> String {
    let config = &export.config;
    let pool = &config.pool;
    let mut names = Names::default();
    names.unique("IdentityPool", "");
    let mut parameters = Vec::new();
    let mut resources = Vec::new();

    // How each role is referred to: a parameter, or the role resource made here.
    let mut role_refs: BTreeMap<String, Y> = BTreeMap::new();
    for arn in referenced_roles(config) {
        let base = pascal(role_name(&arn));
        let included = export
            .roles
            .as_ref()
            .and_then(|roles| roles.iter().find(|r| r.arn == arn));
        match included {
            Some(role) => {
                let logical = names.unique(&format!("{base}Role"), "");
                resources.push((logical.clone(), iam_role(role, &pool.identity_pool_id)));
                role_refs.insert(arn.clone(), Y::Raw(format!("!GetAtt {logical}.Arn")));
            }
            None => {
                let logical = names.unique(&format!("{base}RoleArn"), "");
                parameters.push((
                    logical.clone(),
                    map(vec![
                        ("Type", Y::s("String")),
                        ("Default", Y::s(arn.clone())),
                        (
                            "Description",
                            Y::s(format!("The IAM role {}", role_name(&arn))),
                        ),
                    ]),
                ));
                role_refs.insert(arn.clone(), Y::Raw(format!("!Ref {logical}")));
            }
        }
    }
    let role = |arn: &str| role_refs.get(arn).cloned().unwrap_or_else(|| Y::s(arn));

    let mut properties = vec![
        ("IdentityPoolName", Y::s(pool.identity_pool_name.clone())),
        (
            "AllowUnauthenticatedIdentities",
            Y::Bool(pool.allow_unauthenticated_identities),
        ),
    ];
    if let Some(classic) = pool.allow_classic_flow {
        properties.push(("AllowClassicFlow", Y::Bool(classic)));
    }
    if let Some(developer) = &pool.developer_provider_name {
        properties.push(("DeveloperProviderName", Y::s(developer.clone())));
    }
    if !pool.supported_login_providers.is_empty() {
        let logins = pool
            .supported_login_providers
            .iter()
            .map(|(domain, id)| {
                let value = if domain == TWITTER {
                    let key = twitter(export).unwrap_or_default();
                    Y::Raw(format!(
                        "!Sub {}",
                        serde_json::to_string(&format!("{key};${{TwitterConsumerSecret}}"))
                            .unwrap_or_default()
                    ))
                } else {
                    Y::s(id.clone())
                };
                (domain.clone(), value)
            })
            .collect();
        properties.push(("SupportedLoginProviders", Y::Map(logins)));
    }
    if twitter(export).is_some() {
        parameters.push((
            "TwitterConsumerSecret".to_string(),
            map(vec![
                ("Type", Y::s("String")),
                ("NoEcho", Y::Bool(true)),
                (
                    "Description",
                    Y::s("The Twitter app's consumer secret (not exported)"),
                ),
            ]),
        ));
    }
    if !pool.cognito_identity_providers.is_empty() {
        properties.push((
            "CognitoIdentityProviders",
            Y::List(
                pool.cognito_identity_providers
                    .iter()
                    .map(|p| {
                        map(vec![
                            ("ProviderName", Y::s(p.provider_name.clone())),
                            ("ClientId", Y::s(p.client_id.clone())),
                            ("ServerSideTokenCheck", Y::Bool(p.server_side_token_check)),
                        ])
                    })
                    .collect(),
            ),
        ));
    }
    if !pool.open_id_connect_provider_arns.is_empty() {
        properties.push((
            "OpenIdConnectProviderARNs",
            strings(&pool.open_id_connect_provider_arns),
        ));
    }
    if !pool.saml_provider_arns.is_empty() {
        properties.push(("SamlProviderARNs", strings(&pool.saml_provider_arns)));
    }
    if !pool.identity_pool_tags.is_empty() {
        properties.push((
            "IdentityPoolTags",
            Y::List(
                pool.identity_pool_tags
                    .iter()
                    .map(|(k, v)| map(vec![("Key", Y::s(k.clone())), ("Value", Y::s(v.clone()))]))
                    .collect(),
            ),
        ));
    }
    resources.insert(
        0,
        (
            "IdentityPool".to_string(),
            map(vec![
                ("Type", Y::s("AWS::Cognito::IdentityPool")),
                ("Properties", map(properties)),
            ]),
        ),
    );

    let roles = &config.roles;
    if !roles.roles.is_empty() || !roles.role_mappings.is_empty() {
        let mut properties = vec![("IdentityPoolId", Y::Raw("!Ref IdentityPool".into()))];
        if !roles.roles.is_empty() {
            properties.push((
                "Roles",
                Y::Map(
                    roles
                        .roles
                        .iter()
                        .map(|(k, arn)| (k.clone(), role(arn)))
                        .collect(),
                ),
            ));
        }
        if !roles.role_mappings.is_empty() {
            let mappings = roles
                .role_mappings
                .iter()
                .enumerate()
                .map(|(i, (provider, mapping))| {
                    let mut fields = vec![
                        ("IdentityProvider", Y::s(provider.clone())),
                        ("Type", Y::s(mapping.mapping_type.clone())),
                    ];
                    if let Some(ambiguous) = &mapping.ambiguous_role_resolution {
                        fields.push(("AmbiguousRoleResolution", Y::s(ambiguous.clone())));
                    }
                    if let Some(rules) = &mapping.rules_configuration {
                        let rules = rules
                            .rules
                            .iter()
                            .map(|rule| {
                                map(vec![
                                    ("Claim", Y::s(rule.claim.clone())),
                                    ("MatchType", Y::s(rule.match_type.clone())),
                                    ("Value", Y::s(rule.value.clone())),
                                    ("RoleARN", role(&rule.role_arn)),
                                ])
                            })
                            .collect();
                        fields.push(("RulesConfiguration", map(vec![("Rules", Y::List(rules))])));
                    }
                    (format!("Mapping{}", i + 1), map(fields))
                })
                .collect();
            properties.push(("RoleMappings", Y::Map(mappings)));
        }
        let logical = names.unique("RoleAttachment", "");
        resources.push((
            logical,
            map(vec![
                ("Type", Y::s("AWS::Cognito::IdentityPoolRoleAttachment")),
                ("Properties", map(properties)),
            ]),
        ));
    }

    for (provider, tags) in &config.principal_tags {
        if !tags.use_defaults && tags.principal_tags.is_empty() {
            continue;
        }
        let logical = names.unique(&format!("PrincipalTags{}", pascal(short(provider))), "");
        let mut properties = vec![
            ("IdentityPoolId", Y::Raw("!Ref IdentityPool".into())),
            ("IdentityProviderName", Y::s(provider.clone())),
            ("UseDefaults", Y::Bool(tags.use_defaults)),
        ];
        if !tags.principal_tags.is_empty() {
            properties.push((
                "PrincipalTags",
                Y::Map(
                    tags.principal_tags
                        .iter()
                        .map(|(k, v)| (k.clone(), Y::s(v.clone())))
                        .collect(),
                ),
            ));
        }
        resources.push((
            logical,
            map(vec![
                ("Type", Y::s("AWS::Cognito::IdentityPoolPrincipalTag")),
                ("Properties", map(properties)),
            ]),
        ));
    }

    let mut template = vec![
        ("AWSTemplateFormatVersion".to_string(), Y::s("2010-09-09")),
        (
            "Description".to_string(),
            Y::s(format!(
                "Identity pool {} ({}), exported by cognito-tui",
                pool.identity_pool_name, pool.identity_pool_id
            )),
        ),
    ];
    if !parameters.is_empty() {
        template.push(("Parameters".to_string(), Y::Map(parameters)));
    }
    template.push(("Resources".to_string(), Y::Map(resources)));
    template.push((
        "Outputs".to_string(),
        Y::Map(vec![(
            "IdentityPoolId".to_string(),
            map(vec![("Value", Y::Raw("!Ref IdentityPool".into()))]),
        )]),
    ));
    to_yaml(&Y::Map(template))
}

/// `cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc` → `us-east-1_Abc`; an ARN → its name.
pub(super) fn short(provider: &str) -> &str {
    provider.rsplit('/').next().unwrap_or(provider)
}

/// A role made by the template: its trust with the pool's id replaced by the new pool's.
fn iam_role(role: &super::ExportedRole, pool_id: &str) -> Y {
    let new_pool = |s: &str| (s == pool_id).then(|| Y::Raw("!Ref IdentityPool".into()));
    let document = |json: &str| match serde_json::from_str::<serde_json::Value>(json) {
        Ok(value) => Y::from_json(&value, &new_pool),
        Err(_) => Y::s(json),
    };
    let mut properties = vec![
        ("AssumeRolePolicyDocument", document(&role.trust_policy)),
        (
            "Description",
            Y::s(format!("Copy of {}, exported by cognito-tui", role.name)),
        ),
    ];
    if !role.inline.is_empty() {
        properties.push((
            "Policies",
            Y::List(
                role.inline
                    .iter()
                    .map(|(name, doc)| {
                        map(vec![
                            ("PolicyName", Y::s(name.clone())),
                            ("PolicyDocument", document(doc)),
                        ])
                    })
                    .collect(),
            ),
        ));
    }
    if !role.attached.is_empty() {
        properties.push(("ManagedPolicyArns", strings(&role.attached)));
    }
    map(vec![
        ("Type", Y::s("AWS::IAM::Role")),
        ("Properties", map(properties)),
    ])
}
