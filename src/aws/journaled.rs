//! A write's journal entry, made where every write passes: the runner, from the effect's
//! description (`journal::describe`), the request ids its exchanges got, the session's profile
//! and region, and the answer (`journal::outcome`).

use crate::console::Msg;
use crate::journal::Entry;

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
        Err(error) => {
            entry.outcome = "failed".into();
            entry.error = Some(error.to_string());
        }
    }
    Some(entry)
}
