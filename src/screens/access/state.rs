//! What the User access tab holds: the current pool's configuration as read, the row selected,
//! the panel open over it, and the save under way.

use crate::domain::config::PoolConfig;
use crate::domain::edit::ProviderRef;
use crate::screens::save::Save;
pub use crate::screens::save::host::SaveView;
use crate::screens::save::tab_read::TabRead;
use crate::store::Store;
use crate::wizard::scoped::Section;
use crate::wizard::source::Source;

/// One row of the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Guest access.
    Guest,
    /// Authenticated access.
    Authenticated,
    /// A provider the pool trusts.
    Provider(ProviderRef),
    /// The developer provider (shown; the service allows no change).
    Developer(String),
    /// Add an identity provider.
    AddProvider,
    /// The pool's name.
    Name,
    /// Basic (classic) flow.
    ClassicFlow,
    /// The pool's tags.
    Tags,
}

/// What floats over the tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    /// A provider opened: its three sections, one focused.
    Provider {
        /// The provider.
        provider: ProviderRef,
        /// 0 provider information · 1 role settings · 2 attributes for access control.
        focus: usize,
    },
    /// Add identity provider: the kinds the pool can still take, one focused.
    AddKind {
        /// The kinds offered.
        kinds: Vec<Source>,
        /// The one focused.
        focus: usize,
    },
    /// Remove a provider? (with its mapping and tags).
    ConfirmRemove {
        /// The provider.
        provider: ProviderRef,
        /// Whether "Remove" is focused (else Cancel).
        remove: bool,
    },
    /// A safe save: the diff, the calls and their outcomes.
    Save(Box<SaveView>),
}

/// The User access tab's state.
#[derive(Debug, Default)]
pub struct AccessState {
    /// The pool shown (or being read).
    pub pool_id: Option<String>,
    /// The pool's configuration: read, in flight, or why it failed.
    pub read: TabRead,
    /// The row selected.
    pub selected: usize,
    /// What floats over the rows.
    pub panel: Option<Panel>,
}

impl AccessState {
    /// The rows for the configuration read.
    pub fn items(&self, store: &Store) -> Vec<Item> {
        let Some(config) = self.read.config(store) else {
            return Vec::new();
        };
        let mut items = vec![Item::Guest, Item::Authenticated];
        items.extend(providers(config).into_iter().map(Item::Provider));
        if let Some(name) = &config.pool.developer_provider_name {
            items.push(Item::Developer(name.clone()));
        }
        items.extend([Item::AddProvider, Item::Name, Item::ClassicFlow, Item::Tags]);
        items
    }

    /// The row selected.
    pub fn selected_item(&self, store: &Store) -> Option<Item> {
        self.items(store).get(self.selected).cloned()
    }

    /// The save on screen, if any.
    pub fn save(&self) -> Option<&Save> {
        match &self.panel {
            Some(Panel::Save(view)) => Some(&view.save),
            _ => None,
        }
    }

    /// Whether a save has started writing and not finished (quitting then asks first).
    pub fn is_writing(&self) -> bool {
        self.save().is_some_and(Save::is_writing)
    }
}

/// Every provider of a pool: user pool app clients, social logins, OIDC, SAML.
pub fn providers(config: &PoolConfig) -> Vec<ProviderRef> {
    ProviderRef::all(&config.pool)
}

/// The kinds of provider the pool can still take: any number of user pools, OIDC and SAML
/// providers; one of each social login.
pub fn addable_kinds(config: &PoolConfig) -> Vec<Source> {
    use strum::IntoEnumIterator;
    Source::iter()
        .filter(|s| *s != Source::Developer)
        .filter(|s| match s.login_key() {
            Some(key) => !config.pool.supported_login_providers.contains_key(key),
            None => true,
        })
        .collect()
}

/// The section a provider panel's focus edits.
pub fn provider_section(provider: &ProviderRef, focus: usize) -> Section {
    match focus {
        0 => Section::ProviderInfo(provider.clone()),
        1 => Section::RoleSettings(provider.clone()),
        _ => Section::Attributes(provider.clone()),
    }
}

crate::pool_tab!(AccessState, Panel, super::msg::Action);
