//! `update` on the create wizard: gating, validation messages, focus, the rule table, review
//! jumps, pickers, drafts, and the exact ordered effects of creating (with failure, retry, undo).

mod app_support;

use app_support::wizard::*;
use app_support::*;
use cognito_tui::app::Level;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, Effect, ErrorKind, Tab};
use cognito_tui::console::Msg;
use cognito_tui::domain::policy::{self, Audience};
use cognito_tui::domain::roles::{
    MAX_RULES, MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration,
};
use cognito_tui::domain::{CognitoProvider, IdentityPool};
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::create::Phase;
use cognito_tui::wizard::draft::RoleSetting;
use cognito_tui::wizard::fields::FieldId;
use cognito_tui::wizard::{Dialog, Source, Step};
use crossterm::event::{KeyCode, KeyModifiers};
use pretty_assertions::assert_eq;
use std::collections::BTreeMap;

const SIZE: (u16, u16) = (120, 40);

/// The wizard on Review with the user-pool draft (roles a and g).
fn sample() -> cognito_tui::console::Model {
    on_review(
        user_pool_draft("p", "a", "g", existing_role("partner")),
        SIZE,
    )
}

fn notice(model: &cognito_tui::console::Model) -> String {
    notice_text(model)
}

#[test]
fn n_opens_the_wizard_and_lists_the_accounts_roles() {
    let (model, effects) = open_wizard(SIZE);
    assert!(
        matches!(effects.as_slice(), [Effect::ListRoles { marker: None, .. }]),
        "{effects:?}"
    );
    assert_eq!(wizard(&model).step, Step::Trust);
    assert_eq!(focused(&model), Some(FieldId::Authenticated));
}

#[test]
fn read_only_refuses_the_wizard_with_the_reason() {
    let (mut model, _) = connected(read_only(), SIZE);
    let effects = act(&mut model, PoolAction::New);
    assert!(model.wizard.open.is_none());
    assert!(effects.is_empty());
    assert!(notice(&model).contains("Read-only mode (--read-only): creating pools is disabled"));
}

#[test]
fn the_trust_step_needs_an_access_type_and_a_source() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Trust, "nothing chosen: stays");
    assert!(
        notice(&model).contains("Choose authenticated access, guest access, or both."),
        "{}",
        notice(&model)
    );
    let _ = key(&mut model, KeyCode::Char(' '));
    assert!(wizard(&model).draft.authenticated);
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Trust);
    assert!(
        notice(&model).contains("at least one identity source"),
        "{}",
        notice(&model)
    );
    focus(&mut model, FieldId::Source(Source::Google));
    assert!(
        notice(&model).contains("at least one identity source"),
        "still true while nothing is chosen"
    );
    let _ = key(&mut model, KeyCode::Char(' '));
    assert_eq!(
        notice(&model),
        "",
        "the refusal goes once what it asked for is done"
    );
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Permissions);
    assert_eq!(notice(&model), "", "no stale refusal on the next step");
    let _ = ctrl(&mut model, 'p');
    assert_eq!(wizard(&model).step, Step::Trust);
}

#[test]
fn focus_moves_over_fields_only_and_stops_at_the_ends() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = key(&mut model, KeyCode::Up);
    assert_eq!(focused(&model), Some(FieldId::Authenticated));
    let _ = key(&mut model, KeyCode::Tab);
    assert_eq!(focused(&model), Some(FieldId::Guest));
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = key(&mut model, KeyCode::Down);
    assert_eq!(
        focused(&model),
        Some(FieldId::Guest),
        "guest only: no sources to move to"
    );
    let _ = press(&mut model, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(focused(&model), Some(FieldId::Authenticated));
}

#[test]
fn role_names_are_checked_as_typed_against_iams_rules_and_the_account() {
    let (mut model, effects) = open_wizard(SIZE);
    let Some(Effect::ListRoles { req, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListRoles(Ok((vec![existing_role("Orders-Auth")], None))),
        },
    );
    let _ = key(&mut model, KeyCode::Char(' '));
    focus(&mut model, FieldId::Source(Source::Google));
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = ctrl(&mut model, 'n');
    focus(&mut model, FieldId::RoleName(Audience::Authenticated));
    keys(&mut model, "orders auth");
    let error = field_error(&model, FieldId::RoleName(Audience::Authenticated)).unwrap_or_default();
    assert_eq!(
        error,
        "Not allowed: 1–64 of letters, digits and + = , . @ _ -"
    );
    for _ in 0..5 {
        let _ = key(&mut model, KeyCode::Backspace);
    }
    keys(&mut model, "-auth");
    let error = field_error(&model, FieldId::RoleName(Audience::Authenticated)).unwrap_or_default();
    assert!(
        error.contains("already has a role named Orders-Auth"),
        "{error}"
    );
    let _ = ctrl(&mut model, 'n');
    assert_eq!(
        wizard(&model).step,
        Step::Permissions,
        "a taken name blocks"
    );
    let _ = key(&mut model, KeyCode::Char('2'));
    assert_eq!(
        field_error(&model, FieldId::RoleName(Audience::Authenticated)),
        None
    );
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Providers);
}

#[test]
fn typing_on_a_text_field_does_not_trigger_keys() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = key(&mut model, KeyCode::Tab);
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = ctrl(&mut model, 'n');
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Trust, "auth without a source");
    focus(&mut model, FieldId::Source(Source::Developer));
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = ctrl(&mut model, 'n');
    focus(&mut model, FieldId::RoleName(Audience::Guest));
    keys(&mut model, "q?jkv 1");
    assert_eq!(wizard(&model).draft.guest_role.new_name.value(), "q?jkv 1");
    assert!(model.wizard.open.is_some() && !model.quitting && model.overlay.is_none());
}

