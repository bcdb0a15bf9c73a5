//! What `cognito-tui test-access` prints: a few aligned lines, or one JSON document with the same
//! fields. Secrets (the secret key, the session token) only with `--show-secrets`; the password
//! and the token sent are never printed.

use serde_json::json;

use crate::app::test_access::{Access, Novelty, Refused, Step, shortened};
use crate::cli::TestAccessArgs;

fn steps_json(steps: &[Step]) -> serde_json::Value {
    steps
        .iter()
        .map(|s| json!({"call": s.call, "ms": (s.millis * 10.0).round() / 10.0}))
        .collect()
}

fn steps_line(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| format!("{} {:.0} ms", s.call, s.millis))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn novelty_text(novelty: &Novelty) -> String {
    match novelty {
        Novelty::New => "new".into(),
        Novelty::Existing(since) => format!("existing, since {since}"),
        Novelty::Unknown(why) => format!("new or existing: unknown ({why})"),
    }
}

/// Credentials came.
pub fn access(
    out: &mut dyn std::io::Write,
    args: &TestAccessArgs,
    kind: &str,
    access: &Access,
    matches: bool,
) {
    if args.json {
        let mut doc = json!({
            "pool_id": args.pool,
            "as": kind,
            "issued": true,
            "identity_id": access.identity_id,
            "identity_new": match access.novelty {
                Novelty::New => json!(true),
                Novelty::Existing(_) => json!(false),
                Novelty::Unknown(_) => json!(null),
            },
            "role_arn": access.role_arn,
            "caller_arn": access.caller_arn,
            "access_key_id": shortened(&access.access_key_id),
            "expiration": access.expiration,
            "logins_key": access.logins_key,
            "flow": access.flow,
            "steps": steps_json(&access.steps),
        });
        if let Some(expected) = &args.expect_role {
            doc["expected_role"] = json!(expected);
            doc["role_matches"] = json!(matches);
        }
        if args.show_secrets {
            doc["access_key_id"] = json!(access.access_key_id);
            doc["secret_access_key"] = json!(access.secret_key.reveal());
            doc["session_token"] = json!(access.session_token.reveal());
        }
        let _ = writeln!(out, "{doc:#}");
        return;
    }
    let role = access
        .role_arn
        .as_deref()
        .unwrap_or("(none in the caller's ARN)");
    let _ = writeln!(
        out,
        "identity  {} ({})",
        access.identity_id,
        novelty_text(&access.novelty)
    );
    let _ = writeln!(out, "role      {role}");
    let _ = writeln!(out, "caller    {}", access.caller_arn);
    if let Some(key) = &access.logins_key {
        let flow = access.flow.map(|f| format!(" via {f}")).unwrap_or_default();
        let _ = writeln!(out, "login     {key}{flow}");
    }
    let _ = writeln!(
        out,
        "key       {} (expires {})",
        shortened(&access.access_key_id),
        access.expiration.as_deref().unwrap_or("?")
    );
    let _ = writeln!(out, "calls     {}", steps_line(&access.steps));
    if args.show_secrets {
        let _ = writeln!(out, "export AWS_ACCESS_KEY_ID={}", access.access_key_id);
        let _ = writeln!(
            out,
            "export AWS_SECRET_ACCESS_KEY={}",
            access.secret_key.reveal()
        );
        let _ = writeln!(
            out,
            "export AWS_SESSION_TOKEN={}",
            access.session_token.reveal()
        );
    }
    if let Some(expected) = &args.expect_role
        && !matches
    {
        let _ = writeln!(out, "✗ expected role {expected}, got {role}");
    }
}

/// The sign-in or the credentials were refused.
pub fn refused(out: &mut dyn std::io::Write, args: &TestAccessArgs, kind: &str, refused: &Refused) {
    let error = &refused.error;
    if args.json {
        let doc = json!({
            "pool_id": args.pool,
            "as": kind,
            "issued": false,
            "failed_call": refused.call,
            "error": {"code": error.code, "message": error.message, "request_id": error.request_id},
            "advice": refused.advice,
            "steps": steps_json(&refused.steps),
        });
        let _ = writeln!(out, "{doc:#}");
        return;
    }
    let _ = writeln!(out, "✗ {} refused: {error}", refused.call);
    if let Some(advice) = &refused.advice {
        let _ = writeln!(out, "  {advice}");
    }
    if let Some(id) = &error.request_id {
        let _ = writeln!(out, "request id {id}");
    }
    let _ = writeln!(out, "calls     {}", steps_line(&refused.steps));
}

const NEW_PASSWORD_ADVICE: &str = "The user must choose a new password first (NEW_PASSWORD_REQUIRED): answer it in the console's Test access panel, or set one with admin-set-user-password --permanent.";

/// The user pool asked for a new password, which a command can't ask for.
pub fn new_password_required(out: &mut dyn std::io::Write, args: &TestAccessArgs, steps: &[Step]) {
    if args.json {
        let doc = json!({
            "pool_id": args.pool,
            "as": "user",
            "issued": false,
            "failed_call": "InitiateAuth",
            "challenge": "NEW_PASSWORD_REQUIRED",
            "advice": NEW_PASSWORD_ADVICE,
            "steps": steps_json(steps),
        });
        let _ = writeln!(out, "{doc:#}");
        return;
    }
    let _ = writeln!(out, "✗ {NEW_PASSWORD_ADVICE}");
    let _ = writeln!(out, "calls     {}", steps_line(steps));
}
