//! `update` on the Identity browser: paging and pausing, filters, marks, the exact deletion
//! batches, retries, cancellation and the report — model and effects, no terminal, no network.

mod app_support;

use app_support::*;
use cognito_tui::app::Level;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, Effect, ErrorKind};
use cognito_tui::console::{Action, Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::identities::Action as IdAction;
use cognito_tui::screens::identities::deletion::{BATCH, START_CONCURRENCY};
use cognito_tui::screens::identities::{Loading, Panel, TYPE_COUNT_ABOVE};
use tui_input::InputRequest;

const SIZE: (u16, u16) = (120, 30);

#[test]
fn opening_the_tab_lists_the_current_pool_page_after_page() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let req = identities_req(&effects);
    assert!(
        matches!(&effects[..], [Effect::ListIdentities { pool_id, next_token: None, hide_disabled: false, .. }] if *pool_id == pool_id_of(0))
    );
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((
                (0..60).map(|i| identity(i, NOW)).collect(),
                Some("t".into()),
            ))),
        },
    );
    assert_eq!(
        model.identities.list.rows.len(),
        60,
        "usable from the first page"
    );
    assert!(
        matches!(&effects[..], [Effect::ListIdentities { next_token: Some(t), .. }] if t == "t")
    );
    let _ = act(&mut model, IdAction::Move(Move::Down));
    assert_eq!(model.identities.list.selected, 1);
}

fn pool_id_of(i: usize) -> String {
    pool_id(i)
}

#[test]
fn loading_pauses_after_the_page_in_flight_and_resumes_from_its_token() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let req = identities_req(&effects);
    assert!(act(&mut model, IdAction::TogglePause).is_empty());
    assert!(notice_text(&model).contains("Loading stops after this page"));
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((vec![identity(0, NOW)], Some("next".into())))),
        },
    );
    assert!(
        effects
            .iter()
            .all(|e| !matches!(e, Effect::ListIdentities { .. })),
        "paused: no next page"
    );
    assert_eq!(
        model.identities.loading,
        Loading::Paused {
            next_token: "next".into()
        }
    );
    assert_eq!(
        notice_text(&model),
        "",
        "paused now: the title says so, the notice went"
    );
    let effects = act(&mut model, IdAction::TogglePause);
    assert!(
        matches!(&effects[..], [Effect::ListIdentities { next_token: Some(t), .. }] if t == "next")
    );
}

#[test]
fn a_failed_page_resumes_from_the_same_token() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let req = identities_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((vec![identity(0, NOW)], Some("t2".into())))),
        },
    );
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Err(AwsError::new(ErrorKind::Connection, "reset"))),
        },
    );
    assert!(
        matches!(model.identities.loading, Loading::Failed { next_token: Some(ref t), .. } if t == "t2")
    );
    assert_eq!(model.identities.list.rows.len(), 1, "what was loaded stays");
    let effects = act(&mut model, IdAction::TogglePause);
    assert!(
        matches!(&effects[..], [Effect::ListIdentities { next_token: Some(t), .. }] if t == "t2")
    );
}

#[test]
fn stale_pages_after_a_reload_are_dropped() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let old = identities_req(&effects);
    let _ = act(&mut model, Action::Refresh);
    let _ = update(
        &mut model,
        Msg::Response {
            req: old,
            response: Response::ListIdentities(Ok((vec![identity(0, NOW)], None))),
        },
    );
    assert!(model.identities.list.rows.is_empty());
}

#[test]
fn hide_disabled_reloads_with_the_flag() {
    let mut model = identities_loaded(10, SIZE);
    let effects = act(&mut model, IdAction::ToggleHideDisabled);
    assert!(matches!(
        &effects[..],
        [Effect::ListIdentities {
            hide_disabled: true,
            next_token: None,
            ..
        }]
    ));
    assert!(model.identities.list.rows.is_empty());
    assert!(notice_text(&model).contains("(reloading)"));
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((vec![identity(1, NOW)], None))),
        },
    );
    assert_eq!(notice_text(&model), "", "reloaded: \"(reloading)\" went");
}