#[test]
fn the_rule_table_adds_edits_reorders_deletes_and_stops_at_25() {
    let mut model = sample();
    go_to(&mut model, Step::Providers);
    wizard_mut(&mut model)
        .draft
        .provider_mut(Source::UserPool)
        .rules
        .clear();
    focus(&mut model, FieldId::AddRule(Source::UserPool));
    let _ = key(&mut model, KeyCode::Enter);
    assert_eq!(
        focused(&model),
        Some(FieldId::RuleClaim(Source::UserPool, 0))
    );
    keys(&mut model, "cognito:groups");
    let _ = key(&mut model, KeyCode::Tab);
    let _ = key(&mut model, KeyCode::Right);
    let _ = key(&mut model, KeyCode::Tab);
    keys(&mut model, "admins");
    let rules = wizard(&model).draft.provider(Source::UserPool).rules;
    assert_eq!(
        (
            rules[0].claim.value(),
            rules[0].operator,
            rules[0].value.value()
        ),
        ("cognito:groups", 1, "admins")
    );
    assert!(
        field_error(&model, FieldId::RuleRole(Source::UserPool, 0))
            .is_some_and(|e| e.contains("pick a role"))
    );
    focus(&mut model, FieldId::AddRule(Source::UserPool));
    let _ = key(&mut model, KeyCode::Enter);
    keys(&mut model, "custom:tier");
    let _ = press(&mut model, KeyCode::Up, KeyModifiers::CONTROL);
    assert_eq!(
        focused(&model),
        Some(FieldId::RuleClaim(Source::UserPool, 0)),
        "focus follows the moved rule"
    );
    let claims = |m: &cognito_tui::console::Model| {
        wizard(m)
            .draft
            .provider(Source::UserPool)
            .rules
            .iter()
            .map(|r| r.claim.value().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(claims(&model), ["custom:tier", "cognito:groups"]);
    let _ = ctrl(&mut model, 'x');
    assert_eq!(claims(&model), ["cognito:groups"]);
    for _ in 0..30 {
        focus(&mut model, FieldId::RoleSetting(Source::UserPool));
        if wizard(&model).draft.provider(Source::UserPool).rules.len() == MAX_RULES {
            break;
        }
        focus(&mut model, FieldId::AddRule(Source::UserPool));
        let _ = key(&mut model, KeyCode::Enter);
    }
    assert_eq!(
        wizard(&model).draft.provider(Source::UserPool).rules.len(),
        MAX_RULES
    );
    let rows = wizard(&model).rows(model.store.catalog(), Step::Providers);
    assert!(!rows.iter().any(|r| matches!(r, cognito_tui::wizard::fields::Row::Field(f) if f.id == FieldId::AddRule(Source::UserPool))));
    assert!(
        rows.iter().any(
            |r| matches!(r, cognito_tui::wizard::fields::Row::Note(n) if n.contains("25 rules"))
        )
    );
}

#[test]
fn role_settings_offer_token_only_for_user_pools() {
    let mut model = sample();
    go_to(&mut model, Step::Providers);
    focus(&mut model, FieldId::RoleSetting(Source::UserPool));
    let _ = key(&mut model, KeyCode::Right);
    assert_eq!(
        wizard(&model).draft.provider(Source::UserPool).role,
        RoleSetting::Token
    );
    let _ = key(&mut model, KeyCode::Right);
    assert_eq!(
        wizard(&model).draft.provider(Source::UserPool).role,
        RoleSetting::Default
    );
    let mut draft = wizard(&model).draft.clone();
    draft.sources.insert(Source::Google);
    wizard_mut(&mut model).draft = draft;
    focus(&mut model, FieldId::RoleSetting(Source::Google));
    let _ = key(&mut model, KeyCode::Left);
    assert_eq!(
        wizard(&model).draft.provider(Source::Google).role,
        RoleSetting::Rules,
        "wraps over two options"
    );
}

#[test]
fn review_e_jumps_to_a_step_and_ctrl_n_returns_to_review() {
    let mut model = sample();
    let _ = key(&mut model, KeyCode::Down);
    let _ = key(&mut model, KeyCode::Down);
    let _ = key(&mut model, KeyCode::Char('e'));
    assert_eq!(wizard(&model).step, Step::Providers);
    assert!(wizard(&model).from_review);
    let _ = ctrl(&mut model, 'n');
    assert_eq!(wizard(&model).step, Step::Review);
    let _ = key(&mut model, KeyCode::Down);
    let _ = key(&mut model, KeyCode::Char('e'));
    assert_eq!(wizard(&model).step, Step::Properties);
    focus(&mut model, FieldId::PoolName);
    let _ = ctrl(&mut model, 'x');
    for _ in 0..3 {
        let _ = key(&mut model, KeyCode::Backspace);
    }
    let _ = ctrl(&mut model, 'n');
    assert_eq!(
        wizard(&model).step,
        Step::Properties,
        "an empty name blocks"
    );
    assert!(
        notice(&model).contains("Identity pool name: Required: 1–128 characters"),
        "{}",
        notice(&model)
    );
}

#[test]
fn creating_from_review_with_a_problem_goes_to_that_step() {
    // Review is reached with every step valid; then the account's roles arrive and one has the
    // name the new authenticated role was to get, so step 2 is no longer valid.
    let (mut model, effects) = open_wizard(SIZE);
    let Some(Effect::ListRoles { req, .. }) = effects.first().cloned() else {
        panic!("the wizard lists roles: {effects:?}")
    };
    wizard_mut(&mut model).draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    go_to(&mut model, Step::Review);
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListRoles(Ok((vec![existing_role("a")], None))),
        },
    );
    let effects = key(&mut model, KeyCode::Enter);
    assert!(effects.is_empty(), "nothing is created: {effects:?}");
    assert_eq!(wizard(&model).step, Step::Permissions);
    assert!(
        notice(&model).contains(
            "Step 2 needs attention: IAM role name: The account already has a role named a"
        ),
        "{}",
        notice(&model)
    );
}

fn only(effects: &[Effect]) -> Effect {
    assert_eq!(effects.len(), 1, "{effects:?}");
    effects[0].clone()
}

