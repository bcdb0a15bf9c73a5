//! The vocabulary every screen speaks, below the screens: the effects a screen asks for and the
//! responses that come back, request ids, errors, intents and the key-table kit, the context a
//! screen's `update` and view read ([`Ctx`], [`ViewCtx`]) and what it gives back ([`Outcome`],
//! [`Event`]). Nothing here names a screen's state or the composition that holds them
//! (`console`), and no SDK type appears.

pub mod context;
pub mod cover;
pub mod effect;
pub mod error;
pub mod intent;
pub mod keys;
pub mod response;
pub mod screen;
pub mod test_access;

pub use context::{Condition, Level, Session, Tab};
pub use effect::{Effect, RequestId};
pub use error::{AwsError, ErrorKind};
pub use response::{FileError, Response};
pub use screen::{Ctx, Cx, Event, Outcome, ViewCtx};