fn filter(model: &mut cognito_tui::console::Model, text: &str) {
    let _ = act(model, IdAction::Filter);
    type_text(model, text);
    let _ = act(model, IdAction::Submit);
}

#[test]
fn filters_combine_and_a_bad_one_says_why() {
    let mut model = identities_loaded(200, SIZE);
    // `<` is before: created before the moment 30 days ago.
    filter(&mut model, "guest created<30d");
    assert_eq!(
        model.identities.list.shown.len(),
        (31..200).filter(|i| i % 2 == 0).count()
    );
    let _ = act(&mut model, IdAction::Back);
    filter(&mut model, "p:google modified>10d");
    // modified = i half-days ago: under 10 days is i < 20, odd.
    assert_eq!(
        model.identities.list.shown.len(),
        (0..20).filter(|i| i % 2 == 1).count()
    );
    let _ = act(&mut model, IdAction::Back);
    assert_eq!(model.identities.list.shown.len(), 200);
    let _ = act(&mut model, IdAction::Filter);
    type_text(&mut model, "guest created<soon");
    assert!(
        model
            .identities
            .filter_error
            .as_deref()
            .is_some_and(|e| e.contains("neither a date"))
    );
    let before = model.identities.list.shown.clone();
    type_text(&mut model, "er");
    assert_eq!(
        model.identities.list.shown, before,
        "the last good filter stays applied"
    );
    for _ in 0.."soon".len() + 2 {
        let _ = update(&mut model, Msg::Input(InputRequest::DeletePrevChar));
    }
    type_text(&mut model, "2000-01-01");
    assert_eq!(model.identities.filter_error, None);
    assert_eq!(
        model.identities.list.shown.len(),
        0,
        "nothing was created before 2000"
    );
}

#[test]
fn mark_all_marks_every_filtered_row_even_off_screen() {
    let mut model = identities_loaded(1_000, SIZE);
    filter(&mut model, "guest");
    let _ = act(&mut model, IdAction::MarkAll);
    assert_eq!(model.identities.marked, 500);
    assert!(
        model
            .identities
            .list
            .rows
            .iter()
            .all(|r| r.marked == r.identity.is_guest())
    );
    let _ = act(&mut model, IdAction::Back);
    let _ = act(&mut model, IdAction::InvertMarks);
    assert_eq!(model.identities.marked, 500);
    assert!(
        model
            .identities
            .list
            .rows
            .iter()
            .all(|r| r.marked != r.identity.is_guest())
    );
    let _ = act(&mut model, IdAction::Mark);
    assert_eq!(model.identities.marked, 501);
    let _ = act(&mut model, IdAction::ClearMarks);
    assert_eq!(model.identities.marked, 0);
}

fn start_deletion(model: &mut cognito_tui::console::Model) -> Vec<Effect> {
    let _ = act(model, IdAction::Delete);
    let count = match &model.identities.panel {
        Some(Panel::ConfirmDelete { ids, .. }) => ids.len(),
        other => panic!("confirmation expected: {other:?}"),
    };
    if count > TYPE_COUNT_ABOVE {
        type_text(model, &count.to_string());
    }
    let _ = act(model, IdAction::FocusNext);
    act(model, IdAction::Submit)
}

#[test]
fn deletion_sends_batches_of_60_only_for_marked_ids() {
    let mut model = identities_loaded(600, SIZE);
    filter(&mut model, "auth");
    let _ = act(&mut model, IdAction::MarkAll);
    let marked = model.identities.marked_ids();
    let effects = start_deletion(&mut model);
    let batches = delete_batches(&effects);
    assert_eq!(batches.len(), START_CONCURRENCY);
    assert!(batches.iter().all(|(_, ids)| ids.len() == BATCH));
    let sent: Vec<String> = batches.iter().flat_map(|(_, ids)| ids.clone()).collect();
    assert_eq!(
        sent,
        marked[..sent.len()].to_vec(),
        "in order, only marked ids"
    );
    // Answer everything; rows leave the table as batches succeed.
    let mut pending = batches;
    let mut all_sent = Vec::new();
    while let Some((req, ids)) = pending.pop() {
        all_sent.extend(ids);
        let effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::DeleteIdentities(Ok(Vec::new())),
            },
        );
        pending.extend(delete_batches(&effects));
    }
    all_sent.sort();
    let mut expected = marked.clone();
    expected.sort();
    assert_eq!(all_sent, expected);
    assert_eq!(model.identities.list.rows.len(), 300);
    assert!(
        model
            .identities
            .list
            .rows
            .iter()
            .all(|r| r.identity.is_guest()),
        "no unmarked row deleted"
    );
    let Some(Panel::Report(report)) = &model.identities.panel else {
        panic!("report")
    };
    assert_eq!(
        (
            report.deleted,
            report.failed.len(),
            report.not_attempted.len()
        ),
        (300, 0, 0)
    );
    assert_eq!(model.notice.as_ref().map(|n| n.level), Some(Level::Success));
}