fn arn(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

/// Runs the user-pool draft's creation, answering every call with success; returns the effects.
fn create_all(model: &mut cognito_tui::console::Model) -> Vec<Effect> {
    let mut seen = Vec::new();
    let mut effect = only(&key(model, KeyCode::Enter));
    loop {
        seen.push(effect.clone());
        let result = created_ok(&effect);
        let next = send(model, answer(&effect, Ok(result)));
        let calls: Vec<Effect> = next
            .into_iter()
            .filter(|e| {
                !matches!(
                    e,
                    Effect::DescribeIdentityPool { .. } | Effect::GetIdentityPoolRoles { .. }
                )
            })
            .collect();
        match calls.as_slice() {
            [] => return seen,
            [one] => effect = one.clone(),
            more => panic!("one call at a time: {more:?}"),
        }
    }
}

#[test]
fn create_runs_exactly_the_calls_in_order_then_opens_the_pool() {
    let partner = existing_role("orders-app-partner");
    let mut model = on_review(
        user_pool_draft(
            "orders-next",
            "orders-next-auth",
            "orders-next-guest",
            partner.clone(),
        ),
        SIZE,
    );
    let effects = create_all(&mut model);
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    let mut expected_pool = IdentityPool {
        identity_pool_name: "orders-next".into(),
        allow_unauthenticated_identities: true,
        allow_classic_flow: Some(false),
        cognito_identity_providers: vec![CognitoProvider {
            provider_name: provider.clone(),
            client_id: CLIENT.into(),
            server_side_token_check: false,
        }],
        ..Default::default()
    };
    expected_pool
        .identity_pool_tags
        .insert("team".into(), "orders".into());
    let mut ids = effects.iter().map(req_of);
    let mut next_req = || ids.next().unwrap_or_default();
    let role_effects = |audience: Audience, name: &str, tags: bool, req1: u64, req2: u64| {
        vec![
            Effect::CreateRole {
                req: req1,
                name: name.into(),
                trust_policy: policy::cognito_trust_policy(NEW_POOL, audience, tags),
                description: format!(
                    "{} role of identity pool orders-next ({NEW_POOL}), created by cognito-tui",
                    if audience == Audience::Guest {
                        "Guest"
                    } else {
                        "Authenticated"
                    }
                ),
            },
            Effect::PutRolePolicy {
                req: req2,
                role_name: name.into(),
                policy_name: policy::BASIC_PERMISSIONS_NAME.into(),
                document: policy::cognito_basic_permissions(),
            },
        ]
    };
    let mut expected = vec![Effect::CreateIdentityPool {
        req: next_req(),
        pool: expected_pool,
    }];
    let (a, b) = (next_req(), next_req());
    expected.extend(role_effects(
        Audience::Authenticated,
        "orders-next-auth",
        true,
        a,
        b,
    ));
    let (a, b) = (next_req(), next_req());
    expected.extend(role_effects(
        Audience::Guest,
        "orders-next-guest",
        false,
        a,
        b,
    ));
    let rule = |claim: &str, match_type: &str, value: &str, role_arn: String| MappingRule {
        claim: claim.into(),
        match_type: match_type.into(),
        value: value.into(),
        role_arn,
    };
    expected.push(Effect::SetIdentityPoolRoles {
        req: next_req(),
        pool_id: NEW_POOL.into(),
        roles: BTreeMap::from([
            ("authenticated".to_string(), arn("orders-next-auth")),
            ("unauthenticated".to_string(), arn("orders-next-guest")),
        ]),
        role_mappings: BTreeMap::from([(
            format!("{provider}:{CLIENT}"),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: Some(RulesConfiguration {
                    rules: vec![
                        rule(
                            "cognito:groups",
                            "Contains",
                            "admins",
                            arn("orders-next-auth"),
                        ),
                        rule("custom:tier", "Equals", "partner", partner.arn.clone()),
                    ],
                }),
            },
        )]),
    });
    expected.push(Effect::SetPrincipalTagAttributeMap {
        req: next_req(),
        pool_id: NEW_POOL.into(),
        provider,
        tags: PrincipalTagMap {
            use_defaults: false,
            principal_tags: BTreeMap::from([("user".to_string(), "sub".to_string())]),
        },
    });
    assert_eq!(effects, expected);
    assert!(model.wizard.open.is_none(), "the wizard closes");
    assert_eq!(model.tab, Tab::Pools);
    assert_eq!(
        model.pools.open.as_deref(),
        Some(NEW_POOL),
        "the new pool opens"
    );
    assert_eq!(
        model.pools.selected_pool().map(|p| p.id.as_str()),
        Some(NEW_POOL),
        "and is selected"
    );
    assert_eq!(
        model.current_pool.as_ref().map(|p| p.0.as_str()),
        Some(NEW_POOL)
    );
    assert_eq!(model.notice.as_ref().map(|n| n.level), Some(Level::Success));
}

fn fail(code: &str) -> AwsError {
    AwsError {
        kind: ErrorKind::Service,
        code: Some(code.into()),
        message: format!("{code} happened"),
        request_id: Some("req-1".into()),
    }
}

/// Creates until the `n`th call (0-based), which fails.
fn create_failing_at(model: &mut cognito_tui::console::Model, n: usize) {
    let mut effect = only(&key(model, KeyCode::Enter));
    for i in 0.. {
        let result = if i == n {
            Err(fail("LimitExceededException"))
        } else {
            Ok(created_ok(&effect))
        };
        let next = send(model, answer(&effect, result));
        if i == n {
            assert!(next.is_empty(), "nothing after a failure: {next:?}");
            return;
        }
        effect = only(&next);
    }
}

#[test]
fn a_failure_stops_says_what_exists_and_undo_removes_it_in_order() {
    let mut model = on_review(
        user_pool_draft("p", "p-auth", "p-guest", existing_role("partner")),
        SIZE,
    );
    create_failing_at(&mut model, 4);
    let creation = wizard(&model)
        .creation
        .clone()
        .unwrap_or_else(|| panic!("creation"));
    assert_eq!(creation.phase(), Phase::Failed);
    assert_eq!(
        creation.made(),
        vec![
            format!("identity pool p ({NEW_POOL})"),
            format!("authenticated role p-auth ({})", arn("p-auth")),
            format!("guest role p-guest ({})", arn("p-guest")),
        ]
    );
    assert!(model.errors.front().is_some_and(
        |e| e.operation == "PutRolePolicy" && e.error.request_id.as_deref() == Some("req-1")
    ));
    let first = only(&key(&mut model, KeyCode::Char('u')));
    let Effect::DeleteRolePolicy { role_name, .. } = &first else {
        panic!("{first:?}")
    };
    assert_eq!(role_name, "p-auth");
    let second = only(&send(
        &mut model,
        answer(&first, Ok(cognito_tui::wizard::Created::Done)),
    ));
    assert!(
        matches!(&second, Effect::DeleteRole { role_name, .. } if role_name == "p-auth"),
        "{second:?}"
    );
    let third = only(&send(
        &mut model,
        answer(&second, Err(fail("DeleteConflictException"))),
    ));
    assert!(
        matches!(&third, Effect::DeleteRole { role_name, .. } if role_name == "p-guest"),
        "undo goes on past a failure: {third:?}"
    );
    let fourth = only(&send(
        &mut model,
        answer(&third, Ok(cognito_tui::wizard::Created::Done)),
    ));
    assert!(
        matches!(&fourth, Effect::DeleteIdentityPool { pool_id, .. } if pool_id == NEW_POOL),
        "{fourth:?}"
    );
    let after = send(
        &mut model,
        Msg::Response {
            req: req_of(&fourth),
            response: Response::DeleteIdentityPool(Ok(())),
        },
    );
    assert!(after.is_empty(), "{after:?}");
    let creation = wizard(&model)
        .creation
        .clone()
        .unwrap_or_else(|| panic!("creation"));
    assert_eq!(creation.phase(), Phase::Undone);
    assert!(
        notice(&model).contains("Undo finished with 1 failure(s): r retries them"),
        "{}",
        notice(&model)
    );
    // The failed undo step can be retried, as the notice says.
    let again = only(&key(&mut model, KeyCode::Char('r')));
    assert!(
        matches!(&again, Effect::DeleteRole { role_name, .. } if role_name == "p-auth"),
        "{again:?}"
    );
    let after = send(
        &mut model,
        answer(&again, Err(fail("DeleteConflictException"))),
    );
    assert!(after.is_empty(), "only the failed step is sent: {after:?}");
    let listed = key(&mut model, KeyCode::Esc);
    assert_eq!(
        wizard(&model).step,
        Step::Review,
        "back to Review with the draft"
    );
    assert!(wizard(&model).creation.is_none());
    let list = only(&listed);
    assert!(
        matches!(list, Effect::ListRoles { marker: None, .. }),
        "the account's roles are listed again: {list:?}"
    );
    // ⏎ waits for the names to be checked; p-auth is still there, so nothing is created.
    let waiting = key(&mut model, KeyCode::Enter);
    assert!(waiting.is_empty(), "{waiting:?}");
    assert!(notice(&model).contains("Checking the new roles' names"));
    let created = send(
        &mut model,
        Msg::Response {
            req: match list {
                Effect::ListRoles { req, .. } => req,
                _ => 0,
            },
            response: Response::ListRoles(Ok((
                vec![existing_role("partner"), existing_role("p-auth")],
                None,
            ))),
        },
    );
    assert!(
        created.is_empty(),
        "no CreateIdentityPool for a plan whose role exists: {created:?}"
    );
    assert_eq!(wizard(&model).step, Step::Permissions);
    assert!(
        notice(&model).contains("already has a role named p-auth"),
        "{}",
        notice(&model)
    );
}

