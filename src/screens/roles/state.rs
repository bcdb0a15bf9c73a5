//! What the Role settings tab holds: the current pool's configuration as read, what IAM said of
//! every role the pool hands out, the row selected and the panel open over the rows.

use crate::store::Store;

use super::fetch::Fetcher;
use super::simulator::Simulator;
use super::write::DocWrite;
use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::domain::policy::Audience;
use crate::domain::role_use::{HandedOut, handed_out};
use crate::screens::save::host::SaveView;
use crate::screens::save::tab_read::TabRead;

/// One row of the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The default authenticated or guest role.
    DefaultRole(Audience),
    /// A provider's role mapping.
    Mapping(ProviderRef),
    /// A role the pool hands out: its trust and permissions.
    Role(String),
    /// The resolution simulator.
    Simulate,
}

pub use crate::store::{Fetch, PolicyRef, RoleFacts};

/// What floats over the rows.
#[derive(Debug, Clone)]
pub enum Panel {
    /// One role: its uses, trust problems, trust policy and permissions; a policy focused.
    Role {
        /// The role's ARN.
        arn: String,
        /// The policy focused (index into its policies).
        focus: usize,
    },
    /// A document to read.
    Document {
        /// What it is.
        title: String,
        /// The text (pretty JSON).
        text: String,
        /// Lines scrolled.
        scroll: usize,
    },
    /// The name of a new inline policy of a role, being typed.
    NewPolicy {
        /// The role's ARN.
        arn: String,
        /// The name typed.
        name: tui_input::Input,
    },
    /// A trust fix or an inline policy edit, from its diff to its verification.
    Write(Box<DocWrite>),
    /// A safe save of the pool's roles or mappings.
    Save(Box<SaveView>),
    /// The resolution simulator.
    Simulator(Box<Simulator>),
}

/// The Role settings tab's state.
#[derive(Debug, Default)]
pub struct RolesState {
    /// The pool shown (or being read).
    pub pool_id: Option<String>,
    /// The pool's configuration: read, in flight, or why it failed.
    pub read: TabRead,
    /// The roles this tab asked IAM about, by ARN (what IAM said is in the store).
    pub checked: std::collections::BTreeSet<String>,
    /// The IAM reads queued and running.
    pub fetcher: Fetcher,
    /// The row selected.
    pub selected: usize,
    /// What floats over the rows.
    pub panel: Option<Panel>,
}

impl RolesState {
    /// The roles the pool hands out, once read.
    pub fn handed_out(&self, store: &Store) -> Vec<HandedOut> {
        self.read.config(store).map(handed_out).unwrap_or_default()
    }

    /// The rows for the configuration read.
    pub fn items(&self, store: &Store) -> Vec<Item> {
        let Some(config) = self.read.config(store) else {
            return Vec::new();
        };
        let mut items = vec![
            Item::DefaultRole(Audience::Authenticated),
            Item::DefaultRole(Audience::Guest),
        ];
        items.extend(
            ProviderRef::all(&config.pool)
                .into_iter()
                .map(Item::Mapping),
        );
        items.extend(handed_out(config).into_iter().map(|h| Item::Role(h.arn)));
        items.push(Item::Simulate);
        items
    }

    /// The row selected.
    pub fn selected_item(&self, store: &Store) -> Option<Item> {
        self.items(store).get(self.selected).cloned()
    }

    /// The configuration read.
    pub fn config<'s>(&self, store: &'s Store) -> Option<&'s PoolConfig> {
        self.read.config(store)
    }

    /// Whether a write (a save, a trust fix, a policy edit) is between its calls.
    pub fn is_writing(&self) -> bool {
        match &self.panel {
            Some(Panel::Save(view)) => view.save.is_writing(),
            Some(Panel::Write(write)) => write.is_writing(),
            _ => false,
        }
    }
}

crate::pool_tab!(RolesState, Panel, super::msg::Action);
