//! How every screen plugs into the console. One table (at the end of this file) names each
//! screen once: where its state lives and when its keys apply. From it come the conversions of
//! its intents into messages, the delivery of its messages (the read-only guard first), and the
//! routing of its requests' answers back to it — the same code for every screen.

use super::Model;
use super::model::{Connection, Focus, Owner};
use super::msg::Msg;
use crate::app::intent::Intent;
use crate::app::{Ctx, Effect, Outcome, RequestId, Response};
use crate::screens::{
    access, doctor, export, held, identities, inventory, journal, pools, roles, test_access,
};
use crate::wizard;

/// A screen the console holds.
pub(super) trait Plugged {
    /// Its state, a field of the model.
    type State;
    /// Its messages.
    type Msg;
    /// Its key intents.
    type Action: Intent;
    /// Who its requests belong to.
    const OWNER: Owner;
    /// Its state, beside the read-only context it sees (borrowed field by field).
    fn split(model: &mut Model) -> (&mut Self::State, Ctx<'_>);
    /// Its `update`.
    fn update(state: &mut Self::State, ctx: &Ctx, msg: Self::Msg) -> Outcome;
    /// An answer to one of its requests, as its message.
    fn answer(req: RequestId, response: Response) -> Self::Msg;
    /// The key intent a message carries, if it is one.
    fn action(msg: &Self::Msg) -> Option<&Self::Action>;
    /// Whether it has the keys.
    fn has_keys(focus: &Focus) -> bool;
}

/// Hands a message to a screen and does what it produced.
pub(super) fn to<S: Plugged>(model: &mut Model, msg: S::Msg) -> Vec<Effect> {
    let (state, ctx) = S::split(model);
    let outcome = S::update(state, &ctx, msg);
    super::route::apply(model, S::OWNER, outcome)
}

/// A message for a screen from outside it: a key intent reaches it only while it has the keys
/// and, in read-only mode, only when it changes nothing (the refusal is said here, once for
/// every screen).
fn deliver<S: Plugged>(model: &mut Model, msg: S::Msg) -> Vec<Effect> {
    if let Some(action) = S::action(&msg)
        && !super::update::takes_keys(model, action, S::has_keys)
    {
        return Vec::new();
    }
    to::<S>(model, msg)
}

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

/// The table: `Name: module::State at field, keys when pattern,`. `Name` is the screen's
/// `Msg` variant and `Owner`; `module` has its `Msg`, `Action` and `update`.
macro_rules! plugged {
    ($($name:ident: $module:ident::$state:ident at $field:ident, keys when $focus:pat,)*) => {
        $(
            /// The screen, as the console holds it.
            pub(super) struct $name;

            impl Plugged for $name {
                type State = $module::$state;
                type Msg = $module::Msg;
                type Action = $module::Action;
                const OWNER: Owner = Owner::$name;

                fn split(model: &mut Model) -> (&mut Self::State, Ctx<'_>) {
                    let ctx = ctx!(model);
                    (&mut model.$field, ctx)
                }

                fn update(state: &mut Self::State, ctx: &Ctx, msg: Self::Msg) -> Outcome {
                    $module::update(state, ctx, msg)
                }

                fn answer(req: RequestId, response: Response) -> Self::Msg {
                    $module::Msg::Response {
                        req,
                        response: response.into(),
                    }
                }

                fn action(msg: &Self::Msg) -> Option<&Self::Action> {
                    match msg {
                        $module::Msg::Action(action) => Some(action),
                        _ => None,
                    }
                }

                fn has_keys(focus: &Focus) -> bool {
                    matches!(focus, $focus)
                }
            }

            impl From<$module::Action> for Msg {
                fn from(action: $module::Action) -> Self {
                    Msg::$name($module::Msg::Action(action))
                }
            }
        )*

        /// Whether a message is for one of the screens (rather than the app's own).
        pub(super) fn for_a_screen(msg: &Msg) -> bool {
            matches!(msg, $(Msg::$name(_))|*)
        }

        /// A message for one of the screens, delivered (the app's own messages do nothing here).
        pub(super) fn dispatch(model: &mut Model, msg: Msg) -> Vec<Effect> {
            match msg {
                $(Msg::$name(msg) => deliver::<$name>(model, msg),)*
                _ => Vec::new(),
            }
        }

        /// An answer, to the screen whose request it is.
        pub(super) fn respond(
            model: &mut Model,
            owner: Owner,
            req: RequestId,
            response: Response,
        ) -> Vec<Effect> {
            match owner {
                Owner::App => super::update::on_connected(model, response),
                $(Owner::$name => to::<$name>(model, $name::answer(req, response)),)*
            }
        }
    };
}

plugged! {
    Pools: pools::PoolsState at pools, keys when Focus::Pools,
    Identities: identities::IdentitiesState at identities, keys when Focus::Identities,
    Access: access::AccessState at access, keys when Focus::Access,
    Roles: roles::RolesState at roles, keys when Focus::Roles,
    Wizard: wizard::WizardScreen at wizard, keys when Focus::Wizard(_),
    TestAccess: test_access::TestAccessState at test_access, keys when Focus::TestAccess(_),
    Export: export::ExportState at export, keys when Focus::Export(_),
    Doctor: doctor::DoctorState at doctor, keys when Focus::Doctor(_),
    Inventory: inventory::InventoryState at inventory, keys when Focus::Inventory(_),
    Journal: journal::JournalState at journal, keys when Focus::Journal(_),
    Held: held::HeldState at held, keys when Focus::Held(_),
}
