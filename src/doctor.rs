//! `cognito-tui doctor`: the security report of every pool in the region, most severe first,
//! as lines or `--json`; exit 1 when a high finding exists (or the pools can't be read), so CI
//! can gate on it.

use serde_json::json;

use crate::aws::{Target, connect};
use crate::cli::DoctorArgs;
use crate::domain::doctor::{Report, Severity, report};
use crate::runtime::Ended;

/// Runs the command.
pub async fn run(
    args: &DoctorArgs,
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Ended {
    let (session, clients) = match connect(target, profile, region).await {
        Ok(connected) => connected,
        Err(error) => {
            eprintln!("cognito-tui: could not connect: {error}");
            return Ended::Failed;
        }
    };
    let (configs, account) = match crate::aws::doctor::read(&clients).await {
        Ok(read) => read,
        Err(error) => {
            eprintln!(
                "cognito-tui: could not read the pools of {}: {error}",
                session.region
            );
            return Ended::Failed;
        }
    };
    let Report { findings, .. } = report(&configs, &account);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (high, medium, low) = (
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
    );
    if args.json {
        let document = json!({
            "region": session.region,
            "pools_checked": configs.len(),
            "counts": { "high": high, "medium": medium, "low": low },
            "findings": findings.iter().map(|f| json!({
                "severity": f.severity.name(),
                "pool_id": f.pool_id,
                "pool_name": f.pool_name,
                "check": f.check,
                "reason": f.reason,
                "fix": f.fix,
                "fix_in": f.fix_in,
            })).collect::<Vec<_>>(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        println!(
            "Security report for {} ({} pools checked): {high} high, {medium} medium, {low} low",
            session.region,
            configs.len()
        );
        for f in &findings {
            println!(
                "\n{:<7} {}  {} ({})\n        {}\n        fix ({}): {}",
                f.severity.name().to_uppercase(),
                f.check,
                f.pool_name,
                f.pool_id,
                f.reason,
                f.fix_in,
                f.fix
            );
        }
    }
    if high > 0 { Ended::Failed } else { Ended::Quit }
}
