//! The aws-cli export as a round trip: 50 random pools (providers of every kind, default roles,
//! token and rules mappings, attribute maps, tags) are made in one sandbox, exported as the
//! aws-cli script, and the script is run by bash with aws-cli against a second, empty sandbox.
//! Read back fresh, each new pool equals its original in every field but its id.

mod common;

use aws_sdk_cognitoidentity::types::{
    AmbiguousRoleResolutionType, CognitoIdentityProvider, MappingRule, MappingRuleMatchType,
    RoleMapping, RoleMappingType, RulesConfigurationType,
};
use cognito_tui::export::{Format, render};
use cognito_tui::sandbox::Seed;
use std::collections::HashMap;
use std::process::Command;

const POOLS: usize = 50;
const ROLES: [&str; 4] = [
    "orders-app-auth",
    "orders-app-guest",
    "orders-app-admin",
    "orders-app-partner",
];
const CLAIMS: [&str; 4] = ["cognito:groups", "custom:tier", "email", "sub"];

fn word(rng: &mut fastrand::Rng, n: usize) -> String {
    (0..n).map(|_| rng.alphanumeric()).collect()
}

fn role(rng: &mut fastrand::Rng) -> String {
    format!(
        "arn:aws:iam::123456789012:role/{}",
        ROLES[rng.usize(..ROLES.len())]
    )
}

fn ambiguous(rng: &mut fastrand::Rng) -> AmbiguousRoleResolutionType {
    if rng.bool() {
        AmbiguousRoleResolutionType::AuthenticatedRole
    } else {
        AmbiguousRoleResolutionType::Deny
    }
}

/// Makes random pool `i` in `identity`; its id and the Twitter secret it holds.
async fn random_pool(identity: &aws_sdk_cognitoidentity::Client, i: usize) -> (String, String) {
    let mut rng = fastrand::Rng::with_seed(i as u64 * 7919 + 1);
    let guest = rng.bool();
    let secret = format!("secret{}", word(&mut rng, 20));
    let mut create = identity
        .create_identity_pool()
        .identity_pool_name(format!("rt-{i}-{}", word(&mut rng, 6)))
        .allow_unauthenticated_identities(guest);
    if rng.bool() {
        create = create.allow_classic_flow(rng.bool());
    }
    if rng.u8(..10) < 3 {
        create = create.developer_provider_name(format!("login.dev{i}.example"));
    }
    let mut keys: Vec<String> = Vec::new();
    for domain in [
        "accounts.google.com",
        "graph.facebook.com",
        "www.amazon.com",
    ] {
        if rng.bool() {
            create = create.supported_login_providers(domain, word(&mut rng, 24));
            keys.push(domain.into());
        }
    }
    if rng.u8(..10) < 2 {
        create = create.supported_login_providers(
            "api.twitter.com",
            format!("{};{secret}", word(&mut rng, 22)),
        );
        keys.push("api.twitter.com".into());
    }
    let mut tag_providers = keys.clone();
    for n in 0..rng.usize(..3) {
        let name = if n == 0 {
            "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1".to_string()
        } else {
            format!("cognito-idp.us-east-1.amazonaws.com/us-east-1_Other{i}")
        };
        let client = word(&mut rng, 26).to_lowercase();
        create = create.cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name(&name)
                .client_id(&client)
                .server_side_token_check(rng.bool())
                .build(),
        );
        keys.push(format!("{name}:{client}"));
        tag_providers.push(name);
    }
    if rng.u8(..10) < 3 {
        create = create.open_id_connect_provider_arns(common::PARTNER_OIDC);
        tag_providers.push(common::PARTNER_OIDC.into());
    }
    if rng.u8(..10) < 3 {
        create = create.saml_provider_arns("arn:aws:iam::123456789012:saml-provider/CorpADFS");
        tag_providers.push("arn:aws:iam::123456789012:saml-provider/CorpADFS".into());
    }
    for _ in 0..rng.usize(..4) {
        create = create.identity_pool_tags(format!("k{}", word(&mut rng, 5)), word(&mut rng, 8));
    }
    let id = create
        .send()
        .await
        .unwrap_or_else(|e| panic!("pool {i}: {e:?}"))
        .identity_pool_id()
        .to_string();

    // Roles is required, even when only mappings are set.
    let mut defaults = HashMap::new();
    if rng.u8(..10) < 7 {
        defaults.insert("authenticated".to_string(), role(&mut rng));
    }
    if guest && rng.u8(..10) < 7 {
        defaults.insert("unauthenticated".to_string(), role(&mut rng));
    }
    let mut any = !defaults.is_empty();
    let mut roles = identity
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .set_roles(Some(defaults));
    for key in &keys {
        if rng.u8(..10) >= 4 {
            continue;
        }
        let mut mapping = RoleMapping::builder().ambiguous_role_resolution(ambiguous(&mut rng));
        if rng.bool() {
            mapping = mapping.r#type(RoleMappingType::Token);
        } else {
            let mut rules = RulesConfigurationType::builder();
            for _ in 0..rng.usize(1..5) {
                let match_type = [
                    MappingRuleMatchType::Equals,
                    MappingRuleMatchType::Contains,
                    MappingRuleMatchType::StartsWith,
                    MappingRuleMatchType::NotEqual,
                ][rng.usize(..4)]
                .clone();
                rules = rules.rules(
                    MappingRule::builder()
                        .claim(CLAIMS[rng.usize(..CLAIMS.len())])
                        .match_type(match_type)
                        .value(word(&mut rng, 7))
                        .role_arn(role(&mut rng))
                        .build()
                        .unwrap_or_else(|e| panic!("{e}")),
                );
            }
            mapping = mapping
                .r#type(RoleMappingType::Rules)
                .rules_configuration(rules.build().unwrap_or_else(|e| panic!("{e}")));
        }
        roles = roles.role_mappings(key, mapping.build().unwrap_or_else(|e| panic!("{e}")));
        any = true;
    }
    if any {
        roles
            .send()
            .await
            .unwrap_or_else(|e| panic!("pool {i} roles: {e:?}"));
    }
    for provider in &tag_providers {
        if rng.u8(..10) >= 3 {
            continue;
        }
        let tags: HashMap<String, String> = (0..rng.usize(..3))
            .map(|_| {
                (
                    format!("t{}", word(&mut rng, 4)),
                    format!("custom:{}", word(&mut rng, 5)),
                )
            })
            .collect();
        identity
            .set_principal_tag_attribute_map()
            .identity_pool_id(&id)
            .identity_provider_name(provider)
            .use_defaults(rng.bool())
            .set_principal_tags(Some(tags))
            .send()
            .await
            .unwrap_or_else(|e| panic!("pool {i} tags for {provider}: {e:?}"));
    }
    (id, secret)
}

