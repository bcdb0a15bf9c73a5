//! What a new sandbox starts with: nothing, or a small demo account.

use std::collections::BTreeMap;

use super::iam::{OidcProvider, Role, SamlProvider};
use super::store::{State, StoredPool};
use crate::domain::policy::{Audience, cognito_trust_policy};
use crate::domain::{CognitoProvider, IdentityPool};

/// The starting content of a new sandbox state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// No resources at all.
    #[default]
    Empty,
    /// A handful of realistic identity pools in us-east-1 and eu-west-1.
    Demo,
}

impl Seed {
    /// The state this seed describes.
    pub fn state(self) -> State {
        match self {
            Seed::Empty => State::default(),
            Seed::Demo => demo_state(),
        }
    }
}

fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn user_pool(region: &str, pool: &str, client: &str) -> CognitoProvider {
    CognitoProvider {
        provider_name: format!("cognito-idp.{region}.amazonaws.com/{region}_{pool}"),
        client_id: client.to_string(),
        server_side_token_check: false,
    }
}

/// The demo account: pools with guest access on and off, every provider kind, tags.
pub fn demo_state() -> State {
    let east = "us-east-1";
    let pools = vec![
        IdentityPool {
            identity_pool_name: "orders-app".into(),
            allow_unauthenticated_identities: true,
            allow_classic_flow: Some(false),
            cognito_identity_providers: vec![user_pool(
                east,
                "Ord3rsPl1",
                "4f1s2d9k0q7n3b5v8c6x1z2m4a",
            )],
            supported_login_providers: tags(&[(
                "accounts.google.com",
                "1059394817341-orders.apps.googleusercontent.com",
            )]),
            identity_pool_tags: tags(&[
                ("env", "prod"),
                ("team", "orders"),
                ("cost-center", "4410"),
            ]),
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "partner-portal".into(),
            allow_unauthenticated_identities: false,
            open_id_connect_provider_arns: vec![
                "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com".into(),
            ],
            saml_provider_arns: vec!["arn:aws:iam::123456789012:saml-provider/CorpADFS".into()],
            identity_pool_tags: tags(&[("env", "prod"), ("team", "partners")]),
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "mobile-games".into(),
            allow_unauthenticated_identities: true,
            allow_classic_flow: Some(true),
            supported_login_providers: tags(&[
                ("graph.facebook.com", "742281956120334"),
                ("appleid.apple.com", "com.example.games"),
                (
                    "www.amazon.com",
                    "amzn1.application.3f2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f",
                ),
                (
                    "api.twitter.com",
                    "xvz1evFS4wEEPTGEFPHBog;kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                ),
            ]),
            identity_pool_tags: tags(&[("env", "staging"), ("team", "games")]),
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "internal-tools".into(),
            allow_unauthenticated_identities: false,
            developer_provider_name: Some("login.tools.internal".into()),
            cognito_identity_providers: vec![
                user_pool(east, "T00lsStaff", "7hq2l0c9v8b1n4m5k6j3g2f1d0"),
                user_pool(east, "T00lsContr", "2p9o8i7u6y5t4r3e2w1q0a9s8d"),
            ],
            identity_pool_tags: tags(&[("team", "platform")]),
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "analytics guest".into(),
            allow_unauthenticated_identities: true,
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "old-pool".into(),
            allow_unauthenticated_identities: false,
            supported_login_providers: tags(&[("www.digits.com", "legacy-digits-app")]),
            identity_pool_tags: tags(&[("env", "retired")]),
            ..new_pool(east)
        },
        IdentityPool {
            identity_pool_name: "orders-app-eu".into(),
            allow_unauthenticated_identities: true,
            cognito_identity_providers: vec![user_pool(
                "eu-west-1",
                "Ord3rsEU1",
                "1a2b3c4d5e6f7g8h9i0j1k2l3m",
            )],
            identity_pool_tags: tags(&[("env", "prod"), ("team", "orders")]),
            ..new_pool("eu-west-1")
        },
    ];
    let mut state = State::default();
    for pool in pools {
        let seq = state.next_seq;
        state.next_seq += 1;
        state.pools.push(StoredPool::new(seq, pool));
    }
    demo_roles(&mut state);
    demo_user_pools(&mut state);
    // Identities of every kind, enough to page through (2,500 is 42 pages of 60).
    let counts = [2_500, 40, 800, 300, 120, 15, 60];
    let ids: Vec<String> = state
        .pools
        .iter()
        .map(|p| p.pool.identity_pool_id.clone())
        .collect();
    for (i, (pool_id, count)) in ids.iter().zip(counts).enumerate() {
        // The pools were just made, so seeding cannot miss them.
        let _ = add_identities(&mut state, pool_id, count, i as u64 + 1);
    }
    state
}

fn new_pool(region: &str) -> IdentityPool {
    IdentityPool {
        identity_pool_id: format!("{region}:{}", uuid::Uuid::new_v4()),
        ..Default::default()
    }
}

/// The login providers an identity of `pool` can carry: (provider name, subject prefix).
fn login_sources(pool: &IdentityPool) -> Vec<(String, &'static str)> {
    let mut sources: Vec<(String, &'static str)> = pool
        .cognito_identity_providers
        .iter()
        .map(|p| (p.provider_name.clone(), "user"))
        .collect();
    sources.extend(
        pool.supported_login_providers
            .keys()
            .map(|k| (k.clone(), "social")),
    );
    sources.extend(
        pool.open_id_connect_provider_arns
            .iter()
            .map(|arn| (arn.rsplit('/').next().unwrap_or(arn).to_string(), "oidc")),
    );
    sources.extend(
        pool.saml_provider_arns
            .iter()
            .map(|arn| (arn.clone(), "saml")),
    );
    if let Some(dev) = &pool.developer_provider_name {
        sources.push((dev.clone(), "dev"));
    }
    sources
}

/// Adds `count` identities to a pool: guests (when the pool allows them) and identities of each of
/// its providers, created over the last 400 days, about 2% disabled. Deterministic for a given `seed`.
pub fn add_identities(
    state: &mut State,
    pool_id: &str,
    count: usize,
    seed: u64,
) -> Result<(), String> {
    let pool = state
        .pools
        .iter()
        .find(|p| p.pool.identity_pool_id == pool_id)
        .map(|p| p.pool.clone())
        .ok_or_else(|| format!("no identity pool {pool_id} to seed identities into"))?;
    let sources = login_sources(&pool);
    let guests = pool.allow_unauthenticated_identities || sources.is_empty();
    let mut rng = fastrand::Rng::with_seed(seed);
    let now = crate::clock::epoch_seconds();
    const DAY: f64 = 86_400.0;
    for n in 0..count {
        let age = rng.f64() * 400.0 * DAY;
        let created = (now - age).floor();
        let modified = (created + rng.f64() * age).floor();
        let guest = guests && (sources.is_empty() || rng.f64() < 0.35);
        let logins = if guest {
            Vec::new()
        } else {
            let (provider, kind) = &sources[rng.usize(..sources.len())];
            let subject = match *kind {
                "dev" => format!(
                    "user{:06}@tools.internal",
                    seed.wrapping_add(n as u64) % 1_000_000
                ),
                _ => format!("{kind}-{:016x}", rng.u64(..)),
            };
            vec![(provider.clone(), subject)]
        };
        let disabled = !guest && rng.f64() < 0.02;
        let uuid = uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes()).into_uuid();
        state
            .identities
            .insert(pool_id, uuid, logins, (created, modified), disabled);
    }
    Ok(())
}

/// An IAM role for a demo pool, with the trust policy the console would give it; its ARN.
fn iam_role(
    state: &mut State,
    name: &str,
    pool_id: &str,
    audience: Audience,
    tag_session: bool,
) -> String {
    let role = Role {
        name: name.to_string(),
        // Deterministic, 21 characters like IAM's: AROA + 17.
        id: format!(
            "AROA{:0>17}",
            name.bytes().map(u64::from).sum::<u64>() * 7919
        ),
        path: "/".into(),
        created: super::iam::now(),
        trust_policy: cognito_trust_policy(pool_id, audience, tag_session),
        description: Some(format!("Demo role for identity pool {pool_id}")),
        max_session_duration: 3600,
        inline_policies: BTreeMap::new(),
        attached: Vec::new(),
        tags: Vec::new(),
    };
    let arn = role.arn();
    state.iam.roles.insert(name.to_string(), role);
    arn
}

/// IAM roles with correct trust policies, the pools' default roles, a rules mapping and attributes
/// for access control on orders-app, and the IAM providers partner-portal trusts.
fn demo_roles(state: &mut State) {
    use crate::domain::roles::{MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration};
    let pools: Vec<(usize, IdentityPool)> = state
        .pools
        .iter()
        .map(|p| p.pool.clone())
        .enumerate()
        .collect();
    for (i, pool) in pools {
        let slug = pool.identity_pool_name.replace(' ', "-");
        let pool_id = pool.identity_pool_id.clone();
        let orders = slug == "orders-app";
        if pool.allow_unauthenticated_identities {
            let arn = iam_role(
                state,
                &format!("{slug}-guest"),
                &pool_id,
                Audience::Guest,
                false,
            );
            state.pools[i].roles.insert("unauthenticated".into(), arn);
        }
        if !pool.provider_kinds().is_empty() {
            let arn = iam_role(
                state,
                &format!("{slug}-auth"),
                &pool_id,
                Audience::Authenticated,
                orders,
            );
            state.pools[i].roles.insert("authenticated".into(), arn);
        }
        let Some(provider) = pool.cognito_identity_providers.first().filter(|_| orders) else {
            continue;
        };
        let admin = iam_role(
            state,
            "orders-app-admin",
            &pool_id,
            Audience::Authenticated,
            true,
        );
        let partner = iam_role(
            state,
            "orders-app-partner",
            &pool_id,
            Audience::Authenticated,
            true,
        );
        // Permissions to look at on the Role settings tab: a scoped inline policy, and the admin
        // role's over-broad managed one (flagged there).
        if let Some(role) = state.iam.roles.get_mut("orders-app-auth") {
            role.inline_policies.insert(
                "orders-app-assets-read".into(),
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::orders-app-assets/${cognito-identity.amazonaws.com:sub}/*"}]}"#.into(),
            );
        }
        if let Some(role) = state.iam.roles.get_mut("orders-app-admin") {
            role.attached
                .push("arn:aws:iam::aws:policy/AdministratorAccess".into());
        }
        let rule = |claim: &str, match_type: &str, value: &str, role_arn: String| MappingRule {
            claim: claim.into(),
            match_type: match_type.into(),
            value: value.into(),
            role_arn,
        };
        let rules = vec![
            rule("cognito:groups", "Contains", "admins", admin),
            rule("custom:tier", "Equals", "partner", partner),
        ];
        let stored = &mut state.pools[i];
        stored.role_mappings.insert(
            format!("{}:{}", provider.provider_name, provider.client_id),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("AuthenticatedRole".into()),
                rules_configuration: Some(RulesConfiguration { rules }),
            },
        );
        stored.principal_tags.insert(
            provider.provider_name.clone(),
            PrincipalTagMap {
                use_defaults: true,
                principal_tags: BTreeMap::new(),
            },
        );
    }
    let created = super::iam::now();
    let account = super::store::SANDBOX_ACCOUNT;
    state.iam.oidc_providers.insert(
        format!("arn:aws:iam::{account}:oidc-provider/login.partner.example.com"),
        OidcProvider {
            url: "https://login.partner.example.com".into(),
            client_ids: vec!["partner-portal".into()],
            thumbprints: vec!["9e99a48a9960b14926bb7f3b02e22da2b0ab7280".into()],
            created,
        },
    );
    state.iam.saml_providers.insert(
        format!("arn:aws:iam::{account}:saml-provider/CorpADFS"),
        SamlProvider {
            metadata: "<EntityDescriptor entityID=\"https://adfs.corp.example.com\"/>".into(),
            created,
        },
    );
}

/// The user pools and app clients the demo identity pools trust.
fn demo_user_pools(state: &mut State) {
    let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for stored in state.pools.iter() {
        for provider in &stored.pool.cognito_identity_providers {
            if let Some((_, pool_id)) = provider.provider_name.split_once('/') {
                wanted
                    .entry(pool_id.to_string())
                    .or_default()
                    .push(provider.client_id.clone());
            }
        }
    }
    for (pool_id, clients) in wanted {
        let name = format!(
            "{} users",
            pool_id.split_once('_').map_or(pool_id.as_str(), |(_, n)| n)
        );
        let clients: Vec<(&str, &str)> = clients.iter().map(|c| (c.as_str(), "web")).collect();
        super::userpools::insert_fixed(&mut state.user_pools, &pool_id, &name, &clients);
    }
    demo_users(state);
}

/// The password of the demo users (documented in the README).
pub const DEMO_PASSWORD: &str = "Sandbox-Passw0rd!";

/// Users of the orders user pool who sign in to different roles: an admin (group `admins`, whose
/// role the rules map to), a partner (`custom:tier` = partner) and a plain user.
fn demo_users(state: &mut State) {
    use super::userpools::users::{Group, User, hash_password};
    let Some(pool) = state.user_pools.pools.get_mut("us-east-1_Ord3rsPl1") else {
        return;
    };
    let created = super::iam::now() as f64;
    let admin_role = format!(
        "arn:aws:iam::{}:role/orders-app-admin",
        super::store::SANDBOX_ACCOUNT
    );
    pool.groups.insert(
        "admins".into(),
        Group {
            role_arn: Some(admin_role),
            precedence: Some(1),
            description: Some("Order administrators".into()),
            created,
        },
    );
    /// User name, attributes, groups.
    type DemoUser<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let users: [DemoUser; 3] = [
        (
            "demo-admin",
            &[("email", "admin@orders.example.com")],
            &["admins"],
        ),
        (
            "demo-partner",
            &[
                ("email", "partner@partner.example.com"),
                ("custom:tier", "partner"),
            ],
            &[],
        ),
        ("demo-user", &[("email", "user@orders.example.com")], &[]),
    ];
    for (i, (name, attributes, groups)) in users.iter().enumerate() {
        let user = User {
            sub: uuid::Uuid::from_u128(0x5eed_0000 + i as u128).to_string(),
            attributes: attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            password_hash: Some(hash_password(DEMO_PASSWORD)),
            srp: super::userpools::users::srp_secret("us-east-1_Ord3rsPl1", name, DEMO_PASSWORD),
            status: "CONFIRMED".into(),
            enabled: true,
            groups: groups.iter().map(|g| g.to_string()).collect(),
            created,
        };
        pool.users.insert(name.to_string(), user);
    }
}
