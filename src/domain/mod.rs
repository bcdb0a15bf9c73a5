//! Pure types and rules shared by the console and the sandbox: no SDK, no terminal.

pub mod claims;
pub mod config;
pub mod doctor;
pub mod edit;
pub mod grants;
pub mod identity;
pub mod identity_filter;
pub mod identity_stats;
pub mod limits;
pub mod new_user_pool;
pub mod policy;
pub mod pool;
pub mod pool_ref;
pub mod protection;
pub mod provider;
pub mod regions;
pub mod resolution;
pub mod role_use;
pub mod roles;
pub mod save_plan;
pub mod simulation;
pub mod srp;
pub mod trust;
pub mod trust_check;
pub mod trust_fix;
pub mod user_pool_messages;
pub mod validation;

pub use identity::Identity;
pub use pool::{CognitoProvider, IdentityPool, PoolSummary};
pub use provider::ProviderKind;
pub use validation::{StrRule, Violation};
