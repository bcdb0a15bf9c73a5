//! The Elm core: the model, the messages that change it, the effects it asks for, and the pure
//! `update` between them. No tokio, no SDK types, no terminal I/O.

pub mod command;
pub mod command_line;
pub mod effect;
pub mod error;
pub mod intent;
pub mod keymap;
mod learned;
pub mod model;
pub mod msg;
pub mod overlay;
pub mod response;
mod route;
pub mod screen;
pub mod test_access;
pub mod update;

pub use effect::{Effect, RequestId};
pub use error::{AwsError, ErrorKind};
pub use model::{Model, Options, Tab};
pub use msg::{Action, DialogAction, Msg};
pub use response::{FileError, Response};
pub use screen::{Ctx, Cx, Event, Outcome, Owner};
pub use update::update;
