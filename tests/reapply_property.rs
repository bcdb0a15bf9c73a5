//! Issue 29, item 2: re-applying an edit after a concurrent change applies only what the edit
//! names. For a random pool, a random edit of every kind, and a random concurrent change of
//! fields the edit does not name (itself an edit, made elsewhere): applying the edit to the pool
//! as it is now keeps every concurrent change and lands every change of the edit.
//!
//! It can fail: the same property checked on the re-apply that loses changes (writing the
//! configuration first intended, whole, over the new state — how the Tags form used to re-apply)
//! is refuted for some cases, and the test says so.

use std::collections::{BTreeMap, BTreeSet};

use cognito_tui::domain::CognitoProvider;
use cognito_tui::domain::config::{PoolConfig, diff};
use cognito_tui::domain::edit::{Edit, ProviderRef};
use cognito_tui::domain::roles::{MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const USER_POOL: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";
const SOCIAL: [&str; 4] = [
    "accounts.google.com",
    "graph.facebook.com",
    "www.amazon.com",
    "appleid.apple.com",
];

fn role(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

fn oidc(i: u8) -> String {
    format!("arn:aws:iam::123456789012:oidc-provider/idp{i}.example.com")
}

fn saml(i: u8) -> String {
    format!("arn:aws:iam::123456789012:saml-provider/Corp{i}")
}

fn word() -> impl Strategy<Value = String> {
    "[a-z]{1,6}"
}

fn mapping() -> impl Strategy<Value = RoleMapping> {
    let rule =
        (word(), 0..4usize, word(), word()).prop_map(|(claim, kind, value, name)| MappingRule {
            claim,
            match_type: ["Equals", "Contains", "StartsWith", "NotEqual"][kind].into(),
            value,
            role_arn: role(&name),
        });
    prop_oneof![
        Just(RoleMapping {
            mapping_type: "Token".into(),
            ambiguous_role_resolution: Some("AuthenticatedRole".into()),
            rules_configuration: None,
        }),
        (prop::collection::vec(rule, 1..4), any::<bool>()).prop_map(|(rules, deny)| {
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some(
                    if deny { "Deny" } else { "AuthenticatedRole" }.into(),
                ),
                rules_configuration: Some(RulesConfiguration { rules }),
            }
        }),
    ]
}

fn tag_map() -> impl Strategy<Value = PrincipalTagMap> {
    (
        any::<bool>(),
        prop::collection::btree_map(word(), word(), 0..3),
    )
        .prop_map(|(use_defaults, principal_tags)| PrincipalTagMap {
            use_defaults,
            principal_tags,
        })
}

/// A pool with some of every kind of provider, each maybe with a mapping and a tag map.
fn pool() -> impl Strategy<Value = PoolConfig> {
    (
        (word(), any::<bool>(), any::<bool>()),
        prop::collection::btree_map(word(), word(), 0..4),
        (
            prop::collection::btree_set(0..3u8, 0..3),
            prop::collection::btree_set(0..4usize, 0..4),
            prop::collection::btree_set(0..3u8, 0..3),
            prop::collection::btree_set(0..2u8, 0..2),
        ),
        prop::collection::vec(prop::option::of(mapping()), 12),
        prop::collection::vec(prop::option::of(tag_map()), 12),
    )
        .prop_map(
            |((name, guest, classic), tags, (clients, socials, oidcs, samls), maps, tag_maps)| {
                let mut config = PoolConfig::default();
                let pool = &mut config.pool;
                pool.identity_pool_id = "us-east-1:00000000-0000-4000-8000-000000000000".into();
                pool.identity_pool_name = name;
                pool.allow_unauthenticated_identities = guest;
                pool.allow_classic_flow = Some(classic);
                pool.identity_pool_tags = tags;
                pool.cognito_identity_providers = clients
                    .iter()
                    .map(|c| CognitoProvider {
                        provider_name: USER_POOL.into(),
                        client_id: format!("client{c}"),
                        server_side_token_check: false,
                    })
                    .collect();
                for s in &socials {
                    pool.supported_login_providers
                        .insert(SOCIAL[*s].into(), format!("app-{s}"));
                }
                pool.open_id_connect_provider_arns = oidcs.iter().map(|i| oidc(*i)).collect();
                pool.saml_provider_arns = samls.iter().map(|i| saml(*i)).collect();
                config
                    .roles
                    .roles
                    .insert("authenticated".into(), role("auth"));
                if guest {
                    config
                        .roles
                        .roles
                        .insert("unauthenticated".into(), role("guest"));
                }
                for (i, provider) in ProviderRef::all(&config.pool).iter().enumerate() {
                    if let Some(Some(mapping)) = maps.get(i) {
                        config
                            .roles
                            .role_mappings
                            .insert(provider.mapping_key(), mapping.clone());
                    }
                    if let Some(Some(map)) = tag_maps.get(i)
                        && *map != PrincipalTagMap::default()
                    {
                        config
                            .principal_tags
                            .insert(provider.tag_provider(), map.clone());
                    }
                }
                config
            },
        )
}

/// The parts of a random edit: which kind, and its values (each kind takes what it needs).
#[derive(Debug, Clone)]
struct Choice {
    kind: usize,
    flag: bool,
    pick: usize,
    text: String,
    mapping: RoleMapping,
    map: PrincipalTagMap,
    then: Option<Box<Choice>>,
}

fn one_choice() -> impl Strategy<Value = Choice> {
    (
        0..13usize,
        any::<bool>(),
        0..16usize,
        word(),
        mapping(),
        tag_map(),
    )
        .prop_map(|(kind, flag, pick, text, mapping, map)| Choice {
            kind,
            flag,
            pick,
            text,
            mapping,
            map,
            then: None,
        })
}

fn choice() -> impl Strategy<Value = Choice> {
    // Now and then two edits as one save (a provider added with its role settings).
    (one_choice(), prop::option::weighted(0.15, one_choice())).prop_map(|(mut first, then)| {
        first.then = then.map(Box::new);
        first
    })
}

/// The edit a choice makes on `config` (None when the pool has nothing it can act on).
fn edit_of(config: &PoolConfig, c: &Choice) -> Option<Edit> {
    let providers = ProviderRef::all(&config.pool);
    let provider = (!providers.is_empty()).then(|| providers[c.pick % providers.len()].clone());
    let edit = match c.kind {
        0 => Edit::GuestAccess {
            enabled: c.flag,
            role: c.flag.then(|| role(&c.text)),
        },
        1 => Edit::AuthenticatedRole(c.flag.then(|| role(&c.text))),
        2 => Edit::Rename(format!("renamed-{}", c.text)),
        3 => Edit::ClassicFlow(c.flag),
        4 => {
            let existing: Vec<&String> = config.pool.identity_pool_tags.keys().collect();
            let remove = match (c.flag, existing.is_empty()) {
                (true, false) => vec![existing[c.pick % existing.len()].clone()],
                _ => Vec::new(),
            };
            let mut set = BTreeMap::new();
            if !c.flag || remove.is_empty() {
                set.insert(format!("k{}", c.text), format!("v{}", c.pick));
            }
            Edit::Tags { set, remove }
        }
        5 => {
            let clients = &config.pool.cognito_identity_providers;
            let replacing = (c.flag && !clients.is_empty()).then(|| {
                let old = &clients[c.pick % clients.len()];
                (old.provider_name.clone(), old.client_id.clone())
            });
            Edit::UserPool {
                provider: CognitoProvider {
                    provider_name: USER_POOL.into(),
                    client_id: format!("client-{}", c.text),
                    server_side_token_check: c.flag,
                },
                replacing,
            }
        }
        6 => Edit::Social {
            domain: SOCIAL[c.pick % SOCIAL.len()].into(),
            app_id: format!("app-{}", c.text),
        },
        7 => Edit::AddOidc(oidc(10 + (c.pick % 5) as u8)),
        8 => Edit::AddSaml(saml(10 + (c.pick % 5) as u8)),
        9 => Edit::Mapping {
            provider: provider?,
            mapping: c.flag.then(|| c.mapping.clone()),
        },
        10 => Edit::PrincipalTags {
            provider: provider?,
            map: c.map.clone(),
        },
        11 => Edit::Remove(provider?),
        _ => {
            let old = providers
                .iter()
                .filter(|p| matches!(p, ProviderRef::Oidc(_) | ProviderRef::Saml(_)))
                .nth(c.pick % 3)?
                .clone();
            let new = match old {
                ProviderRef::Oidc(_) => oidc(20 + (c.pick % 5) as u8),
                _ => saml(20 + (c.pick % 5) as u8),
            };
            Edit::ReplaceIamProvider { old, new }
        }
    };
    match &c.then {
        None => Some(edit),
        Some(then) => {
            let first = edit.apply(config).ok()?;
            let second = edit_of(&first, then)?;
            Some(Edit::Many(vec![edit, second]))
        }
    }
}

/// The part of the pool a field belongs to, as far as an edit names it: one tag, one provider's
/// whole role mapping, one provider's whole attributes for access control, one provider, or the
/// field itself.
fn section(field: &str) -> String {
    for whole in ["Role mapping of ", "Attributes for access control of "] {
        if let Some(rest) = field.strip_prefix(whole) {
            // The key ends at the last ": " (a mapping key holds a colon: `pool:client`).
            let key = rest.rsplit_once(": ").map_or(rest, |(key, _)| key);
            return format!("{whole}{key}");
        }
    }
    for provider in [
        "User pool provider ",
        "Login provider ",
        "OpenID Connect provider ",
        "SAML provider ",
    ] {
        if let Some(rest) = field.strip_prefix(provider) {
            let name = rest.split_once(": ").map_or(rest, |(name, _)| name);
            let name = name
                .split_once(", app client ")
                .map_or(name, |(name, _)| name);
            return format!("provider {name}");
        }
    }
    field.to_string()
}

/// Every field an edit names, as sections, even those it leaves as they are: its providers (an
/// edit of a provider's mapping names the provider too: a concurrent removal of it is not
/// "elsewhere"), and each field it sets.
fn named_providers(edit: &Edit, out: &mut BTreeSet<String>) {
    let mut provider = |p: &ProviderRef| {
        out.insert(format!("provider {}", p.tag_provider()));
        if let ProviderRef::Social(d) | ProviderRef::Oidc(d) | ProviderRef::Saml(d) = p {
            out.insert(format!("provider {d}"));
        }
        out.insert(format!("Role mapping of {}", p.mapping_key()));
        out.insert(format!(
            "Attributes for access control of {}",
            p.tag_provider()
        ));
    };
    match edit {
        Edit::Mapping { provider: p, .. }
        | Edit::PrincipalTags { provider: p, .. }
        | Edit::Remove(p) => provider(p),
        Edit::ReplaceIamProvider { old, new } => {
            provider(old);
            out.insert(format!("provider {new}"));
        }
        Edit::UserPool {
            provider: p,
            replacing,
        } => {
            out.insert(format!("provider {}", p.provider_name));
            out.insert(format!(
                "Attributes for access control of {}",
                p.provider_name
            ));
            for (name, client) in replacing.iter().map(|(n, c)| (n, c)) {
                out.insert(format!("Role mapping of {name}:{client}"));
            }
            out.insert(format!(
                "Role mapping of {}:{}",
                p.provider_name, p.client_id
            ));
        }
        Edit::Many(edits) => edits.iter().for_each(|e| named_providers(e, out)),
        // The fields an edit sets even where they already hold its value.
        Edit::GuestAccess { role, .. } => {
            out.insert("Guest access".into());
            if role.is_some() {
                out.insert("Guest role".into());
            }
        }
        Edit::AuthenticatedRole(_) => {
            out.insert("Authenticated role".into());
        }
        Edit::Rename(_) => {
            out.insert("Name".into());
        }
        Edit::ClassicFlow(_) => {
            out.insert("Basic (classic) flow".into());
        }
        Edit::Tags { set, remove } => {
            out.extend(set.keys().chain(remove).map(|k| format!("Tag {k}")));
        }
        Edit::Social { domain, .. } => {
            out.insert(format!("provider {domain}"));
            out.insert(format!("Role mapping of {domain}"));
        }
        Edit::AddOidc(arn) | Edit::AddSaml(arn) => {
            out.insert(format!("provider {arn}"));
        }
    }
}

/// What an edit names on `base`: the sections of the fields it changes, and its providers.
fn named(edit: &Edit, base: &PoolConfig, after: &PoolConfig) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = diff(base, after)
        .iter()
        .map(|c| section(&c.field))
        .collect();
    named_providers(edit, &mut out);
    out
}

