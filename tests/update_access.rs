//! The User access tab through `update` only: the reads it makes, each section's form filled from
//! the pool, the diff and calls of a save, the conflict path, the partial-failure path with retry,
//! quitting during a save, read-only, and the developer provider.

mod app_support;

use app_support::access::*;
use app_support::*;
use cognito_tui::app::{AwsError, Effect, Response, Tab};
use cognito_tui::console::model::Overlay;
use cognito_tui::console::{Action, Model, Msg, Options, update};
use cognito_tui::domain::edit::{Edit, ProviderRef};
use cognito_tui::screens::access::{Action as Ua, Item, Panel};
use cognito_tui::screens::save::{Phase, Save};
use cognito_tui::wizard::Source;
use cognito_tui::wizard::draft::{RoleSetting, TagMode};
use cognito_tui::wizard::scoped::{Finished, Section};
use pretty_assertions::assert_eq;

const SIZE: (u16, u16) = (120, 36);

fn save_of(model: &Model) -> &Save {
    match &model.access.panel {
        Some(Panel::Save(view)) => &view.save,
        other => panic!("no save: {other:?}"),
    }
}

fn select(model: &mut Model, wanted: impl Fn(&Item) -> bool) {
    let _ = act(model, Ua::Top);
    for _ in 0..20 {
        if model
            .access
            .selected_item(&model.store)
            .as_ref()
            .is_some_and(&wanted)
        {
            return;
        }
        let _ = act(model, Ua::Down);
    }
    panic!("no such row");
}

fn begin(model: &mut Model, edit: Edit) -> Vec<Effect> {
    update(
        model,
        Msg::Access(cognito_tui::screens::access::Msg::Save {
            pool_id: pool_id(0),
            finished: Box::new(Finished {
                edit,
                new_role: None,
                new_user_pool: None,
                note: None,
            }),
        }),
    )
}

#[test]
fn opening_the_tab_reads_the_pool_its_roles_and_every_providers_tags_at_once() {
    let config = every_kind();
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..1), None))),
        },
    );
    let _ = answer_reads(&mut model, effects, &config);
    model.current_pool = Some((pool_id(0), "pool-000".into()));
    let effects = act(&mut model, Action::GoTab(Tab::UserAccess));
    let mut ops: Vec<String> = effects
        .iter()
        .map(|e| match e {
            Effect::DescribeIdentityPool { .. } => "Describe".to_string(),
            Effect::GetIdentityPoolRoles { .. } => "Roles".to_string(),
            Effect::GetPrincipalTagAttributeMap { provider, .. } => format!("Tags {provider}"),
            other => format!("{other:?}"),
        })
        .collect();
    ops.sort();
    let mut expected: Vec<String> = vec![
        "Describe".to_string(),
        "Roles".into(),
        "Tags accounts.google.com".into(),
        "Tags api.twitter.com".into(),
        format!("Tags {SAML}"),
        format!("Tags {OIDC}"),
        format!("Tags {USER_POOL}"),
        "Tags graph.facebook.com".into(),
    ];
    expected.sort();
    assert_eq!(ops, expected, "one round trip: everything in parallel");
    let rest = answer_reads(&mut model, effects, &config);
    assert!(rest.is_empty(), "{rest:?}");
    assert_eq!(model.access.read.config(&model.store), Some(&config));
}

