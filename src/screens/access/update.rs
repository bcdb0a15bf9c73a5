//! How the User access tab reacts: reading the current pool (everything in parallel), moving over
//! its sections, opening a section's form, and running the safe save of what the form produced.

use super::msg::{Action, Msg};
use super::state::{AccessState, Item, Panel, addable_kinds, provider_section};
use crate::app::Level;
use crate::app::{Ctx, Effect, Event, Outcome, RequestId, Response, Tab};
use crate::domain::edit::{Edit, ProviderRef};
use crate::screens::list::moved;
use crate::screens::save::host::{self, After};
use crate::screens::save::tab_read::{self, Answered};
use crate::wizard::scoped::{EditScope, Finished, Section, source_of};

type Cx<'a> = crate::app::Cx<'a, AccessState>;

/// Handles one message for the User access tab.
pub fn update(state: &mut AccessState, ctx: &Ctx, msg: Msg) -> Outcome {
    let mut cx = Cx::new(state, ctx);
    let effects = match msg {
        Msg::Action(action) => on_action(&mut cx, action),
        Msg::Response { req, response } => on_response(&mut cx, req, response),
        Msg::Save { pool_id, finished } => begin_save(&mut cx, &pool_id, *finished),
        Msg::Settle => sync(&mut cx),
    };
    cx.finish(effects)
}

/// Reads the current pool when the tab shows another one (or none).
fn sync(cx: &mut Cx) -> Vec<Effect> {
    let writing = cx.state.is_writing();
    let Some(pool_id) = tab_read::to_follow(cx, Tab::UserAccess, writing) else {
        return Vec::new();
    };
    *cx.state = AccessState {
        pool_id,
        ..AccessState::default()
    };
    read(cx)
}

fn read(cx: &mut Cx) -> Vec<Effect> {
    tab_read::read(cx)
}

fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    if let Some(Panel::Save(view)) = &cx.state.panel
        && view.save.awaits(req)
    {
        return on_save_response(cx, req, response);
    }
    let (answered, effects) = tab_read::answer(cx, req, response);
    if answered == Answered::Read {
        let count = cx.state.items(cx.ctx.store).len();
        cx.state.selected = cx.state.selected.min(count.saturating_sub(1));
    }
    effects
}

fn on_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    if action == Action::Help {
        cx.emit(Event::ShowHelp);
        return Vec::new();
    }
    match cx.state.panel.clone() {
        Some(Panel::Save(_)) => on_save_action(cx, action),
        Some(Panel::Provider { provider, focus }) => {
            on_provider_panel(cx, action, provider, focus);
            Vec::new()
        }
        Some(Panel::AddKind { kinds, focus }) => {
            on_add_panel(cx, action, &kinds, focus);
            Vec::new()
        }
        Some(Panel::ConfirmRemove { provider, remove }) => {
            on_confirm_remove(cx, action, provider, remove)
        }
        None => on_list(cx, action),
    }
}

fn on_list(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let count = cx.state.items(cx.ctx.store).len();
    let state = &mut cx.state;
    match action {
        Action::Up => state.selected = moved(state.selected, -1, count),
        Action::Down => state.selected = moved(state.selected, 1, count),
        Action::Top => state.selected = 0,
        Action::Bottom => state.selected = count.saturating_sub(1),
        Action::Refresh => return read(cx),
        Action::TestAccess => {
            if let Some((pool_id, name)) = cx.ctx.current_pool.cloned() {
                cx.emit(Event::OpenTestAccess { pool_id, name });
            }
        }
        Action::Edit | Action::Submit => match state.selected_item(cx.ctx.store) {
            Some(Item::Provider(provider)) => {
                state.panel = Some(Panel::Provider { provider, focus: 0 })
            }
            Some(Item::Developer(_)) => refuse_developer(cx),
            Some(Item::AddProvider) => open_add(cx),
            Some(item) => open_form(cx, item_section(&item)),
            None => {}
        },
        Action::Add => open_add(cx),
        Action::Remove => match state.selected_item(cx.ctx.store) {
            Some(Item::Provider(provider)) => {
                state.panel = Some(Panel::ConfirmRemove {
                    provider,
                    remove: false,
                });
            }
            Some(Item::Developer(_)) => refuse_developer(cx),
            _ => cx.notify(Level::Info, "Select an identity provider to remove"),
        },
        Action::ToggleGuest => return toggle_guest(cx),
        _ => {}
    }
    Vec::new()
}

fn item_section(item: &Item) -> Section {
    match item {
        Item::Authenticated => Section::Authenticated,
        Item::Name => Section::Name,
        Item::ClassicFlow => Section::ClassicFlow,
        Item::Tags => Section::Tags,
        _ => Section::Guest,
    }
}

fn refuse_developer(cx: &mut Cx) {
    cx.notify(
        Level::Warning,
        "The developer provider name can't be changed or removed once the pool has it (the service refuses)",
    );
}