/// One case: `Ok(false)` when it does not apply (the edits overlap, or one cannot be made);
/// an error when `reapply` loses a concurrent change or drops part of the edit.
fn check(
    base: &PoolConfig,
    ours: &Choice,
    theirs: &Choice,
    reapply: impl Fn(&Edit, &PoolConfig, &PoolConfig) -> PoolConfig,
) -> Result<bool, String> {
    let Some(edit) = edit_of(base, ours) else {
        return Ok(false);
    };
    let Ok(intended) = edit.apply(base) else {
        return Ok(false);
    };
    let Some(elsewhere) = edit_of(base, theirs) else {
        return Ok(false);
    };
    let Ok(now) = elsewhere.apply(base) else {
        return Ok(false);
    };
    let ours_named = named(&edit, base, &intended);
    let theirs_named = named(&elsewhere, base, &now);
    let changed_elsewhere = diff(base, &now);
    if diff(base, &intended).is_empty()
        || changed_elsewhere.is_empty()
        || !ours_named.is_disjoint(&theirs_named)
    {
        return Ok(false);
    }
    let result = reapply(&edit, &intended, &now);
    // Every concurrent change survives: what differs from `now` is only what the edit names.
    let lost: Vec<String> = diff(&now, &result)
        .iter()
        .filter(|c| !ours_named.contains(&section(&c.field)))
        .map(ToString::to_string)
        .collect();
    // The edit lands: what differs from what it intended is only what the other change named.
    let dropped: Vec<String> = diff(&intended, &result)
        .iter()
        .filter(|c| !theirs_named.contains(&section(&c.field)))
        .map(ToString::to_string)
        .collect();
    if lost.is_empty() && dropped.is_empty() {
        Ok(true)
    } else {
        Err(format!(
            "edit {edit:?}\nelsewhere {elsewhere:?}\nconcurrent changes lost: {lost:?}\nedit not applied: {dropped:?}"
        ))
    }
}

