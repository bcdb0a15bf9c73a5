//! A property of the User access tab: for random pool configurations (every provider kind, role
//! mappings with rules, principal tags, tags) and one random section edit each, run through the
//! real update, runner and SDK against the sandbox, a fresh SDK read differs from the read before
//! in exactly the fields the edit names — no field lost, none changed besides. The expected change
//! is modelled here, on the SDK's own output, not by the console's code. And (every third case)
//! every tab that held the pool before the edit (the Pools list and summary, User access, the
//! Identity browser, Role settings) draws, without a refresh, exactly what a console started
//! afterwards draws.

mod access;
mod common;

use access::tabs::{SIZE, assert_tabs_match_fresh, visit_tabs};
use access::{Fields, changed, close, confirm, console_at, edit, fields};
use aws_sdk_cognitoidentity::types::{
    CognitoIdentityProvider, MappingRule, MappingRuleMatchType, RoleMapping, RoleMappingType,
    RulesConfigurationType,
};
use cognito_tui::console::Options;
use cognito_tui::domain::edit::ProviderRef;
use cognito_tui::domain::roles::IamRole;
use cognito_tui::sandbox::{SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::Source;
use cognito_tui::wizard::draft::{RoleMode, RoleSetting, RuleDraft, RuleRole, TagMode};
use cognito_tui::wizard::scoped::{Section, social_source};
use proptest::prelude::*;
use std::collections::BTreeMap;
use tui_input::Input;

const USER_POOLS: [(&str, &str); 3] = [
    ("us-east-1_Ord3rsPl1", "4f1s2d9k0q7n3b5v8c6x1z2m4a"),
    ("us-east-1_T00lsStaff", "7hq2l0c9v8b1n4m5k6j3g2f1d0"),
    ("us-east-1_T00lsContr", "2p9o8i7u6y5t4r3e2w1q0a9s8d"),
];
const SOCIAL: [&str; 5] = [
    "accounts.google.com",
    "graph.facebook.com",
    "www.amazon.com",
    "appleid.apple.com",
    "api.twitter.com",
];
const ROLES: [&str; 3] = ["orders-app-admin", "orders-app-partner", "orders-app-auth"];

fn oidc() -> String {
    format!("arn:aws:iam::{SANDBOX_ACCOUNT}:oidc-provider/login.partner.example.com")
}
fn saml() -> String {
    format!("arn:aws:iam::{SANDBOX_ACCOUNT}:saml-provider/CorpADFS")
}
fn role_arn(name: &str) -> String {
    format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/{name}")
}
fn provider_name(user_pool: &str) -> String {
    format!("cognito-idp.us-east-1.amazonaws.com/{user_pool}")
}

/// A provider of the generated pool: user pool index, social index, OIDC, SAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    UserPool(usize),
    Social(usize),
    Oidc,
    Saml,
}

impl Kind {
    fn reference(self) -> ProviderRef {
        match self {
            Kind::UserPool(i) => ProviderRef::UserPool {
                provider_name: provider_name(USER_POOLS[i].0),
                client_id: USER_POOLS[i].1.into(),
            },
            Kind::Social(i) => ProviderRef::Social(SOCIAL[i].into()),
            Kind::Oidc => ProviderRef::Oidc(oidc()),
            Kind::Saml => ProviderRef::Saml(saml()),
        }
    }
    /// Its keys in the fields map: the provider itself, its mapping, its principal tags.
    fn keys(self) -> (String, String, String) {
        let r = self.reference();
        let own = match self {
            Kind::UserPool(i) => format!(
                "user pool {}:{}",
                provider_name(USER_POOLS[i].0),
                USER_POOLS[i].1
            ),
            Kind::Social(i) => format!("login {}", SOCIAL[i]),
            Kind::Oidc => format!("oidc {}", oidc()),
            Kind::Saml => format!("saml {}", saml()),
        };
        (
            own,
            format!("mapping {}", r.mapping_key()),
            format!("principal tags {}", r.tag_provider()),
        )
    }
}

