//! What the console does with what a screen produced ([`Outcome`]): its requests are recorded
//! with their owner, and its [`Event`]s become changes of the shared context or messages to
//! another screen. (How a message reaches a screen is `plug`.)

use super::Model;
use super::model::{Button, Overlay, Owner};
use super::plug::{Access, Export, Inventory, Pools, Roles, TestAccess, Wizard, to};
use crate::app::cover::OnPool;
use crate::app::{Effect, Event, Level, Outcome, Tab};
use crate::screens::{access, inventory, pools, roles};
use crate::wizard;

/// Opening a view about `pool_id` over the tab shown; the pool is made the current one.
fn on_pool<O>(
    model: &mut Model,
    pool_id: String,
    name: String,
) -> crate::app::cover::CoverMsg<OnPool, O> {
    model.choose_pool(pool_id.clone(), name.clone());
    crate::app::cover::CoverMsg::Open {
        origin: model.tab,
        open: OnPool { pool_id, name },
    }
}

/// Opens Test access on a pool over the tab shown.
pub(super) fn open_test_access(model: &mut Model, pool_id: String, name: String) -> Vec<Effect> {
    let open = on_pool(model, pool_id, name);
    to::<TestAccess>(model, open)
}

/// Opens the export view on a pool over the tab shown.
pub(super) fn open_export(model: &mut Model, pool_id: String, name: String) -> Vec<Effect> {
    let open = on_pool(model, pool_id, name);
    to::<Export>(model, open)
}

/// Opens the inventory over the Pools tab: every region of the session's partition.
pub(super) fn open_inventory(model: &mut Model) -> Vec<Effect> {
    let Some(session) = model.session() else {
        model.notify(Level::Warning, ":region all needs a connection first");
        return Vec::new();
    };
    let regions = crate::domain::regions::sweep_from(&session.region)
        .into_iter()
        .map(String::from)
        .collect();
    model.tab = Tab::Pools;
    let open = inventory::Msg::Open {
        origin: Tab::Pools,
        open: regions,
    };
    to::<Inventory>(model, open)
}

/// Opens a view over the tab shown that carries nothing else (the journal, `:store`, the
/// security report).
pub(super) fn open_over_tab<
    S: super::plug::Plugged<Msg = crate::app::cover::CoverMsg<(), A>>,
    A,
>(
    model: &mut Model,
) -> Vec<Effect> {
    let origin = model.tab;
    to::<S>(
        model,
        crate::app::cover::CoverMsg::Open { origin, open: () },
    )
}

/// Records what a screen started and stopped waiting for, and does what it asked.
pub(super) fn apply(model: &mut Model, owner: Owner, outcome: Outcome) -> Vec<Effect> {
    let Outcome {
        mut effects,
        events,
        started,
        forgotten,
    } = outcome;
    for request in started {
        model.in_flight.insert(
            request.req,
            super::model::InFlight {
                operation: request.operation,
                write: request.write,
                owner,
                subject: None,
            },
        );
        model.next_req = model.next_req.max(request.req + 1);
    }
    for req in forgotten {
        model.in_flight.remove(&req);
    }
    // What each answer will tell the store is known now, from the effect that asks for it.
    for (req, subject) in effects.iter().filter_map(crate::store::Subject::of) {
        if let Some(request) = model.in_flight.get_mut(&req) {
            request.subject = Some(subject);
        }
    }
    for event in events {
        effects.extend(on_event(model, event));
    }
    effects
}

fn on_event(model: &mut Model, event: Event) -> Vec<Effect> {
    match event {
        Event::Notify(level, text) => model.notify(level, text),
        Event::NotifyWhile(level, text, about) => model.notify_while(level, text, about),
        Event::Failed { operation, error } => model.report_error(&operation, &error),
        Event::Record { operation, error } => model.record_error(operation, error),
        Event::SetCurrentPool(id, name) => model.choose_pool(id, name),
        Event::GoTab(tab) => {
            return super::update::on_action(model, super::Action::GoTab(tab));
        }
        Event::PoolGone(id) => model.lose_pool(&id, true),
        Event::ConfirmPoolDeletion { pool_id, name } => {
            if let Some(entry) =
                crate::domain::protection::protecting(&model.options.protected, &pool_id, &name)
            {
                model.notify(
                    Level::Warning,
                    format!(
                        "\"{name}\" is protected from deletion (config.toml: protected has \"{entry}\"); remove it there to delete the pool"
                    ),
                );
                return Vec::new();
            }
            model.overlay = Some(Overlay::ConfirmDelete {
                pool_id,
                name,
                typed: Default::default(),
                focus: Button::Cancel,
            });
        }
        Event::PoolCreated(pool) => {
            model.tab = Tab::Pools;
            return to::<Pools>(model, pools::Msg::ShowCreated(pool));
        }
        Event::ShowHelp => model.overlay = Some(Overlay::Help),
        Event::OpenInventory => return open_inventory(model),
        Event::OpenPool(pool_id) => return super::update::open_pool(model, pool_id),
        Event::OpenWizard => return to::<Wizard>(model, wizard::Msg::Open),
        Event::OpenTestAccess { pool_id, name } => {
            return open_test_access(model, pool_id, name);
        }
        Event::OpenExport { pool_id, name } => return open_export(model, pool_id, name),
        Event::EditSection(mut scope) => {
            scope.linked = linked_identities(model, &scope);
            return to::<Wizard>(model, wizard::Msg::EditSection(scope));
        }
        Event::HeldEdit { tab, resume } => {
            return to::<Wizard>(model, wizard::Msg::HeldEdit { tab, resume });
        }
        Event::SaveEdit {
            origin: Tab::Roles,
            pool_id,
            finished,
        } => {
            return to::<Roles>(model, roles::Msg::Save { pool_id, finished });
        }
        Event::SaveEdit {
            pool_id, finished, ..
        } => {
            return to::<Access>(model, access::Msg::Save { pool_id, finished });
        }
    }
    Vec::new()
}

/// How many identities loaded in the Identity browser log in with the provider a form edits
/// (only when the browser has this pool's identities).
fn linked_identities(
    model: &Model,
    scope: &wizard::scoped::EditScope,
) -> Option<wizard::scoped::Linked> {
    use wizard::scoped::Section;
    let (Section::ProviderInfo(provider)
    | Section::RoleSettings(provider)
    | Section::Attributes(provider)) = &scope.section
    else {
        return None;
    };
    if model.identities.pool_id.as_deref() != Some(scope.pool_id.as_str()) {
        return None;
    }
    let login = provider.login_name();
    let rows = &model.identities.list.rows;
    Some(wizard::scoped::Linked {
        loaded: rows.len(),
        linked: rows
            .iter()
            .filter(|r| r.identity.logins.contains(&login))
            .count(),
    })
}
