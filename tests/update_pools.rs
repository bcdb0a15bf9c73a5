//! `update` on the Pools tab: the model and the exact effects, with no terminal and no network.

mod app_support;

use app_support::*;
use cognito_tui::app::Level;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, Effect, ErrorKind, Tab};
use cognito_tui::console::DialogAction;
use cognito_tui::console::model::{Button, Connection, Overlay};
use cognito_tui::console::{Action, Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::screens::pools::{Detail, Listing, MAX_DETAILS_IN_FLIGHT};
use pretty_assertions::assert_eq;

const SIZE: (u16, u16) = (100, 30);

#[test]
fn start_up_connects_then_lists_the_first_page() {
    let mut model = cognito_tui::console::Model::new(Options::default(), SIZE);
    let effects = cognito_tui::console::update::init(&mut model);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Connect {
            profile: None,
            region: None,
            ..
        }]
    ));
    assert!(matches!(model.connection, Connection::Connecting { .. }));
    let (_, effects) = connected(Options::default(), SIZE);
    assert!(matches!(
        effects.as_slice(),
        [Effect::ListIdentityPools {
            next_token: None,
            ..
        }]
    ));
}

#[test]
fn pages_stream_in_and_the_next_is_asked_at_once() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let first = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req: first,
            response: Response::ListIdentityPools(Ok((summaries(0..60), Some("t1".into())))),
        },
    );
    assert_eq!(
        model.pools.list.rows.len(),
        60,
        "the first page is usable at once"
    );
    let second = list_req(&effects);
    assert!(effects.contains(&Effect::ListIdentityPools {
        req: second,
        next_token: Some("t1".into())
    }));
    assert!(matches!(
        model.pools.listing,
        Listing::Loading { pages: 1, .. }
    ));
    // The list can be used while pages load.
    let _ = act(&mut model, PoolAction::Move(Move::Down));
    assert_eq!(model.pools.list.selected, 1);
    let effects = update(
        &mut model,
        Msg::Response {
            req: second,
            response: Response::ListIdentityPools(Ok((summaries(60..70), None))),
        },
    );
    // The last page asks for nothing more: no next page, and the first page's describes still
    // fill the budget.
    assert_eq!(effects, Vec::new());
    assert_eq!(model.pools.details_in_flight(), MAX_DETAILS_IN_FLIGHT);
    assert_eq!(model.pools.list.rows.len(), 70);
    assert_eq!(model.pools.listing, Listing::Done { pages: 2 });
    assert_eq!(
        model.pools.list.selected, 1,
        "selection kept while rows arrive"
    );
}

#[test]
fn a_stale_page_from_an_earlier_listing_is_dropped() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let old = list_req(&effects);
    let effects = act(&mut model, Action::Refresh);
    let new = list_req(&effects);
    assert_ne!(old, new);
    let _ = update(
        &mut model,
        Msg::Response {
            req: old,
            response: Response::ListIdentityPools(Ok((summaries(0..5), None))),
        },
    );
    assert!(
        model.pools.list.rows.is_empty(),
        "the old listing's page is ignored"
    );
    assert!(!model.in_flight.contains_key(&old));
    let _ = update(
        &mut model,
        Msg::Response {
            req: new,
            response: Response::ListIdentityPools(Ok((summaries(0..3), None))),
        },
    );
    assert_eq!(model.pools.list.rows.len(), 3);
}

#[test]
fn a_refresh_replaces_the_rows_only_when_its_first_page_arrives() {
    let mut model = loaded(8, SIZE);
    let effects = act(&mut model, Action::Refresh);
    assert_eq!(
        model.pools.list.rows.len(),
        8,
        "old rows stay on screen while reloading"
    );
    let req = list_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(2..4), None))),
        },
    );
    assert_eq!(
        model
            .pools
            .list
            .rows
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        vec!["pool-002", "pool-003"]
    );
}

