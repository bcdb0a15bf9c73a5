//! User access models in known states, fed through `update` only: a pool with every provider
//! kind opened on the tab, and answers to the tab's and the save's requests.

use super::*;
use cognito_tui::app::Tab;
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::domain::roles::{
    MappingRule, PoolRoles, PrincipalTagMap, RoleMapping, RulesConfiguration,
};
use cognito_tui::domain::{CognitoProvider, IdentityPool};
use std::collections::BTreeMap;

pub const USER_POOL: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";
pub const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
pub const OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
pub const SAML: &str = "arn:aws:iam::123456789012:saml-provider/CorpADFS";

pub fn role(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

/// Pool 0 with every provider kind, a rules mapping, principal tags, guest on, tags.
pub fn every_kind() -> PoolConfig {
    let mut pool = IdentityPool {
        identity_pool_id: pool_id(0),
        identity_pool_name: "pool-000".into(),
        allow_unauthenticated_identities: true,
        allow_classic_flow: Some(false),
        developer_provider_name: Some("login.orders".into()),
        ..Default::default()
    };
    pool.cognito_identity_providers.push(CognitoProvider {
        provider_name: USER_POOL.into(),
        client_id: CLIENT.into(),
        server_side_token_check: true,
    });
    for (domain, id) in [
        (
            "accounts.google.com",
            "1059-orders.apps.googleusercontent.com",
        ),
        ("graph.facebook.com", "742281956120334"),
        (
            "api.twitter.com",
            "xvz1evFS4wEEPTGEFPHBog;kAcSOqF21Fu85e7zjz7ZN2U4",
        ),
    ] {
        pool.supported_login_providers
            .insert(domain.into(), id.into());
    }
    pool.open_id_connect_provider_arns.push(OIDC.into());
    pool.saml_provider_arns.push(SAML.into());
    pool.identity_pool_tags.insert("env".into(), "prod".into());
    let mut roles = PoolRoles::default();
    roles
        .roles
        .insert("authenticated".into(), role("orders-app-auth"));
    roles
        .roles
        .insert("unauthenticated".into(), role("orders-app-guest"));
    roles.role_mappings.insert(
        format!("{USER_POOL}:{CLIENT}"),
        RoleMapping {
            mapping_type: "Rules".into(),
            ambiguous_role_resolution: Some("Deny".into()),
            rules_configuration: Some(RulesConfiguration {
                rules: vec![MappingRule {
                    claim: "cognito:groups".into(),
                    match_type: "Contains".into(),
                    value: "admins".into(),
                    role_arn: role("orders-app-admin"),
                }],
            }),
        },
    );
    let mut principal_tags = BTreeMap::new();
    principal_tags.insert(
        USER_POOL.to_string(),
        PrincipalTagMap {
            use_defaults: true,
            principal_tags: BTreeMap::new(),
        },
    );
    PoolConfig {
        pool,
        roles,
        principal_tags,
    }
}

/// Answers the read requests among `effects` from `config`; the effects that remain or follow.
/// Answers the reads among `effects` (reads are of the whole pool: rounds that follow too).
pub fn answer_reads(model: &mut Model, effects: Vec<Effect>, config: &PoolConfig) -> Vec<Effect> {
    answer_all_reads(model, effects, config)
}

fn answer_round(model: &mut Model, effects: Vec<Effect>, config: &PoolConfig) -> Vec<Effect> {
    let mut out = Vec::new();
    for effect in effects {
        let (req, response) = match &effect {
            Effect::DescribeIdentityPool { req, .. } => (
                *req,
                Response::DescribeIdentityPool(Ok(config.pool.clone())),
            ),
            Effect::GetIdentityPoolRoles { req, .. } => (
                *req,
                Response::GetIdentityPoolRoles(Ok(config.roles.clone())),
            ),
            Effect::GetPrincipalTagAttributeMap { req, provider, .. } => (
                *req,
                Response::GetPrincipalTagAttributeMap(Ok(config
                    .principal_tags
                    .get(provider)
                    .cloned()
                    .unwrap_or_default())),
            ),
            _ => {
                out.push(effect);
                continue;
            }
        };
        out.extend(update(model, Msg::Response { req, response }));
    }
    out
}

/// Answers reads until none is asked for.
pub fn answer_all_reads(
    model: &mut Model,
    mut effects: Vec<Effect>,
    config: &PoolConfig,
) -> Vec<Effect> {
    loop {
        let reads = effects.iter().any(|e| {
            matches!(
                e,
                Effect::DescribeIdentityPool { .. }
                    | Effect::GetIdentityPoolRoles { .. }
                    | Effect::GetPrincipalTagAttributeMap { .. }
            )
        });
        if !reads {
            return effects;
        }
        effects = answer_round(model, effects, config);
    }
}

/// A model connected with pool 0 (configuration `config`) current, switched to `tab`; the
/// effects of the switch, pool reads answered.
pub fn opened_on(
    tab: Tab,
    config: &PoolConfig,
    options: Options,
    size: (u16, u16),
) -> (Model, Vec<Effect>) {
    let (mut model, effects) = connected(options, size);
    let req = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..1), None))),
        },
    );
    let _ = answer_reads(&mut model, effects, config);
    model.current_pool = Some((pool_id(0), "pool-000".into()));
    let effects = act(&mut model, Action::GoTab(tab));
    let effects = answer_all_reads(&mut model, effects, config);
    (model, effects)
}

/// A model on the User access tab of pool 0, whose configuration is `config`.
pub fn on_access(config: &PoolConfig, options: Options, size: (u16, u16)) -> Model {
    let (model, rest) = opened_on(Tab::UserAccess, config, options, size);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(
        model.access.read.config(&model.store).is_some(),
        "the tab read its pool"
    );
    model
}