#[test]
fn a_failure_with_nothing_created_offers_no_undo() {
    let mut model = on_review(
        user_pool_draft("p", "p-auth", "p-guest", existing_role("partner")),
        SIZE,
    );
    create_failing_at(&mut model, 0);
    let screen = render(&model);
    assert!(screen.contains("Nothing was created."), "{screen}");
    assert!(!screen.contains("u undo"), "{screen}");
    assert!(!screen.contains("keep it and open"), "{screen}");
    let listed = key(&mut model, KeyCode::Esc);
    assert_eq!(wizard(&model).step, Step::Review);
    assert!(wizard(&model).creation.is_none());
    assert!(listed.is_empty(), "no role was made: {listed:?}");
}

#[test]
fn retry_sends_the_failed_call_again_and_goes_on() {
    let mut model = on_review(
        user_pool_draft("p", "p-auth", "p-guest", existing_role("partner")),
        SIZE,
    );
    create_failing_at(&mut model, 5);
    let again = only(&key(&mut model, KeyCode::Char('r')));
    assert!(
        matches!(&again, Effect::SetIdentityPoolRoles { pool_id, .. } if pool_id == NEW_POOL),
        "{again:?}"
    );
    let next = only(&send(
        &mut model,
        answer(&again, Ok(cognito_tui::wizard::Created::Done)),
    ));
    assert!(matches!(next, Effect::SetPrincipalTagAttributeMap { .. }));
}

#[test]
fn keep_opens_the_partly_made_pool_and_a_failed_create_pool_leaves_nothing() {
    let mut model = on_review(
        user_pool_draft("p", "p-auth", "p-guest", existing_role("partner")),
        SIZE,
    );
    create_failing_at(&mut model, 1);
    let _ = key(&mut model, KeyCode::Char('o'));
    assert!(model.wizard.open.is_none());
    assert_eq!(model.pools.open.as_deref(), Some(NEW_POOL));
    assert_eq!(model.notice.as_ref().map(|n| n.level), Some(Level::Warning));

    let mut model = on_review(
        user_pool_draft("p", "p-auth", "p-guest", existing_role("partner")),
        SIZE,
    );
    create_failing_at(&mut model, 0);
    let creation = wizard(&model)
        .creation
        .clone()
        .unwrap_or_else(|| panic!("creation"));
    assert!(creation.made().is_empty());
    let effects = key(&mut model, KeyCode::Char('u'));
    assert!(effects.is_empty(), "nothing to undo: {effects:?}");
    assert!(wizard(&model).creation.is_none(), "back to Review");
    assert_eq!(wizard(&model).step, Step::Review);
    assert!(
        notice(&model).contains("Nothing was created"),
        "{}",
        notice(&model)
    );
}

#[test]
fn existing_roles_are_used_as_they_are_and_warned_about() {
    let draft = with_existing_roles(
        user_pool_draft("p", "", "", existing_role("partner")),
        existing_role("shared-auth"),
        existing_role("shared-guest"),
    );
    let mut model = at_step(draft, Step::Permissions, SIZE);
    let rows = wizard(&model).rows(model.store.catalog(), Step::Permissions);
    // The roles are not in the (empty) account listed: said for each, and left out here.
    let warnings: Vec<&String> = rows
        .iter()
        .filter_map(|r| match r {
            cognito_tui::wizard::fields::Row::Warning(w) => Some(w),
            _ => None,
        })
        .filter(|w| !w.contains("is not in this account"))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings[2].contains("allows authenticated but this role is for guest identities"),
        "{warnings:?}"
    );
    // The new authenticated role is gone, so the rule naming it must be re-picked.
    go_to(&mut model, Step::Providers);
    let error = field_error(&model, FieldId::RuleRole(Source::UserPool, 0)).unwrap_or_default();
    assert!(error.contains("No new authenticated role"), "{error}");
}