/// Runs the script with aws-cli against `endpoint`; the new pool's id (its last line).
fn apply(script: &str, endpoint: &str, secret: &str) -> String {
    let path = format!(
        "{}/.venv/bin:{}",
        env!("CARGO_MANIFEST_DIR"),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-c", script])
        .env("PATH", path)
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ACCESS_KEY_ID", "sandbox")
        .env("AWS_SECRET_ACCESS_KEY", "sandbox")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("TWITTER_CONSUMER_SECRET", secret)
        .output()
        .unwrap_or_else(|e| panic!("bash: {e}"));
    assert!(
        out.status.success(),
        "the script failed:\n{}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_aws_cli_script_recreates_fifty_random_pools_exactly() {
    let original = common::sandbox(Seed::Empty).await;
    let copy = common::sandbox(Seed::Empty).await;
    let identity = common::identity_client(&original, "us-east-1").await;
    let (from, to) = (
        common::console_clients(&original).await,
        common::console_clients(&copy).await,
    );
    let mut kinds = std::collections::BTreeSet::new();
    for i in 0..POOLS {
        let (id, secret) = random_pool(&identity, i).await;
        let before = cognito_tui::aws::export::read(&from, &id, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let script = render(Format::Json, &before).text;
        let new_id = apply(&script, &copy.endpoint_url(), &secret);
        assert!(new_id.starts_with("us-east-1:") && new_id != id, "{new_id}");
        let mut after = cognito_tui::aws::export::read(&to, &new_id, false)
            .await
            .unwrap_or_else(|e| panic!("{new_id}: {e}"));
        after.config.pool.identity_pool_id = id.clone();
        assert_eq!(after.config, before.config, "pool {i}:\n{script}");
        // What the random pools covered.
        let pool = &before.config.pool;
        kinds.extend(pool.supported_login_providers.keys().cloned());
        if !pool.cognito_identity_providers.is_empty() {
            kinds.insert("user pool".into());
        }
        if pool.developer_provider_name.is_some() {
            kinds.insert("developer".into());
        }
        if !pool.open_id_connect_provider_arns.is_empty() {
            kinds.insert("oidc".into());
        }
        if !pool.saml_provider_arns.is_empty() {
            kinds.insert("saml".into());
        }
        for mapping in before.config.roles.role_mappings.values() {
            kinds.insert(mapping.mapping_type.clone());
        }
        if before
            .config
            .principal_tags
            .values()
            .any(|t| !t.principal_tags.is_empty())
        {
            kinds.insert("principal tags".into());
        }
        if !pool.identity_pool_tags.is_empty() {
            kinds.insert("tags".into());
        }
    }
    for kind in [
        "accounts.google.com",
        "api.twitter.com",
        "user pool",
        "developer",
        "oidc",
        "saml",
        "Token",
        "Rules",
        "principal tags",
        "tags",
    ] {
        assert!(kinds.contains(kind), "no random pool had {kind}: {kinds:?}");
    }
}
