//! How the Role settings tab reacts: reading the current pool, checking every role it hands out
//! (bounded parallel IAM reads), opening the wizard's forms on its default roles and mappings,
//! fixing a role's trust, editing an inline policy in `$EDITOR`, and the simulator.

use super::changes;
use super::fetch::Job;
use super::msg::{Action, Msg};
use super::simulator::{SimFocus, Simulator};
use super::state::{Fetch, Item, Panel, PolicyRef, RolesState};

use crate::app::Level;
use crate::app::intent;
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::domain::policy::Audience;
use crate::screens::save::host::{self, After};
use crate::screens::save::tab_read::{self, Answered};
use crate::view::layout;
use crate::wizard::scoped::{EditScope, Finished, Section, source_of};

type Cx<'a> = crate::app::Cx<'a, RolesState>;

/// Handles one message for the Role settings tab.
pub fn update(state: &mut RolesState, ctx: &Ctx, msg: Msg) -> Outcome {
    let mut cx = Cx::new(state, ctx);
    let effects = match msg {
        Msg::Action(action) => on_action(&mut cx, action),
        Msg::Input(request) => {
            if let Some(Panel::NewPolicy { name, .. }) = cx.state.panel.as_mut() {
                name.handle(request);
            } else {
                with_simulator(&mut cx, |sim| sim.type_key(request));
            }
            Vec::new()
        }
        Msg::Response { req, response } => on_response(&mut cx, req, response),
        Msg::Save { pool_id, finished } => begin_save(&mut cx, &pool_id, *finished),
        Msg::Settle => sync(&mut cx),
        Msg::Stored(pool_id) => follow_store(&mut cx, &pool_id),
    };
    cx.finish(effects)
}

/// Reads the current pool when the tab shows another one (or none).
fn sync(cx: &mut Cx) -> Vec<Effect> {
    let writing = cx.state.is_writing();
    let Some(pool_id) = tab_read::to_follow(cx, Tab::Roles, writing) else {
        return Vec::new();
    };
    for req in cx.state.fetcher.clear() {
        cx.finish_request(req);
    }
    *cx.state = RolesState {
        pool_id,
        ..RolesState::default()
    };
    read(cx)
}

/// Reads the pool's whole configuration (its roles are checked once it is read).
fn read(cx: &mut Cx) -> Vec<Effect> {
    tab_read::read(cx)
}

/// Checks every role the pool hands out: GetRole of each, then its policies, at most
/// `fetch::PARALLEL` at once.
fn check_roles(cx: &mut Cx) -> Vec<Effect> {
    for req in cx.state.fetcher.clear() {
        cx.finish_request(req);
    }
    cx.state.checked.clear();
    for handed in cx.state.handed_out(cx.ctx.store) {
        cx.state.checked.insert(handed.arn.clone());
        cx.state.fetcher.push(Job::Role(handed.arn));
    }
    start_fetches(cx)
}

/// The pool shown changed in the store: what the tab derived from it follows (the simulator's
/// answer, the roles it checks), without reading again what it already has.
fn follow_store(cx: &mut Cx, pool_id: &str) -> Vec<Effect> {
    if cx.state.pool_id.as_deref() != Some(pool_id) || cx.state.read.reading.is_some() {
        return Vec::new();
    }
    refresh_simulator(cx);
    for handed in cx.state.handed_out(cx.ctx.store) {
        if cx.state.checked.insert(handed.arn.clone()) {
            cx.state.fetcher.push(Job::Role(handed.arn));
        }
    }
    start_fetches(cx)
}

pub(super) fn start_fetches(cx: &mut Cx) -> Vec<Effect> {
    let mut fetcher = std::mem::take(&mut cx.state.fetcher);
    let effects = fetcher.start_more(|op| cx.start_request(op, false));
    cx.state.fetcher = fetcher;
    effects
}

fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    match &cx.state.panel {
        Some(Panel::Save(view)) if view.save.awaits(req) => {
            return host::answer(cx, req, response);
        }
        Some(Panel::Write(write)) if write.awaits(req) => {
            return changes::on_write_response(cx, req, response);
        }
        _ => {}
    }
    if cx.state.fetcher.awaits(req) {
        cx.state.fetcher.on_response(req, &response);
        let effects = start_fetches(cx);
        refresh_simulator(cx);
        return effects;
    }
    let (answered, mut effects) = tab_read::answer(cx, req, response);
    if answered == Answered::Read {
        let count = cx.state.items(cx.ctx.store).len();
        cx.state.selected = cx.state.selected.min(count.saturating_sub(1));
        effects.extend(check_roles(cx));
        refresh_simulator(cx);
    }
    effects
}