#[test]
fn pickers_load_every_page_filter_as_typed_and_pick() {
    let mut model = sample();
    wizard_mut(&mut model).draft.user_pool_id = Default::default();
    go_to(&mut model, Step::Providers);
    focus(&mut model, FieldId::ClientId);
    let effects = key(&mut model, KeyCode::Enter);
    assert!(effects.is_empty() && wizard(&model).picker.is_none());
    assert!(notice(&model).contains("Pick or type the user pool ID first"));
    focus(&mut model, FieldId::UserPoolId);
    let Effect::ListUserPools {
        req,
        next_token: None,
    } = only(&key(&mut model, KeyCode::Enter))
    else {
        panic!()
    };
    let page = |ids: &[&str]| {
        ids.iter()
            .map(|i| (i.to_string(), format!("{i} users")))
            .collect::<Vec<_>>()
    };
    let next = only(&send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPools(Ok((
                page(&["us-east-1_A1", "us-east-1_B2"]),
                Some("t2".into()),
            ))),
        },
    ));
    let Effect::ListUserPools {
        req,
        next_token: Some(token),
    } = next
    else {
        panic!("{next:?}")
    };
    assert_eq!(token, "t2");
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPools(Ok((page(&["us-east-1_C3"]), None))),
        },
    );
    keys(&mut model, "c3");
    let _ = key(&mut model, KeyCode::Enter);
    assert_eq!(wizard(&model).draft.user_pool_id.value(), "us-east-1_C3");
    assert_eq!(
        wizard(&model).draft.client_id.value(),
        "",
        "a new user pool clears the client"
    );
    focus(&mut model, FieldId::ClientId);
    let effect = only(&key(&mut model, KeyCode::Enter));
    assert!(
        matches!(&effect, Effect::ListUserPoolClients { user_pool_id, next_token: None, .. } if user_pool_id == "us-east-1_C3"),
        "{effect:?}"
    );
}

#[test]
fn esc_with_edits_asks_and_a_kept_draft_is_offered_again() {
    let (mut model, _) = open_wizard(SIZE);
    let _ = key(&mut model, KeyCode::Esc);
    assert!(model.wizard.open.is_none(), "no edits: Esc just closes");
    let _ = act(&mut model, PoolAction::New);
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = key(&mut model, KeyCode::Esc);
    assert_eq!(wizard(&model).dialog, Some(Dialog::Leave { focus: 0 }));
    let _ = key(&mut model, KeyCode::Enter);
    assert!(
        wizard(&model).dialog.is_none(),
        "Keep editing is focused first"
    );
    let _ = key(&mut model, KeyCode::Esc);
    let _ = key(&mut model, KeyCode::Right);
    let _ = key(&mut model, KeyCode::Enter);
    assert!(
        model.wizard.open.is_none() && model.wizard.parked.is_some(),
        "kept for later"
    );
    let _ = act(&mut model, PoolAction::New);
    assert_eq!(wizard(&model).dialog, Some(Dialog::Resume { focus: 0 }));
    // Esc says cancel: the wizard does not open, and the draft stays kept.
    let _ = key(&mut model, KeyCode::Esc);
    assert!(
        model.wizard.open.is_none() && model.wizard.parked.is_some(),
        "Esc on the question cancels and keeps the draft"
    );
    let _ = act(&mut model, PoolAction::New);
    assert_eq!(wizard(&model).dialog, Some(Dialog::Resume { focus: 0 }));
    let _ = key(&mut model, KeyCode::Enter);
    assert!(wizard(&model).draft.authenticated, "the draft continues");
    let _ = key(&mut model, KeyCode::Esc);
    let _ = key(&mut model, KeyCode::Left);
    let _ = key(&mut model, KeyCode::Enter);
    assert!(
        model.wizard.open.is_none() && model.wizard.parked.is_none(),
        "discarded"
    );
}

#[test]
fn v_shows_the_new_roles_policies_only_when_a_role_is_new() {
    let mut model = sample();
    go_to(&mut model, Step::Permissions);
    focus(&mut model, FieldId::RoleMode(Audience::Guest));
    let _ = key(&mut model, KeyCode::Char('v'));
    assert_eq!(wizard(&model).policy_view, Some((Audience::Guest, 0)));
    let _ = key(&mut model, KeyCode::Esc);
    assert_eq!(wizard(&model).policy_view, None);
    assert!(model.wizard.open.is_some());
}

#[test]
fn stale_and_foreign_answers_are_ignored() {
    let mut model = sample();
    let effect = only(&key(&mut model, KeyCode::Enter));
    assert!(matches!(effect, Effect::CreateIdentityPool { .. }));
    // An answer under a request id nobody waits for changes nothing…
    let stale = send(
        &mut model,
        answer_as(req_of(&effect) + 100, &effect, Ok(created_ok(&effect))),
    );
    assert!(stale.is_empty());
    let creation = wizard(&model).creation.as_ref();
    assert_eq!(creation.map(|c| c.phase()), Some(Phase::Creating));
    assert!(
        creation.is_some_and(|c| c.pool.is_none()),
        "the stale pool is not taken"
    );
    // …and the real answer still counts after it.
    let next = send(&mut model, answer(&effect, Ok(created_ok(&effect))));
    assert!(
        matches!(next.as_slice(), [Effect::CreateRole { .. }]),
        "{next:?}"
    );
    assert_eq!(
        wizard(&model)
            .creation
            .as_ref()
            .and_then(|c| c.pool.as_ref())
            .map(|p| p.identity_pool_id.as_str()),
        Some(NEW_POOL)
    );
}

#[test]
fn ctrl_c_asks_before_leaving_a_half_made_pool_and_a_second_ctrl_c_quits() {
    let mut model = sample();
    let effects = ctrl(&mut model, 'c');
    assert_eq!(
        effects,
        vec![Effect::Quit],
        "nothing made yet: quits at once"
    );

    let mut model = sample();
    create_failing_at(&mut model, 2);
    let effects = ctrl(&mut model, 'c');
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(
        model.overlay,
        Some(cognito_tui::console::model::Overlay::ConfirmQuit { .. })
    ));
    let _ = key(&mut model, KeyCode::Enter);
    assert!(
        !model.quitting && model.overlay.is_none(),
        "Cancel is focused"
    );
    let _ = key(&mut model, KeyCode::Char('u'));
    let _ = ctrl(&mut model, 'c');
    assert!(model.overlay.is_some(), "undoing: asks too");
    assert_eq!(ctrl(&mut model, 'c'), vec![Effect::Quit]);
}

