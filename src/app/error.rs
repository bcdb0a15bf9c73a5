//! A failed AWS call as the console sees it: small, cloneable, and free of SDK types.

use std::fmt;

/// What kind of failure it was; it decides the hint the console gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The service answered with an error code.
    Service,
    /// The service kept answering TooManyRequests after the SDK's retries with backoff.
    Throttled,
    /// Credentials are missing, expired or refused.
    Credentials,
    /// No region is configured.
    NoRegion,
    /// The profile asked for is in neither AWS config file.
    NoProfile,
    /// The endpoint could not be reached, or the connection dropped.
    Connection,
    /// No answer in time.
    Timeout,
    /// Anything else (a response that could not be read, a configuration problem).
    Other,
}

/// A failed request: its kind, the service's code and message, and the request id to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// The service's error code (`ResourceNotFoundException`), when it sent one.
    pub code: Option<String>,
    /// The service's message, or a description of what failed.
    pub message: String,
    /// The request id (`x-amzn-RequestId`), when the service answered.
    pub request_id: Option<String>,
}

impl AwsError {
    /// An error with just a kind and a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            code: None,
            message: message.into(),
            request_id: None,
        }
    }

    /// A service error with its code.
    pub fn service(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Service,
            code: Some(code.into()),
            message: message.into(),
            request_id: None,
        }
    }

    /// Whether the resource it was about no longer exists.
    pub fn is_not_found(&self) -> bool {
        self.code.as_deref() == Some("ResourceNotFoundException")
    }

    /// What the operator can do about it, when there is something to say.
    pub fn hint(&self) -> Option<&'static str> {
        match self.kind {
            // No key named: which key retries depends on where the failure shows (the footer
            // there says), and `:errors` retries nothing.
            ErrorKind::Throttled => Some("the service is throttling; wait a moment, then retry"),
            ErrorKind::Credentials => {
                Some("refresh your credentials (aws sso login, or a new session token), then retry")
            }
            ErrorKind::Connection => Some("check the network or --endpoint-url, then retry"),
            ErrorKind::Timeout => Some("no answer in time; retry"),
            ErrorKind::NoRegion => Some("pass --region or set AWS_REGION"),
            ErrorKind::NoProfile => {
                Some("name a profile that exists (--profile, AWS_PROFILE, :profile)")
            }
            ErrorKind::Service | ErrorKind::Other => None,
        }
    }
}

impl fmt::Display for AwsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, self.kind) {
            (Some(code), _) => write!(f, "{code}: {}", self.message),
            (None, ErrorKind::Throttled) => write!(f, "Throttled: {}", self.message),
            (None, _) => write!(f, "{}", self.message),
        }
    }
}
