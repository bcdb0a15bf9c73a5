//! A property of the resolution simulator: for random role mappings (rules of all four
//! operators, array claims, NotEqual, missing claims, Deny and AuthenticatedRole resolution,
//! token mappings, a default role or none, roles whose trust refuses or that do not exist,
//! principal tags on or off) and random claim sets, the simulator's answer is what the sandbox's
//! GetCredentialsForIdentity answers over HTTP to the official SDK: the same role (as STS names
//! the credentials), or the same error code.

mod common;

use aws_sdk_cognitoidentity::types::{
    MappingRule as SdkRule, MappingRuleMatchType, RoleMapping as SdkMapping, RoleMappingType,
    RulesConfigurationType,
};
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::domain::edit::ProviderRef;
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::domain::roles::{
    MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration, role_name,
};
use cognito_tui::domain::simulation::{Login, RoleTrust, simulate};
use cognito_tui::sandbox::Seed;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

const HOST: &str = "login.partner.example.com";
const OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
const CLAIMS: [&str; 4] = ["custom:tier", "cognito:groups", "email", "hd"];
const VALUES: [&str; 6] = ["partner", "admins", "staff", "adm", "a@b.example", "x"];
const OPERATORS: [&str; 4] = ["Equals", "Contains", "StartsWith", "NotEqual"];
/// sim-0 and sim-1 trust the pool with TagSession, sim-2 without, sim-3 trusts another pool;
/// sim-4 does not exist.
const ROLES: usize = 5;

fn arn(i: usize) -> String {
    format!("arn:aws:iam::123456789012:role/sim-{i}")
}

#[derive(Debug, Clone)]
enum Mapping {
    None,
    Rules(Vec<(usize, usize, usize, usize)>, bool),
    Token(bool),
}

#[derive(Debug, Clone)]
struct Case {
    default_role: Option<usize>,
    mapping: Mapping,
    tags: bool,
    claims: Vec<(usize, Vec<usize>)>,
    preferred: Option<usize>,
}

fn case() -> impl Strategy<Value = Case> {
    let rule = (
        0..CLAIMS.len(),
        0..OPERATORS.len(),
        0..VALUES.len(),
        0..ROLES,
    );
    let mapping = prop_oneof![
        1 => Just(Mapping::None),
        4 => (prop::collection::vec(rule, 1..5), any::<bool>()).prop_map(|(r, d)| Mapping::Rules(r, d)),
        2 => any::<bool>().prop_map(Mapping::Token),
    ];
    // A claim absent, one value, or a list of up to three.
    let claim = (
        0..CLAIMS.len(),
        prop::collection::vec(0..VALUES.len(), 1..4),
    );
    (
        prop::option::weighted(0.85, 0..ROLES),
        mapping,
        any::<bool>(),
        prop::collection::vec(claim, 0..4),
        prop::option::of(0..ROLES),
    )
        .prop_map(|(default_role, mapping, tags, claims, preferred)| Case {
            default_role,
            mapping,
            tags,
            claims,
            preferred,
        })
}

fn claims_of(case: &Case, sub: &str) -> Value {
    let mut claims = Map::new();
    claims.insert("sub".into(), json!(sub));
    claims.insert("aud".into(), json!("partner-portal"));
    claims.insert("iss".into(), json!(format!("https://{HOST}")));
    for (claim, values) in &case.claims {
        let value = if values.len() == 1 {
            json!(VALUES[values[0]])
        } else {
            json!(values.iter().map(|v| VALUES[*v]).collect::<Vec<_>>())
        };
        claims.insert(CLAIMS[*claim].to_string(), value);
    }
    if let Some(role) = case.preferred {
        claims.insert("cognito:preferred_role".into(), json!(arn(role)));
        claims.insert("cognito:roles".into(), json!([arn(role)]));
    }
    Value::Object(claims)
}

fn mapping_of(case: &Case) -> Option<RoleMapping> {
    let resolution = |deny: bool| Some(if deny { "Deny" } else { "AuthenticatedRole" }.to_string());
    match &case.mapping {
        Mapping::None => None,
        Mapping::Token(deny) => Some(RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: resolution(*deny),
            rules_configuration: None,
        }),
        Mapping::Rules(rules, deny) => Some(RoleMapping {
            mapping_type: "Rules".into(),
            ambiguous_role_resolution: resolution(*deny),
            rules_configuration: Some(RulesConfiguration {
                rules: rules
                    .iter()
                    .map(|(c, o, v, r)| MappingRule {
                        claim: CLAIMS[*c].into(),
                        match_type: OPERATORS[*o].into(),
                        value: VALUES[*v].into(),
                        role_arn: arn(*r),
                    })
                    .collect(),
            }),
        }),
    }
}

fn unsigned_token(claims: &Value) -> String {
    use base64::Engine;
    let b64 = |v: String| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v);
    format!(
        "{}.{}.sig",
        b64(json!({ "alg": "RS256" }).to_string()),
        b64(claims.to_string())
    )
}