fn on_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    if action == Action::Help {
        cx.emit(Event::ShowHelp);
        return Vec::new();
    }
    match cx.state.panel.take() {
        None => on_list(cx, action),
        Some(Panel::Role { arn, focus }) => on_role_panel(cx, action, arn, focus),
        Some(Panel::Document {
            title,
            text,
            scroll,
        }) => {
            let last = text.lines().count().saturating_sub(1);
            let scroll = match action {
                Action::Down => (scroll + 1).min(last),
                Action::Up => scroll.saturating_sub(1),
                Action::Top => 0,
                Action::Back => return Vec::new(),
                _ => scroll,
            };
            cx.state.panel = Some(Panel::Document {
                title,
                text,
                scroll,
            });
            Vec::new()
        }
        Some(Panel::NewPolicy { arn, name }) => changes::on_new_policy(cx, action, arn, name),
        Some(Panel::Write(write)) => changes::on_write_action(cx, action, write),
        Some(Panel::Save(view)) => {
            cx.state.panel = Some(Panel::Save(view));
            on_save_action(cx, action)
        }
        Some(Panel::Simulator(sim)) => {
            cx.state.panel = Some(Panel::Simulator(sim));
            on_simulator(cx, action);
            Vec::new()
        }
    }
}

fn on_list(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let count = cx.state.items(cx.ctx.store).len();
    let state = &mut cx.state;
    match action {
        Action::Move(step) => {
            state.selected = step.from(state.selected, count, layout::list_rows(cx.ctx.size));
        }
        Action::Refresh => return read(cx),
        Action::Simulate => open_simulator(cx),
        Action::Open | Action::Edit => match state.selected_item(cx.ctx.store) {
            Some(Item::Role(arn)) if action == Action::Open => {
                state.panel = Some(Panel::Role { arn, focus: 0 })
            }
            Some(Item::Role(_)) => cx.notify(
                Level::Info,
                "Open the role (⏎) and press e on one of its inline policies",
            ),
            Some(Item::Simulate) => open_simulator(cx),
            Some(item) => {
                if let Some(refusal) = intent::refusal(cx.ctx.read_only, &Action::Edit) {
                    cx.notify(Level::Warning, refusal);
                } else {
                    open_form(cx, &item);
                }
            }
            None => {}
        },
        Action::Fix => match state.selected_item(cx.ctx.store) {
            Some(Item::Role(arn)) => changes::begin_fix(cx, &arn),
            _ => cx.notify(
                Level::Info,
                "Select a role (under Trust and permissions) to fix",
            ),
        },
        _ => {}
    }
    Vec::new()
}

/// Opens the wizard's form on a default role or a provider's role settings.
fn open_form(cx: &mut Cx, item: &Item) {
    let Some(config) = cx.state.read.config(cx.ctx.store).cloned() else {
        cx.notify(Level::Info, "The pool is still being read");
        return;
    };
    let section = match item {
        Item::DefaultRole(Audience::Authenticated) => Section::Authenticated,
        Item::DefaultRole(Audience::Guest) => Section::Guest,
        Item::Mapping(provider) if source_of(provider).has_role_settings() => {
            Section::RoleSettings(provider.clone())
        }
        _ => return,
    };
    cx.emit(Event::EditSection(Box::new(EditScope {
        pool_id: config.pool.identity_pool_id.clone(),
        section,
        base: config,
        linked: None,
        origin: Tab::Roles,
    })));
}

fn open_simulator(cx: &mut Cx) {
    let Some(config) = cx.state.read.config(cx.ctx.store) else {
        cx.notify(Level::Info, "The pool is still being read");
        return;
    };
    let mut sim = Simulator::new(config);
    sim.recompute(config, |arn| cx.ctx.store.trust_of(arn));
    cx.state.panel = Some(Panel::Simulator(Box::new(sim)));
}

/// Runs `f` on the open simulator, then recomputes its answer.
fn with_simulator(cx: &mut Cx, f: impl FnOnce(&mut Simulator)) {
    let Some(Panel::Simulator(mut sim)) = cx.state.panel.take() else {
        return;
    };
    f(&mut sim);
    if let Some(config) = cx.state.read.config(cx.ctx.store) {
        sim.recompute(config, |arn| cx.ctx.store.trust_of(arn));
    }
    cx.state.panel = Some(Panel::Simulator(sim));
}

/// A role's trust policy arrived: the simulator's answer may change.
fn refresh_simulator(cx: &mut Cx) {
    if matches!(cx.state.panel, Some(Panel::Simulator(_))) {
        with_simulator(cx, |_| {});
    }
}

