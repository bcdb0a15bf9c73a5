//! The wire format shared by the JSON services: errors, responses and what the request says about itself.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// The JSON 1.1 content type the SDKs send and expect.
pub const JSON_CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// An error the service would answer with: HTTP status, the short error code and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// HTTP status (400 for client errors, 500 for InternalErrorException).
    pub status: u16,
    /// The short error code, e.g. `ResourceNotFoundException`.
    pub code: &'static str,
    /// The message, as the service words it.
    pub message: String,
}

impl ServiceError {
    /// A 400 with the given code.
    pub fn client(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: 400,
            code,
            message: message.into(),
        }
    }

    /// `ValidationException` (a constraint of the model broken).
    pub fn validation(message: impl Into<String>) -> Self {
        Self::client("ValidationException", message)
    }

    /// `InvalidParameterException` (a semantic error).
    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::client("InvalidParameterException", message)
    }

    /// `ResourceNotFoundException`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::client("ResourceNotFoundException", message)
    }

    /// `SerializationException`: the body is not the JSON the operation takes.
    pub fn serialization(message: impl Into<String>) -> Self {
        Self::client("SerializationException", message)
    }

    /// `InternalErrorException` (500), the modelled fault.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: 500,
            code: "InternalErrorException",
            message: message.into(),
        }
    }
}

/// What the plumbing learned from the request's headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestContext {
    /// The request id sent back in `x-amzn-RequestId`.
    pub request_id: String,
    /// The region of the SigV4 credential scope, when the request was signed.
    pub signed_region: Option<String>,
    /// The service of the SigV4 credential scope (`iam`, `sts`, …), when the request was signed.
    pub signed_service: Option<String>,
    /// The access key that signed the request.
    pub access_key: Option<String>,
}

impl RequestContext {
    /// The region a signed request is for; an unsigned one is refused as the JSON services do.
    pub fn require_signed_region(&self) -> Result<&str, ServiceError> {
        self.signed_region.as_deref().ok_or_else(|| {
            ServiceError::client(
                "MissingAuthenticationTokenException",
                "Request is missing Authentication Token",
            )
        })
    }

    /// Reads the SigV4 `Authorization` header, if any.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let scope = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(credential_scope);
        Self {
            request_id: uuid::Uuid::new_v4().to_string(),
            signed_region: scope.as_ref().map(|s| s.region.clone()),
            access_key: scope.as_ref().map(|s| s.access_key.clone()),
            signed_service: scope.map(|s| s.service),
        }
    }
}

/// The parts of a SigV4 credential scope (`AKID/20261123/us-east-1/cognito-identity/aws4_request`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialScope {
    /// The access key id.
    pub access_key: String,
    /// The region signed for.
    pub region: String,
    /// The service signed for.
    pub service: String,
}

/// Parses the credential scope out of an `Authorization: AWS4-HMAC-SHA256 Credential=…` header.
pub fn credential_scope(authorization: &str) -> Option<CredentialScope> {
    let rest = authorization.strip_prefix("AWS4-HMAC-SHA256")?.trim_start();
    let credential = rest
        .split(',')
        .map(str::trim)
        .find_map(|part| part.strip_prefix("Credential="))?;
    let mut parts = credential.split('/');
    let access_key = parts.next()?.to_string();
    let _date = parts.next()?;
    let region = parts.next()?.to_string();
    let service = parts.next()?.to_string();
    (parts.next()? == "aws4_request").then_some(CredentialScope {
        access_key,
        region,
        service,
    })
}

/// A JSON 1.1 success response.
pub fn json_ok(request_id: &str, body: &Value) -> Response {
    let mut response = (StatusCode::OK, body.to_string()).into_response();
    set_headers(response.headers_mut(), request_id);
    response
}

/// A JSON 1.1 error response: `{"__type": code, "message": …}`.
pub fn json_error(request_id: &str, error: &ServiceError) -> Response {
    let body = serde_json::json!({ "__type": error.code, "message": error.message });
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, body.to_string()).into_response();
    set_headers(response.headers_mut(), request_id);
    if let Ok(v) = HeaderValue::from_str(error.code) {
        response.headers_mut().insert("x-amzn-errortype", v);
    }
    response
}

fn set_headers(headers: &mut HeaderMap, request_id: &str) {
    headers.insert("content-type", HeaderValue::from_static(JSON_CONTENT_TYPE));
    if let Ok(v) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-requestid", v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_scope_of_a_sigv4_header() {
        let header = "AWS4-HMAC-SHA256 Credential=AKID/20261123/eu-west-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=abc";
        let scope = credential_scope(header);
        assert_eq!(
            scope,
            Some(CredentialScope {
                access_key: "AKID".into(),
                region: "eu-west-1".into(),
                service: "cognito-identity".into()
            })
        );
        assert_eq!(credential_scope("Bearer x"), None);
        assert_eq!(credential_scope("AWS4-HMAC-SHA256 Credential=a/b"), None);
    }
}
