//! The screens as a whole: every tab has a title, keys and a view (so a new tab that lacks one
//! fails here), and where colour carries meaning the drawn cells have the right style.

mod app_support;

use app_support::*;
use cognito_tui::app::Level;
use cognito_tui::app::{AwsError, Tab};
use cognito_tui::console::tabs::screen;
use cognito_tui::console::{DialogAction, Options};
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::view::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use std::collections::HashSet;
use strum::IntoEnumIterator;

const SIZE: (u16, u16) = (110, 30);

fn buffer(model: &cognito_tui::console::Model) -> Buffer {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| cognito_tui::console::view(model, frame))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

/// The style of the first cell of `text` on row `y`, searched from the left.
fn style_of(buffer: &Buffer, y: u16, text: &str) -> Style {
    let line: String = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect();
    let Some(byte) = line.find(text) else {
        panic!("{text:?} not on row {y}: {line:?}")
    };
    let x = u16::try_from(line[..byte].chars().count()).unwrap_or(0);
    buffer[(x, y)].style()
}

fn has(style: Style, part: Style) -> bool {
    (part.fg.is_none() || style.fg == part.fg)
        && (part.bg.is_none() || style.bg == part.bg)
        && style.add_modifier.contains(part.add_modifier)
}

#[test]
fn every_tab_has_a_title_keys_and_a_view() {
    assert_eq!(
        Tab::iter().count(),
        Tab::ALL.len(),
        "Tab::ALL lists every tab"
    );
    let mut model = loaded(3, SIZE);
    let _ = act(&mut model, PoolAction::Open);
    let mut titles = HashSet::new();
    for tab in Tab::ALL {
        let screen = screen(tab);
        assert!(!tab.title().is_empty(), "{tab:?} has a title");
        assert!(titles.insert(tab.title()), "{tab:?}'s title is its own");
        assert_eq!(tab.to_string(), tab.title());
        model.tab = tab;
        let sheet = (screen.keys)(&model);
        let text = render(&model);
        let hints: Vec<&str> = sheet
            .entries
            .iter()
            .filter(|k| k.hint)
            .map(|k| k.help)
            .collect();
        assert!(!hints.is_empty(), "{tab:?} has keys of its own");
        assert!(
            text.lines()
                .last()
                .is_some_and(|footer| footer.contains(hints[0])),
            "{tab:?}'s footer shows its first hint {:?}:\n{text}",
            hints[0]
        );
    }
}

#[test]
fn read_only_dims_the_hints_of_keys_that_change_something() {
    let theme = Theme::named(ThemeName::Dark);
    let options = Options {
        read_only: true,
        ..Default::default()
    };
    let (mut model, _) = listed(options, SIZE, Ok((summaries(0..3), None)));
    let footer = buffer(&model);
    let y = SIZE.1 - 1;
    assert!(
        has(style_of(&footer, y, " delete"), theme.dim),
        "d delete is dimmed"
    );
    assert!(
        has(style_of(&footer, y, " new"), theme.dim),
        "n new is dimmed"
    );
    assert!(
        !has(style_of(&footer, y, " filter"), theme.dim),
        "/ filter is not"
    );
    assert!(
        has(style_of(&footer, y, "/"), theme.key),
        "an enabled key has the key style"
    );

    // The refusal is said once, centrally, in the warning style.
    let _ = act(&mut model, PoolAction::Delete);
    assert!(model.overlay.is_none());
    assert_eq!(
        model.notice.as_ref().map(|n| (n.level, n.text.as_str())),
        Some((
            Level::Warning,
            "Read-only mode (--read-only): deleting pools is disabled"
        ))
    );
    let warned = buffer(&model);
    // Too long to share the footer with the keys: on the row above it.
    assert!(has(style_of(&warned, y - 1, "! Read-only"), theme.warning));
}

#[test]
fn an_error_notice_is_drawn_in_the_error_style() {
    let theme = Theme::named(ThemeName::Dark);
    let error = AwsError::service("AccessDeniedException", "not allowed");
    let (model, _) = listed(Options::default(), SIZE, Err(error));
    let drawn = buffer(&model);
    let style = style_of(&drawn, SIZE.1 - 2, "✗ ListIdentityPools failed");
    assert!(has(style, theme.error), "{style:?}");
    assert!(!has(style, theme.success));
}

