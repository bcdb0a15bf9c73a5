//! `:store`, what the console holds: every pool read, how long ago, and whether a write took
//! effect since; ⏎ opens the selected pool (read fresh). Driven through the console's `update`.

mod app_support;

use app_support::*;
use cognito_tui::app::{Effect, Response};
use cognito_tui::console::{DialogAction, Msg, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::held;

fn command(model: &mut cognito_tui::console::Model, line: &str) -> Vec<Effect> {
    let _ = update(model, Msg::Action(cognito_tui::console::Action::Command));
    type_text(model, line);
    update(model, Msg::Dialog(DialogAction::Submit))
}

#[test]
fn every_pool_read_is_listed_with_its_age_and_a_write_since_is_said() {
    let mut model = loaded(3, (120, 30));
    let _ = update(&mut model, Msg::Tick(1_000_000.0));
    let effects = command(&mut model, "store");
    assert!(effects.is_empty(), "looking reads nothing: {effects:?}");
    let screen = render(&model);
    assert!(
        screen.contains("3 pools held · 0 found deleted"),
        "{screen}"
    );
    assert!(screen.contains("pool-000"), "{screen}");
    assert!(
        screen.contains("not read"),
        "roles were not read:\n{screen}"
    );

    // A write to pool-001 that took effect: what was read of it may be old now.
    let req = model.next_req;
    model.in_flight.insert(
        req,
        cognito_tui::console::model::InFlight {
            operation: "TagResource",
            write: true,
            owner: cognito_tui::console::Owner::Pools,
            subject: Some(cognito_tui::store::Subject::Wrote(pool_id(1))),
        },
    );
    model.next_req += 1;
    let _ = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::TagResource(Ok(())),
        },
    );
    let screen = render(&model);
    let row = screen
        .lines()
        .find(|l| l.contains("pool-001"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("written since read"), "{row}");
    let other = screen
        .lines()
        .find(|l| l.contains("pool-002"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(other.contains("as read"), "{other}");
}

#[test]
fn enter_opens_the_selected_pool_fresh_and_closes_the_view() {
    let mut model = loaded(3, (120, 30));
    let _ = command(&mut model, "store");
    let _ = update(&mut model, Msg::from(held::Action::Move(Move::Down)));
    let effects = update(&mut model, Msg::from(held::Action::Open));
    assert!(model.held.view.is_none(), "the view closed");
    assert_eq!(model.pools.open.as_deref(), Some(pool_id(1).as_str()));
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::DescribeIdentityPool { pool_id: id, .. } if *id == pool_id(1)
        )),
        "read fresh: {effects:?}"
    );
}