/// A rule as generated: claim, operator index, value, role index.
type Rule = (String, usize, String, usize);

/// One provider's settings: a mapping (None, Token, or these rules, deny or not) and tags.
#[derive(Debug, Clone)]
struct Settings {
    mapping: Option<(Vec<Rule>, bool)>,
    tags: Option<Vec<(String, String)>>,
}

#[derive(Debug, Clone)]
struct PoolSpec {
    guest: bool,
    classic: bool,
    providers: Vec<(Kind, Settings)>,
    developer: bool,
    tags: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
enum EditSpec {
    Rename(String),
    ClassicFlow,
    Guest,
    AuthRole(usize),
    Tags {
        add: (String, String),
        remove_first: bool,
    },
    Rules(usize, Vec<Rule>, bool),
    Token(usize),
    DefaultRole(usize),
    PrincipalTags(usize, Vec<(String, String)>),
    Remove(usize),
    AddSocial(usize, String),
}

fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,7}"
}

fn rules() -> impl Strategy<Value = Vec<Rule>> {
    prop::collection::vec((word(), 0..4usize, word(), 0..ROLES.len()), 1..4)
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::option::of((rules(), any::<bool>())),
        prop::option::of(prop::collection::vec((word(), word()), 1..3)),
    )
        .prop_map(|(mapping, tags)| Settings { mapping, tags })
}

fn pool_spec() -> impl Strategy<Value = PoolSpec> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<bool>(), 3),
        prop::collection::vec(any::<bool>(), 5),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(settings(), 10),
        any::<bool>(),
        prop::collection::btree_map(word(), word(), 0..4),
    )
        .prop_map(
            |(guest, classic, ups, socials, oidc, saml, settings, developer, tags)| {
                let mut kinds: Vec<Kind> = Vec::new();
                kinds.extend((0..3).filter(|i| ups[*i]).map(Kind::UserPool));
                kinds.extend((0..5).filter(|i| socials[*i]).map(Kind::Social));
                if oidc {
                    kinds.push(Kind::Oidc);
                }
                if saml {
                    kinds.push(Kind::Saml);
                }
                PoolSpec {
                    guest,
                    classic,
                    providers: kinds.into_iter().zip(settings).collect(),
                    developer,
                    tags: tags.into_iter().collect(),
                }
            },
        )
}

fn edit_spec() -> impl Strategy<Value = EditSpec> {
    prop_oneof![
        word().prop_map(EditSpec::Rename),
        Just(EditSpec::ClassicFlow),
        Just(EditSpec::Guest),
        (0..ROLES.len()).prop_map(EditSpec::AuthRole),
        ((word(), word()), any::<bool>())
            .prop_map(|(add, remove_first)| EditSpec::Tags { add, remove_first }),
        (any::<usize>(), rules(), any::<bool>()).prop_map(|(i, r, d)| EditSpec::Rules(i, r, d)),
        any::<usize>().prop_map(EditSpec::Token),
        any::<usize>().prop_map(EditSpec::DefaultRole),
        (
            any::<usize>(),
            prop::collection::vec((word(), word()), 1..3)
        )
            .prop_map(|(i, t)| EditSpec::PrincipalTags(i, t)),
        any::<usize>().prop_map(EditSpec::Remove),
        (0..5usize, "[0-9]{6,12}").prop_map(|(i, id)| EditSpec::AddSocial(i, id)),
    ]
}