fn open_add(cx: &mut Cx) {
    let Some(config) = cx.state.read.config(cx.ctx.store) else {
        return;
    };
    cx.state.panel = Some(Panel::AddKind {
        kinds: addable_kinds(config),
        focus: 0,
    });
}

/// Activates guest access with the role it has, or opens the form to choose one; deactivates
/// it after the review says what that means.
fn toggle_guest(cx: &mut Cx) -> Vec<Effect> {
    let Some(config) = cx.state.read.config(cx.ctx.store) else {
        return Vec::new();
    };
    let has_role = config.roles.roles.contains_key("unauthenticated");
    if config.pool.allow_unauthenticated_identities {
        let finished = Finished::guest_off();
        let pool_id = config.pool.identity_pool_id.clone();
        begin_save(cx, &pool_id, finished)
    } else if has_role {
        let finished = Finished {
            edit: Edit::GuestAccess {
                enabled: true,
                role: None,
            },
            new_role: None,
            new_user_pool: None,
            note: None,
        };
        let pool_id = config.pool.identity_pool_id.clone();
        begin_save(cx, &pool_id, finished)
    } else {
        open_form(cx, Section::Guest);
        Vec::new()
    }
}

/// Opens the wizard's form on one section, filled from the configuration read.
fn open_form(cx: &mut Cx, section: Section) {
    let Some(config) = cx.state.read.config(cx.ctx.store).cloned() else {
        cx.notify(Level::Info, "The pool is still being read");
        return;
    };
    if let Some(source) = match &section {
        Section::RoleSettings(p) => Some((source_of(p), source_of(p).has_role_settings())),
        Section::Attributes(p) => Some((source_of(p), source_of(p).has_access_control())),
        _ => None,
    }
    .filter(|(_, offered)| !offered)
    .map(|(source, _)| source)
    {
        cx.notify(
            Level::Info,
            format!("{source} has no such settings in an identity pool"),
        );
        return;
    }
    cx.emit(Event::EditSection(Box::new(EditScope {
        pool_id: config.pool.identity_pool_id.clone(),
        section,
        base: config,
        linked: None,
        origin: crate::app::Tab::UserAccess,
    })));
}

fn on_provider_panel(cx: &mut Cx, action: Action, provider: ProviderRef, focus: usize) {
    match action {
        Action::Up => {
            cx.state.panel = Some(Panel::Provider {
                provider,
                focus: focus.saturating_sub(1),
            })
        }
        Action::Down => {
            cx.state.panel = Some(Panel::Provider {
                provider,
                focus: (focus + 1).min(2),
            })
        }
        Action::Edit | Action::Submit => {
            cx.state.panel = None;
            open_form(cx, provider_section(&provider, focus));
            if cx.state.panel.is_none() {
                cx.state.panel = Some(Panel::Provider { provider, focus });
            }
        }
        Action::Remove => {
            cx.state.panel = Some(Panel::ConfirmRemove {
                provider,
                remove: false,
            })
        }
        Action::Back => cx.state.panel = None,
        _ => {}
    }
}

fn on_add_panel(
    cx: &mut Cx,
    action: Action,
    kinds: &[crate::wizard::source::Source],
    focus: usize,
) {
    let count = kinds.len();
    let panel = |focus| Panel::AddKind {
        kinds: kinds.to_vec(),
        focus,
    };
    match action {
        Action::Up => cx.state.panel = Some(panel(moved(focus, -1, count))),
        Action::Down => cx.state.panel = Some(panel(moved(focus, 1, count))),
        Action::Edit | Action::Submit => {
            if let Some(kind) = kinds.get(focus) {
                cx.state.panel = None;
                open_form(cx, Section::AddProvider(*kind));
            }
        }
        Action::Back => cx.state.panel = None,
        _ => {}
    }
}

fn on_confirm_remove(
    cx: &mut Cx,
    action: Action,
    provider: ProviderRef,
    remove: bool,
) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down => {
            cx.state.panel = Some(Panel::ConfirmRemove {
                provider,
                remove: !remove,
            });
        }
        Action::Submit | Action::Edit if remove => {
            let Some(pool_id) = cx.state.pool_id.clone() else {
                return Vec::new();
            };
            let finished = Finished {
                edit: Edit::Remove(provider),
                new_role: None,
                new_user_pool: None,
                note: Some(
                    "Its users can no longer sign in to this pool; its role mapping and attributes for access control go with it."
                        .into(),
                ),
            };
            return begin_save(cx, &pool_id, finished);
        }
        Action::Submit | Action::Edit | Action::Back => cx.state.panel = None,
        _ => {}
    }
    Vec::new()
}

/// Starts the safe save of a finished form: the fresh read first.
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

fn on_save_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    host::answer(cx, req, response)
}

fn on_save_action(cx: &mut Cx, action: Action) -> Vec<Effect> {
    match host::act(cx, action) {
        Some((_, After::CloseAndRead)) => read(cx),
        Some((effects, _)) => effects,
        None => Vec::new(),
    }
}
