//! `cognito-tui doctor`: the security report of every pool in the region (or, with
//! `--all-regions`, in every region of the partition), most severe first, as lines or `--json`;
//! exit 1 when a high finding exists or a region's pools can't be read, so CI can gate on it.

use futures::stream::{self, StreamExt};
use serde_json::json;

use crate::app::AwsError;
use crate::aws::{Target, connect};
use crate::cli::DoctorArgs;
use crate::domain::doctor::{Finding, Severity, report};
use crate::runtime::Ended;

/// How many regions are read at once (each reads its pools four at a time).
const REGIONS_AT_ONCE: usize = 4;

/// One region's outcome.
enum Swept {
    /// Its pools checked: how many, and the findings.
    Checked(usize, Vec<Finding>),
    /// The region can't be used from the account (not enabled, denied): said, not a failure.
    Skipped(&'static str, AwsError),
    /// Its pools could not be read.
    Failed(AwsError),
}

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
    let regions: Vec<String> = if args.all_regions {
        crate::domain::regions::sweep_from(&session.region)
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        vec![session.region.clone()]
    };
    let swept: Vec<(String, Swept)> = stream::iter(regions)
        .map(|region| {
            let clients = clients.in_region(&region);
            async move {
                let swept = match crate::aws::doctor::read(&clients).await {
                    Ok((configs, account)) => {
                        Swept::Checked(configs.len(), report(&configs, &account).findings)
                    }
                    Err(error) => match crate::domain::regions::unusable(error.code.as_deref()) {
                        Some(why) if args.all_regions => Swept::Skipped(why, error),
                        _ => Swept::Failed(error),
                    },
                };
                (region, swept)
            }
        })
        .buffered(REGIONS_AT_ONCE)
        .collect()
        .await;
    let mut findings: Vec<&Finding> = Vec::new();
    let mut pools_checked = 0;
    for (_, swept) in &swept {
        if let Swept::Checked(pools, found) = swept {
            pools_checked += pools;
            findings.extend(found);
        }
    }
    // Most severe first (High sorts first) across regions; a stable sort keeps the regions' order.
    findings.sort_by_key(|f| f.severity);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (high, medium, low) = (
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
    );
    let failed: Vec<(&str, &AwsError)> = swept
        .iter()
        .filter_map(|(r, s)| match s {
            Swept::Failed(error) => Some((r.as_str(), error)),
            _ => None,
        })
        .collect();
    let skipped: Vec<(&str, &str, &AwsError)> = swept
        .iter()
        .filter_map(|(r, s)| match s {
            Swept::Skipped(why, error) => Some((r.as_str(), *why, error)),
            _ => None,
        })
        .collect();
    if !args.all_regions
        && let Some((region, error)) = failed.first()
    {
        eprintln!("cognito-tui: could not read the pools of {region}: {error}");
        return Ended::Failed;
    }
    if args.json {
        let mut document = json!({
            "region": session.region,
            "pools_checked": pools_checked,
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
        if args.all_regions {
            document["regions"] = json!(swept.iter().map(|(r, _)| r).collect::<Vec<_>>());
            document["regions_skipped"] = json!(
                skipped
                    .iter()
                    .map(|(r, why, e)| json!({
                        "region": r, "reason": why, "error": e.to_string()
                    }))
                    .collect::<Vec<_>>()
            );
            document["regions_failed"] = json!(
                failed
                    .iter()
                    .map(|(r, e)| json!({
                        "region": r, "error": e.to_string()
                    }))
                    .collect::<Vec<_>>()
            );
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        let scope = if args.all_regions {
            format!("{} regions", swept.len())
        } else {
            session.region.clone()
        };
        println!(
            "Security report for {scope} ({pools_checked} pools checked): {high} high, {medium} medium, {low} low"
        );
        for (region, why, error) in &skipped {
            println!("skipped {region}: {why} ({error})");
        }
        for (region, error) in &failed {
            println!("FAILED  {region}: its pools could not be read ({error})");
        }
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
    if high > 0 || !failed.is_empty() {
        Ended::Failed
    } else {
        Ended::Quit
    }
}