fn sdk_mapping(rules: &[Rule], deny: bool, token: bool) -> RoleMapping {
    let types = [
        MappingRuleMatchType::Equals,
        MappingRuleMatchType::Contains,
        MappingRuleMatchType::StartsWith,
        MappingRuleMatchType::NotEqual,
    ];
    let mut m = RoleMapping::builder()
        .r#type(if token {
            RoleMappingType::Token
        } else {
            RoleMappingType::Rules
        })
        .ambiguous_role_resolution(if deny {
            aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::Deny
        } else {
            aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::AuthenticatedRole
        });
    if !token {
        let mut config = RulesConfigurationType::builder();
        for (claim, op, value, role) in rules {
            config = config.rules(
                MappingRule::builder()
                    .claim(claim)
                    .match_type(types[*op].clone())
                    .value(value)
                    .role_arn(role_arn(ROLES[*role]))
                    .build()
                    .unwrap_or_else(|e| panic!("{e}")),
            );
        }
        m = m.rules_configuration(config.build().unwrap_or_else(|e| panic!("{e}")));
    }
    m.build().unwrap_or_else(|e| panic!("{e}"))
}

/// Creates the pool with the SDK: the pool, its default roles and mappings, its principal tags.
async fn create(sdk: &aws_sdk_cognitoidentity::Client, spec: &PoolSpec, n: usize) -> String {
    let mut create = sdk
        .create_identity_pool()
        .identity_pool_name(format!("prop-{n}"))
        .allow_unauthenticated_identities(spec.guest)
        .allow_classic_flow(spec.classic);
    for (kind, _) in &spec.providers {
        create = match *kind {
            Kind::UserPool(i) => create.cognito_identity_providers(
                CognitoIdentityProvider::builder()
                    .provider_name(provider_name(USER_POOLS[i].0))
                    .client_id(USER_POOLS[i].1)
                    .server_side_token_check(i % 2 == 0)
                    .build(),
            ),
            Kind::Social(i) => create.supported_login_providers(
                SOCIAL[i],
                if i == 4 {
                    "key;secret".to_string()
                } else {
                    format!("app-{i}")
                },
            ),
            Kind::Oidc => create.open_id_connect_provider_arns(oidc()),
            Kind::Saml => create.saml_provider_arns(saml()),
        };
    }
    if spec.developer {
        create = create.developer_provider_name("login.prop.dev");
    }
    for (k, v) in &spec.tags {
        create = create.identity_pool_tags(k, v);
    }
    let pool = create.send().await.unwrap_or_else(|e| panic!("{e:?}"));
    let pool_id = pool.identity_pool_id().to_string();
    let mut roles = sdk
        .set_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .roles("authenticated", role_arn("orders-app-auth"))
        .roles("unauthenticated", role_arn("orders-app-guest"));
    for (kind, settings) in &spec.providers {
        if let Some((rules, deny)) = &settings.mapping {
            let token = matches!(kind, Kind::UserPool(_)) && rules.len() == 1;
            roles = roles.role_mappings(
                kind.reference().mapping_key(),
                sdk_mapping(rules, *deny, token),
            );
        }
    }
    roles.send().await.unwrap_or_else(|e| panic!("{e:?}"));
    for (kind, settings) in &spec.providers {
        if let Some(tags) = &settings.tags {
            let mut set = sdk
                .set_principal_tag_attribute_map()
                .identity_pool_id(&pool_id)
                .identity_provider_name(kind.reference().tag_provider())
                .use_defaults(false);
            for (k, v) in tags {
                set = set.principal_tags(k, v);
            }
            set.send().await.unwrap_or_else(|e| panic!("{e:?}"));
        }
    }
    pool_id
}

fn rule_drafts(rules: &[Rule]) -> Vec<RuleDraft> {
    rules
        .iter()
        .map(|(claim, op, value, role)| RuleDraft {
            claim: Input::new(claim.clone()),
            operator: *op,
            value: Input::new(value.clone()),
            role: Some(RuleRole::Existing(IamRole {
                name: ROLES[*role].into(),
                arn: role_arn(ROLES[*role]),
                trust_policy: String::new(),
            })),
        })
        .collect()
}

fn source_of(kind: Kind) -> Source {
    cognito_tui::wizard::scoped::source_of(&kind.reference())
}