#[test]
fn without_list_permissions_a_full_arn_can_be_typed_into_the_picker() {
    let (mut model, effects) = open_wizard(SIZE);
    let Some(Effect::ListRoles { req, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let denied = AwsError {
        kind: ErrorKind::Service,
        code: Some("AccessDenied".into()),
        message: "not authorized to perform: iam:ListRoles".into(),
        request_id: None,
    };
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListRoles(Err(denied)),
        },
    );
    assert_eq!(
        model.errors.front().map(|e| e.operation.as_str()),
        Some("ListRoles")
    );
    let draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    wizard_mut(&mut model).draft = draft;
    go_to(&mut model, Step::Permissions);
    focus(&mut model, FieldId::RoleMode(Audience::Guest));
    let _ = key(&mut model, KeyCode::Right);
    let _ = key(&mut model, KeyCode::Tab);
    let effects = key(&mut model, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::ListRoles { .. }]),
        "a failed list is asked again: {effects:?}"
    );
    keys(&mut model, "arn:aws:iam::123456789012:role/ops/guest");
    let _ = key(&mut model, KeyCode::Enter);
    let role = wizard(&model)
        .draft
        .guest_role
        .existing
        .clone()
        .unwrap_or_else(|| panic!("picked"));
    assert_eq!(
        (role.name.as_str(), role.arn.as_str()),
        ("guest", "arn:aws:iam::123456789012:role/ops/guest")
    );
    let rows = wizard(&model).rows(model.store.catalog(), Step::Permissions);
    assert!(rows.iter().any(|r| matches!(r, cognito_tui::wizard::fields::Row::Warning(w) if w.contains("not read (the role was typed, not listed)"))));
    // Half an ARN is only a filter.
    let mut draft = wizard(&model).draft.clone();
    draft.sources.insert(Source::Oidc(0));
    wizard_mut(&mut model).draft = draft;
    go_to(&mut model, Step::Providers);
    focus(&mut model, FieldId::ProviderArn(Source::Oidc(0)));
    let _ = key(&mut model, KeyCode::Enter);
    keys(&mut model, "arn:aws:iam::123456789012:oidc-provider/");
    let _ = key(&mut model, KeyCode::Enter);
    assert_eq!(wizard(&model).draft.arns.get(&Source::Oidc(0)), None);
    assert!(wizard(&model).picker.is_some(), "nothing to pick yet");
    keys(&mut model, "idp.example.com");
    let _ = key(&mut model, KeyCode::Enter);
    assert_eq!(
        wizard(&model)
            .draft
            .arns
            .get(&Source::Oidc(0))
            .map(String::as_str),
        Some("arn:aws:iam::123456789012:oidc-provider/idp.example.com")
    );
}

/// Where `text` is drawn: (column, row) of its first character.
fn find(model: &cognito_tui::console::Model, text: &str) -> (u16, u16) {
    let screen = render(model);
    for (row, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(text) {
            let column = line[..at].chars().count();
            return (column as u16, row as u16);
        }
    }
    panic!("{text:?} not on screen:\n{screen}");
}

#[test]
fn clicks_focus_fields_act_on_a_second_click_and_move_between_valid_steps() {
    let (mut model, _) = open_wizard(SIZE);
    let (x, y) = find(&model, "Guest access");
    let _ = send(&mut model, Msg::Click(x, y));
    assert_eq!(focused(&model), Some(FieldId::Guest));
    assert!(!wizard(&model).draft.guest, "the first click only focuses");
    let _ = send(&mut model, Msg::Click(x, y));
    assert!(wizard(&model).draft.guest, "the second toggles");
    let (x, y) = find(&model, "3 Connect identity providers");
    let _ = send(&mut model, Msg::Click(x, y));
    assert_eq!(wizard(&model).step, Step::Trust, "step 2 is not valid yet");
    assert!(
        notice(&model).contains("Step 2 needs attention before step 3"),
        "{}",
        notice(&model)
    );
    let (x, y) = find(&model, "2 Configure permissions");
    let _ = send(&mut model, Msg::Click(x, y));
    assert_eq!(
        wizard(&model).step,
        Step::Permissions,
        "step 1 is valid: step 2 opens"
    );
    let (x, y) = find(&model, "1 Configure identity pool trust");
    let _ = send(&mut model, Msg::Click(x, y));
    assert_eq!(
        wizard(&model).step,
        Step::Trust,
        "earlier steps always open"
    );
    let _ = send(&mut model, Msg::Scroll(3));
    assert_eq!(
        focused(&model),
        Some(FieldId::Guest),
        "the wheel moves the focus"
    );
}

#[test]
fn keep_with_nothing_created_goes_back_to_review_and_says_so() {
    let mut model = sample();
    create_failing_at(&mut model, 0);
    let effects = key(&mut model, KeyCode::Char('o'));
    assert!(effects.is_empty());
    assert!(wizard(&model).creation.is_none());
    assert_eq!(wizard(&model).step, Step::Review);
    assert!(
        notice(&model).contains("no pool to open"),
        "{}",
        notice(&model)
    );
}

#[test]
fn clicks_in_the_picker_select_then_pick_and_the_wheel_moves_the_selection() {
    let mut model = sample();
    wizard_mut(&mut model).draft.user_pool_id = Default::default();
    go_to(&mut model, Step::Providers);
    focus(&mut model, FieldId::UserPoolId);
    let Effect::ListUserPools { req, .. } = only(&key(&mut model, KeyCode::Enter)) else {
        panic!()
    };
    let pools = (0..60)
        .map(|i| {
            (
                format!("us-east-1_Pool{i:02}"),
                format!("pool number {i:02}"),
            )
        })
        .collect::<Vec<_>>();
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPools(Ok((pools, None))),
        },
    );
    let selected = |model: &cognito_tui::console::Model| {
        wizard(model)
            .picker
            .as_ref()
            .map(|p| p.selected)
            .unwrap_or_else(|| panic!("picker closed"))
    };
    // Scrolled well down, so a click must count the rows hidden above the list.
    for _ in 0..4 {
        let _ = key(&mut model, KeyCode::PageDown);
    }
    assert_eq!(selected(&model), 40);
    let (x, y) = find(&model, "us-east-1_Pool35");
    let _ = send(&mut model, Msg::Click(x, y));
    assert_eq!(selected(&model), 35, "the first click selects");
    assert_eq!(wizard(&model).draft.user_pool_id.value(), "");
    let (x, filter_row) = find(&model, "filter: ");
    let _ = send(&mut model, Msg::Click(x, filter_row));
    assert_eq!(selected(&model), 35, "the filter line is not an item");
    let _ = send(&mut model, Msg::Scroll(3));
    let _ = send(&mut model, Msg::Scroll(3));
    assert_eq!(selected(&model), 37, "the wheel moves the selection");
    let _ = send(&mut model, Msg::Scroll(-3));
    assert_eq!(selected(&model), 36);
    let (x, y) = find(&model, "us-east-1_Pool36");
    let _ = send(&mut model, Msg::Click(x, y));
    assert!(wizard(&model).picker.is_none(), "the second click picks");
    assert_eq!(
        wizard(&model).draft.user_pool_id.value(),
        "us-east-1_Pool36"
    );
    let _ = key(&mut model, KeyCode::Enter);
    assert_eq!(
        selected(&model),
        36,
        "opened again, the picker starts on the current choice"
    );
}

