//! Issue 29, item 3: a review shows every changed value whole, and one longer than the panel
//! scrolls (↓/PgDn) to its end instead of being cut at the panel's bottom.

mod app_support;

use std::collections::BTreeMap;

use app_support::access::*;
use app_support::*;
use cognito_tui::console::{Msg, Options, update};
use cognito_tui::domain::edit::Edit;
use cognito_tui::screens::access::Action as Ua;
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::scoped::Finished;

#[test]
fn a_long_review_scrolls_to_its_last_change_and_values_are_whole() {
    let mut model = on_access(&every_kind(), Options::default(), (80, 24));
    // Thirty tags, the last with a value longer than the panel is wide.
    let mut set: BTreeMap<String, String> = (0..29)
        .map(|i| (format!("tag-{i:02}"), format!("value-{i:02}")))
        .collect();
    let long = format!("{}-END", "x".repeat(150));
    set.insert("tag-zz".into(), long.clone());
    let effects = update(
        &mut model,
        Msg::Access(cognito_tui::screens::access::Msg::Save {
            pool_id: pool_id(0),
            finished: Box::new(Finished {
                edit: Edit::Tags {
                    set,
                    remove: Vec::new(),
                },
                new_role: None,
                new_user_pool: None,
                note: None,
            }),
        }),
    );
    let _ = answer_reads(&mut model, effects, &every_kind());
    let screen = render(&model);
    assert!(screen.contains("Tag tag-00"), "{screen}");
    assert!(!screen.contains("-END"), "the end is below: {screen}");
    assert!(
        screen.contains("more row(s)"),
        "it says there is more: {screen}"
    );
    for _ in 0..10 {
        let _ = act(&mut model, Ua::PageDown);
    }
    let screen = render(&model);
    assert!(screen.contains("-END"), "scrolled to the end: {screen}");
    assert!(!screen.contains("Tag tag-00"), "{screen}");
    // The long value is shown whole, wrapped: every x of it is on screen.
    let xs: usize = screen.matches('x').count();
    assert!(xs >= 150, "{xs} of 150: {screen}");
    // Scrolling is not a save: the review is still there, and ⏎ still saves.
    let Some(cognito_tui::screens::access::Panel::Save(view)) = &model.access.panel else {
        panic!("the review")
    };
    assert_eq!(view.save.phase, Phase::Review);
    let _ = act(&mut model, Ua::Up);
    let _ = act(&mut model, Ua::PageUp);
}
