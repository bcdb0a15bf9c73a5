//! STS (Query protocol): GetCallerIdentity, which shows whose credentials a caller holds — for
//! credentials from GetCredentialsForIdentity, the assumed role.

use super::identity::{TokenProblem, verify_open_id_token};
use super::protocol::{RequestContext, ServiceError};
use super::query::{QueryInput, element};
use super::store::{SANDBOX_ACCOUNT, State, StsSession};
use crate::clock::epoch_seconds;
use crate::domain::trust::{self, WebIdentity};
use crate::domain::validation::StrRule;

/// The XML namespace of STS's answers.
pub const NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

/// Runs one STS action; the XML inside `<ActionResult>`.
pub fn handle(
    state: &mut State,
    ctx: &RequestContext,
    action: &str,
    input: QueryInput,
) -> Result<String, ServiceError> {
    match action {
        "GetCallerIdentity" => caller_identity(state, ctx),
        "AssumeRoleWithWebIdentity" => assume_role_with_web_identity(state, input),
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
        Some(session) if session.expires < epoch_seconds() => {
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

const ROLE_SESSION_NAME: StrRule = StrRule {
    min: 2,
    max: 64,
    pattern: Some(r"[\w+=,.@-]*"),
    allowed: "2–64 of letters, digits and + = , . @ _ -",
};
const WEB_IDENTITY_TOKEN: StrRule = StrRule {
    min: 4,
    max: 20_000,
    pattern: None,
    allowed: "a token",
};
const ROLE_ARN: StrRule = StrRule {
    min: 20,
    max: 2048,
    pattern: None,
    allowed: "a role ARN",
};

fn access_denied() -> ServiceError {
    ServiceError {
        status: 403,
        code: "AccessDenied",
        message: "Not authorized to perform sts:AssumeRoleWithWebIdentity".into(),
    }
}

/// AssumeRoleWithWebIdentity (unsigned), for Cognito Identity's OpenID tokens: the basic flow.
pub fn assume_role_with_web_identity(
    state: &mut State,
    mut input: QueryInput,
) -> Result<String, ServiceError> {
    let role_arn = input.required("RoleArn", &ROLE_ARN);
    let session_name = input.required("RoleSessionName", &ROLE_SESSION_NAME);
    let token = input.required("WebIdentityToken", &WEB_IDENTITY_TOKEN);
    let duration = input
        .integer("DurationSeconds", 900, 43_200)
        .unwrap_or(3600);
    input.finish()?;
    let claims = verify_open_id_token(state, &token).map_err(|problem| match problem {
        TokenProblem::Expired => ServiceError::client("ExpiredTokenException", "Token expired"),
        TokenProblem::Invalid => ServiceError::client(
            "InvalidIdentityToken",
            "The ID Token provided is not a valid token from a known provider.",
        ),
    })?;
    let role_name = role_arn.rsplit('/').next().unwrap_or_default();
    let role = state
        .iam
        .roles
        .get(role_name)
        .filter(|r| r.arn() == role_arn)
        .ok_or_else(access_denied)?;
    if duration > role.max_session_duration {
        return Err(ServiceError::client(
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        ));
    }
    let who = WebIdentity {
        aud: claims.aud.clone(),
        sub: claims.sub.clone(),
        amr: claims.amr.clone(),
        tag_session: false,
    };
    if !trust::allows(&role.trust_policy, &who) {
        return Err(access_denied());
    }
    let session = StsSession::issue(role, &session_name, epoch_seconds() + duration as f64);
    let expiration = time::OffsetDateTime::from_unix_timestamp(session.expires as i64)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default();
    let xml = format!(
        "<Credentials>{}{}{}{}</Credentials>{}<AssumedRoleUser>{}{}</AssumedRoleUser>{}{}{}",
        element("AccessKeyId", &session.access_key_id),
        element("SecretAccessKey", &session.secret_access_key),
        element("SessionToken", &session.session_token),
        element("Expiration", &expiration),
        element("SubjectFromWebIdentityToken", &claims.sub),
        element("AssumedRoleId", &format!("{}:{session_name}", role.id)),
        element(
            "Arn",
            &format!("arn:aws:sts::{SANDBOX_ACCOUNT}:assumed-role/{role_name}/{session_name}")
        ),
        element("PackedPolicySize", "0"),
        element("Provider", "cognito-identity.amazonaws.com"),
        element("Audience", &claims.aud),
    );
    state
        .sts_sessions
        .insert(session.access_key_id.clone(), session);
    Ok(xml)
}
