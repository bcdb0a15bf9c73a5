//! `update` on the Pools tab when deleting: the typed-name confirmation, a failed delete, a
//! protected pool, read-only mode, and a pool deleted elsewhere.

mod app_support;

use app_support::*;
use cognito_tui::app::Level;
use cognito_tui::app::Response;
use cognito_tui::app::{AwsError, Effect};
use cognito_tui::console::DialogAction;
use cognito_tui::console::model::{Button, Overlay};
use cognito_tui::console::{Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::pools::Action as PoolAction;
use pretty_assertions::assert_eq;

const SIZE: (u16, u16) = (100, 30);

#[test]
fn delete_needs_the_typed_name_and_the_row_goes_only_after_the_service_confirms() {
    let mut model = loaded(3, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    let Some(Overlay::ConfirmDelete {
        focus, ref name, ..
    }) = model.overlay
    else {
        panic!("dialog opens")
    };
    assert_eq!(
        (focus, name.as_str()),
        (Button::Cancel, "pool-000"),
        "Cancel is focused"
    );
    // ⏎ on Cancel closes without deleting.
    assert!(act(&mut model, DialogAction::Submit).is_empty());
    assert!(model.overlay.is_none());

    let _ = act(&mut model, PoolAction::Delete);
    type_text(&mut model, "pool-00");
    let _ = act(&mut model, DialogAction::FocusNext);
    assert!(
        act(&mut model, DialogAction::Submit).is_empty(),
        "a wrong name cannot confirm"
    );
    assert!(model.overlay.is_some());
    type_text(&mut model, "0");
    let effects = act(&mut model, DialogAction::Submit);
    let [
        Effect::DeleteIdentityPool {
            req, pool_id: id, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(id, &pool_id(0));
    assert!(model.overlay.is_none());
    assert_eq!(
        model.pools.list.rows.len(),
        3,
        "the row stays until the service answers"
    );
    assert_eq!(model.writes_in_flight(), 1);
    let _ = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::DeleteIdentityPool(Ok(())),
        },
    );
    assert_eq!(model.pools.list.rows.len(), 2);
    assert_eq!(
        model.notice.as_ref().map(|n| n.text.as_str()),
        Some("Deleted \"pool-000\"")
    );
}

#[test]
fn a_failed_delete_keeps_the_row_and_shows_the_service_error() {
    let mut model = loaded(2, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    type_text(&mut model, "pool-000");
    let _ = act(&mut model, DialogAction::FocusNext);
    let effects = act(&mut model, DialogAction::Submit);
    let [Effect::DeleteIdentityPool { req, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let error = AwsError {
        request_id: Some("rid-1".into()),
        ..AwsError::service("NotAuthorizedException", "Access denied")
    };
    let _ = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::DeleteIdentityPool(Err(error)),
        },
    );
    assert_eq!(model.pools.list.rows.len(), 2);
    assert!(model.pools.deleting.is_empty());
    let notice = model.notice.clone().unwrap_or_else(|| panic!("a notice"));
    assert_eq!(notice.level, Level::Error);
    assert!(
        notice
            .text
            .contains("NotAuthorizedException: Access denied"),
        "{}",
        notice.text
    );
    assert_eq!(
        model
            .errors
            .front()
            .and_then(|e| e.error.request_id.clone()),
        Some("rid-1".into())
    );
}

#[test]
fn a_protected_pool_is_never_offered_for_deletion() {
    let (mut model, _) = listed(
        Options {
            protected: vec!["pool-00*".into(), pool_id(7)],
            ..Default::default()
        },
        SIZE,
        Ok((summaries(0..12), None)),
    );
    assert_eq!(act(&mut model, PoolAction::Delete), Vec::new());
    assert!(model.overlay.is_none(), "no confirmation opens");
    assert_eq!(
        notice_text(&model),
        "\"pool-000\" is protected from deletion (config.toml: protected has \"pool-00*\"); remove it there to delete the pool"
    );
    // pool-010 matches no name pattern: its confirmation opens as usual.
    for _ in 0..10 {
        let _ = act(&mut model, PoolAction::Move(Move::Down));
    }
    let _ = act(&mut model, PoolAction::Delete);
    assert!(model.overlay.is_some(), "an unprotected pool asks as usual");
}

#[test]
fn read_only_refuses_to_delete_and_says_why() {
    let (mut model, _) = listed(
        Options {
            read_only: true,
            ..Default::default()
        },
        SIZE,
        Ok((summaries(0..3), None)),
    );
    let asked_before = model.in_flight.len();
    assert_eq!(act(&mut model, PoolAction::Delete), Vec::new());
    assert!(model.overlay.is_none(), "no confirmation opens");
    let notice = model.notice.clone().unwrap_or_else(|| panic!("a notice"));
    assert_eq!(notice.level, Level::Warning);
    assert_eq!(
        notice.text,
        "Read-only mode (--read-only): deleting pools is disabled"
    );
    // The same central refusal for creating, from the Pools tab and from the summary.
    assert_eq!(act(&mut model, PoolAction::New), Vec::new());
    assert!(model.wizard.open.is_none());
    assert_eq!(
        model.notice.as_ref().map(|n| n.text.as_str()),
        Some("Read-only mode (--read-only): creating pools is disabled")
    );
    let _ = act(&mut model, PoolAction::Open);
    model.notice = None;
    let _ = act(&mut model, PoolAction::Delete);
    assert!(model.overlay.is_none());
    assert!(model.notice.is_some(), "refused in the summary too");
    assert_eq!(
        model.writes_in_flight(),
        0,
        "nothing that writes was ever asked ({asked_before} reads before)"
    );
}

#[test]
fn a_pool_deleted_elsewhere_leaves_the_list_with_a_notice() {
    let (mut model, effects) = listed(Options::default(), SIZE, Ok((summaries(0..3), None)));
    let (req, id) = describes(&effects)[1].clone();
    let gone = AwsError::service(
        "ResourceNotFoundException",
        format!("IdentityPool '{id}' not found."),
    );
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::DescribeIdentityPool(Err(gone)),
        },
    );
    assert!(model.pools.pool(&id).is_none());
    assert!(
        model
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("deleted elsewhere"))
    );
}
