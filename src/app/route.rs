//! How the app maps between screens: each screen gets its message with the read-only context
//! ([`Ctx`]), and what it produced ([`Outcome`]) is recorded (requests and their owner) and done
//! (its [`Event`]s become changes of the shared context or messages to another screen).

use super::model::{Button, Connection, Level, Overlay, Tab};
use super::screen::{Ctx, Event, Outcome, Owner};
use super::{Effect, Model};
use crate::screens::{
    access, doctor, export, identities, inventory, journal, pools, roles, test_access,
};
use crate::wizard;

/// The read-only context a screen sees, borrowed field by field so that the screen's own state
/// can be borrowed mutably beside it.
macro_rules! ctx {
    ($model:ident) => {
        Ctx {
            session: match &$model.connection {
                Connection::Ready(session) => Some(session),
                _ => None,
            },
            current_pool: $model.current_pool.as_ref(),
            store: &$model.store,
            size: $model.size,
            read_only: $model.options.read_only,
            now: $model.now,
            tab: $model.tab,
            next_req: $model.next_req,
        }
    };
}

/// A message for the Pools tab.
pub(super) fn to_pools(model: &mut Model, msg: pools::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = pools::update(&mut model.pools, &ctx, msg);
    apply(model, Owner::Pools, outcome)
}

/// A message for the Identity browser, which sees the current pool's configuration.
pub(super) fn to_identities(model: &mut Model, msg: identities::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = identities::update(&mut model.identities, &ctx, msg);
    apply(model, Owner::Identities, outcome)
}

/// A message for the User access tab, which sees the current pool's configuration.
pub(super) fn to_access(model: &mut Model, msg: access::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = access::update(&mut model.access, &ctx, msg);
    apply(model, Owner::Access, outcome)
}

/// A message for the Role settings tab, which sees the current pool's configuration.
pub(super) fn to_roles(model: &mut Model, msg: roles::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = roles::update(&mut model.roles, &ctx, msg);
    apply(model, Owner::Roles, outcome)
}

/// A message for the create wizard.
pub(super) fn to_wizard(model: &mut Model, msg: wizard::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = wizard::update(&mut model.wizard, &ctx, msg);
    apply(model, Owner::Wizard, outcome)
}

/// A message for the Test access panel.
pub(super) fn to_test_access(model: &mut Model, msg: test_access::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = test_access::update(&mut model.test_access, &ctx, msg);
    apply(model, Owner::TestAccess, outcome)
}

/// Opens Test access on a pool (made the current one) over the tab shown.
pub(super) fn open_test_access(model: &mut Model, pool_id: String, name: String) -> Vec<Effect> {
    model.current_pool = Some((pool_id.clone(), name.clone()));
    let origin = model.tab;
    to_test_access(
        model,
        test_access::Msg::Open {
            pool_id,
            name,
            origin,
        },
    )
}

/// A message for the security report view.
pub(super) fn to_doctor(model: &mut Model, msg: doctor::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = doctor::update(&mut model.doctor, &ctx, msg);
    apply(model, Owner::Doctor, outcome)
}

/// A message for the inventory of every region.
pub(super) fn to_inventory(model: &mut Model, msg: inventory::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = inventory::update(&mut model.inventory, &ctx, msg);
    apply(model, Owner::Inventory, outcome)
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
    to_inventory(
        model,
        inventory::Msg::Open {
            origin: Tab::Pools,
            regions,
        },
    )
}

/// A message for the journal view.
pub(super) fn to_journal(model: &mut Model, msg: journal::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = journal::update(&mut model.journal, &ctx, msg);
    apply(model, Owner::Journal, outcome)
}

/// Opens the journal over the tab shown.
pub(super) fn open_journal(model: &mut Model) -> Vec<Effect> {
    let origin = model.tab;
    to_journal(model, journal::Msg::Open { origin })
}

/// A message for the export view.
pub(super) fn to_export(model: &mut Model, msg: export::Msg) -> Vec<Effect> {
    let ctx = ctx!(model);
    let outcome = export::update(&mut model.export, &ctx, msg);
    apply(model, Owner::Export, outcome)
}

/// Opens the export view on a pool (made the current one) over the tab shown.
pub(super) fn open_export(model: &mut Model, pool_id: String, name: String) -> Vec<Effect> {
    model.current_pool = Some((pool_id.clone(), name.clone()));
    let origin = model.tab;
    to_export(
        model,
        export::Msg::Open {
            pool_id,
            name,
            origin,
        },
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
        Event::SetCurrentPool(id, name) => model.current_pool = Some((id, name)),
        Event::GoTab(tab) => {
            return super::update::on_action(model, crate::app::Action::GoTab(tab));
        }
        Event::PoolGone(id) => {
            if let Some((_, name)) = model.current_pool.take_if(|(c, _)| *c == id) {
                model.notify(
                    Level::Warning,
                    format!(
                        "Pool \"{name}\" no longer exists (deleted elsewhere): it is no longer the current pool"
                    ),
                );
            }
        }
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
            return to_pools(model, pools::Msg::ShowCreated(pool));
        }
        Event::ShowHelp => model.overlay = Some(Overlay::Help),
        Event::OpenInventory => return open_inventory(model),
        Event::OpenPool(pool_id) => return super::update::open_pool(model, pool_id),
        Event::OpenWizard => return to_wizard(model, wizard::Msg::Open),
        Event::OpenTestAccess { pool_id, name } => {
            return open_test_access(model, pool_id, name);
        }
        Event::OpenExport { pool_id, name } => return open_export(model, pool_id, name),
        Event::EditSection(mut scope) => {
            scope.linked = linked_identities(model, &scope);
            return to_wizard(model, wizard::Msg::EditSection(scope));
        }
        Event::SaveEdit {
            origin: Tab::Roles,
            pool_id,
            finished,
        } => {
            return to_roles(model, roles::Msg::Save { pool_id, finished });
        }
        Event::SaveEdit {
            pool_id, finished, ..
        } => {
            return to_access(model, access::Msg::Save { pool_id, finished });
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
