//! Export: a view over the Pools tab that shows the current pool as code — CloudFormation,
//! Terraform, CDK or an aws-cli script — read fresh, scrollable, copyable and writable to a file.

mod keys;
mod msg;
mod state;
mod update;
pub mod view;

pub use keys::keys;
pub use msg::update;
pub use msg::{Action, Msg};
pub use state::{ExportState, ExportView, Read, Writing};