#[test]
fn unprocessed_ids_are_retried_and_final_failures_reported() {
    let mut model = identities_loaded(2, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let effects = start_deletion(&mut model);
    let (mut req, ids) = delete_batches(&effects)[0].clone();
    let stubborn = ids[1].clone();
    for _ in 0..4 {
        let effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::DeleteIdentities(Ok(vec![(
                    stubborn.clone(),
                    "InternalServerError".into(),
                )])),
            },
        );
        match delete_batches(&effects).first() {
            Some((next, ids)) => {
                assert_eq!(
                    ids,
                    &vec![stubborn.clone()],
                    "only the unprocessed id is retried"
                );
                req = *next;
            }
            None => break,
        }
    }
    let Some(Panel::Report(report)) = &model.identities.panel else {
        panic!("report")
    };
    assert_eq!(report.deleted, 1);
    assert_eq!(
        report.failed,
        vec![(stubborn.clone(), "InternalServerError".to_string())]
    );
    assert_eq!(
        model.identities.list.rows.len(),
        1,
        "the failed one stays in the table"
    );
    assert_eq!(model.notice.as_ref().map(|n| n.level), Some(Level::Warning));
    let effects = act(&mut model, IdAction::CopyId);
    assert_eq!(effects, vec![Effect::CopyToClipboard(stubborn)]);
}

#[test]
fn throttling_halves_concurrency_and_requeues_the_batch() {
    let mut model = identities_loaded(1_000, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let effects = start_deletion(&mut model);
    let batches = delete_batches(&effects);
    let (req, ids) = batches[0].clone();
    let throttled = AwsError {
        kind: ErrorKind::Throttled,
        ..AwsError::service("TooManyRequestsException", "Rate exceeded")
    };
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DeleteIdentities(Err(throttled)),
        },
    );
    let deletion = model
        .identities
        .deletion
        .as_ref()
        .unwrap_or_else(|| panic!("running"));
    assert_eq!(deletion.concurrency, START_CONCURRENCY / 2);
    assert!(
        delete_batches(&effects).is_empty(),
        "3 in flight already exceed the new limit of 2"
    );
    assert_eq!(deletion.queue.front(), ids.first());
}

#[test]
fn cancel_mid_way_keeps_what_was_deleted_and_reports_the_rest() {
    let mut model = identities_loaded(2_000, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let effects = start_deletion(&mut model);
    let batches = delete_batches(&effects);
    let _ = act(&mut model, IdAction::Cancel);
    for (req, _) in batches {
        let effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::DeleteIdentities(Ok(Vec::new())),
            },
        );
        assert!(
            delete_batches(&effects).is_empty(),
            "nothing new after cancel"
        );
    }
    let Some(Panel::Report(report)) = &model.identities.panel else {
        panic!("report")
    };
    assert!(report.cancelled);
    assert_eq!(report.deleted, 240);
    assert_eq!(report.not_attempted.len(), 1_760);
    assert_eq!(model.identities.list.rows.len(), 1_760);
}

