//! `update`: the one place the model changes. Pure: no I/O, no clock, no awaiting. The app's part
//! is small: it keeps the shared context (connection, current pool, overlays, notices, requests in
//! flight), hands each message to the screen it is for, and turns what screens ask for ([`Event`])
//! into changes of that context.

use super::command::{self, Command};
use super::model::{Button, Connection, Focus, Overlay, Owner};
use super::plug::{
    self, Access, Doctor, Export, Held, Identities, Inventory, Journal, Pools, Roles, TestAccess,
    Wizard, to,
};
use super::route::open_over_tab;
use super::{Action, Model, Msg};
use crate::app::Effect;
use crate::app::intent::{self, Intent};
use crate::app::{Level, Response, Tab};
use crate::screens::{access, export, identities, inventory, journal, pools, roles, test_access};
use crate::view::layout;
use crate::wizard;

/// The effects to run when the console starts: connect, with the start-up warning shown.
#[must_use]
pub fn init(model: &mut Model) -> Vec<Effect> {
    if let Some(warning) = model.options.startup_warning.clone() {
        model.notify(Level::Warning, warning);
    }
    let profile = model.options.profile.clone();
    let region = model.options.region.clone();
    connect(model, profile, region, false)
}

/// Connects (again); `announce` says so in the footer once connected (a switch, not the start).
pub(super) fn connect(
    model: &mut Model,
    profile: Option<String>,
    region: Option<String>,
    announce: bool,
) -> Vec<Effect> {
    let req = model.start_request("Connect", false, Owner::App);
    model.connection = Connection::Connecting { req, announce };
    vec![Effect::Connect {
        req,
        profile,
        region,
    }]
}

/// One event as the console loop sees it: the wall clock, then the message, handled once.
#[must_use]
pub fn step(model: &mut Model, now: f64, msg: Msg) -> Vec<Effect> {
    model.now = Some(now);
    update(model, msg)
}

/// Applies one message to the model and returns the effects it asks for.
#[must_use]
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // A screen's own message goes to it (its keys only while it has them).
    if plug::for_a_screen(&msg) {
        let mut effects = plug::dispatch(model, msg);
        effects.extend(settle(model));
        return effects;
    }
    let mut effects = match msg {
        Msg::Tick(now) => {
            model.now = Some(now);
            Vec::new()
        }
        Msg::JournalFailed(text) => {
            model.journal_failing = Some(text.clone());
            model.notify(Level::Warning, text.clone());
            model.record_error(
                "Journal".into(),
                crate::app::AwsError::new(crate::app::ErrorKind::Other, text),
            );
            Vec::new()
        }
        Msg::Resize(width, height) => {
            model.size = (width, height);
            model.pools.scroll_into_view(layout::list_rows(model.size));
            Vec::new()
        }
        Msg::Action(action) => on_action(model, action),
        Msg::Dialog(action) => super::overlay::on_action(model, action),
        Msg::Input(request) => on_input(model, request),
        Msg::Click(column, row) => on_click(model, column, row),
        Msg::Scroll(delta) => match model.focus() {
            Focus::Wizard(_) => to::<Wizard>(model, wizard::Msg::Scroll(delta)),
            Focus::Pools => to::<Pools>(model, pools::Msg::Scroll(delta)),
            _ => Vec::new(),
        },
        Msg::Response { req, response } => {
            let Some(request) = model.in_flight.remove(&req) else {
                // Not waited for any more (a refresh replaced it, its screen was reset): dropped.
                return settle(model);
            };
            // The store learns first, so the screen that asked sees the new state with its answer.
            let learned = match &request.subject {
                Some(subject) => model.store.absorb(req, subject, &response, model.now),
                None => crate::store::Learned::Nothing,
            };
            let mut effects = plug::respond(model, request.owner, req, response);
            effects.extend(super::learned::passed_on(model, learned));
            effects
        }
        // A screen's own messages were delivered above.
        _ => Vec::new(),
    };
    effects.extend(settle(model));
    effects
}

/// Whether a screen's key intent may reach it: it has the focus, and in read-only mode the
/// intent changes nothing (else the refusal is shown here, once for every screen).
pub(super) fn takes_keys<A: Intent>(
    model: &mut Model,
    action: &A,
    focused: impl Fn(&Focus) -> bool,
) -> bool {
    if !focused(&model.focus()) {
        return false;
    }
    match intent::refusal(model.options.read_only, action) {
        Some(refusal) => {
            model.notify(Level::Warning, refusal);
            false
        }
        None => true,
    }
}