#[test]
fn each_section_opens_the_wizards_form_filled_from_the_pool() {
    let mut model = on_access(&every_kind(), Options::default(), SIZE);
    let user_pool = ProviderRef::UserPool {
        provider_name: USER_POOL.into(),
        client_id: CLIENT.into(),
    };
    select(&mut model, |i| *i == Item::Provider(user_pool.clone()));
    let _ = act(&mut model, Ua::Edit);
    assert!(matches!(
        model.access.panel,
        Some(Panel::Provider { focus: 0, .. })
    ));
    for (focus, check) in [0usize, 1, 2].into_iter().zip([
        Box::new(|m: &Model| {
            let form = m.wizard.edit.as_deref().unwrap_or_else(|| panic!("form"));
            assert_eq!(form.draft.user_pool_id.value(), "us-east-1_Ord3rsPl1");
            assert_eq!(form.draft.client_id.value(), CLIENT);
            assert!(form.draft.server_side_check);
        }) as Box<dyn Fn(&Model)>,
        Box::new(|m: &Model| {
            let form = m.wizard.edit.as_deref().unwrap_or_else(|| panic!("form"));
            let p = form.draft.provider(Source::UserPool);
            assert_eq!(p.role, RoleSetting::Rules);
            assert!(p.deny_unmatched);
            assert_eq!(p.rules.len(), 1);
            assert_eq!(p.rules[0].claim.value(), "cognito:groups");
            assert_eq!(p.rules[0].operator, 1, "Contains");
        }),
        Box::new(|m: &Model| {
            let form = m.wizard.edit.as_deref().unwrap_or_else(|| panic!("form"));
            assert_eq!(
                form.draft.provider(Source::UserPool).tags,
                TagMode::Defaults
            );
        }),
    ]) {
        model.access.panel = Some(Panel::Provider {
            provider: user_pool.clone(),
            focus,
        });
        let _ = act(&mut model, Ua::Edit);
        check(&model);
        let scope = model.wizard.edit.as_deref().and_then(|f| f.scope.clone());
        assert!(scope.is_some(), "a scoped form");
        model.wizard.edit = None;
    }
    let twitter = ProviderRef::Social("api.twitter.com".into());
    model.access.panel = Some(Panel::Provider {
        provider: twitter,
        focus: 0,
    });
    let _ = act(&mut model, Ua::Edit);
    let form = model
        .wizard
        .edit
        .as_deref()
        .unwrap_or_else(|| panic!("form"));
    assert_eq!(
        form.draft.app_ids[&Source::Twitter].value(),
        "xvz1evFS4wEEPTGEFPHBog"
    );
    assert_eq!(
        form.draft.twitter_secret.0.value(),
        "kAcSOqF21Fu85e7zjz7ZN2U4"
    );
    assert!(!format!("{:?}", form.draft).contains("kAcSOqF21Fu85e7zjz7ZN2U4"));
    assert_eq!(
        form.scope.as_ref().map(|s| s.section.clone()),
        Some(Section::ProviderInfo(ProviderRef::Social(
            "api.twitter.com".into()
        )))
    );
}

#[test]
fn a_save_shows_the_diff_and_the_calls_before_writing_anything() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let effects = begin(&mut model, Edit::ClassicFlow(true));
    assert!(effects.iter().all(|e| matches!(
        e,
        Effect::DescribeIdentityPool { .. } | Effect::GetIdentityPoolRoles { .. }
    )));
    let rest = answer_reads(&mut model, effects, &config);
    assert!(rest.is_empty(), "nothing written before ⏎: {rest:?}");
    let save = save_of(&model);
    assert_eq!(save.phase, Phase::Review);
    let lines: Vec<String> = save.changes.iter().map(|c| c.to_string()).collect();
    assert_eq!(lines, vec!["Basic (classic) flow: off → on"]);
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(ops, vec!["UpdateIdentityPool"]);
    let _ = act(&mut model, Ua::Back);
    assert!(model.access.panel.is_none(), "Esc drops it");
}

#[test]
fn a_change_elsewhere_found_by_the_re_read_writes_nothing_and_can_be_re_applied() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let effects = begin(&mut model, Edit::Rename("orders".into()));
    let _ = answer_reads(&mut model, effects, &config);
    let effects = act(&mut model, Ua::Submit);
    let mut elsewhere = config.clone();
    elsewhere
        .pool
        .identity_pool_tags
        .insert("owner".into(), "someone".into());
    let rest = answer_reads(&mut model, effects, &elsewhere);
    assert!(rest.is_empty(), "nothing written: {rest:?}");
    let Phase::Conflict {
        elsewhere: changes, ..
    } = &save_of(&model).phase
    else {
        panic!("{:?}", save_of(&model).phase)
    };
    let lines: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
    assert_eq!(lines, vec!["Tag owner: — → someone"]);
    let _ = act(&mut model, Ua::Reapply);
    assert_eq!(save_of(&model).phase, Phase::Review);
    let base = save_of(&model).base.clone().unwrap_or_default();
    assert_eq!(base.pool, elsewhere.pool, "on the new state");
}

