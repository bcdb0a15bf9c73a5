//! A write's journal entry, made where every write passes: the runner, from the effect's
//! description (`journal::describe`), the request ids its exchanges got, the session's profile
//! and region, and the answer (`journal::outcome`).

use crate::app::ErrorKind;
use crate::console::Msg;
use crate::journal::Entry;

/// The entry of a write the console quit before it was answered: its outcome is unknown.
pub fn unanswered(
    (operation, target, summary): (&'static str, String, String),
    (profile, region): &(String, String),
) -> Entry {
    Entry {
        time: crate::clock::rfc3339(crate::clock::epoch_seconds()),
        operation: operation.to_string(),
        target,
        region: region.clone(),
        profile: profile.clone(),
        request_ids: Vec::new(),
        outcome: "unknown".into(),
        error: Some(
            "the console quit before the service answered: it may have taken effect; read the pool to know"
                .into(),
        ),
        summary,
    }
}

/// The entry of a write answered with `msg`; `None` when nothing answered.
pub fn entry(
    (operation, target, summary): (&'static str, String, String),
    request_ids: Vec<String>,
    (profile, region): &(String, String),
    msg: Option<&Msg>,
) -> Option<Entry> {
    let Some(Msg::Response { response, .. }) = msg else {
        return None;
    };
    let mut entry = Entry {
        time: crate::clock::rfc3339(crate::clock::epoch_seconds()),
        operation: operation.to_string(),
        target,
        region: region.clone(),
        profile: profile.clone(),
        request_ids,
        outcome: "ok".into(),
        error: None,
        summary,
    };
    match crate::journal::outcome(response) {
        // A new pool is known by the id the service gave it.
        Ok(Some(made)) if matches!(operation, "CreateIdentityPool" | "CreateUserPool") => {
            entry.target = made;
        }
        Ok(Some(made)) if operation == "CreateUserPoolClient" => {
            entry.summary.push_str(&format!(" → {made}"));
        }
        Ok(Some(note)) if operation == "DeleteIdentities" => {
            entry.outcome = "partly".into();
            entry.error = Some(note);
        }
        Ok(_) => {}
        // No answer: the request may have reached the service and taken effect.
        Err(error) if matches!(error.kind, ErrorKind::Timeout | ErrorKind::Connection) => {
            entry.outcome = "unknown".into();
            entry.error = Some(format!(
                "{error} — no answer, so it may have taken effect; a read says what is true"
            ));
        }
        Err(error) => {
            entry.outcome = "failed".into();
            entry.error = Some(error.to_string());
        }
    }
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AwsError, RequestId, Response};

    fn answered(error: AwsError) -> Option<Entry> {
        let write = ("TagResource", "us-east-1:p".to_string(), "tags".to_string());
        let session = ("sandbox".to_string(), "us-east-1".to_string());
        let msg = Msg::Response {
            req: 1 as RequestId,
            response: Response::TagResource(Err(error)),
        };
        entry(write, Vec::new(), &session, Some(&msg))
    }

    #[test]
    fn no_answer_is_an_unknown_outcome_and_a_refusal_a_failure() {
        let timeout = answered(AwsError::new(ErrorKind::Timeout, "no answer"));
        assert_eq!(timeout.map(|e| e.outcome), Some("unknown".into()));
        let dropped = answered(AwsError::new(ErrorKind::Connection, "connection reset"));
        assert_eq!(dropped.map(|e| e.outcome), Some("unknown".into()));
        let refused = answered(AwsError::new(ErrorKind::Service, "AccessDenied"));
        assert_eq!(refused.map(|e| e.outcome), Some("failed".into()));
    }
}