#[test]
fn big_deletions_need_the_count_typed() {
    let mut model = identities_loaded(1_200, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    let _ = act(&mut model, IdAction::FocusNext);
    assert!(
        act(&mut model, IdAction::Submit).is_empty(),
        "not without the count"
    );
    type_text(&mut model, "1200");
    assert_eq!(
        delete_batches(&act(&mut model, IdAction::Submit)).len(),
        START_CONCURRENCY
    );
}

#[test]
fn cancel_is_focused_and_read_only_refuses() {
    let mut model = identities_loaded(5, SIZE);
    let _ = act(&mut model, IdAction::Delete);
    assert!(act(&mut model, IdAction::Submit).is_empty(), "⏎ on Cancel");
    assert!(model.identities.panel.is_none());

    let (mut model, effects) = on_identities(
        Options {
            read_only: true,
            ..Default::default()
        },
        SIZE,
    );
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((vec![identity(0, NOW)], None))),
        },
    );
    let _ = act(&mut model, IdAction::Delete);
    assert!(model.identities.panel.is_none());
    assert!(
        model
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Read-only"))
    );
}

#[test]
fn opening_an_identity_describes_it() {
    let mut model = identities_loaded(3, SIZE);
    let effects = act(&mut model, IdAction::Open);
    let [Effect::DescribeIdentity { req, identity_id }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(identity_id, &identity(0, NOW).id);
    let _ = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::DescribeIdentity(Ok(identity(0, NOW))),
        },
    );
    let Some(Panel::Detail(detail)) = &model.identities.panel else {
        panic!("detail")
    };
    assert_eq!(
        detail.described.clone().and_then(Result::ok),
        Some(identity(0, NOW))
    );
    let _ = update(&mut model, Msg::Input(InputRequest::InsertChar('x')));
    let _ = act(&mut model, IdAction::Back);
    assert!(model.identities.panel.is_none());
}

#[test]
fn q_during_a_deletion_asks_before_quitting() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut model = identities_loaded(300, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = start_deletion(&mut model);
    assert!(model.identities.deletion.is_some());
    let q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    let msg = cognito_tui::console::keymap::to_msg(&model, &q);
    assert_eq!(msg, Some(Msg::Action(Action::Quit)), "q reaches the app");
    let effects = update(&mut model, Msg::Action(Action::Quit));
    assert!(effects.is_empty(), "not quitting at once: {effects:?}");
    assert!(
        matches!(
            model.overlay,
            Some(cognito_tui::console::model::Overlay::ConfirmQuit { .. })
        ),
        "{:?}",
        model.overlay
    );
}

#[test]
fn a_pool_deleted_elsewhere_is_dropped_as_the_current_pool_and_said() {
    let mut model = identities_loaded(120, SIZE);
    let pool = model.current_pool.clone().unwrap_or_default();
    let effects = act(&mut model, IdAction::Refresh);
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Err(AwsError::service(
                "ResourceNotFoundException",
                format!("IdentityPool '{}' not found.", pool.0),
            ))),
        },
    );
    assert_eq!(model.current_pool, None, "no tab acts on it any more");
    let notice = model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("deleted elsewhere"), "{notice}");
    assert!(
        model
            .errors
            .iter()
            .any(|e| e.error.code.as_deref() == Some("ResourceNotFoundException")),
        "kept for :errors"
    );
    let screen = render(&model);
    assert!(!screen.contains(&format!("pool: {}", pool.1)), "{screen}");
    assert!(!screen.contains("This pool has no identities"), "{screen}");
}