#[test]
fn details_load_lazily_for_visible_rows_without_flooding() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..500), None))),
        },
    );
    let asked = describes(&effects);
    assert_eq!(
        asked.len(),
        MAX_DETAILS_IN_FLIGHT,
        "at most {MAX_DETAILS_IN_FLIGHT} at once"
    );
    assert_eq!(
        asked.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>(),
        (0..4).map(pool_id).collect::<Vec<_>>()
    );
    // Each answer frees a slot for the next visible row.
    let (req, _) = asked[0].clone();
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DescribeIdentityPool(Ok(described(0))),
        },
    );
    assert_eq!(
        describes(&effects)
            .iter()
            .map(|(_, id)| id.clone())
            .collect::<Vec<_>>(),
        vec![pool_id(4)]
    );
    // Answer everything: only the 24 rows on screen are described, not all 500.
    let mut pending = effects;
    pending.extend(
        asked[1..]
            .iter()
            .map(|(req, pool_id)| Effect::DescribeIdentityPool {
                req: *req,
                pool_id: pool_id.clone(),
            }),
    );
    answer_describes(&mut model, &mut pending);
    assert_eq!(model.pools.details.len(), 24);
    // Jumping to the bottom asks for the rows now on screen.
    let effects = act(&mut model, PoolAction::Move(Move::Bottom));
    let asked: Vec<String> = describes(&effects).into_iter().map(|(_, id)| id).collect();
    assert_eq!(asked, (476..480).map(pool_id).collect::<Vec<_>>());
    assert!(model.pools.details_in_flight() <= MAX_DETAILS_IN_FLIGHT);
}

#[test]
fn filtering_by_name_or_id_and_esc_clears() {
    let mut model = loaded(30, SIZE);
    let _ = act(&mut model, PoolAction::Filter);
    assert!(model.pools.filter_editing);
    type_text(&mut model, "01");
    let names: Vec<&str> = model
        .pools
        .list
        .shown
        .iter()
        .map(|&i| model.pools.list.rows[i].name.as_str())
        .collect();
    assert_eq!(
        names,
        vec![
            "pool-001", "pool-010", "pool-011", "pool-012", "pool-013", "pool-014", "pool-015",
            "pool-016", "pool-017", "pool-018", "pool-019"
        ]
    );
    let _ = act(&mut model, PoolAction::Submit);
    assert!(
        !model.pools.filter_editing,
        "⏎ keeps the filter and gives the keys back"
    );
    assert_eq!(model.pools.list.shown.len(), 11);
    let _ = act(&mut model, PoolAction::Back);
    assert_eq!(model.pools.list.shown.len(), 30, "Esc clears the filter");
    // The id matches too.
    let _ = act(&mut model, PoolAction::Filter);
    type_text(&mut model, "000000000029");
    assert_eq!(model.pools.list.shown.len(), 1);
}

#[test]
fn opening_a_pool_makes_it_current_and_rereads_it() {
    let mut model = loaded(5, SIZE);
    let _ = act(&mut model, PoolAction::Move(Move::Down));
    let effects = act(&mut model, PoolAction::Open);
    assert_eq!(model.pools.open.as_deref(), Some(pool_id(1).as_str()));
    assert_eq!(
        model.current_pool,
        Some((pool_id(1), "pool-001".to_string()))
    );
    assert_eq!(
        describes(&effects)
            .iter()
            .map(|(_, id)| id.clone())
            .collect::<Vec<_>>(),
        vec![pool_id(1)]
    );
    let _ = act(&mut model, PoolAction::Back);
    assert_eq!(model.pools.open, None);
    assert_eq!(
        model.current_pool.as_ref().map(|(_, n)| n.as_str()),
        Some("pool-001"),
        "still current"
    );
}