#[test]
fn the_focused_button_of_a_confirmation_is_drawn_focused() {
    let theme = Theme::named(ThemeName::Dark);
    let mut model = loaded(2, SIZE);
    let _ = act(&mut model, PoolAction::Delete);
    let find_row = |buffer: &Buffer, text: &str| {
        (0..buffer.area.height)
            .find(|&y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .contains(text)
            })
            .unwrap_or_else(|| panic!("{text} not drawn"))
    };
    let drawn = buffer(&model);
    let y = find_row(&drawn, "[ Cancel ]");
    assert!(
        has(style_of(&drawn, y, "[ Cancel ]"), theme.focused),
        "Cancel first"
    );
    assert!(!has(style_of(&drawn, y, "[ Delete"), theme.focused));

    type_text(&mut model, "pool-000");
    let _ = act(&mut model, DialogAction::FocusNext);
    let drawn = buffer(&model);
    let y = find_row(&drawn, "[ Cancel ]");
    assert!(!has(style_of(&drawn, y, "[ Cancel ]"), theme.focused));
    assert!(
        has(style_of(&drawn, y, "[ Delete"), theme.focused),
        "then Delete"
    );
}

#[test]
fn read_only_dims_every_tabs_refused_hints_and_only_those() {
    let theme = Theme::named(ThemeName::Dark);
    let options = Options {
        read_only: true,
        ..Default::default()
    };
    let mut model = loaded(3, SIZE);
    model.options = options;
    let _ = act(&mut model, PoolAction::Open);
    let y = SIZE.1 - 1;
    let mut refused = Vec::new();
    for tab in Tab::ALL {
        model.tab = tab;
        model.notice = None;
        let drawn = buffer(&model);
        let footer: String = (0..drawn.area.width)
            .map(|x| drawn[(x, y)].symbol().to_string())
            .collect();
        for hint in cognito_tui::console::keymap::active_sheet(&model)
            .iter()
            .filter(|h| h.hint)
        {
            let text = format!(" {} ", hint.help);
            if !footer.contains(&text) {
                continue;
            }
            let style = style_of(&drawn, y, &text);
            assert_eq!(
                has(style, theme.dim),
                hint.mutates,
                "{tab:?}: {:?} is drawn {style:?}",
                hint.help
            );
            if hint.mutates {
                refused.push(format!("{tab:?} {}", hint.help));
            }
        }
    }
    for expected in [
        "Pools delete",
        "Identities delete",
        "UserAccess edit",
        "Roles edit",
    ] {
        assert!(
            refused.iter().any(|r| r.starts_with(expected)),
            "{expected} is dimmed: {refused:?}"
        );
    }
}

#[test]
fn a_long_notice_takes_the_row_above_and_leaves_the_keys_whole() {
    let mut model = loaded(3, SIZE);
    let long = "Pool \"orders-app-with-a-long-name\" no longer exists (deleted elsewhere); removed from the list";
    model.notify(Level::Warning, long);
    let drawn = buffer(&model);
    let row = |y: u16| -> String {
        (0..drawn.area.width)
            .map(|x| drawn[(x, y)].symbol().to_string())
            .collect()
    };
    let footer = row(SIZE.1 - 1);
    for hint in ["n new", "d delete", "? help", "q quit"] {
        assert!(footer.contains(hint), "{hint} cut: {footer:?}");
    }
    assert!(
        row(SIZE.1 - 2).contains(long),
        "the whole notice: {:?}",
        row(SIZE.1 - 2)
    );
    model.notify(Level::Info, "Copied it");
    let drawn = buffer(&model);
    let footer: String = (0..drawn.area.width)
        .map(|x| drawn[(x, SIZE.1 - 1)].symbol().to_string())
        .collect();
    assert!(
        footer.contains("Copied it") && footer.contains("q quit"),
        "a short one shares the line: {footer:?}"
    );
}
