//! The composition: the one place that names every screen. It holds their states beside the
//! shared context and the store ([`Model`]), hands each message to the screen it is for and each
//! answer to the screen that asked ([`update`]), turns keys into messages for whoever has the
//! focus ([`keymap`]), and draws the frame around the screens' views ([`view`]). Screens never
//! import from here; they speak `app`.

pub mod command;
pub mod command_line;
pub mod frame;
pub mod keymap;
mod learned;
pub mod model;
pub mod msg;
mod overlay;
mod placeholder;
mod plug;
mod route;
pub mod tabs;
pub mod update;

pub use frame::view;
pub use model::{Model, Options, Owner};
pub use msg::{Action, DialogAction, Msg};
pub use update::update;