#[test]
fn a_wrong_count_says_it_does_not_match_and_the_count_reads_the_same_everywhere() {
    let mut model = identities_loaded(1_200, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    type_text(&mut model, "1199");
    let screen = render(&model);
    assert!(screen.contains("Delete 1,200 identities?"), "{screen}");
    assert!(screen.contains("type the count (1,200)"), "{screen}");
    assert!(screen.contains("1199 does not match 1,200"), "{screen}");
    // Typed as shown, with its separator, it confirms.
    for _ in 0..4 {
        let _ = update(&mut model, Msg::Input(InputRequest::DeletePrevChar));
    }
    type_text(&mut model, "1,200");
    assert!(!render(&model).contains("does not match"));
    let _ = act(&mut model, IdAction::FocusNext);
    assert_eq!(
        delete_batches(&act(&mut model, IdAction::Submit)).len(),
        START_CONCURRENCY
    );
}

/// Types a filter, returning the effects typing asked for.
fn filter_effects(model: &mut cognito_tui::console::Model, text: &str) -> Vec<Effect> {
    let mut effects = act(model, IdAction::Filter);
    for c in text.chars() {
        effects.extend(update(model, Msg::Input(InputRequest::InsertChar(c))));
    }
    effects.extend(act(model, IdAction::Submit));
    effects
}

#[test]
fn disabled_lists_again_with_hide_disabled_and_marks_the_ones_left_out() {
    let mut model = identities_loaded(10, SIZE);
    let id = |i: usize| identity(i, NOW).id;
    // Guests 2 and 4 lost their logins: the service leaves them out with HideDisabled.
    let enabled: Vec<_> = (0..10)
        .filter(|i| *i != 2 && *i != 4)
        .map(|i| identity(i, NOW))
        .collect();
    let effects = filter_effects(&mut model, "disabled");
    assert!(
        matches!(
            &effects[..],
            [Effect::ListIdentities {
                hide_disabled: true,
                next_token: None,
                ..
            }]
        ),
        "one listing with HideDisabled, once: {effects:?}"
    );
    assert!(
        model.identities.list.shown.is_empty(),
        "unknown is not disabled"
    );
    assert!(render(&model).contains("checking which are disabled"));
    let req = identities_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((enabled[..5].to_vec(), Some("s5".into())))),
        },
    );
    assert!(
        matches!(&effects[..], [Effect::ListIdentities { hide_disabled: true, next_token: Some(t), .. }] if t == "s5")
    );
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((enabled[5..].to_vec(), None))),
        },
    );
    let shown: Vec<String> = model
        .identities
        .list
        .shown
        .iter()
        .map(|&i| model.identities.list.rows[i].identity.id.clone())
        .collect();
    assert_eq!(shown, vec![id(2), id(4)]);
    let screen = render(&model);
    assert!(screen.contains("2 disabled"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains(&id(2)) && l.contains("disabled")),
        "the kind column says it: {screen}"
    );
    let _ = act(&mut model, IdAction::Back);
    let effects = filter_effects(&mut model, "guest");
    assert!(effects.is_empty(), "known now: no new listing");
    assert_eq!(
        model.identities.list.shown.len(),
        3,
        "guests 0, 6, 8: a disabled identity is no guest"
    );
}

#[test]
fn provider_terms_match_what_the_column_shows() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let req = identities_req(&effects);
    let mut user = identity(1, NOW);
    user.logins = vec!["cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rs".into()];
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((
                vec![identity(0, NOW), user, identity(3, NOW)],
                None,
            ))),
        },
    );
    assert!(render(&model).contains("user pool us-east-1_Ord3rs"));
    for text in ["p:userpool", "p:\"user pool\"", "p:cognito-idp"] {
        let _ = filter_effects(&mut model, text);
        assert_eq!(model.identities.list.shown.len(), 1, "{text}");
        let _ = act(&mut model, IdAction::Back);
    }
}

#[test]
fn deleting_the_rows_at_the_end_leaves_the_rows_before_them_on_screen() {
    // The walk: G, k×49, Space×50 (each marks and moves down), d, confirm, then Esc the report.
    let mut model = identities_loaded(148, SIZE);
    let _ = act(&mut model, IdAction::Move(Move::Bottom));
    for _ in 0..49 {
        let _ = act(&mut model, IdAction::Move(Move::Up));
    }
    for _ in 0..50 {
        let _ = act(&mut model, IdAction::Mark);
    }
    assert_eq!(model.identities.marked, 50);
    let mut pending = delete_batches(&start_deletion(&mut model));
    while let Some((req, _)) = pending.pop() {
        let effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::DeleteIdentities(Ok(Vec::new())),
            },
        );
        pending.extend(delete_batches(&effects));
    }
    let _ = act(&mut model, IdAction::Back);
    assert!(model.identities.panel.is_none(), "the report closed");
    assert_eq!(model.identities.list.rows.len(), 98);
    let screen = render(&model);
    let shown = screen.lines().filter(|l| l.contains("us-east-1:")).count();
    assert!(shown > 0, "rows are drawn, not a blank table:\n{screen}");
    let list = &model.identities.list;
    assert!(list.offset <= list.selected && list.selected < list.shown.len());
}
