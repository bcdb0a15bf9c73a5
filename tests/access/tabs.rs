//! Every tab against a fresh console: a console that has the pool open on every tab (the Pools
//! summary, User access, Role settings), after writes made from any of them, must draw what a
//! console started afterwards — which reads everything from the service — draws. A tab that keeps
//! a copy of what the service held shows the old value and the texts differ.

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Model, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::RunningSandbox;
use cognito_tui::screens::pools;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::WAIT;

/// The size both consoles draw at: tall enough for a whole summary, narrow enough that no
/// identity statistics sit beside it.
pub const SIZE: (u16, u16) = (100, 120);

/// Opens the pool on the Pools tab (its summary), in the Identity browser and on Role settings,
/// then comes back to User access: every tab now holds the pool.
pub async fn visit_tabs(h: &mut Headless, pool_id: &str) {
    h.send(Msg::Pools(pools::Msg::OpenById(pool_id.to_string())));
    h.send(Msg::Action(Action::GoTab(Tab::Identities)));
    assert!(
        h.run_until(|m| m.in_flight.is_empty(), WAIT).await,
        "the identities loaded"
    );
    h.send(Msg::Action(Action::GoTab(Tab::Roles)));
    assert!(
        h.run_until(
            |m| m.in_flight.is_empty() && m.roles.read.config(&m.store).is_some(),
            WAIT
        )
        .await,
        "every tab read the pool"
    );
    h.send(Msg::Action(Action::GoTab(Tab::UserAccess)));
}

/// What each tab draws (the tab bar and the body; the header's spinner and the footer's notice
/// are not the pool's), once nothing is in flight.
pub async fn drawn(h: &mut Headless) -> Vec<(Tab, String)> {
    let mut out = Vec::new();
    for tab in [Tab::Pools, Tab::UserAccess, Tab::Identities, Tab::Roles] {
        h.send(Msg::Action(Action::GoTab(tab)));
        assert!(
            h.run_until(|m| m.in_flight.is_empty(), WAIT).await,
            "{tab:?} settled"
        );
        out.push((tab, body_of(&h.model)));
    }
    h.send(Msg::Action(Action::GoTab(Tab::UserAccess)));
    out
}

/// A console started now on `pool_id`, every tab visited.
async fn fresh_console(sb: &RunningSandbox, pool_id: &str) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut fresh = Headless::start(Options::default(), target, SIZE);
    assert!(
        fresh.run_until(|m| m.session().is_some(), WAIT).await,
        "connected"
    );
    fresh.model.current_pool = Some((pool_id.to_string(), String::new()));
    visit_tabs(&mut fresh, pool_id).await;
    fresh
}

/// What a console started now on `pool_id` draws, every tab visited.
pub async fn drawn_fresh(sb: &RunningSandbox, pool_id: &str) -> Vec<(Tab, String)> {
    drawn(&mut fresh_console(sb, pool_id).await).await
}

/// Asserts that every tab of `h` draws what a fresh console draws.
pub async fn assert_tabs_match_fresh(
    h: &mut Headless,
    sb: &RunningSandbox,
    pool_id: &str,
    what: &str,
) {
    let fresh = drawn_fresh(sb, pool_id).await;
    let shown = drawn(h).await;
    for ((tab, fresh), (_, shown)) in fresh.iter().zip(&shown) {
        pretty_assertions::assert_eq!(shown, fresh, "{tab:?} after {what}");
    }
    // The Pools list's row of the pool (name, guest access, basic flow, providers), the summary
    // closed and opened again in both.
    let row = |h: &Headless| {
        body_of(&h.model)
            .lines()
            .find(|l| l.contains(pool_id))
            // Which row is selected is each console's own: the marker is left out.
            .map(|l| l.replacen("│>", "│ ", 1))
            .unwrap_or_else(|| panic!("{pool_id} is listed"))
    };
    let mut fresh = fresh_console(sb, pool_id).await;
    for h in [&mut *h, &mut fresh] {
        h.send(Msg::Action(Action::GoTab(Tab::Pools)));
        h.send(Msg::from(pools::Action::Back));
        // The list filtered to the pool, so its row is on screen however long the list is.
        h.send(Msg::from(pools::Action::Filter));
        for c in pool_id.chars() {
            h.send(Msg::Input(tui_input::InputRequest::InsertChar(c)));
        }
        h.send(Msg::from(pools::Action::Submit));
        assert!(h.run_until(|m| m.in_flight.is_empty(), WAIT).await);
    }
    pretty_assertions::assert_eq!(row(h), row(&fresh), "the Pools list after {what}");
    h.send(Msg::from(pools::Action::Back));
    h.send(Msg::Pools(pools::Msg::OpenById(pool_id.to_string())));
    assert!(h.run_until(|m| m.in_flight.is_empty(), WAIT).await);
    h.send(Msg::Action(Action::GoTab(Tab::UserAccess)));
}

pub fn body_of(model: &Model) -> String {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| cognito_tui::console::view(model, frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer();
    let mut lines = Vec::new();
    for y in 1..buffer.area.height.saturating_sub(2) {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}
