//! `update`: the one place the model changes. Pure: no I/O, no clock, no awaiting.

use super::command::{self, Command};
use super::model::{Button, Connection, Level, Overlay, Tab};
use super::{Action, Effect, Model, Msg};
use crate::screens::{identities, pools};
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
fn connect(
    model: &mut Model,
    profile: Option<String>,
    region: Option<String>,
    announce: bool,
) -> Vec<Effect> {
    let req = model.start_request("Connect", false);
    model.connection = Connection::Connecting { req, announce };
    vec![Effect::Connect {
        req,
        profile,
        region,
    }]
}

/// Applies one message to the model and returns the effects it asks for.
#[must_use]
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut effects = match msg {
        Msg::Tick(now) => {
            model.now = Some(now);
            Vec::new()
        }
        Msg::Resize(width, height) => {
            model.size = (width, height);
            model.pools.scroll_into_view(layout::list_rows(model.size));
            Vec::new()
        }
        Msg::Action(action) => on_action(model, action),
        Msg::Input(request) => {
            on_input(model, request);
            Vec::new()
        }
        Msg::Click(column, row) => on_click(model, column, row),
        Msg::Scroll(delta) => {
            if model.overlay.is_none() && model.wizard.is_some() {
                wizard::on_scroll(model, delta);
            } else if model.overlay.is_none() && model.tab == Tab::Pools {
                pools::on_scroll(model, delta);
            }
            Vec::new()
        }
        Msg::Connected { req, result } => {
            if !model.finish_request(req) {
                return Vec::new();
            }
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
                    model.pools = Default::default();
                    model.identities = Default::default();
                    model.current_pool = None;
                    pools::begin_listing(model)
                }
                Err(error) => {
                    model.report_error("Connect", &error);
                    model.connection = Connection::Failed(error);
                    Vec::new()
                }
            }
        }
        Msg::PoolsPage { req, result } => {
            model.finish_request(req);
            pools::on_page(model, req, result)
        }
        Msg::PoolDescribed {
            req,
            pool_id,
            result,
        } => {
            model.finish_request(req);
            pools::on_described(model, req, pool_id, result);
            Vec::new()
        }
        Msg::PoolRolesLoaded { req, result } => {
            model.finish_request(req);
            pools::on_roles(model, req, result);
            Vec::new()
        }
        Msg::IdentitiesPage { req, result } => {
            model.finish_request(req);
            identities::on_page(model, req, result)
        }
        Msg::IdentityDescribed { req, result } => {
            model.finish_request(req);
            identities::on_described(model, req, result);
            Vec::new()
        }
        Msg::DeveloperLookedUp { req, result } => {
            model.finish_request(req);
            identities::on_looked_up(model, req, result);
            Vec::new()
        }
        Msg::IdentitiesDeleted { req, result } => {
            model.finish_request(req);
            identities::on_deleted(model, req, result)
        }
        Msg::PoolDeleted {
            req,
            pool_id,
            result,
        } => {
            if !model.finish_request(req) {
                return Vec::new();
            }
            match wizard::on_pool_deleted(model, req, &result) {
                Some(effects) => effects,
                None => {
                    pools::on_deleted(model, pool_id, result);
                    Vec::new()
                }
            }
        }
        Msg::RolesPage { req, result } => {
            model.finish_request(req);
            wizard::on_roles_page(model, req, result)
        }
        Msg::NamedPage { req, result } => {
            model.finish_request(req);
            wizard::on_named_page(model, req, result)
        }
        Msg::ArnsListed { req, result } => {
            model.finish_request(req);
            wizard::on_arns(model, req, result);
            Vec::new()
        }
        Msg::CallDone { req, result } => {
            model.finish_request(req);
            wizard::on_call_done(model, req, result)
        }
    };
    effects.extend(pools::detail_requests(model));
    effects.extend(identities::sync(model));
    effects
}

fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if action == Action::ForceQuit {
        // A pool half made by the wizard is never left behind silently: the first Ctrl-c asks.
        let half_made = model
            .wizard
            .as_ref()
            .is_some_and(|w| w.creation.as_ref().is_some_and(|c| c.is_unfinished()));
        if half_made && !matches!(model.overlay, Some(Overlay::ConfirmQuit { .. })) {
            model.overlay = Some(Overlay::ConfirmQuit {
                focus: Button::Cancel,
            });
            return Vec::new();
        }
        return quit(model);
    }
    if model.overlay.is_some() {
        return on_overlay_action(model, action);
    }
    if model.wizard.is_some() {
        if action == Action::Help {
            model.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        return wizard::on_action(model, action);
    }
    if model.tab == Tab::Pools && model.pools.filter_editing {
        match action {
            Action::Submit | Action::Open => model.pools.filter_editing = false,
            Action::Back => {
                model.pools.filter_editing = false;
                model.pools.filter.reset();
                model.pools.refilter();
            }
            _ => {}
        }
        return Vec::new();
    }
    let identities_focused = {
        let state = &model.identities;
        state.panel.is_some() || state.filter_editing || state.deletion.is_some()
    };
    if model.tab == Tab::Identities && model.session().is_some() && identities_focused {
        return identities::on_action(model, action);
    }
    match action {
        Action::Help => model.overlay = Some(Overlay::Help),
        Action::Command => model.overlay = Some(Overlay::Command(Default::default())),
        Action::Quit => {
            let writes = model.writes_in_flight();
            if writes > 0 {
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
        Action::Refresh if !matches!(model.connection, Connection::Ready(_)) => {
            let (profile, region) = (model.options.profile.clone(), model.options.region.clone());
            return connect(model, profile, region, false);
        }
        Action::Delete | Action::New if model.options.read_only && model.tab == Tab::Pools => {
            let what = if action == Action::New {
                "creating pools"
            } else {
                "deleting pools"
            };
            model.notify(
                Level::Warning,
                format!("Read-only mode (--read-only): {what} is disabled"),
            );
        }
        Action::New if model.tab == Tab::Pools && model.session().is_some() => {
            return wizard::open(model);
        }
        _ if model.tab == Tab::Pools && model.session().is_some() => {
            return pools::on_action(model, action);
        }
        _ if model.tab == Tab::Identities && model.session().is_some() => {
            return identities::on_action(model, action);
        }
        _ => {}
    }
    Vec::new()
}

fn quit(model: &mut Model) -> Vec<Effect> {
    model.quitting = true;
    vec![Effect::Quit]
}

fn on_input(model: &mut Model, request: tui_input::InputRequest) {
    match &mut model.overlay {
        Some(Overlay::Command(input)) => {
            input.handle(request);
        }
        Some(Overlay::ConfirmDelete { typed, .. }) => {
            typed.handle(request);
        }
        Some(_) => {}
        None if model.wizard.is_some() => wizard::on_input(model, request),
        None if model.tab == Tab::Pools && model.pools.filter_editing => {
            pools::on_filter_input(model, request);
        }
        None if model.tab == Tab::Identities => identities::on_input(model, request),
        None => {}
    }
}

fn toggle(button: Button) -> Button {
    match button {
        Button::Cancel => Button::Confirm,
        Button::Confirm => Button::Cancel,
    }
}

fn on_overlay_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(overlay) = model.overlay.take() else {
        return Vec::new();
    };
    match (overlay, action) {
        (_, Action::Back) => {}
        (Overlay::Help, Action::Help) | (Overlay::Errors, Action::Open) => {}
        (Overlay::Command(input), Action::Submit | Action::Open) => {
            return run_command(model, input.value());
        }
        (
            Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus,
            },
            Action::FocusNext | Action::FocusPrev,
        ) => {
            model.overlay = Some(Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus: toggle(focus),
            });
        }
        (
            Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus,
            },
            Action::Submit | Action::Open,
        ) => {
            if focus == Button::Cancel {
                return Vec::new();
            }
            if typed.value() != name {
                model.overlay = Some(Overlay::ConfirmDelete {
                    pool_id,
                    name,
                    typed,
                    focus,
                });
                return Vec::new();
            }
            let req = model.start_request("DeleteIdentityPool", true);
            model.pools.deleting.insert(pool_id.clone());
            model.notify(Level::Info, format!("Deleting \"{name}\"…"));
            return vec![Effect::DeleteIdentityPool { req, pool_id }];
        }
        (Overlay::ConfirmQuit { focus }, Action::FocusNext | Action::FocusPrev) => {
            model.overlay = Some(Overlay::ConfirmQuit {
                focus: toggle(focus),
            });
        }
        (Overlay::ConfirmQuit { focus }, Action::Submit | Action::Open) => {
            if focus == Button::Confirm {
                return quit(model);
            }
        }
        (overlay, _) => model.overlay = Some(overlay),
    }
    Vec::new()
}

fn run_command(model: &mut Model, line: &str) -> Vec<Effect> {
    match command::parse(line) {
        Ok(Command::Tab(tab)) => model.tab = tab,
        Ok(Command::Errors) => model.overlay = Some(Overlay::Errors),
        Ok(Command::Help) => model.overlay = Some(Overlay::Help),
        Ok(Command::Quit) => return on_action(model, Action::Quit),
        Ok(Command::Region(region)) => {
            model.options.region = Some(region.clone());
            let profile = model.options.profile.clone();
            return connect(model, profile, Some(region), true);
        }
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

fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if model.overlay.is_some() {
        return Vec::new();
    }
    if model.wizard.is_some() {
        return wizard::on_click(model, column, row);
    }
    if let Some(tab) = layout::tab_at(model.size, column, row) {
        model.tab = tab;
        return Vec::new();
    }
    if model.tab == Tab::Pools
        && let Some(list_row) = layout::list_row_at(model.size, row)
    {
        return pools::on_click_row(model, list_row);
    }
    Vec::new()
}