fn on_simulator(cx: &mut Cx, action: Action) {
    match action {
        Action::Back => cx.state.panel = None,
        Action::NextField => with_simulator(cx, Simulator::switch_focus),
        Action::Left => with_simulator(cx, |sim| sim.choose(-1)),
        Action::Right => with_simulator(cx, |sim| sim.choose(1)),
        Action::NewLine => with_simulator(cx, Simulator::new_line),
        Action::Up | Action::Down => {
            let delta = if action == Action::Up { -1 } else { 1 };
            with_simulator(cx, |sim| match sim.focus {
                SimFocus::Claims => sim.move_line(delta),
                SimFocus::Login => sim.choose(delta),
            });
        }
        _ => {}
    }
}

fn on_role_panel(cx: &mut Cx, action: Action, arn: String, focus: usize) -> Vec<Effect> {
    let policies = cx
        .ctx
        .store
        .role(crate::domain::roles::role_name(&arn))
        .map(|f| f.policies())
        .unwrap_or_default();
    // Focus 0 is the trust policy; 1… the permissions policies.
    let policy = focus.checked_sub(1).and_then(|i| policies.get(i)).cloned();
    let keep = |cx: &mut Cx, focus| {
        cx.state.panel = Some(Panel::Role {
            arn: arn.clone(),
            focus,
        })
    };
    match action {
        Action::Up => keep(cx, focus.saturating_sub(1)),
        Action::Down => keep(cx, (focus + 1).min(policies.len())),
        Action::Back => {}
        Action::Fix => {
            keep(cx, focus);
            changes::begin_fix(cx, &arn);
        }
        Action::Open => {
            keep(cx, focus);
            open_document(cx, &arn, policy.as_ref());
        }
        Action::Edit => {
            keep(cx, focus);
            return changes::edit_policy(cx, &arn, policy.as_ref());
        }
        Action::NewPolicy => {
            cx.state.panel = Some(Panel::NewPolicy {
                arn,
                name: tui_input::Input::default(),
            });
        }
        Action::DeletePolicy => {
            keep(cx, focus);
            changes::delete_policy(cx, &arn, policy.as_ref());
        }
        _ => keep(cx, focus),
    }
    Vec::new()
}

fn open_document(cx: &mut Cx, arn: &str, policy: Option<&PolicyRef>) {
    let Some(facts) = cx.ctx.store.role(crate::domain::roles::role_name(arn)) else {
        return;
    };
    let role = crate::domain::roles::role_name(arn);
    let (title, fetched) = match policy {
        None => (
            format!("Trust policy of {role}"),
            match &facts.role {
                Fetch::Got(r) => Fetch::Got(r.trust_policy.clone()),
                other => other_state(other),
            },
        ),
        Some(p) => (
            match p {
                PolicyRef::Inline(name) => format!("Inline policy {name} of {role}"),
                PolicyRef::Managed(name, arn) => format!("Managed policy {name} ({arn})"),
            },
            facts.documents.get(p).cloned().unwrap_or(Fetch::Waiting),
        ),
    };
    match fetched {
        Fetch::Got(text) => {
            cx.state.panel = Some(Panel::Document {
                title,
                text: super::write::pretty(&text),
                scroll: 0,
            })
        }
        Fetch::Waiting => cx.notify(Level::Info, "Still being read"),
        Fetch::Denied(why) | Fetch::Missing(why) | Fetch::Failed(why) => {
            cx.notify(Level::Warning, format!("Not readable: {why}"))
        }
    }
}

fn other_state<T, U>(fetch: &Fetch<T>) -> Fetch<U> {
    match fetch {
        Fetch::Got(_) | Fetch::Waiting => Fetch::Waiting,
        Fetch::Denied(w) => Fetch::Denied(w.clone()),
        Fetch::Missing(w) => Fetch::Missing(w.clone()),
        Fetch::Failed(w) => Fetch::Failed(w.clone()),
    }
}

/// Starts the safe save of a form opened from this tab.
fn begin_save(cx: &mut Cx, pool_id: &str, finished: Finished) -> Vec<Effect> {
    let writing = cx.state.is_writing();
    match host::begin(cx, writing, pool_id, finished) {
        Some((view, effects)) => {
            cx.state.panel = Some(Panel::Save(Box::new(view)));
            effects
        }
        None => Vec::new(),
    }
}

fn on_save_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    match host::act(cx, action) {
        Some((_, After::CloseAndRead)) => read(cx),
        Some((effects, _)) => effects,
        None => Vec::new(),
    }
}
