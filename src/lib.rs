//! cognito-tui: a keyboard-driven terminal console for Amazon Cognito identity pools, and the local
//! sandbox it can run against.

pub mod domain;
pub mod sandbox;
