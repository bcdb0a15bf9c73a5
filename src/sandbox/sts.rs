//! STS (Query protocol): GetCallerIdentity, which shows whose credentials a caller holds — for
//! credentials from GetCredentialsForIdentity, the assumed role.

use super::protocol::{RequestContext, ServiceError};
use super::query::element;
use super::store::{SANDBOX_ACCOUNT, State};

/// The XML namespace of STS's answers.
pub const NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Runs one STS action; the XML inside `<ActionResult>`.
pub fn handle(state: &State, ctx: &RequestContext, action: &str) -> Result<String, ServiceError> {
    match action {
        "GetCallerIdentity" => caller_identity(state, ctx),
        _ => Err(ServiceError::client(
            "InvalidAction",
            format!(
                "The action {action} is not valid for this web service (or not served by this sandbox)."
            ),
        )),
    }
}

/// Temporary credentials answer as their assumed role; any other access key is the sandbox
/// account's user `sandbox` (the sandbox accepts every long-term key).
fn caller_identity(state: &State, ctx: &RequestContext) -> Result<String, ServiceError> {
    let key = ctx.access_key.clone().unwrap_or_default();
    let (user_id, arn) = match state.sts_sessions.get(&key) {
        Some(session) if session.expires < now() => {
            return Err(ServiceError::client(
                "ExpiredToken",
                "The security token included in the request is expired",
            ));
        }
        Some(session) => {
            let role_name = session.role_arn.rsplit('/').next().unwrap_or_default();
            (
                format!("{}:{}", session.role_id, session.session_name),
                format!(
                    "arn:aws:sts::{SANDBOX_ACCOUNT}:assumed-role/{role_name}/{}",
                    session.session_name
                ),
            )
        }
        None if key.starts_with("ASIA") => {
            return Err(ServiceError {
                status: 403,
                code: "InvalidClientTokenId",
                message: "The security token included in the request is invalid.".into(),
            });
        }
        None => (
            "AIDASANDBOXUSER00000".to_string(),
            format!("arn:aws:iam::{SANDBOX_ACCOUNT}:user/sandbox"),
        ),
    };
    Ok(format!(
        "{}{}{}",
        element("UserId", &user_id),
        element("Account", SANDBOX_ACCOUNT),
        element("Arn", &arn)
    ))
}
