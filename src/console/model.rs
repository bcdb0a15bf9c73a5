//! The whole state of the console. `view` draws it; only `update` changes it.

use std::collections::{BTreeMap, VecDeque};
use tui_input::Input;

use crate::app::{AwsError, Condition, Level, RequestId, Session, Tab};
use crate::screens::access::AccessState;
use crate::screens::identities::IdentitiesState;
use crate::screens::pools::PoolsState;
use crate::screens::roles::RolesState;
use crate::wizard::{Wizard, WizardScreen};

/// How many recent errors `:errors` keeps.
pub const ERROR_HISTORY: usize = 50;

/// Which screen asked for a request; its answer goes back there and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The app itself (connecting).
    App,
    /// The Pools tab.
    Pools,
    /// The Identity browser.
    Identities,
    /// The create-pool wizard (and the section edit form).
    Wizard,
    /// The User access tab.
    Access,
    /// The Role settings tab.
    Roles,
    /// The Test access panel.
    TestAccess,
    /// The export view.
    Export,
    /// The security report view.
    Doctor,
    /// The inventory of every region.
    Inventory,
    /// The journal view.
    Journal,
    /// What the console holds (`:store`).
    Held,
}

/// Start-up choices that do not change while the console runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Refuse every mutating action.
    pub read_only: bool,
    /// The profile asked for (`--profile` or config), if any.
    pub profile: Option<String>,
    /// The region asked for (`--region` or config), if any.
    pub region: Option<String>,
    /// A warning to show once at start (e.g. a malformed config file).
    pub startup_warning: Option<String>,
    /// The colour theme.
    pub theme: crate::view::theme::ThemeName,
    /// The profiles of the AWS config files, for `:profile`'s completion.
    pub profiles: Vec<String>,
    /// Pools never deleted from the console (`config.toml`'s `protected`: ids or name patterns).
    pub protected: Vec<String>,
}

/// The connection's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// Resolving region and credentials.
    Connecting {
        /// The Connect request.
        req: RequestId,
        /// Whether to say so once connected (a switch of profile or region).
        announce: bool,
    },
    /// Ready to make calls.
    Ready(Session),
    /// Could not start: no region, no credentials, …
    Failed(AwsError),
}

/// The latest notice in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Its level.
    pub level: Level,
    /// Its text.
    pub text: String,
    /// The condition it is about: it goes when that does.
    pub about: Option<Condition>,
}

/// An error kept for `:errors`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorRecord {
    /// What the console was doing ("ListIdentityPools").
    pub operation: String,
    /// The error.
    pub error: AwsError,
    /// When it was recorded (epoch seconds), once the clock has ticked.
    pub at: Option<f64>,
}

/// A request the console waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFlight {
    /// The operation, for `:errors` and the quit question.
    pub operation: &'static str,
    /// Whether it changes something (quitting then asks first).
    pub write: bool,
    /// Who asked: the answer goes there.
    pub owner: Owner,
    /// What its answer tells the store, when it reads or writes a pool.
    pub subject: Option<crate::store::Subject>,
}

/// The focused button of a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Button {
    /// The safe choice, focused first.
    #[default]
    Cancel,
    /// The action.
    Confirm,
}

/// Something drawn over the screen that takes the keys first.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key of the current screen.
    Help,
    /// Recent errors with codes and request ids.
    Errors,
    /// The `:` command line.
    Command(Input),
    /// Delete a pool: its name must be typed.
    ConfirmDelete {
        /// The pool.
        pool_id: String,
        /// Its name, which must be typed.
        name: String,
        /// What was typed.
        typed: Input,
        /// The focused button.
        focus: Button,
    },
    /// Quit while writes are in flight?
    ConfirmQuit {
        /// The focused button.
        focus: Button,
    },
}

