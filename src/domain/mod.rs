//! Pure types and rules shared by the console and the sandbox: no SDK, no terminal.

pub mod limits;
pub mod pool;
pub mod provider;
pub mod validation;

pub use pool::{CognitoProvider, IdentityPool, PoolSummary};
pub use provider::ProviderKind;
pub use validation::{StrRule, Violation};