/// Where the terminal's cursor is after drawing `model`.
fn cursor(model: &cognito_tui::console::Model) -> (u16, u16) {
    let (w, h) = model.size;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| cognito_tui::console::view(model, frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let at = terminal
        .get_cursor_position()
        .unwrap_or_else(|e| panic!("{e}"));
    (at.x, at.y)
}

#[test]
fn a_long_value_scrolls_sideways_so_the_cursor_stays_on_screen() {
    let (mut model, _) = open_wizard(SIZE);
    focus(&mut model, FieldId::Guest);
    let _ = key(&mut model, KeyCode::Char(' '));
    let _ = ctrl(&mut model, 'n');
    focus(&mut model, FieldId::RoleName(Audience::Guest));
    let name = "guest-role-with-a-rather-long-name-0123456789-abcdefghijklmnopqr";
    assert_eq!(name.len(), 64, "IAM's longest role name");
    keys(&mut model, name);
    let (_, row) = find(&model, "IAM role name");
    let screen = render(&model);
    let line = screen.lines().nth(usize::from(row)).unwrap_or_default();
    assert!(
        line.contains("klmnopqr") && !line.contains("guest-role"),
        "the end is shown: {line}"
    );
    let (x, y) = cursor(&model);
    assert_eq!(y, row);
    assert!(x < SIZE.0 - 1, "the cursor is inside the frame: {x}");
    assert_eq!(
        line.chars().nth(usize::from(x) - 1),
        Some('r'),
        "the cursor follows the last character: {line}"
    );
    let _ = key(&mut model, KeyCode::Home);
    let screen = render(&model);
    let line = screen.lines().nth(usize::from(row)).unwrap_or_default();
    assert!(
        line.contains("guest-role-with"),
        "Home shows the start: {line}"
    );
    let (x, _) = cursor(&model);
    assert_eq!(
        line.chars().nth(usize::from(x)),
        Some('g'),
        "the cursor is on the first character: {line}"
    );
}

#[test]
fn custom_attributes_with_no_rows_are_not_on() {
    let mut draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    draft.provider_mut(Source::UserPool).custom_tags.clear();
    assert!(
        !draft.uses_principal_tags(),
        "no rows map nothing: no TagSession asked of the roles, no warning (the step asks for a row)"
    );
    let plan = cognito_tui::wizard::plan::Plan::from_draft(&draft);
    assert!(plan.principal_tags.is_empty(), "{:?}", plan.principal_tags);
    let draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    assert!(draft.uses_principal_tags(), "one row: on");
}

#[test]
fn the_twitter_secret_shows_its_length_and_ctrl_t_reveals_it_until_the_focus_moves() {
    let mut draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    draft.sources.insert(Source::Twitter);
    draft
        .app_ids
        .insert(Source::Twitter, tui_input::Input::new("key".into()));
    let mut model = at_step(draft, Step::Providers, SIZE);
    focus(&mut model, FieldId::TwitterSecret);
    keys(&mut model, "s3cr3t");
    let screen = render(&model);
    assert!(!screen.contains("s3cr3t"), "{screen}");
    assert!(
        screen.contains("••••••  (6 characters · Ctrl-t shows it)"),
        "{screen}"
    );
    let _ = ctrl(&mut model, 't');
    let screen = render(&model);
    assert!(screen.contains("s3cr3t"), "{screen}");
    assert!(screen.contains("Ctrl-t hides"), "{screen}");
    let _ = key(&mut model, KeyCode::Tab);
    let screen = render(&model);
    assert!(
        !screen.contains("s3cr3t"),
        "hidden again once the focus moves: {screen}"
    );
    assert_eq!(
        wizard(&model).draft.twitter_secret.0.value(),
        "s3cr3t",
        "what was typed is kept"
    );
}

/// The ListUserPoolClients effect of `effects`, as (req, user pool).
fn clients_request(effects: &[Effect]) -> (u64, String) {
    match effects {
        [
            Effect::ListUserPoolClients {
                req, user_pool_id, ..
            },
        ] => (*req, user_pool_id.clone()),
        other => panic!("one ListUserPoolClients: {other:?}"),
    }
}

#[test]
fn the_user_pool_id_is_checked_next_to_its_field_and_a_new_pool_drops_the_old_client() {
    let mut model = at_step(
        user_pool_draft("p", "a", "g", existing_role("partner")),
        Step::Providers,
        SIZE,
    );
    focus(&mut model, FieldId::UserPoolId);
    let (req, pool) = clients_request(&key(&mut model, KeyCode::Tab));
    assert_eq!(pool, USER_POOL, "leaving the field lists its clients");
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPoolClients(Ok((
                vec![(CLIENT.to_string(), "web".to_string())],
                None,
            ))),
        },
    );
    assert_eq!(field_error(&model, FieldId::ClientId), None);
    // Another pool typed: the old pool's client goes; the new pool does not exist.
    focus(&mut model, FieldId::UserPoolId);
    keys(&mut model, "x");
    assert_eq!(
        wizard(&model).draft.client_id.value(),
        "",
        "the old pool's client"
    );
    let (req, pool) = clients_request(&key(&mut model, KeyCode::Tab));
    assert_eq!(pool, format!("{USER_POOL}x"));
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListUserPoolClients(Err(AwsError::service(
                "ResourceNotFoundException",
                "User pool does not exist.",
            ))),
        },
    );
    let error = field_error(&model, FieldId::UserPoolId).unwrap_or_default();
    assert!(
        error.contains(&format!("No user pool {USER_POOL}x in us-east-1")),
        "{error}"
    );
    // A client typed by hand for a pool whose clients are known is checked against them.
    focus(&mut model, FieldId::UserPoolId);
    let _ = send(
        &mut model,
        Msg::Input(tui_input::InputRequest::DeletePrevChar),
    );
    focus(&mut model, FieldId::ClientId);
    keys(&mut model, "notaclient");
    let error = field_error(&model, FieldId::ClientId).unwrap_or_default();
    assert!(error.contains("Not an app client of"), "{error}");
}

