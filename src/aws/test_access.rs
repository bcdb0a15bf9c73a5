//! Test access: sign in to a pool the way an app does and see what it really hands out —
//! GetId, GetCredentialsForIdentity, then STS GetCallerIdentity with those credentials (the role
//! assumed is the caller's). This is the guest path; it runs the real SDK calls in sequence and
//! times each one.

use std::time::Instant;

use aws_credential_types::Credentials;

use super::{Clients, from_sdk};
use crate::app::AwsError;

/// One call made and how long it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The operation.
    pub call: &'static str,
    /// Milliseconds from send to answer.
    pub millis: f64,
}

/// What the pool handed out.
#[derive(Debug, Clone, PartialEq)]
pub struct Access {
    /// The identity GetId gave (new for a guest).
    pub identity_id: String,
    /// STS's caller: `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    pub caller_arn: String,
    /// The role that ARN names, as an IAM role ARN.
    pub role_arn: Option<String>,
    /// The access key id (not secret; shown shortened).
    pub access_key_id: String,
    /// The secret key (never shown unless asked for).
    pub secret_key: String,
    /// The session token (never shown unless asked for).
    pub session_token: String,
    /// When the credentials expire (RFC 3339).
    pub expiration: Option<String>,
    /// The calls, in order.
    pub steps: Vec<Step>,
}

/// A failed attempt: the calls that were made, and why the last one failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The calls made, the failed one last.
    pub steps: Vec<Step>,
    /// The service's answer.
    pub error: AwsError,
}

/// `arn:aws:sts::123:assumed-role/orders-app-guest/CognitoIdentityCredentials` →
/// `arn:aws:iam::123:role/orders-app-guest`.
pub fn role_of_caller(caller_arn: &str) -> Option<String> {
    let rest = caller_arn.strip_prefix("arn:aws:sts::")?;
    let (account, resource) = rest.split_once(':')?;
    let role = resource.strip_prefix("assumed-role/")?.split('/').next()?;
    Some(format!("arn:aws:iam::{account}:role/{role}"))
}

/// Whether `expected` (a role name or ARN) names `role_arn`.
pub fn role_matches(role_arn: &str, expected: &str) -> bool {
    role_arn == expected
        || role_arn
            .rsplit('/')
            .next()
            .is_some_and(|name| name == expected)
}

fn elapsed(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Runs one call, recording its time; a failure ends the attempt with the calls made so far.
async fn timed<T, F>(steps: &mut Vec<Step>, call: &'static str, send: F) -> Result<T, Refused>
where
    F: std::future::Future<Output = Result<T, AwsError>>,
{
    let start = Instant::now();
    let result = send.await;
    steps.push(Step {
        call,
        millis: elapsed(start),
    });
    result.map_err(|error| Refused {
        steps: std::mem::take(steps),
        error,
    })
}

/// Signs in as a guest of `pool_id`.
pub async fn as_guest(clients: &Clients, pool_id: &str) -> Result<Access, Refused> {
    let mut steps = Vec::new();
    let id = timed(&mut steps, "GetId", async {
        clients
            .identity
            .get_id()
            .identity_pool_id(pool_id)
            .send()
            .await
            .map_err(from_sdk)
    })
    .await?;
    let identity_id = id.identity_id().unwrap_or_default().to_string();
    let answer = timed(&mut steps, "GetCredentialsForIdentity", async {
        clients
            .identity
            .get_credentials_for_identity()
            .identity_id(&identity_id)
            .send()
            .await
            .map_err(from_sdk)
    })
    .await?;
    let credentials = answer.credentials();
    let access_key_id = credentials
        .and_then(|c| c.access_key_id())
        .unwrap_or_default()
        .to_string();
    let secret_key = credentials
        .and_then(|c| c.secret_key())
        .unwrap_or_default()
        .to_string();
    let session_token = credentials
        .and_then(|c| c.session_token())
        .unwrap_or_default()
        .to_string();
    let expiration = credentials
        .and_then(|c| c.expiration())
        .and_then(|t| t.fmt(aws_smithy_types::date_time::Format::DateTime).ok());
    // The same endpoint and region, with the pool's credentials instead of the operator's.
    let sts = aws_sdk_sts::Client::from_conf(
        clients
            .sts
            .config()
            .to_builder()
            .credentials_provider(Credentials::new(
                &access_key_id,
                &secret_key,
                Some(session_token.clone()),
                None,
                "cognito-tui-test-access",
            ))
            .build(),
    );
    let me = timed(&mut steps, "GetCallerIdentity", async {
        sts.get_caller_identity().send().await.map_err(from_sdk)
    })
    .await?;
    let caller_arn = me.arn().unwrap_or_default().to_string();
    Ok(Access {
        identity_id,
        role_arn: role_of_caller(&caller_arn),
        caller_arn,
        access_key_id,
        secret_key,
        session_token,
        expiration,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_is_read_off_the_callers_arn() {
        assert_eq!(
            role_of_caller(
                "arn:aws:sts::123456789012:assumed-role/orders-app-guest/CognitoIdentityCredentials"
            ),
            Some("arn:aws:iam::123456789012:role/orders-app-guest".into())
        );
        assert_eq!(role_of_caller("arn:aws:iam::123456789012:user/ops"), None);
        let role = "arn:aws:iam::123456789012:role/orders-app-guest";
        assert!(role_matches(role, "orders-app-guest"));
        assert!(role_matches(role, role));
        assert!(!role_matches(role, "orders-app-auth"));
        assert!(!role_matches(role, "guest"));
    }
}