/// Runs one edit through the console; returns the fields it should have changed to what.
async fn run_edit(
    h: &mut cognito_tui::headless::Headless,
    spec: &PoolSpec,
    edit_spec: &EditSpec,
    before: &Fields,
) -> Option<Fields> {
    let mut expected = before.clone();
    let provider = |i: usize| {
        spec.providers
            .get(i % spec.providers.len().max(1))
            .map(|p| p.0)
    };
    let save = match edit_spec {
        EditSpec::Rename(name) => {
            expected.insert("name".into(), name.clone());
            edit(h, Section::Name, |d| d.name = Input::new(name.clone())).await
        }
        EditSpec::ClassicFlow => {
            expected.insert("classic flow".into(), (!spec.classic).to_string());
            edit(h, Section::ClassicFlow, |d| {
                d.classic_flow = !d.classic_flow
            })
            .await
        }
        EditSpec::Guest => {
            expected.insert("guest".into(), (!spec.guest).to_string());
            edit(h, Section::Guest, |d| d.guest = !d.guest).await
        }
        EditSpec::AuthRole(role) => {
            expected.insert("role authenticated".into(), role_arn(ROLES[*role]));
            edit(h, Section::Authenticated, |d| {
                d.auth_role.mode = RoleMode::Existing;
                d.auth_role.existing = Some(IamRole {
                    name: ROLES[*role].into(),
                    arn: role_arn(ROLES[*role]),
                    trust_policy: String::new(),
                });
            })
            .await
        }
        EditSpec::Tags { add, remove_first } => {
            let removed = spec
                .tags
                .first()
                .filter(|_| *remove_first)
                .map(|t| t.0.clone());
            if let Some(key) = &removed {
                expected.remove(&format!("tag {key}"));
            }
            expected.insert(format!("tag {}", add.0), add.1.clone());
            edit(h, Section::Tags, |d| {
                if let Some(key) = &removed {
                    d.tags.retain(|(k, _)| k.value() != key);
                }
                d.tags.retain(|(k, _)| k.value() != add.0);
                d.tags
                    .push((Input::new(add.0.clone()), Input::new(add.1.clone())));
            })
            .await
        }
        EditSpec::Rules(i, rules, deny) => {
            let kind = provider(*i)?;
            let (_, mapping, _) = kind.keys();
            expected.insert(
                mapping,
                access::mapping_text(&sdk_mapping(rules, *deny, false)),
            );
            edit(h, Section::RoleSettings(kind.reference()), |d| {
                let p = d.provider_mut(source_of(kind));
                p.role = RoleSetting::Rules;
                p.rules = rule_drafts(rules);
                p.deny_unmatched = *deny;
            })
            .await
        }
        EditSpec::Token(i) => {
            let kind = provider(*i).filter(|k| matches!(k, Kind::UserPool(_)))?;
            let (_, mapping, _) = kind.keys();
            let deny = before.get(&mapping).is_some_and(|m| m.contains(" Deny "));
            expected.insert(mapping, access::mapping_text(&sdk_mapping(&[], deny, true)));
            edit(h, Section::RoleSettings(kind.reference()), |d| {
                d.provider_mut(source_of(kind)).role = RoleSetting::Token;
            })
            .await
        }
        EditSpec::DefaultRole(i) => {
            let kind = provider(*i)?;
            let (_, mapping, _) = kind.keys();
            expected.remove(&mapping);
            edit(h, Section::RoleSettings(kind.reference()), |d| {
                d.provider_mut(source_of(kind)).role = RoleSetting::Default;
            })
            .await
        }
        EditSpec::PrincipalTags(i, tags) => {
            let kind = provider(*i)?;
            let (_, _, principal) = kind.keys();
            let map: BTreeMap<String, String> = tags.iter().cloned().collect();
            if map.len() != tags.len() {
                return None; // a duplicate key: the form refuses it (tested elsewhere)
            }
            expected.insert(principal, format!("defaults false {map:?}"));
            edit(h, Section::Attributes(kind.reference()), |d| {
                let p = d.provider_mut(source_of(kind));
                p.tags = TagMode::Custom;
                p.custom_tags = tags
                    .iter()
                    .map(|(k, c)| (Input::new(k.clone()), Input::new(c.clone())))
                    .collect();
            })
            .await
        }
        EditSpec::Remove(i) => {
            let kind = provider(*i)?;
            let (own, mapping, principal) = kind.keys();
            expected.remove(&own);
            expected.remove(&mapping);
            // A user pool's tag map stays while another app client of it remains.
            let shared = matches!(kind, Kind::UserPool(_))
                && spec.providers.iter().any(|(k, _)| {
                    *k != kind && k.reference().tag_provider() == kind.reference().tag_provider()
                });
            if !shared {
                expected.remove(&principal);
            }
            h.send(cognito_tui::console::Msg::Access(
                cognito_tui::screens::access::Msg::Save {
                    pool_id: before_pool_id(h),
                    finished: Box::new(cognito_tui::wizard::scoped::Finished {
                        edit: cognito_tui::domain::edit::Edit::Remove(kind.reference()),
                        new_role: None,
                        new_user_pool: None,
                        note: None,
                    }),
                },
            ));
            access::settle(h).await
        }
        EditSpec::AddSocial(i, id) => {
            let domain = SOCIAL[*i];
            if before.contains_key(&format!("login {domain}")) || *i == 4 {
                return None;
            }
            expected.insert(format!("login {domain}"), id.clone());
            let source = social_source(domain)?;
            edit(h, Section::AddProvider(source), |d| {
                d.app_ids.insert(source, Input::new(id.clone()));
            })
            .await
        }
    };
    if expected == *before {
        assert!(
            matches!(save.phase, Phase::Refused(_)),
            "nothing to save: {:?}",
            save.phase
        );
        close(h).await;
        return Some(expected);
    }
    assert_eq!(save.phase, Phase::Review, "{edit_spec:?}: {:?}", save.phase);
    let done = confirm(h).await;
    assert_eq!(
        done.phase,
        Phase::Done(Vec::new()),
        "{edit_spec:?}: {:?}",
        done.calls
    );
    close(h).await;
    Some(expected)
}

