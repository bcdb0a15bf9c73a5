//! Rendering and updating the Pools tab with thousands of pools (criterion).
//!
//! cargo bench --bench pools

#[path = "../tests/app_support/mod.rs"]
mod app_support;

use app_support::*;
use cognito_tui::app::Response;
use cognito_tui::console::{Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::identities::Action as IdAction;
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::Action as WizAction;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tui_input::InputRequest;

fn render_pools(c: &mut Criterion) {
    for (w, h) in [(100u16, 30u16), (200, 60)] {
        let mut model = loaded(5_000, (w, h));
        // Somewhere in the middle, as after scrolling.
        for _ in 0..2_500 {
            let _ = update(&mut model, Msg::from(PoolAction::Move(Move::Down)));
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
        c.bench_function(&format!("render pools list, 5000 pools, {w}x{h}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| cognito_tui::console::view(black_box(&model), frame))
                    .unwrap_or_else(|e| panic!("{e}"));
            })
        });
    }
}

fn update_pools(c: &mut Criterion) {
    let model = loaded(5_000, (100, 30));
    let mut moving = loaded(5_000, (100, 30));
    c.bench_function("update: move selection, 5000 pools", |b| {
        b.iter(|| black_box(update(&mut moving, Msg::from(PoolAction::Move(Move::Down)))))
    });
    drop(model);
    let mut filtering = loaded(5_000, (100, 30));
    let _ = update(&mut filtering, Msg::from(PoolAction::Filter));
    c.bench_function("update: type one filter character, 5000 pools", |b| {
        b.iter(|| {
            let _ = update(&mut filtering, Msg::Input(InputRequest::InsertChar('9')));
            black_box(update(
                &mut filtering,
                Msg::Input(InputRequest::DeletePrevChar),
            ))
        })
    });
    c.bench_function("update: a page of 60 arrives, 5000 pools listed", |b| {
        b.iter_batched(
            || {
                let (mut model, effects) = connected(Options::default(), (100, 30));
                let req = list_req(&effects);
                let effects = update(
                    &mut model,
                    Msg::Response {
                        req,
                        response: Response::ListIdentityPools(Ok((
                            summaries(0..4_940),
                            Some("t".into()),
                        ))),
                    },
                );
                (model, list_req(&effects))
            },
            |(mut model, req)| {
                black_box(update(
                    &mut model,
                    Msg::Response {
                        req,
                        response: Response::ListIdentityPools(Ok((summaries(4_940..5_000), None))),
                    },
                ))
            },
            criterion::BatchSize::LargeInput,
        )
    });
}

fn identities_100k(c: &mut Criterion) {
    let size = (140u16, 40u16);
    let mut model = identities_loaded(100_000, size);
    for _ in 0..50_000 {
        let _ = update(&mut model, Msg::from(IdAction::Move(Move::Down)));
    }
    let mut terminal =
        Terminal::new(TestBackend::new(size.0, size.1)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("render identity browser, 100000 identities, 140x40", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| cognito_tui::console::view(black_box(&model), frame))
                .unwrap_or_else(|e| panic!("{e}"));
        })
    });
    c.bench_function("update: move selection, 100000 identities", |b| {
        b.iter(|| black_box(update(&mut model, Msg::from(IdAction::Move(Move::Down)))))
    });
    let _ = update(&mut model, Msg::from(IdAction::Filter));
    c.bench_function(
        "update: type one filter character, 100000 identities",
        |b| {
            b.iter(|| {
                let _ = update(&mut model, Msg::Input(InputRequest::InsertChar('7')));
                black_box(update(&mut model, Msg::Input(InputRequest::DeletePrevChar)))
            })
        },
    );
}

/// The wizard at its heaviest: a provider with 25 rules naming existing roles (each trust policy
/// checked on every frame), 50 tag mappings, and 1,000 roles in the account.
fn wizard(c: &mut Criterion) {
    use app_support::wizard::{existing_role, rule, user_pool_draft, wizard_mut};
    use cognito_tui::wizard::draft::{RuleRole, TagMode};
    use cognito_tui::wizard::{Source, Step};
    let draft = {
        let mut draft = user_pool_draft("bench", "bench-auth", "bench-guest", existing_role("p"));
        let provider = draft.provider_mut(Source::UserPool);
        provider.rules = (0..25)
            .map(|i| {
                rule(
                    "custom:team",
                    0,
                    &format!("team-{i}"),
                    RuleRole::Existing(existing_role(&format!("team-{i}"))),
                )
            })
            .collect();
        provider.tags = TagMode::Custom;
        provider.custom_tags = (0..50)
            .map(|i| {
                (
                    tui_input::Input::new(format!("t{i}")),
                    tui_input::Input::new(format!("c{i}")),
                )
            })
            .collect();
        draft
    };
    let mut model = app_support::wizard::on_review(draft, (120, 40));
    // The account has the roles the rules name (else each rule also warns that its role is
    // missing), among 1,000.
    let roles: Vec<_> = (0..25)
        .map(|i| existing_role(&format!("team-{i}")))
        .chain((25..1_000).map(|i| existing_role(&format!("role-{i:04}"))))
        .collect();
    model.store.absorb(
        model.next_req,
        &cognito_tui::store::Subject::Listed(cognito_tui::store::CatalogList::Roles, None),
        &cognito_tui::app::Response::ListRoles(Ok((roles, None))),
        None,
    );
    wizard_mut(&mut model).step = Step::Providers;
    app_support::wizard::focus(
        &mut model,
        cognito_tui::wizard::fields::FieldId::RuleValue(Source::UserPool, 24),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function(
        "render wizard providers step, 25 rules, 50 tags, 120x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| cognito_tui::console::view(black_box(&model), frame))
                    .unwrap_or_else(|e| panic!("{e}"));
            })
        },
    );
    c.bench_function(
        "update: type one character into a rule value, 25 rules",
        |b| {
            b.iter(|| {
                let _ = update(&mut model, Msg::Input(InputRequest::InsertChar('x')));
                black_box(update(&mut model, Msg::Input(InputRequest::DeletePrevChar)))
            })
        },
    );
    let _ = update(&mut model, Msg::from(WizAction::FocusNext));
    let _ = update(&mut model, Msg::from(WizAction::Open));
    assert!(
        model
            .wizard
            .open
            .as_ref()
            .is_some_and(|w| w.picker.is_some()),
        "the role picker is open"
    );
    let _ = update(&mut model, Msg::Input(InputRequest::InsertChar('9')));
    // The picker filters as it draws, so a keystroke costs one frame over the whole list.
    c.bench_function(
        "render the role picker filtered, 1,000 roles, 120x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| cognito_tui::console::view(black_box(&model), frame))
                    .unwrap_or_else(|e| panic!("{e}"));
            })
        },
    );
}

criterion_group!(benches, render_pools, update_pools, identities_100k, wizard);
criterion_main!(benches);