/// Runs the property over `cases` cases with `reapply`; how many cases applied and the kinds of
/// edit among them (13 for two as one save), or the first counterexample.
fn run(
    cases: u32,
    reapply: impl Fn(&Edit, &PoolConfig, &PoolConfig) -> PoolConfig + Copy,
) -> Result<(usize, BTreeSet<usize>), String> {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let applied = std::cell::Cell::new(0usize);
    let kinds = std::cell::RefCell::new(BTreeSet::new());
    let result = runner.run(
        &(pool(), choice(), choice()),
        |(base, ours, theirs)| match check(&base, &ours, &theirs, reapply) {
            Ok(true) => {
                applied.set(applied.get() + 1);
                let kind = if ours.then.is_some() { 13 } else { ours.kind };
                kinds.borrow_mut().insert(kind);
                Ok(())
            }
            Ok(false) => Err(TestCaseError::reject("the two edits overlap")),
            Err(why) => Err(TestCaseError::fail(why)),
        },
    );
    result
        .map(|()| (applied.get(), kinds.take()))
        .map_err(|e| e.to_string())
}

/// The console's re-apply: the edit applied again to the pool as it is now.
fn edit_applied_to_now(edit: &Edit, _: &PoolConfig, now: &PoolConfig) -> PoolConfig {
    edit.apply(now)
        .unwrap_or_else(|e| panic!("the edit applies to the new state: {e}"))
}

#[test]
fn a_reapplied_edit_keeps_every_concurrent_change_and_lands_whole() {
    let (applied, kinds) = run(300, edit_applied_to_now).unwrap_or_else(|e| panic!("{e}"));
    assert!(applied >= 200, "{applied} cases of two disjoint edits");
    assert_eq!(
        kinds,
        (0..14).collect::<BTreeSet<usize>>(),
        "every kind of edit was checked"
    );
}

#[test]
fn the_property_catches_a_reapply_that_writes_the_first_intent_whole() {
    let whole = |_: &Edit, intended: &PoolConfig, _: &PoolConfig| intended.clone();
    let refuted = run(300, whole);
    assert!(
        refuted
            .as_ref()
            .is_err_and(|e| e.contains("concurrent changes lost")),
        "{refuted:?}"
    );
}