fn before_pool_id(h: &cognito_tui::headless::Headless) -> String {
    h.model.access.pool_id.clone().unwrap_or_default()
}

#[test]
fn a_random_edit_of_a_random_pool_changes_exactly_what_it_names() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sb = runtime.block_on(common::sandbox(Seed::Demo));
    let sdk = runtime.block_on(common::identity_client(&sb, "us-east-1"));
    let counter = std::cell::Cell::new(0usize);
    let checked = std::cell::Cell::new(0usize);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 240,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&(pool_spec(), edit_spec()), |(spec, edit_spec)| {
        counter.set(counter.get() + 1);
        runtime.block_on(async {
            let pool_id = create(&sdk, &spec, counter.get()).await;
            let before = fields(&sdk, &pool_id).await;
            let mut h = console_at(&sb, &pool_id, Options::default(), SIZE).await;
            visit_tabs(&mut h, &pool_id).await;
            if let Some(expected) = run_edit(&mut h, &spec, &edit_spec, &before).await {
                let after = fields(&sdk, &pool_id).await;
                assert_eq!(
                    changed(&expected, &after),
                    BTreeMap::new(),
                    "{edit_spec:?} on {spec:?}"
                );
                // Every third case also holds every tab to a console started afterwards (a
                // fresh console per case is most of the test's time; 80 cases cover every kind
                // of edit many times over).
                if counter.get().is_multiple_of(3) {
                    let what = format!("{edit_spec:?} on {spec:?}");
                    assert_tabs_match_fresh(&mut h, &sb, &pool_id, &what).await;
                }
                checked.set(checked.get() + 1);
            }
        });
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(
        checked.get() >= 200,
        "only {} of {} cases made an edit",
        checked.get(),
        counter.get()
    );
}
