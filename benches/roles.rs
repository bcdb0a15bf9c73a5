//! The resolution simulator's keystroke (criterion): a character typed into the claims, the
//! claims parsed again, the resolution run on a mapping of 25 rules, and the screen drawn.
//!
//! cargo bench --bench roles

#[path = "../tests/app_support/mod.rs"]
mod app_support;

use app_support::access::*;
use app_support::roles::*;
use cognito_tui::console::{Msg, Options, update};
use cognito_tui::domain::roles::{MappingRule, RulesConfiguration};
use cognito_tui::screens::roles::{Action as Ra, Msg as RolesMsg};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tui_input::InputRequest;

fn keystroke(c: &mut Criterion) {
    let mut config = every_kind();
    let rules = (0..25)
        .map(|i| MappingRule {
            claim: if i % 2 == 0 {
                "cognito:groups"
            } else {
                "custom:tier"
            }
            .into(),
            match_type: ["Equals", "Contains", "StartsWith", "NotEqual"][i % 4].into(),
            value: format!("value-{i}"),
            role_arn: role(&format!("team-{i}")),
        })
        .collect();
    if let Some(mapping) = config.roles.role_mappings.values_mut().next() {
        mapping.rules_configuration = Some(RulesConfiguration { rules });
    }
    let iam = healthy_iam(&config);
    let mut model = on_roles(&config, &iam, Options::default(), (140, 40));
    let _ = app_support::act(&mut model, Ra::Simulate);
    for line in ["custom:tier=partner", "email=a@b.example"] {
        for ch in line.chars() {
            let _ = update(
                &mut model,
                Msg::Roles(RolesMsg::Input(InputRequest::InsertChar(ch))),
            );
        }
        let _ = app_support::act(&mut model, Ra::NewLine);
    }
    for ch in "cognito:groups=staff,admins".chars() {
        let _ = update(
            &mut model,
            Msg::Roles(RolesMsg::Input(InputRequest::InsertChar(ch))),
        );
    }
    let mut typed = false;
    c.bench_function("simulator keystroke (25 rules): update only", |b| {
        b.iter(|| {
            let key = if typed {
                InputRequest::DeletePrevChar
            } else {
                InputRequest::InsertChar('x')
            };
            typed = !typed;
            black_box(update(&mut model, Msg::Roles(RolesMsg::Input(key))));
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("simulator keystroke (25 rules): update + draw", |b| {
        b.iter(|| {
            // One keystroke a run: a character typed, the next run takes it back, so the claims
            // stay the same from run to run.
            let key = if typed {
                InputRequest::DeletePrevChar
            } else {
                InputRequest::InsertChar('x')
            };
            typed = !typed;
            let _ = update(&mut model, Msg::Roles(RolesMsg::Input(key)));
            terminal
                .draw(|frame| cognito_tui::console::view(black_box(&model), frame))
                .unwrap_or_else(|e| panic!("{e}"));
        })
    });
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