async fn configure(
    sdk: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    case: &Case,
    mapping: Option<&RoleMapping>,
) {
    let mut request = sdk.set_identity_pool_roles().identity_pool_id(pool_id);
    if let Some(role) = case.default_role {
        request = request.roles("authenticated", arn(role));
    } else {
        request = request.set_roles(Some(Default::default()));
    }
    if let Some(mapping) = mapping {
        let resolution = mapping
            .ambiguous_role_resolution
            .as_deref()
            .map(aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::from);
        let kind = RoleMappingType::from(mapping.mapping_type.as_str());
        let rules = mapping.rules_configuration.as_ref().map(|c| {
            RulesConfigurationType::builder()
                .set_rules(Some(
                    c.rules
                        .iter()
                        .map(|r| {
                            SdkRule::builder()
                                .claim(&r.claim)
                                .match_type(MappingRuleMatchType::from(r.match_type.as_str()))
                                .value(&r.value)
                                .role_arn(&r.role_arn)
                                .build()
                                .unwrap_or_else(|e| panic!("{e}"))
                        })
                        .collect(),
                ))
                .build()
                .unwrap_or_else(|e| panic!("{e}"))
        });
        let sdk_mapping = SdkMapping::builder()
            .r#type(kind)
            .set_ambiguous_role_resolution(resolution)
            .set_rules_configuration(rules)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        request = request.role_mappings(HOST, sdk_mapping);
    }
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("SetIdentityPoolRoles {case:?}: {e:?}"));
    sdk.set_principal_tag_attribute_map()
        .identity_pool_id(pool_id)
        .identity_provider_name(OIDC)
        .use_defaults(case.tags)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn the_simulator_answers_as_the_sandboxs_get_credentials_for_identity() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sb = runtime.block_on(common::sandbox(Seed::Demo));
    let sdk = runtime.block_on(common::identity_client(&sb, "us-east-1"));
    let iam = runtime.block_on(common::iam_client(&sb));
    let (pool_id, trusts) = runtime.block_on(async {
        let pool_id = common::oidc_pool(&sdk, "simulated").await;
        let mut trusts = BTreeMap::new();
        for i in 0..ROLES - 1 {
            let trust = match i {
                0 | 1 => cognito_trust_policy(&pool_id, Audience::Authenticated, true),
                2 => cognito_trust_policy(&pool_id, Audience::Authenticated, false),
                _ => cognito_trust_policy("us-east-1:another", Audience::Authenticated, true),
            };
            iam.create_role()
                .role_name(format!("sim-{i}"))
                .assume_role_policy_document(&trust)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e:?}"));
            trusts.insert(arn(i), trust);
        }
        (pool_id, trusts)
    });
    let counter = std::cell::Cell::new(0usize);
    let outcomes = std::cell::RefCell::new(BTreeMap::<String, usize>::new());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 320,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&case(), |case| {
        counter.set(counter.get() + 1);
        let n = counter.get();
        runtime.block_on(async {
            let mapping = mapping_of(&case);
            configure(&sdk, &pool_id, &case, mapping.as_ref()).await;
            let sub = format!("user-{n}");
            let claims = claims_of(&case, &sub);
            let token = unsigned_token(&claims);
            let id = common::identity_id(&sdk, &pool_id, &[(HOST, &token)]).await;
            let answer = sdk
                .get_credentials_for_identity()
                .identity_id(&id)
                .logins(HOST, &token)
                .send()
                .await;
            let service = match answer {
                Ok(out) => {
                    let credentials = out
                        .credentials()
                        .cloned()
                        .unwrap_or_else(|| panic!("credentials"));
                    let caller = common::caller_of(&sb, &credentials).await;
                    let role = caller.split('/').nth(1).unwrap_or_default().to_string();
                    Ok(role)
                }
                Err(e) => Err(common::code(&e)),
            };
            // The simulator, on the same configuration as the console would read it.
            let mut config = PoolConfig::default();
            config.pool.identity_pool_id = pool_id.clone();
            config.pool.open_id_connect_provider_arns = vec![OIDC.into()];
            if let Some(role) = case.default_role {
                config.roles.roles.insert("authenticated".into(), arn(role));
            }
            if let Some(mapping) = mapping {
                config.roles.role_mappings.insert(HOST.into(), mapping);
            }
            config.principal_tags.insert(
                OIDC.into(),
                PrincipalTagMap {
                    use_defaults: case.tags,
                    principal_tags: BTreeMap::new(),
                },
            );
            let login = Login::Provider(ProviderRef::Oidc(OIDC.into()));
            let simulated = simulate(&config, &login, &claims, |arn| match trusts.get(arn) {
                Some(trust) => RoleTrust::Policy(trust),
                None => RoleTrust::Missing,
            });
            let predicted = simulated
                .outcome()
                .map(|arn| role_name(arn).to_string())
                .map_err(|r| r.code.to_string());
            assert_eq!(
                predicted, service,
                "{case:?}\nclaims {claims}\n{simulated:?}"
            );
            let key = match &service {
                Ok(role) => format!("role {role}"),
                Err(code) => code.clone(),
            };
            *outcomes.borrow_mut().entry(key).or_default() += 1;
        });
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(counter.get() >= 300, "{} cases", counter.get());
    // Every kind of answer was seen, so the property covers them all.
    let outcomes = outcomes.into_inner();
    for wanted in [
        "role sim-0",
        "role sim-1",
        "InvalidIdentityPoolConfigurationException",
        "NotAuthorizedException",
    ] {
        assert!(
            outcomes.contains_key(wanted),
            "{wanted} never seen: {outcomes:?}"
        );
    }
}