#[test]
fn throttling_is_shown_as_such_and_no_spinner_stays() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let throttled = AwsError {
        kind: ErrorKind::Throttled,
        ..AwsError::service("TooManyRequestsException", "Rate exceeded")
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Err(throttled)),
        },
    );
    assert!(model.in_flight.is_empty(), "nothing left spinning");
    assert!(matches!(model.pools.listing, Listing::Failed(_)));
    let text = model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        text.contains("TooManyRequestsException") && text.contains("throttling"),
        "{text}"
    );
}

#[test]
fn stale_describe_answers_after_a_refresh_are_ignored() {
    let (mut model, effects) = connected(Options::default(), SIZE);
    let req = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..2), None))),
        },
    );
    let (old_req, id) = describes(&effects)[0].clone();
    let _ = act(&mut model, Action::Refresh);
    let _ = update(
        &mut model,
        Msg::Response {
            req: old_req,
            response: Response::DescribeIdentityPool(Ok(described(0))),
        },
    );
    assert!(!matches!(model.pools.details.get(&id), Some(Detail::Read)));
}

#[test]
fn quitting_asks_only_while_writes_are_in_flight() {
    let mut model = loaded(2, SIZE);
    assert_eq!(act(&mut model, Action::Quit), vec![Effect::Quit]);

    // A deletion on its way: q and Ctrl-c ask; the first button waits for the answer, then quits.
    let deleting = || {
        let mut model = loaded(2, SIZE);
        let _ = act(&mut model, PoolAction::Delete);
        type_text(&mut model, "pool-000");
        let _ = act(&mut model, DialogAction::FocusNext);
        let effects = act(&mut model, DialogAction::Submit);
        let [Effect::DeleteIdentityPool { req, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        (model, *req)
    };
    let (mut model, req) = deleting();
    assert!(act(&mut model, Action::Quit).is_empty());
    assert!(matches!(
        model.overlay,
        Some(Overlay::ConfirmQuit {
            focus: Button::Cancel
        })
    ));
    assert!(
        render(&model).contains("DeleteIdentityPool"),
        "the question says what is on its way"
    );
    assert!(
        act(&mut model, DialogAction::Submit).is_empty(),
        "Wait first"
    );
    assert!(model.quit_when_idle && model.overlay.is_none());
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DeleteIdentityPool(Ok(())),
        },
    );
    assert!(effects.contains(&Effect::Quit), "answered: {effects:?}");

    // q while waiting stays; "Quit now" quits at once.
    let (mut model, _) = deleting();
    let _ = act(&mut model, Action::Quit);
    let _ = act(&mut model, DialogAction::Submit);
    let _ = act(&mut model, Action::Quit);
    assert!(!model.quit_when_idle && !model.quitting, "stays");
    let _ = act(&mut model, Action::Quit);
    let _ = act(&mut model, DialogAction::FocusNext);
    assert_eq!(act(&mut model, DialogAction::Submit), vec![Effect::Quit]);

    // Ctrl-c asks too; a second Ctrl-c quits.
    let (mut model, _) = deleting();
    assert!(act(&mut model, Action::ForceQuit).is_empty());
    assert!(matches!(model.overlay, Some(Overlay::ConfirmQuit { .. })));
    assert_eq!(act(&mut model, Action::ForceQuit), vec![Effect::Quit]);
}

#[test]
fn command_line_switches_region_and_reports_mistakes() {
    let mut model = loaded(2, SIZE);
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "region eu-west-1");
    let effects = act(&mut model, DialogAction::Submit);
    assert!(
        matches!(effects.as_slice(), [Effect::Connect { region: Some(r), .. }] if r == "eu-west-1"),
        "{effects:?}"
    );
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "frobnicate");
    assert!(act(&mut model, DialogAction::Submit).is_empty());
    assert!(
        model
            .notice
            .as_ref()
            .is_some_and(|n| n.level == Level::Warning && n.text.contains("Unknown command"))
    );
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "roles");
    let _ = act(&mut model, DialogAction::Submit);
    assert_eq!(model.tab, Tab::Roles);
}

