//! `cognito-tui test-access`: the Test access flow for scripts and CI. Prints the identity and
//! the role the pool handed out (lines, or `--json`), never a secret unless `--show-secrets`;
//! the exit status says whether the credentials came and were the role expected.

use serde_json::json;

use crate::aws::Target;
use crate::aws::test_access::{self, Access, Refused, Step};
use crate::cli::TestAccessArgs;
use crate::runtime::Ended;

/// `ASIAXXXXXXXXEXAMPLE` → `ASIA…MPLE`: enough to tell keys apart, not to use one.
fn shortened(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 8 {
        return key.to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

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

/// Runs the command and prints its result; how the process should end.
pub async fn run(
    args: &TestAccessArgs,
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Ended {
    let clients = match crate::aws::connect_clients(target, profile, region).await {
        Ok(clients) => clients,
        Err(error) => {
            eprintln!("cognito-tui: could not connect: {error}");
            return Ended::Failed;
        }
    };
    let result = test_access::as_guest(&clients, &args.pool).await;
    let mut out = std::io::stdout().lock();
    match &result {
        Ok(access) => {
            let matches = match (&args.expect_role, &access.role_arn) {
                (Some(expected), Some(role)) => test_access::role_matches(role, expected),
                (Some(_), None) => false,
                (None, _) => true,
            };
            print_access(&mut out, args, access, matches);
            if matches { Ended::Quit } else { Ended::Failed }
        }
        Err(refused) => {
            print_refused(&mut out, args, refused);
            Ended::Failed
        }
    }
}

fn print_access(
    out: &mut dyn std::io::Write,
    args: &TestAccessArgs,
    access: &Access,
    matches: bool,
) {
    if args.json {
        let mut doc = json!({
            "pool_id": args.pool,
            "as": "guest",
            "issued": true,
            "identity_id": access.identity_id,
            "role_arn": access.role_arn,
            "caller_arn": access.caller_arn,
            "access_key_id": shortened(&access.access_key_id),
            "expiration": access.expiration,
            "steps": steps_json(&access.steps),
        });
        if let Some(expected) = &args.expect_role {
            doc["expected_role"] = json!(expected);
            doc["role_matches"] = json!(matches);
        }
        if args.show_secrets {
            doc["access_key_id"] = json!(access.access_key_id);
            doc["secret_access_key"] = json!(access.secret_key);
            doc["session_token"] = json!(access.session_token);
        }
        let _ = writeln!(out, "{doc:#}");
        return;
    }
    let role = access
        .role_arn
        .as_deref()
        .unwrap_or("(none in the caller's ARN)");
    let _ = writeln!(out, "identity  {}", access.identity_id);
    let _ = writeln!(out, "role      {role}");
    let _ = writeln!(out, "caller    {}", access.caller_arn);
    let _ = writeln!(
        out,
        "key       {} (expires {})",
        shortened(&access.access_key_id),
        access.expiration.as_deref().unwrap_or("?")
    );
    let _ = writeln!(out, "calls     {}", steps_line(&access.steps));
    if args.show_secrets {
        let _ = writeln!(out, "export AWS_ACCESS_KEY_ID={}", access.access_key_id);
        let _ = writeln!(out, "export AWS_SECRET_ACCESS_KEY={}", access.secret_key);
        let _ = writeln!(out, "export AWS_SESSION_TOKEN={}", access.session_token);
    }
    if let Some(expected) = &args.expect_role
        && !matches
    {
        let _ = writeln!(out, "✗ expected role {expected}, got {role}");
    }
}

fn print_refused(out: &mut dyn std::io::Write, args: &TestAccessArgs, refused: &Refused) {
    let error = &refused.error;
    let failed = refused.steps.last().map_or("?", |s| s.call);
    if args.json {
        let doc = json!({
            "pool_id": args.pool,
            "as": "guest",
            "issued": false,
            "failed_call": failed,
            "error": {"code": error.code, "message": error.message, "request_id": error.request_id},
            "steps": steps_json(&refused.steps),
        });
        let _ = writeln!(out, "{doc:#}");
        return;
    }
    let _ = writeln!(out, "✗ {failed} refused: {error}");
    if let Some(id) = &error.request_id {
        let _ = writeln!(out, "request id {id}");
    }
    let _ = writeln!(out, "calls     {}", steps_line(&refused.steps));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_shortened() {
        assert_eq!(shortened("ASIAXXXXXXXXEXAMPLE"), "ASIA…MPLE");
        assert_eq!(shortened("short"), "short");
    }
}