/// Who has the keys.
#[derive(Debug, Clone, Copy)]
pub enum Focus<'a> {
    /// An overlay (help, errors, command line, a confirmation).
    Overlay(&'a Overlay),
    /// Connecting, or could not connect.
    Setup,
    /// The Pools tab.
    Pools,
    /// The Identity browser (with a current pool).
    Identities,
    /// The User access tab (with a current pool).
    Access,
    /// The Role settings tab (with a current pool).
    Roles,
    /// The create wizard.
    Wizard(&'a Wizard),
    /// The Test access panel (over the tab it was opened on).
    TestAccess(&'a crate::screens::test_access::Panel),
    /// The export view (over the tab it was opened on).
    Export(&'a crate::screens::export::ExportView),
    /// The security report (over the tab it was opened on).
    Doctor(&'a crate::screens::doctor::ReportView),
    /// Every region's pools (over the Pools tab).
    Inventory(&'a crate::screens::inventory::InventoryView),
    /// The journal (over the tab it was opened on).
    Journal(&'a crate::screens::journal::JournalView),
    /// What the console holds (over the tab it was opened on).
    Held(&'a crate::screens::held::HeldView),
    /// Tabs 2–4 with no pool chosen (only the global keys).
    NoPool(Tab),
}

/// The console's whole state.
#[derive(Debug)]
pub struct Model {
    /// Start-up options.
    pub options: Options,
    /// Connection state.
    pub connection: Connection,
    /// The tab shown.
    pub tab: Tab,
    /// What the service holds, as last read: every screen draws from it.
    pub store: crate::store::Store,
    /// The Pools tab.
    pub pools: PoolsState,
    /// The Identity browser tab.
    pub identities: IdentitiesState,
    /// The User access tab.
    pub access: AccessState,
    /// The Role settings tab.
    pub roles: RolesState,
    /// The create-pool wizard (open, or a draft kept for later).
    pub wizard: WizardScreen,
    /// The Test access panel.
    pub test_access: crate::screens::test_access::TestAccessState,
    /// The export view.
    pub export: crate::screens::export::ExportState,
    /// The security report view.
    pub doctor: crate::screens::doctor::DoctorState,
    /// Every region's pools (`:region all`).
    pub inventory: crate::screens::inventory::InventoryState,
    /// The journal view.
    pub journal: crate::screens::journal::JournalState,
    /// The view of what the console holds.
    pub held: crate::screens::held::HeldState,
    /// A pool `:open` asked for in another region, opened once connected there.
    pub pending_open: Option<String>,
    /// The pool tabs 2–4 act on, as (id, name).
    pub current_pool: Option<(String, String)>,
    /// The pool they acted on until a read found it deleted, until another is chosen.
    pub lost_pool: Option<(String, String)>,
    /// The overlay taking keys, if any.
    pub overlay: Option<Overlay>,
    /// The latest notice.
    pub notice: Option<Notice>,
    /// Why the journal could not record a write, once that happened (the header keeps saying so).
    pub journal_failing: Option<String>,
    /// Recent errors, newest first.
    pub errors: VecDeque<ErrorRecord>,
    /// The command line's history and completions.
    pub command_line: super::command_line::CommandLine,
    /// Requests waiting for an answer.
    pub in_flight: BTreeMap<RequestId, InFlight>,
    /// The next request id to hand out.
    pub next_req: RequestId,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),

    /// The wall clock at the latest tick, in epoch seconds.
    pub now: Option<f64>,
    /// Set once the console should exit.
    pub quitting: bool,
    /// Quit once no write is on its way (asked in the quit question).
    pub quit_when_idle: bool,
}

impl Model {
    /// A fresh model, about to connect.
    pub fn new(options: Options, size: (u16, u16)) -> Self {
        Self {
            options,
            connection: Connection::Connecting {
                req: 0,
                announce: false,
            },
            tab: Tab::Pools,
            store: Default::default(),
            pools: PoolsState::default(),
            identities: IdentitiesState::default(),
            access: AccessState::default(),
            roles: RolesState::default(),
            wizard: WizardScreen::default(),
            test_access: Default::default(),
            export: Default::default(),
            pending_open: None,
            doctor: Default::default(),
            inventory: Default::default(),
            journal: Default::default(),
            held: Default::default(),
            current_pool: None,
            lost_pool: None,
            overlay: None,
            notice: None,
            journal_failing: None,
            command_line: Default::default(),
            errors: VecDeque::new(),
            in_flight: BTreeMap::new(),
            next_req: 1,
            size,

            now: None,
            quitting: false,
            quit_when_idle: false,
        }
    }

    /// The session, once connected.
    pub fn session(&self) -> Option<&Session> {
        match &self.connection {
            Connection::Ready(session) => Some(session),
            _ => None,
        }
    }

    /// Makes a pool the one tabs 2–4 act on.
    pub fn choose_pool(&mut self, id: String, name: String) {
        self.current_pool = Some((id, name));
        self.lost_pool = None;
    }

    /// The pool `id` no longer exists: it stops being the current pool and, when `say` (it was
    /// known to exist), the footer and tabs 2–4 say so until another is chosen.
    pub fn lose_pool(&mut self, id: &str, say: bool) {
        let Some(pool) = self.current_pool.take_if(|(c, _)| c == id) else {
            return;
        };
        if say {
            self.notify(
                Level::Warning,
                format!(
                    "Pool \"{}\" no longer exists (deleted elsewhere): it is no longer the current pool",
                    pool.1
                ),
            );
            self.lost_pool = Some(pool);
        }
    }

    /// What a screen's view reads besides its own state.
    pub fn view_ctx(&self) -> crate::app::ViewCtx<'_> {
        crate::app::ViewCtx {
            store: &self.store,
            session: self.session(),
            current_pool: self.current_pool.as_ref(),
            lost_pool: self.lost_pool.as_ref(),
            size: self.size,
            now: self.now,
            tab: self.tab,
            read_only: self.options.read_only,
        }
    }

    /// Hands out a request id for `owner` and records what it is for.
    pub fn start_request(
        &mut self,
        operation: &'static str,
        write: bool,
        owner: Owner,
    ) -> RequestId {
        let req = self.next_req;
        self.next_req += 1;
        self.in_flight.insert(
            req,
            InFlight {
                operation,
                write,
                owner,
                subject: None,
            },
        );
        req
    }

    /// Who has the keys: an overlay, or else the screen below it.
    pub fn focus(&self) -> Focus<'_> {
        match &self.overlay {
            Some(overlay) => Focus::Overlay(overlay),
            None => self.screen_focus(),
        }
    }

    /// Who would have the keys if no overlay were open.
    pub fn screen_focus(&self) -> Focus<'_> {
        if !matches!(self.connection, Connection::Ready(_)) {
            return Focus::Setup;
        }
        if let Some(panel) = self.test_access.on(self.tab) {
            return Focus::TestAccess(panel);
        }
        if let Some(view) = self.export.on(self.tab) {
            return Focus::Export(view);
        }
        if let Some(view) = self.doctor.on(self.tab) {
            return Focus::Doctor(view);
        }
        if let Some(view) = self.inventory.on(self.tab) {
            return Focus::Inventory(view);
        }
        if let Some(view) = self.journal.on(self.tab) {
            return Focus::Journal(view);
        }
        if let Some(view) = self.held.on(self.tab) {
            return Focus::Held(view);
        }
        match self.tab {
            Tab::Pools => match self.wizard.open.as_deref() {
                Some(wizard) => Focus::Wizard(wizard),
                None => Focus::Pools,
            },
            Tab::Identities if self.current_pool.is_some() => Focus::Identities,
            Tab::UserAccess if self.current_pool.is_some() => {
                match self.wizard.edit_for(self.tab) {
                    Some(form) => Focus::Wizard(form),
                    None => Focus::Access,
                }
            }
            Tab::Roles if self.current_pool.is_some() => match self.wizard.edit_for(self.tab) {
                Some(form) => Focus::Wizard(form),
                None => Focus::Roles,
            },
            tab => Focus::NoPool(tab),
        }
    }

    /// Whether any write is still waiting for its answer, or a save is between its writes.
    /// The writes on their way to the service: each operation, and the pool it is for (its name
    /// when known), for the quit question.
    pub fn writes_on_their_way(&self) -> Vec<String> {
        self.in_flight
            .values()
            .filter(|r| r.write)
            .map(|r| match &r.subject {
                Some(crate::store::Subject::Wrote(id) | crate::store::Subject::Pool(id)) => {
                    let name = self.store.pool(id).map(|p| p.identity_pool_name.as_str());
                    format!("{} · {}", r.operation, name.unwrap_or(id))
                }
                _ => r.operation.to_string(),
            })
            .collect()
    }

    pub fn writes_in_flight(&self) -> usize {
        self.in_flight.values().filter(|r| r.write).count()
            + usize::from(self.access.is_writing())
            + usize::from(self.roles.is_writing())
            + usize::from(self.identities.deletion.is_some())
    }

    /// Shows a notice in the footer.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        self.notice = Some(Notice {
            level,
            text: text.into(),
            about: None,
        });
    }

    /// Shows a notice that goes once `about` no longer holds.
    pub fn notify_while(&mut self, level: Level, text: impl Into<String>, about: Condition) {
        self.notice = Some(Notice {
            level,
            text: text.into(),
            about: Some(about),
        });
    }

    /// Whether a condition still holds.
    pub fn holds(&self, condition: Condition) -> bool {
        match condition {
            Condition::WizardStepBlocked(step) => self.wizard.active().is_some_and(|w| {
                w.step == step && !w.problems(self.store.catalog(), step).is_empty()
            }),
            Condition::EditFormBlocked(tab) => self
                .wizard
                .edit_for(tab)
                .is_some_and(|w| !w.problems(self.store.catalog(), w.step).is_empty()),
            Condition::IdentitiesPauseRequested => self.identities.pause_requested,
            Condition::IdentitiesLoading => matches!(
                self.identities.loading,
                crate::screens::identities::Loading::Running { .. }
            ),
        }
    }

    /// Drops the notice when the condition it is about has gone.
    pub fn expire_notice(&mut self) {
        if let Some(about) = self.notice.as_ref().and_then(|n| n.about)
            && !self.holds(about)
        {
            self.notice = None;
        }
    }

    /// Records a failed request for `:errors` and shows it in the footer.
    pub fn report_error(&mut self, operation: &str, error: &AwsError) {
        let mut text = format!("{operation} failed: {error}");
        if let Some(hint) = error.hint() {
            text.push_str(&format!(" ({hint})"));
        }
        self.notify(Level::Error, text);
        self.record_error(operation.to_string(), error.clone());
    }

    /// Keeps an error for `:errors`, stamped with the time.
    pub fn record_error(&mut self, operation: String, error: AwsError) {
        self.errors.push_front(ErrorRecord {
            operation,
            error,
            at: self.now,
        });
        self.errors.truncate(ERROR_HISTORY);
    }
}
