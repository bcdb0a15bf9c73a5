//! One module per screen, each owning its state, its messages, its key tables, its update and its
//! view; [`screen`] is the one place that says what every tab has, so a tab added to `Tab` without a
//! title, keys and a view does not build.

pub mod access;
pub mod cursor;
pub mod doctor;
pub mod export;
pub mod identities;
pub mod inventory;
pub mod journal;
pub mod list;
pub mod placeholder;
pub mod pools;
pub mod roles;
pub mod save;
pub mod secret_input;
pub mod test_access;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::keymap::KeySheet;
use crate::app::{Model, Tab};
use crate::view::theme::Theme;

/// What a tab has: its title, the keys of its current state, and its view.
#[derive(Clone, Copy)]
pub struct TabScreen {
    /// The tab's title in the tab bar and the command line.
    pub title: &'static str,
    /// The keys of the tab's current state.
    pub keys: fn(&Model) -> KeySheet,
    /// Draws the tab's body.
    pub draw: fn(&Model, &Theme, &mut Frame, Rect),
}

/// The screen behind a tab.
pub fn screen(tab: Tab) -> TabScreen {
    match tab {
        Tab::Pools => TabScreen {
            title: "Pools",
            keys: |model| match model.wizard.open.as_deref() {
                Some(wizard) => crate::wizard::keys(wizard).sheet(),
                None => pools::keys(&model.pools).sheet(),
            },
            draw: |model, theme, frame, area| match model.wizard.open.as_deref() {
                Some(wizard) => crate::wizard::view::draw(model, wizard, theme, frame, area),
                None => pools::view::draw(model, theme, frame, area),
            },
        },
        Tab::UserAccess => TabScreen {
            title: "User access",
            keys: |model| match (
                model.current_pool.as_ref(),
                model.wizard.edit_for(Tab::UserAccess),
            ) {
                (Some(_), Some(form)) => crate::wizard::keys(form).sheet(),
                (Some(_), None) => access::keys(&model.access).sheet(),
                (None, _) => placeholder::keys().sheet(),
            },
            draw: access::view::draw,
        },
        Tab::Identities => TabScreen {
            title: "Identity browser",
            keys: |model| match model.current_pool {
                Some(_) => identities::keys(&model.identities).sheet(),
                None => placeholder::keys().sheet(),
            },
            draw: identities::view::draw,
        },
        Tab::Roles => TabScreen {
            title: "Role settings",
            keys: |model| match (
                model.current_pool.as_ref(),
                model.wizard.edit_for(Tab::Roles),
            ) {
                (Some(_), Some(form)) => crate::wizard::keys(form).sheet(),
                (Some(_), None) => roles::keys(&model.roles).sheet(),
                (None, _) => placeholder::keys().sheet(),
            },
            draw: roles::view::draw,
        },
    }
}