/// The screens' work after every message: describe the pools on screen, follow the current pool
/// into the Identity browser.
fn settle(model: &mut Model) -> Vec<Effect> {
    model.expire_notice();
    // Asked to quit once the writes on their way are answered: they are.
    if model.quit_when_idle && model.writes_in_flight() == 0 && !model.quitting {
        return quit(model);
    }
    let mut effects = to::<Pools>(model, pools::Msg::Settle);
    // Most events leave the Identity browser on its pool: asked only when that may have changed.
    let follows = model.identities.pool_id.as_deref()
        == model.current_pool.as_ref().map(|(id, _)| id.as_str());
    if model.tab == Tab::Identities && !follows {
        effects.extend(to::<Identities>(model, identities::Msg::Settle));
    }
    let shown =
        model.access.pool_id.as_deref() == model.current_pool.as_ref().map(|(id, _)| id.as_str());
    if model.tab == Tab::UserAccess && !shown {
        effects.extend(to::<Access>(model, access::Msg::Settle));
    }
    let shown =
        model.roles.pool_id.as_deref() == model.current_pool.as_ref().map(|(id, _)| id.as_str());
    if model.tab == Tab::Roles && !shown {
        effects.extend(to::<Roles>(model, roles::Msg::Settle));
    }
    effects
}

pub(super) fn on_connected(model: &mut Model, response: Response) -> Vec<Effect> {
    let Response::Connect(result) = response else {
        return Vec::new();
    };
    match result {
        Ok(session) => {
            if matches!(
                model.connection,
                Connection::Connecting { announce: true, .. }
            ) {
                model.notify(
                    Level::Info,
                    format!("Now on profile {} · {}", session.profile, session.region),
                );
            }
            model.connection = Connection::Ready(session);
            // Another profile or region: what was read belongs to another view of the service.
            model.store.clear();
            model.pools = Default::default();
            model.identities = Default::default();
            model.access = Default::default();
            model.roles = Default::default();
            model.wizard.edit = None;
            model.test_access.view = None;
            model.export.view = None;
            model.doctor.view = None;
            model.inventory.view = None;
            model.current_pool = None;
            model.lost_pool = None;
            let mut effects = to::<Pools>(model, pools::Msg::Start);
            // `:open` of a pool in another region: the region is switched, now open it.
            if let Some(pool_id) = model.pending_open.take() {
                model.tab = Tab::Pools;
                effects.extend(to::<Pools>(model, pools::Msg::OpenById(pool_id)));
            }
            effects
        }
        Err(error) => {
            model.pending_open = None;
            model.report_error("Connect", &error);
            model.connection = Connection::Failed(error);
            Vec::new()
        }
    }
}

