//! The create-identity-pool wizard: the console's five steps as forms derived from a draft, the
//! pickers over the account's roles, user pools and providers, and the creation run with its
//! progress, failure report and undo.

pub mod catalog;
pub mod create;
pub mod create_user_pool;
pub mod draft;
pub mod edit;
pub mod fields;
mod form_view;
mod keys;
pub mod layout;
mod lists;
mod mouse;
mod msg;
pub mod new_user_pool;
mod picking;
pub mod plan;
mod review;
mod run;
pub mod scoped;
mod several;
pub mod source;
pub mod step;
pub mod steps;
mod typing;
mod update;
mod user_pool_check;
pub mod view;

pub use keys::keys;
pub use msg::{Action, Created, Msg};
pub use source::Source;
pub use step::Step;

use std::collections::{BTreeMap, BTreeSet};

use crate::app::RequestId;
use crate::domain::policy::Audience;
use crate::store::{Catalog, CatalogList};
use catalog::Picker;
use create::Creation;
use draft::Draft;
use fields::{Context, Field, Row};

use crate::app::{Ctx, Outcome, Response};

type Cx<'a> = crate::app::Cx<'a, WizardScreen>;

/// The wizard as a screen: the create wizard open, a draft kept for later, and the form editing a
/// section of a live pool (the User access tab's).
#[derive(Debug, Default)]
pub struct WizardScreen {
    /// The create wizard, while open.
    pub open: Option<Box<Wizard>>,
    /// A wizard left with "keep draft", offered again by `n`.
    pub parked: Option<Box<Wizard>>,
    /// The section edit form, while open (shown on the User access tab).
    pub edit: Option<Box<Wizard>>,
    /// Which of the two the message being handled is for.
    slot: Slot,
}

/// The create wizard or the section edit form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Slot {
    #[default]
    Create,
    Edit,
}

impl WizardScreen {
    /// The form the message being handled is for.
    pub fn active(&self) -> Option<&Wizard> {
        match self.slot {
            Slot::Create => self.open.as_deref(),
            Slot::Edit => self.edit.as_deref(),
        }
    }

    /// The form the message being handled is for, to change.
    fn active_mut(&mut self) -> Option<&mut Wizard> {
        match self.slot {
            Slot::Create => self.open.as_deref_mut(),
            Slot::Edit => self.edit.as_deref_mut(),
        }
    }

    /// Closes the form the message being handled is for.
    fn close(&mut self) -> Option<Box<Wizard>> {
        match self.slot {
            Slot::Create => self.open.take(),
            Slot::Edit => self.edit.take(),
        }
    }

    /// The section edit form opened by `tab`, if one is open (and not held behind its save).
    pub fn edit_for(&self, tab: crate::app::Tab) -> Option<&Wizard> {
        self.edit
            .as_deref()
            .filter(|form| !form.held && form.scope.as_ref().is_some_and(|s| s.origin == tab))
    }

    /// The form of `tab` held behind its save: shown again, or let go.
    fn held_edit(&mut self, tab: crate::app::Tab, resume: bool) {
        let held = self
            .edit
            .as_deref_mut()
            .filter(|form| form.held && form.scope.as_ref().is_some_and(|s| s.origin == tab));
        match held {
            Some(form) if resume => form.held = false,
            Some(_) => self.edit = None,
            None => {}
        }
    }

    /// Whether a creation has made part of a pool and stopped (quitting then asks first).
    pub fn is_half_made(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|w| w.creation.as_ref().is_some_and(|c| c.is_unfinished()))
    }
}

/// Handles one message for the wizard.
pub fn update(state: &mut WizardScreen, ctx: &Ctx, msg: Msg) -> Outcome {
    state.slot = match &msg {
        Msg::Response { req, .. } => match state.edit.as_deref() {
            Some(form) if form.listing.contains_key(req) => Slot::Edit,
            _ => Slot::Create,
        },
        Msg::EditSection(_) => Slot::Edit,
        _ if state.edit_for(ctx.tab).is_some() => Slot::Edit,
        _ => Slot::Create,
    };
    let mut cx = Cx::new(state, ctx);
    let effects = match msg {
        Msg::HeldEdit { tab, resume } => {
            cx.state.held_edit(tab, resume);
            Vec::new()
        }
        Msg::Open if cx.state.open.is_none() => update::open(&mut cx),
        Msg::Open => Vec::new(),
        Msg::EditSection(scope) => update::open_edit(&mut cx, *scope),
        Msg::Action(action) => update::on_action(&mut cx, action),
        Msg::Input(request) => {
            typing::on_input(&mut cx, request);
            Vec::new()
        }
        Msg::Click(column, row) => mouse::on_click(&mut cx, column, row),
        Msg::Scroll(delta) => {
            mouse::on_scroll(&mut cx, delta);
            Vec::new()
        }
        Msg::Response { req, response } => on_response(&mut cx, req, response),
    };
    cx.finish(effects)
}

