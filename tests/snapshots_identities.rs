//! The Identity browser's screens at a fixed size (insta snapshots).

mod app_support;

use app_support::*;
use cognito_tui::app::AwsError;
use cognito_tui::app::Response;
use cognito_tui::console::{Action, Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::identities::Action as IdAction;
use insta::assert_snapshot;

const SIZE: (u16, u16) = (130, 30);

#[test]
fn identities_loading() {
    let (mut model, effects) = on_identities(Options::default(), SIZE);
    let req = identities_req(&effects);
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentities(Ok((
                (0..60).map(|i| identity(i, NOW)).collect(),
                Some("t".into()),
            ))),
        },
    );
    assert_snapshot!(render(&model));
}

#[test]
fn identities_all_pages_loaded() {
    let model = identities_loaded(250, SIZE);
    assert_snapshot!(render(&model));
}

#[test]
fn identities_filtered_and_marked() {
    let mut model = identities_loaded(250, SIZE);
    let _ = act(&mut model, IdAction::Filter);
    type_text(&mut model, "p:google created>30d");
    let _ = act(&mut model, IdAction::Submit);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Move(Move::Down));
    let _ = act(&mut model, IdAction::Mark);
    assert_snapshot!(render(&model));
}

#[test]
fn identities_filter_error() {
    let mut model = identities_loaded(20, SIZE);
    let _ = act(&mut model, IdAction::Filter);
    type_text(&mut model, "created>last-week");
    assert_snapshot!(render(&model));
}

#[test]
fn identity_details() {
    let mut model = identities_loaded(5, SIZE);
    let _ = act(&mut model, IdAction::Move(Move::Down));
    let effects = act(&mut model, IdAction::Open);
    let Some(cognito_tui::app::Effect::DescribeIdentity { req, .. }) = effects.first().cloned()
    else {
        panic!()
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DescribeIdentity(Ok(identity(1, NOW))),
        },
    );
    assert_snapshot!(render(&model));
}

#[test]
fn confirm_small_deletion() {
    let mut model = identities_loaded(30, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    assert_snapshot!(render(&model));
}

#[test]
fn confirm_big_deletion_needs_the_count() {
    let mut model = identities_loaded(1_500, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    type_text(&mut model, "15");
    let _ = act(&mut model, IdAction::FocusNext);
    assert_snapshot!(render(&model));
}

#[test]
fn deletion_progress() {
    let mut model = identities_loaded(1_000, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    let _ = act(&mut model, IdAction::FocusNext);
    let effects = act(&mut model, IdAction::Submit);
    let batches = delete_batches(&effects);
    let _ = update(&mut model, Msg::Tick(NOW + 2.0));
    let (req, _) = batches[0].clone();
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DeleteIdentities(Ok(Vec::new())),
        },
    );
    assert_snapshot!(render(&model));
}

#[test]
fn deletion_report_with_failures() {
    let mut model = identities_loaded(120, SIZE);
    let _ = act(&mut model, IdAction::MarkAll);
    let _ = act(&mut model, IdAction::Delete);
    let _ = act(&mut model, IdAction::FocusNext);
    let effects = act(&mut model, IdAction::Submit);
    let batches = delete_batches(&effects);
    let _ = update(&mut model, Msg::Tick(NOW + 3.5));
    let (first, ids) = batches[0].clone();
    let denied: Vec<(String, String)> = ids[..3]
        .iter()
        .map(|id| (id.clone(), "AccessDenied".to_string()))
        .collect();
    let _ = update(
        &mut model,
        Msg::Response {
            req: first,
            response: Response::DeleteIdentities(Ok(denied)),
        },
    );
    let (second, _) = batches[1].clone();
    let mut failure = AwsError::service("InternalErrorException", "boom");
    failure.request_id = Some("rid".into());
    let mut req = second;
    for _ in 0..3 {
        let effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::DeleteIdentities(Err(failure.clone())),
            },
        );
        match delete_batches(&effects).first() {
            Some((next, _)) => req = *next,
            None => break,
        }
    }
    assert_snapshot!(render(&model));
}

#[test]
fn no_pool_chosen() {
    let mut model = loaded(2, SIZE);
    let _ = act(&mut model, Action::GoTab(cognito_tui::app::Tab::Identities));
    assert_snapshot!(render(&model));
}