#[test]
fn a_failure_part_way_says_what_is_true_now_and_retries_the_rest() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let google = ProviderRef::Social("accounts.google.com".into());
    let effects = begin(&mut model, Edit::Remove(google));
    let _ = answer_reads(&mut model, effects, &config);
    let ops: Vec<&str> = save_of(&model)
        .calls
        .iter()
        .map(|(w, _)| w.operation())
        .collect();
    assert_eq!(
        ops,
        vec!["UpdateIdentityPool"],
        "Google has no mapping nor tags here"
    );
    let effects = act(&mut model, Ua::Submit);
    let writes = answer_reads(&mut model, effects, &config);
    let [Effect::UpdateIdentityPool { req, .. }] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    let error = AwsError {
        request_id: Some("rid-42".into()),
        ..AwsError::service("InternalErrorException", "boom")
    };
    let effects = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::UpdateIdentityPool(Err(error)),
        },
    );
    assert!(matches!(save_of(&model).phase, Phase::FailedReading(_)));
    let rest = answer_reads(&mut model, effects, &config);
    assert!(rest.is_empty());
    let Phase::Failed(Some(now)) = &save_of(&model).phase else {
        panic!("{:?}", save_of(&model).phase)
    };
    assert_eq!(
        now.pool, config.pool,
        "the read after the failure: nothing changed"
    );
    let (write, error) = save_of(&model)
        .failure()
        .unwrap_or_else(|| panic!("a failure"));
    assert_eq!(write.operation(), "UpdateIdentityPool");
    assert_eq!(error.request_id.as_deref(), Some("rid-42"));
    let screen = render(&model);
    assert!(screen.contains("InternalErrorException: boom"), "{screen}");
    assert!(screen.contains("request id rid-42"), "{screen}");
    assert!(screen.contains("Now true on the service"), "{screen}");
    let effects = act(&mut model, Ua::Retry);
    assert!(
        matches!(effects.as_slice(), [Effect::UpdateIdentityPool { .. }]),
        "the failed call again: {effects:?}"
    );
}

#[test]
fn q_asks_while_a_save_writes_and_read_only_refuses_every_edit() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let effects = begin(&mut model, Edit::ClassicFlow(true));
    let _ = answer_reads(&mut model, effects, &config);
    let effects = act(&mut model, Ua::Submit);
    let _writes = answer_reads(&mut model, effects, &config);
    assert_eq!(save_of(&model).phase, Phase::Writing);
    // `q` on the save's panel (which binds no q) reaches the quit question while it writes.
    let q = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('q'),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(
        cognito_tui::console::keymap::to_msg(&model, &q),
        Some(cognito_tui::console::Msg::Action(Action::Quit))
    );
    let _ = act(&mut model, Action::Quit);
    assert!(matches!(model.overlay, Some(Overlay::ConfirmQuit { .. })));
    assert!(!model.quitting);

    let read_only = Options {
        read_only: true,
        ..Options::default()
    };
    let mut model = on_access(&config, read_only, SIZE);
    for action in [Ua::Edit, Ua::ToggleGuest, Ua::Add, Ua::Remove] {
        let effects = act(&mut model, action);
        assert!(effects.is_empty() && model.access.panel.is_none() && model.wizard.edit.is_none());
        let notice = model
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.contains("read-only"), "{notice}");
    }
}