fn on_response(
    cx: &mut Cx,
    req: crate::app::RequestId,
    response: Response,
) -> Vec<crate::app::Effect> {
    match response {
        Response::ListRoles(result) => lists::on_page(cx, req, result.as_ref().err()),
        Response::ListUserPools(result) | Response::ListUserPoolClients(result) => {
            lists::on_page(cx, req, result.as_ref().err())
        }
        Response::ListOpenIdConnectProviders(result) | Response::ListSamlProviders(result) => {
            lists::on_page(cx, req, result.as_ref().err())
        }
        other => match Created::from_response(other) {
            Some(result) => run::on_call_done(cx, req, result),
            None => Vec::new(),
        },
    }
}

/// A question the wizard asks over its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// Esc with edits: keep editing, keep the draft for later, or discard it.
    Leave {
        /// 0 keep editing · 1 keep draft · 2 discard.
        focus: usize,
    },
    /// `n` with a kept draft: continue it or start over.
    Resume {
        /// 0 continue · 1 start over.
        focus: usize,
    },
    /// Esc on a section edit with changes: keep editing or discard them.
    Discard {
        /// 0 keep editing · 1 discard.
        focus: usize,
    },
}

/// The wizard's whole state.
#[derive(Debug, Clone)]
pub struct Wizard {
    /// The step shown.
    pub step: Step,
    /// The focused field of the step (index among its fields).
    pub focus: usize,
    /// Review's focused section.
    pub review_focus: usize,
    /// Editing a section from Review: `Ctrl-n` goes back there.
    pub from_review: bool,
    /// Steps where going on was tried (their empty required fields then show as errors).
    pub attempted: BTreeSet<Step>,
    /// The choices.
    pub draft: Draft,
    /// Whether anything was changed (Esc then asks).
    pub edited: bool,
    /// The pages of the account's lists this form asked for and awaits (the lists are the
    /// store's).
    pub listing: BTreeMap<RequestId, CatalogList>,
    /// The open picker.
    pub picker: Option<Picker>,
    /// The new role whose policy documents are shown, and how far they are scrolled.
    pub policy_view: Option<(Audience, u16)>,
    /// The open question.
    pub dialog: Option<Dialog>,
    /// The creation, once started.
    pub creation: Option<Creation>,
    /// The session's region (for provider names and trust checks).
    pub region: String,
    /// Editing one section of a live pool instead of creating one.
    pub scope: Option<scoped::EditScope>,
    /// ⏎ on Review waits for the account's roles to be listed again (after an attempt, to check
    /// the new roles' names), then creates.
    pub create_when_listed: bool,
    /// The focused secret field shows what was typed (until the focus moves).
    pub reveal_secret: bool,
    /// The region a kept draft was made for, when it was taken up in another one.
    pub moved_from: Option<String>,
    /// A section edit form whose save is on screen: hidden, kept to go back to.
    pub held: bool,
}

impl Wizard {
    /// A fresh wizard for a session in `region`.
    pub fn new(region: &str) -> Self {
        Self {
            step: Step::Trust,
            focus: 0,
            review_focus: 0,
            from_review: false,
            attempted: BTreeSet::new(),
            draft: Draft::default(),
            edited: false,
            listing: BTreeMap::new(),
            picker: None,
            policy_view: None,
            dialog: None,
            creation: None,
            region: region.to_string(),
            scope: None,
            create_when_listed: false,
            reveal_secret: false,
            moved_from: None,
            held: false,
        }
    }

    /// What the rows are derived with: the draft's region and pool, and the account's roles as
    /// listed so far.
    pub fn context<'a>(&'a self, catalog: &'a Catalog) -> Context<'a> {
        Context {
            region: &self.region,
            roles: catalog.roles().map(|l| l.items.as_slice()),
            catalog,
            pool_id: self.scope.as_ref().map(|s| s.pool_id.as_str()),
        }
    }

    /// The rows of a step.
    pub fn rows(&self, catalog: &Catalog, step: Step) -> Vec<Row> {
        let mut rows = match &self.scope {
            Some(scope) => scoped::rows(scope, &self.draft, self.context(catalog)),
            None => step.rows(&self.draft, self.context(catalog)),
        };
        user_pool_check::annotate(self, catalog, &mut rows);
        rows
    }

    /// The focused field of the current step.
    pub fn focused(&self, catalog: &Catalog) -> Option<Field> {
        let rows = self.rows(catalog, self.step);
        fields::fields(&rows).get(self.focus).map(|f| (*f).clone())
    }

    /// The blocking problems of a step.
    pub fn problems(&self, catalog: &Catalog, step: Step) -> Vec<String> {
        fields::problems(&self.rows(catalog, step))
    }

    /// The first step (before Review) with problems, if any.
    pub fn first_invalid_step(&self, catalog: &Catalog) -> Option<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Review)
            .find(|s| !self.problems(catalog, *s).is_empty())
    }
}
