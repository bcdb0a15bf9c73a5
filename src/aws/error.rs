//! SDK errors → `AwsError`: the service's code, message and request id kept, the kind classified.

use aws_sdk_cognitoidentity::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentity::operation::RequestId;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::error::display::DisplayErrorContext;

use crate::app::{AwsError, ErrorKind};

const THROTTLING: &[&str] = &[
    "TooManyRequestsException",
    "ThrottlingException",
    "Throttling",
    "RequestLimitExceeded",
];
const CREDENTIALS: &[&str] = &[
    "ExpiredTokenException",
    "ExpiredToken",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "MissingAuthenticationTokenException",
    "IncompleteSignature",
];

/// Converts any SDK error of a JSON or Query service into the console's error.
pub fn from_sdk<E>(err: SdkError<E, HttpResponse>) -> AwsError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let request_id = err.request_id().map(String::from);
    if let Some(message) = not_an_aws_api(&err) {
        return AwsError {
            kind: ErrorKind::Connection,
            code: None,
            message,
            request_id,
        };
    }
    let (kind, code, message) = match &err {
        SdkError::ServiceError(service) => {
            let code = service.err().code().map(String::from);
            let message = service
                .err()
                .message()
                .unwrap_or("(no message)")
                .to_string();
            let kind = match code.as_deref() {
                Some(c) if THROTTLING.contains(&c) => ErrorKind::Throttled,
                Some(c) if CREDENTIALS.contains(&c) => ErrorKind::Credentials,
                _ => ErrorKind::Service,
            };
            let message = if kind == ErrorKind::Throttled {
                format!("{message} (still throttled after the SDK's retries with backoff)")
            } else {
                message
            };
            (kind, code, message)
        }
        SdkError::TimeoutError(_) => (
            ErrorKind::Timeout,
            None,
            "The request timed out.".to_string(),
        ),
        SdkError::DispatchFailure(failure) => {
            let detail = DisplayErrorContext(&err).to_string();
            let kind = if failure.is_timeout() {
                ErrorKind::Timeout
            } else if failure.is_io() {
                ErrorKind::Connection
            } else if detail.contains("credentials") || detail.contains("identity") {
                ErrorKind::Credentials
            } else {
                ErrorKind::Connection
            };
            (kind, None, format!("Could not reach the service: {detail}"))
        }
        SdkError::ResponseError(_) => (
            ErrorKind::Other,
            None,
            format!(
                "The response could not be read: {}",
                DisplayErrorContext(&err)
            ),
        ),
        _ => (
            ErrorKind::Other,
            None,
            DisplayErrorContext(&err).to_string(),
        ),
    };
    AwsError {
        kind,
        code,
        message,
        request_id,
    }
}

/// When the answer is not an AWS API's (an error with no code, or a body that could not be
/// read, that is not JSON or XML — a proxy's or a web server's page): what to say instead of
/// "(no message)", with the HTTP status and how the answer began.
fn not_an_aws_api<E>(err: &SdkError<E, HttpResponse>) -> Option<String>
where
    E: ProvideErrorMetadata,
{
    let unreadable = match err {
        SdkError::ServiceError(service) => service.err().code().is_none(),
        SdkError::ResponseError(_) => true,
        _ => false,
    };
    let raw = err.raw_response().filter(|_| unreadable)?;
    let body = raw.body().bytes().unwrap_or_default();
    let text = String::from_utf8_lossy(body);
    let start = text.trim_start();
    if start.starts_with('{') || start.starts_with('<') && start.contains("<Error") {
        return None;
    }
    let first: String = start.chars().take(60).collect();
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(format!(
        "The endpoint did not answer as an AWS API does (HTTP {}, the answer began {first:?}): check --endpoint-url",
        raw.status().as_u16()
    ))
}