#[test]
fn a_failed_connection_can_be_retried() {
    let mut model = cognito_tui::console::Model::new(Options::default(), SIZE);
    let effects = cognito_tui::console::update::init(&mut model);
    let Some(Effect::Connect { req, .. }) = effects.first().cloned() else {
        panic!()
    };
    let error = AwsError::new(ErrorKind::Credentials, "no credentials");
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Connect(Err(error)),
        },
    );
    assert!(matches!(model.connection, Connection::Failed(_)));
    assert!(matches!(
        act(&mut model, Action::Refresh).as_slice(),
        [Effect::Connect { .. }]
    ));
}

#[test]
fn tabs_switch_by_number_cycle_and_click() {
    let mut model = loaded(1, SIZE);
    let _ = act(&mut model, Action::GoTab(Tab::Identities));
    assert_eq!(model.tab, Tab::Identities);
    let _ = act(&mut model, Action::NextTab);
    assert_eq!(model.tab, Tab::Roles);
    let _ = act(&mut model, Action::NextTab);
    assert_eq!(model.tab, Tab::Pools);
    let _ = act(&mut model, Action::PrevTab);
    assert_eq!(model.tab, Tab::Roles);
    let _ = update(&mut model, Msg::Click(2, 1));
    assert_eq!(model.tab, Tab::Pools);
}

#[test]
fn the_command_line_completes_with_tab_and_recalls_with_up() {
    use app_support::wizard::key;
    use crossterm::event::KeyCode;
    let mut model = loaded(2, SIZE);
    model.options.profiles = vec!["prod".into(), "prod-admin".into()];
    let value = |model: &cognito_tui::console::Model| match &model.overlay {
        Some(cognito_tui::console::model::Overlay::Command(input)) => input.value().to_string(),
        other => panic!("not on the command line: {other:?}"),
    };
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "reg");
    let _ = key(&mut model, KeyCode::Tab);
    assert_eq!(value(&model), "region ");
    type_text(&mut model, "eu-w");
    let _ = key(&mut model, KeyCode::Tab);
    assert_eq!(value(&model), "region eu-west-");
    let screen = render(&model);
    assert!(
        screen.contains("Tab: eu-west-1  eu-west-2  eu-west-3"),
        "{screen}"
    );
    type_text(&mut model, "2");
    assert!(
        !render(&model).contains("Tab: eu-west-1"),
        "typing clears them"
    );
    let effects = key(&mut model, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Connect { region: Some(r), .. }] if r == "eu-west-2"),
        "{effects:?}"
    );
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "profile p");
    let _ = key(&mut model, KeyCode::Tab);
    assert_eq!(value(&model), "profile prod");
    let _ = key(&mut model, KeyCode::Esc);
    let _ = act(&mut model, Action::Command);
    let _ = key(&mut model, KeyCode::Up);
    assert_eq!(
        value(&model),
        "region eu-west-2",
        "the command run, not the cancelled one"
    );
    let _ = key(&mut model, KeyCode::Down);
    assert_eq!(value(&model), "");
}

#[test]
fn errors_keep_the_time_they_happened() {
    let mut model = loaded(2, SIZE);
    // 2027-01-15 08:21:05 UTC, looked at 3 minutes later.
    let at = 1_800_001_265.0;
    let _ = update(&mut model, Msg::Tick(at));
    model.report_error(
        "ListIdentities",
        &AwsError::service("TooManyRequestsException", "Rate exceeded"),
    );
    let _ = update(&mut model, Msg::Tick(at + 180.0));
    let _ = act(&mut model, Action::Command);
    type_text(&mut model, "errors");
    let _ = act(&mut model, DialogAction::Submit);
    let screen = render(&model);
    assert!(
        screen.contains("ListIdentities TooManyRequestsException  at 08:21:05 UTC (3 min ago)"),
        "{screen}"
    );
}
