//! What each tab has, said once: the keys of its current state and how its body is drawn. A tab
//! shows the wizard's form when one is open on it; the Pools summary has the Identity browser's
//! statistics of the pool beside it. This is where one screen's view sits beside another's — no
//! screen reads another's state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::Model;
use crate::app::keys::KeySheet;
use crate::app::{Tab, ViewCtx};
use crate::screens::{access, identities, pools, roles};
use crate::view::theme::Theme;
use crate::wizard;

/// What a tab has: the keys of its current state, and its body.
#[derive(Clone, Copy)]
pub struct TabScreen {
    /// The keys of the tab's current state.
    pub keys: fn(&Model) -> KeySheet,
    /// Draws the tab's body.
    pub draw: fn(&Model, &ViewCtx, &Theme, &mut Frame, Rect),
}

/// The screen behind a tab.
pub fn screen(tab: Tab) -> TabScreen {
    match tab {
        Tab::Pools => TabScreen {
            keys: |model| match model.wizard.open.as_deref() {
                Some(wizard) => wizard::keys(wizard, model.store.catalog()).sheet(),
                None => pools::keys(&model.pools).sheet(),
            },
            draw: |model, vx, theme, frame, area| match model.wizard.open.as_deref() {
                Some(wizard) => wizard::view::draw(wizard, vx, theme, frame, area),
                None => pools_body(model, vx, theme, frame, area),
            },
        },
        Tab::UserAccess => TabScreen {
            keys: |model| match (
                model.current_pool.as_ref(),
                model.wizard.edit_for(Tab::UserAccess),
            ) {
                (Some(_), Some(form)) => wizard::keys(form, model.store.catalog()).sheet(),
                (Some(_), None) => access::keys(&model.access).sheet(),
                (None, _) => super::placeholder::keys().sheet(),
            },
            draw: |model, vx, theme, frame, area| match model.wizard.edit_for(Tab::UserAccess) {
                Some(form) => wizard::view::draw(form, vx, theme, frame, area),
                None => access::view::draw(&model.access, vx, theme, frame, area),
            },
        },
        Tab::Identities => TabScreen {
            keys: |model| match model.current_pool {
                Some(_) => identities::keys(&model.identities).sheet(),
                None => super::placeholder::keys().sheet(),
            },
            draw: |model, vx, theme, frame, area| {
                identities::view::draw(&model.identities, vx, theme, frame, area);
            },
        },
        Tab::Roles => TabScreen {
            keys: |model| match (
                model.current_pool.as_ref(),
                model.wizard.edit_for(Tab::Roles),
            ) {
                (Some(_), Some(form)) => wizard::keys(form, model.store.catalog()).sheet(),
                (Some(_), None) => roles::keys(&model.roles).sheet(),
                (None, _) => super::placeholder::keys().sheet(),
            },
            draw: |model, vx, theme, frame, area| match model.wizard.edit_for(Tab::Roles) {
                Some(form) => wizard::view::draw(form, vx, theme, frame, area),
                None => roles::view::draw(&model.roles, vx, theme, frame, area),
            },
        },
    }
}

/// The Pools tab: the list, or the open pool's summary with the statistics of the identities the
/// Identity browser has loaded of this pool beside it (below it on a narrow terminal).
fn pools_body(model: &Model, vx: &ViewCtx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let browsed = &model.identities;
    let loaded =
        |id: &String| browsed.pool_id.as_ref() == Some(id) && !browsed.list.rows.is_empty();
    let statistics = model
        .pools
        .open
        .as_ref()
        .filter(|id| loaded(id))
        .and_then(|_| {
            if area.width >= 110 {
                let right = (area.width * 2 / 5).max(44);
                let [left, right] =
                    Layout::horizontal([Constraint::Min(0), Constraint::Length(right)]).areas(area);
                Some((left, right))
            } else if area.height >= 30 {
                let [top, bottom] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(14)]).areas(area);
                Some((top, bottom))
            } else {
                None
            }
        });
    match statistics {
        Some((summary, statistics)) => {
            pools::view::draw(&model.pools, vx, theme, frame, summary);
            identities::stats_view::draw(browsed, theme, frame, statistics);
        }
        None => pools::view::draw(&model.pools, vx, theme, frame, area),
    }
}