pub(super) fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if action == Action::ForceQuit {
        // A pool half made by the wizard, or a write still on its way, is never left behind
        // silently: the first Ctrl-c asks (a second one quits).
        if (model.wizard.is_half_made() || model.writes_in_flight() > 0)
            && !matches!(model.overlay, Some(Overlay::ConfirmQuit { .. }))
        {
            model.overlay = Some(Overlay::ConfirmQuit {
                focus: Button::Cancel,
            });
            return Vec::new();
        }
        return quit(model);
    }
    // Global keys reach the app only from screens that take them; an overlay takes its own.
    if model.overlay.is_some() {
        return Vec::new();
    }
    match action {
        Action::Help => model.overlay = Some(Overlay::Help),
        Action::Command => model.overlay = Some(Overlay::Command(Default::default())),
        Action::Quit if model.quit_when_idle => {
            model.quit_when_idle = false;
            model.notify(Level::Info, "Staying: not quitting");
        }
        Action::Quit => {
            if model.writes_in_flight() > 0 {
                model.overlay = Some(Overlay::ConfirmQuit {
                    focus: Button::Cancel,
                });
            } else {
                return quit(model);
            }
        }
        Action::GoTab(tab) => model.tab = tab,
        Action::NextTab => model.tab = Tab::ALL[(model.tab.index() + 1) % Tab::ALL.len()],
        Action::PrevTab => {
            model.tab = Tab::ALL[(model.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
        }
        Action::Refresh => match model.screen_focus() {
            Focus::Setup => {
                let (profile, region) =
                    (model.options.profile.clone(), model.options.region.clone());
                return connect(model, profile, region, false);
            }
            Focus::Pools => return to::<Pools>(model, pools::Msg::Action(pools::Action::Refresh)),
            Focus::Identities => {
                return to::<Identities>(
                    model,
                    identities::Msg::Action(identities::Action::Refresh),
                );
            }
            Focus::Access => {
                return to::<Access>(model, access::Msg::Action(access::Action::Refresh));
            }
            Focus::Roles => return to::<Roles>(model, roles::Msg::Action(roles::Action::Refresh)),
            _ => {}
        },
        Action::ForceQuit => {}
    }
    Vec::new()
}

pub(super) fn quit(model: &mut Model) -> Vec<Effect> {
    model.quitting = true;
    vec![Effect::Quit]
}

fn on_input(model: &mut Model, request: tui_input::InputRequest) -> Vec<Effect> {
    match model.focus() {
        Focus::Overlay(_) => {
            match &mut model.overlay {
                Some(Overlay::Command(input)) => {
                    input.handle(request);
                    model.command_line.candidates.clear();
                }
                Some(Overlay::ConfirmDelete { typed, .. }) => {
                    typed.handle(request);
                }
                _ => {}
            }
            Vec::new()
        }
        Focus::Wizard(_) => to::<Wizard>(model, wizard::Msg::Input(request)),
        Focus::Pools => to::<Pools>(model, pools::Msg::Input(request)),
        Focus::Identities => to::<Identities>(model, identities::Msg::Input(request)),
        Focus::Roles => to::<Roles>(model, roles::Msg::Input(request)),
        Focus::TestAccess(_) => to::<TestAccess>(model, test_access::Msg::Input(request)),
        Focus::Export(_) => to::<Export>(model, export::Msg::Input(request)),
        Focus::Inventory(_) => to::<Inventory>(model, inventory::Msg::Input(request)),
        Focus::Journal(_) => to::<Journal>(model, journal::Msg::Input(request)),
        Focus::Doctor(_) | Focus::Held(_) => Vec::new(),
        Focus::Setup | Focus::NoPool(_) | Focus::Access => Vec::new(),
    }
}

/// Runs a typed command line.
pub(super) fn run_command(model: &mut Model, line: &str) -> Vec<Effect> {
    match command::parse(line) {
        Ok(Command::Tab(tab)) => model.tab = tab,
        Ok(Command::Errors) => model.overlay = Some(Overlay::Errors),
        Ok(Command::Test) => match model.current_pool.clone() {
            Some((pool_id, name)) if model.session().is_some() => {
                return super::route::open_test_access(model, pool_id, name);
            }
            _ => model.notify(
                Level::Warning,
                ":test tests the current pool: choose one first (1 for Pools, select a pool, ⏎)",
            ),
        },
        Ok(Command::Open(pool_id)) => return open_pool(model, pool_id),
        Ok(Command::Doctor) if model.session().is_some() => {
            return open_over_tab::<Doctor, _>(model);
        }
        Ok(Command::Doctor) => model.notify(Level::Warning, ":doctor needs a connection first"),
        Ok(Command::Journal) => return open_over_tab::<Journal, _>(model),
        Ok(Command::Store) => return open_over_tab::<Held, _>(model),
        Ok(Command::Help) => model.overlay = Some(Overlay::Help),
        Ok(Command::Quit) => return on_action(model, Action::Quit),
        Ok(Command::Region(region)) => return switch_region(model, region),
        Ok(Command::AllRegions) => return super::route::open_inventory(model),
        Ok(Command::Profile(profile)) => {
            if model.session().is_some_and(|s| s.sandbox) {
                model.notify(
                    Level::Warning,
                    "Profiles do not apply to the sandbox (it has its own credentials)",
                );
                return Vec::new();
            }
            let region = model.options.region.clone();
            model.options.profile = Some(profile.clone());
            return connect(model, Some(profile), region, true);
        }
        Err(message) => model.notify(Level::Warning, message),
    }
    Vec::new()
}

/// `:open POOL`: its summary on the Pools tab, after switching to its region when needed.
pub(super) fn open_pool(model: &mut Model, pool_id: String) -> Vec<Effect> {
    let Some(session) = model.session() else {
        model.notify(Level::Warning, ":open needs a connection first");
        return Vec::new();
    };
    let region = crate::domain::pool::region_of(&pool_id)
        .unwrap_or_default()
        .to_string();
    if session.region == region {
        model.tab = Tab::Pools;
        return to::<Pools>(model, pools::Msg::OpenById(pool_id));
    }
    model.pending_open = Some(pool_id);
    switch_region(model, region)
}

/// Reconnects in `region` with the same profile (`:region`, and `:open` of another region's pool).
fn switch_region(model: &mut Model, region: String) -> Vec<Effect> {
    model.options.region = Some(region.clone());
    let profile = model.options.profile.clone();
    connect(model, profile, Some(region), true)
}

fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    match model.focus() {
        Focus::Overlay(_) => Vec::new(),
        Focus::Wizard(_) => to::<Wizard>(model, wizard::Msg::Click(column, row)),
        _ => {
            if let Some(tab) = layout::tab_at(model.size, column, row) {
                model.tab = tab;
                return Vec::new();
            }
            if model.tab == Tab::Pools && model.session().is_some() {
                return to::<Pools>(model, pools::Msg::Click(column, row));
            }
            Vec::new()
        }
    }
}