#[test]
fn review_says_where_it_creates_and_repeats_the_chosen_roles_trust_warnings() {
    let mut draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    draft.guest_role.mode = cognito_tui::wizard::draft::RoleMode::Existing;
    draft.guest_role.existing = Some(existing_role("shared-guest"));
    let model = on_review(draft, (140, 60));
    let screen = render(&model);
    assert!(
        screen.contains("Creates in us-east-1 with profile sandbox"),
        "{screen}"
    );
    let w = wizard(&model);
    let warnings: Vec<String> = [Step::Permissions, Step::Providers]
        .into_iter()
        .flat_map(|step| w.rows(model.store.catalog(), step))
        .filter_map(|row| match row {
            cognito_tui::wizard::fields::Row::Warning(text) => Some(text),
            _ => None,
        })
        .collect();
    assert!(warnings.len() >= 2, "{warnings:?}");
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for warning in &warnings {
        let start: String = warning
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains(&format!("⚠ {start}")),
            "{start:?} not repeated:\n{screen}"
        );
    }
}

#[test]
fn a_kept_draft_asks_before_it_moves_to_another_region() {
    let (mut model, _) = open_wizard(SIZE);
    wizard_mut(&mut model).draft.name = tui_input::Input::new("orders".into());
    wizard_mut(&mut model).edited = true;
    let _ = key(&mut model, KeyCode::Esc);
    let _ = key(&mut model, KeyCode::Tab);
    let _ = key(&mut model, KeyCode::Enter);
    assert!(model.wizard.parked.is_some(), "the draft is kept");
    if let cognito_tui::console::model::Connection::Ready(session) = &mut model.connection {
        session.region = "eu-west-1".into();
    }
    let _ = act(&mut model, PoolAction::New);
    let screen = render(&model);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("It was made for us-east-1"), "{screen}");
    assert!(flat.contains("[ Continue in eu-west-1 ]"), "{screen}");
    let _ = key(&mut model, KeyCode::Enter);
    wizard_mut(&mut model).step = Step::Review;
    let flat: String = render(&model)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Creates in eu-west-1 with profile sandbox"),
        "{flat}"
    );
    assert!(
        flat.contains("⚠ This draft was made for us-east-1"),
        "{flat}"
    );
}

/// The account's roles are the store's: listed once by the wizard, a wizard opened later (or a
/// section edit form) draws the same list without asking IAM again, and a listing asked again
/// replaces it (the account as it is now).
#[test]
fn the_roles_listed_once_are_every_pickers() {
    let (mut model, effects) = open_wizard(SIZE);
    let Some(Effect::ListRoles { req, marker: None }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let roles = vec![existing_role("alpha"), existing_role("beta")];
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListRoles(Ok((roles, None))),
        },
    );
    let _ = key(&mut model, KeyCode::Esc);
    assert!(model.wizard.open.is_none(), "no edits: Esc just closes");
    let effects = act(&mut model, PoolAction::New);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::ListRoles { .. })),
        "listed already: {effects:?}"
    );
    wizard_mut(&mut model).draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    go_to(&mut model, Step::Permissions);
    focus(&mut model, FieldId::RoleMode(Audience::Guest));
    let _ = key(&mut model, KeyCode::Right);
    let _ = key(&mut model, KeyCode::Tab);
    let effects = key(&mut model, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    let screen = render(&model);
    assert!(screen.contains("Pick an IAM role (2)"), "{screen}");
    assert!(
        screen.contains("alpha") && screen.contains("beta"),
        "{screen}"
    );
    // Ctrl-r lists them again: the account as it is now replaces the old list.
    let effects = ctrl(&mut model, 'r');
    let [Effect::ListRoles { req, marker: None }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let _ = send(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::ListRoles(Ok((vec![existing_role("gamma")], None))),
        },
    );
    let screen = render(&model);
    assert!(screen.contains("Pick an IAM role (1)"), "{screen}");
    assert!(
        screen.contains("gamma") && !screen.contains("alpha"),
        "{screen}"
    );
}

/// Issue 29, item 7: a name typed while a choice has the focus flips nothing and moves nothing
/// (it used to: `l` chose the next option, `k` moved up); the form says where letters go.
#[test]
fn letters_typed_on_a_choice_change_nothing_and_say_why() {
    let (mut model, _) = open_wizard(SIZE);
    wizard_mut(&mut model).draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    go_to(&mut model, Step::Permissions);
    focus(&mut model, FieldId::RoleMode(Audience::Authenticated));
    let before = format!("{:?}", wizard(&model).draft);
    keys(&mut model, "half-role");
    assert_eq!(
        focused(&model),
        Some(FieldId::RoleMode(Audience::Authenticated))
    );
    assert_eq!(format!("{:?}", wizard(&model).draft), before);
    assert!(
        notice(&model).contains("is not a text field"),
        "{}",
        notice(&model)
    );
}

/// Issue 29, item 5: with every role of the account listed, a role typed that is not among them
/// is said to be missing in the picker, next to the field, and (through the form's warnings) in
/// the review.
#[test]
fn a_role_the_account_does_not_have_is_said_before_the_review() {
    let (mut model, effects) = open_wizard(SIZE);
    let Some(Effect::ListRoles { req, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let listed = vec![existing_role("alpha")];
    let _ = send(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListRoles(Ok((listed, None))),
        },
    );
    wizard_mut(&mut model).draft = user_pool_draft("p", "a", "g", existing_role("partner"));
    go_to(&mut model, Step::Permissions);
    focus(&mut model, FieldId::RoleMode(Audience::Guest));
    let _ = key(&mut model, KeyCode::Right);
    let _ = key(&mut model, KeyCode::Tab);
    let _ = key(&mut model, KeyCode::Enter);
    keys(&mut model, "arn:aws:iam::123456789012:role/does-not-exist");
    let screen = render(&model);
    assert!(
        screen.contains("not in this account: use anyway"),
        "{screen}"
    );
    let _ = key(&mut model, KeyCode::Enter);
    let warnings: Vec<String> = wizard(&model)
        .rows(model.store.catalog(), Step::Permissions)
        .into_iter()
        .filter_map(|row| match row {
            cognito_tui::wizard::fields::Row::Warning(text) => Some(text),
            _ => None,
        })
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("role/does-not-exist is not in this account")),
        "{warnings:?}"
    );
    go_to(&mut model, Step::Review);
    let screen = render(&model);
    assert!(screen.contains("is not in this account"), "{screen}");
}

/// `q` on the wizard's Review quits nothing (the draft would be lost unasked); only a write on
/// its way makes `q` reach the quit question from a form.
#[test]
fn q_on_the_wizard_does_not_drop_the_draft() {
    let model = sample();
    let q = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
    ));
    assert_eq!(cognito_tui::console::keymap::to_msg(&model, &q), None);
}