#[test]
fn the_developer_provider_is_shown_and_never_edited_and_add_offers_what_is_left() {
    let mut model = on_access(&every_kind(), Options::default(), SIZE);
    select(&mut model, |i| matches!(i, Item::Developer(_)));
    for action in [Ua::Edit, Ua::Remove] {
        let _ = act(&mut model, action);
        assert!(model.access.panel.is_none() && model.wizard.edit.is_none());
        let notice = model
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.contains("can't be changed or removed"), "{notice}");
    }
    let _ = act(&mut model, Ua::Add);
    let Some(Panel::AddKind { kinds, .. }) = &model.access.panel else {
        panic!("{:?}", model.access.panel)
    };
    assert_eq!(
        kinds,
        &vec![
            Source::UserPool,
            Source::Amazon,
            Source::Apple,
            Source::Oidc(0),
            Source::Saml(0)
        ],
        "more user pools, OIDC and SAML providers; the social kinds not there yet"
    );
}

#[test]
fn a_retry_plans_again_from_the_read_after_the_failure_and_sends_nothing_already_true() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let effects = begin(&mut model, Edit::ClassicFlow(true));
    let _ = answer_reads(&mut model, effects, &config);
    let effects = act(&mut model, Ua::Submit);
    let writes = answer_reads(&mut model, effects, &config);
    let [Effect::UpdateIdentityPool { req, .. }] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    let effects = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::UpdateIdentityPool(Err(AwsError::new(
                cognito_tui::app::ErrorKind::Timeout,
                "no answer in time",
            ))),
        },
    );
    // The update did take effect: the read after the failure shows it.
    let mut now = config.clone();
    now.pool.allow_classic_flow = Some(true);
    let _ = answer_reads(&mut model, effects, &now);
    let effects = act(&mut model, Ua::Retry);
    assert!(
        effects.iter().all(|e| matches!(
            e,
            Effect::DescribeIdentityPool { .. } | Effect::GetIdentityPoolRoles { .. }
        )),
        "nothing left to write, only the check: {effects:?}"
    );
    let _ = answer_reads(&mut model, effects, &now);
    assert_eq!(save_of(&model).phase, Phase::Done(Vec::new()));
}

/// Issue 29, item 13: "Can't save yet: … add at least one rule" goes once a rule is added (it
/// stayed, even over the Save dialog).
#[test]
fn cant_save_yet_goes_once_the_problem_is_fixed() {
    let config = every_kind();
    let mut model = on_access(&config, Options::default(), SIZE);
    let google = ProviderRef::Social("accounts.google.com".into());
    let scope = cognito_tui::wizard::scoped::EditScope {
        pool_id: pool_id(0),
        section: Section::RoleSettings(google),
        base: config.clone(),
        linked: None,
        origin: Tab::UserAccess,
    };
    let _ = update(
        &mut model,
        Msg::Wizard(cognito_tui::wizard::Msg::EditSection(Box::new(scope))),
    );
    fn form(m: &mut Model) -> &mut cognito_tui::wizard::Wizard {
        m.wizard
            .edit
            .as_deref_mut()
            .unwrap_or_else(|| panic!("the form"))
    }
    let google = form(&mut model).draft.provider_mut(Source::Google);
    google.role = RoleSetting::Rules;
    google.rules.clear();
    let _ = act(&mut model, cognito_tui::wizard::Action::NextStep);
    assert!(
        notice_text(&model).contains("Can't save yet"),
        "{}",
        notice_text(&model)
    );
    form(&mut model)
        .draft
        .provider_mut(Source::Google)
        .rules
        .push(app_support::wizard::rule(
            "cognito:groups",
            0,
            "admins",
            cognito_tui::wizard::draft::RuleRole::Existing(app_support::wizard::existing_role(
                "orders-app-admin",
            )),
        ));
    let _ = act(&mut model, cognito_tui::wizard::Action::FocusNext);
    assert!(
        !notice_text(&model).contains("Can't save yet"),
        "{}",
        notice_text(&model)
    );
}
