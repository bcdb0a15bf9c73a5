//! What a save does before it writes (issue 29, items 4, 10 and 11): it compares the whole pool
//! (every provider's attributes for access control, not only those the edit writes); a failed
//! read keeps the edit and `r` checks again; `Esc` while it reads cancels with nothing written.

mod app_support;

use app_support::access::*;
use app_support::*;
use cognito_tui::app::{AwsError, Effect, ErrorKind, Response};
use cognito_tui::console::{Model, Msg, Options, update};
use cognito_tui::domain::config::PoolConfig;
use cognito_tui::domain::edit::Edit;
use cognito_tui::screens::access::{Action as Ua, Panel};
use cognito_tui::screens::save::{Phase, Save};
use cognito_tui::wizard::scoped::Finished;

fn save(model: &Model) -> &Save {
    match &model.access.panel {
        Some(Panel::Save(view)) => &view.save,
        other => panic!("no save on screen: {other:?}"),
    }
}

/// A rename of pool 0 on the User access tab, its diff on screen; the effects left.
fn rename(model: &mut Model) {
    let effects = begin_rename(model);
    let rest = answer_reads(model, effects, &every_kind());
    assert!(rest.is_empty(), "{rest:?}");
    assert_eq!(save(model).phase, Phase::Review);
}

/// The save of a rename of pool 0 begun: the effects of its first read.
fn begin_rename(model: &mut Model) -> Vec<Effect> {
    update(
        model,
        Msg::Access(cognito_tui::screens::access::Msg::Save {
            pool_id: pool_id(0),
            finished: Box::new(Finished {
                edit: Edit::Rename("orders".into()),
                new_role: None,
                new_user_pool: None,
                note: None,
            }),
        }),
    )
}

fn timeout() -> AwsError {
    AwsError {
        code: Some("InternalErrorException".into()),
        ..AwsError::new(ErrorKind::Service, "We encountered an internal error.")
    }
}

/// Answers the reads among `effects` from `config`, but DescribeIdentityPool with `error`.
fn answer_failing(model: &mut Model, effects: Vec<Effect>, config: &PoolConfig) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in effects {
        match effect {
            Effect::DescribeIdentityPool { req, .. } => rest.extend(update(
                model,
                Msg::Response {
                    req,
                    response: Response::DescribeIdentityPool(Err(timeout())),
                },
            )),
            other => rest.push(other),
        }
    }
    answer_reads(model, rest, config)
}

#[test]
fn a_change_to_a_provider_the_edit_does_not_write_stops_the_save() {
    let mut model = on_access(&every_kind(), Options::default(), (120, 50));
    rename(&mut model);
    let effects = act(&mut model, Ua::Submit);
    // Meanwhile the user pool's attributes for access control changed; the rename does not
    // write them, but the check compares everything the first read read.
    let mut elsewhere = every_kind();
    if let Some(map) = elsewhere.principal_tags.get_mut(USER_POOL) {
        map.principal_tags
            .insert("team".into(), "custom:team".into());
    }
    let rest = answer_reads(&mut model, effects, &elsewhere);
    assert!(rest.is_empty(), "nothing written: {rest:?}");
    let Phase::Conflict { elsewhere, .. } = &save(&model).phase else {
        panic!("{:?}", save(&model).phase)
    };
    assert!(
        elsewhere.iter().any(|c| c.field.contains(USER_POOL)),
        "{elsewhere:?}"
    );
}

#[test]
fn a_failed_check_before_writing_keeps_the_edit_and_r_checks_again() {
    let mut model = on_access(&every_kind(), Options::default(), (120, 50));
    rename(&mut model);
    let effects = act(&mut model, Ua::Submit);
    let rest = answer_failing(&mut model, effects, &every_kind());
    assert!(rest.is_empty(), "nothing written: {rest:?}");
    assert!(
        matches!(&save(&model).phase, Phase::ReadFailed { confirmed: true, why } if why.contains("InternalErrorException")),
        "{:?}",
        save(&model).phase
    );
    let screen = render(&model);
    assert!(screen.contains("r checks again"), "{screen}");
    // r: read again; the pool is as it was, so the confirmed edit is written.
    let effects = act(&mut model, Ua::Retry);
    let writes = answer_reads(&mut model, effects, &every_kind());
    assert!(
        matches!(writes.as_slice(), [Effect::UpdateIdentityPool { pool, .. }] if pool.identity_pool_name == "orders"),
        "{writes:?}"
    );
}

#[test]
fn a_failed_first_read_is_checked_again_with_r() {
    let mut model = on_access(&every_kind(), Options::default(), (120, 50));
    let effects = begin_rename(&mut model);
    let _ = answer_failing(&mut model, effects, &every_kind());
    assert!(matches!(
        save(&model).phase,
        Phase::ReadFailed {
            confirmed: false,
            ..
        }
    ));
    let effects = act(&mut model, Ua::Retry);
    let _ = answer_reads(&mut model, effects, &every_kind());
    assert_eq!(save(&model).phase, Phase::Review);
    assert!(save(&model).changes.iter().any(|c| c.after == "orders"));
}

#[test]
fn esc_while_checking_before_writing_cancels_with_nothing_written() {
    let mut model = on_access(&every_kind(), Options::default(), (120, 50));
    rename(&mut model);
    let reads = act(&mut model, Ua::Submit);
    assert!(matches!(save(&model).phase, Phase::Rereading(_)));
    let _ = act(&mut model, Ua::Back);
    assert!(model.access.panel.is_none(), "closed");
    // The answers that come after change nothing and start no write.
    let rest = answer_reads(&mut model, reads, &every_kind());
    assert!(rest.is_empty(), "{rest:?}");
    assert!(model.access.panel.is_none());
}

/// Issue 29, item 4: a write that got no answer (a timeout) may have taken effect: the save says
/// so, reads the pool, and has the journal record what the read found (the journal's own entry
/// of the write says `unknown`).
#[test]
fn a_write_without_an_answer_is_unknown_until_a_read_says() {
    let mut model = on_access(&every_kind(), Options::default(), (120, 50));
    rename(&mut model);
    let effects = act(&mut model, Ua::Submit);
    let writes = answer_reads(&mut model, effects, &every_kind());
    let [Effect::UpdateIdentityPool { req, .. }] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    let no_answer = AwsError::new(ErrorKind::Timeout, "no answer within 30 s");
    let reads = update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::UpdateIdentityPool(Err(no_answer)),
        },
    );
    // It took effect: the pool is renamed.
    let mut now = every_kind();
    now.pool.identity_pool_name = "orders".into();
    let notes = answer_reads(&mut model, reads, &now);
    assert_eq!(
        notes,
        vec![Effect::JournalNote {
            operation: "UpdateIdentityPool",
            target: pool_id(0),
            outcome: "took effect".into(),
            summary: "a read after UpdateIdentityPool went unanswered found it took effect".into(),
        }]
    );
    let screen = render(&model);
    assert!(
        screen.contains("UpdateIdentityPool got no answer: it may have taken effect"),
        "{screen}"
    );
}
