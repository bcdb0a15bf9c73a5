//! `:region all` end to end against `sandbox serve --realistic` (40 ms ± 10 ms a call) with 20
//! pools in every region of the partition: the time to the full all-regions table beside the
//! time to list one region through the same view, and beside aws-cli listing the regions one
//! after another (what an operator would script).
//!
//!     cargo bench --bench inventory_e2e
//!
//! Regions are listed `inventory::AT_ONCE` at a time, so the whole partition should take about
//! (regions / AT_ONCE) round trips, not one round trip per region.

mod support;

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options};
use cognito_tui::domain::regions::sweep_from;
use cognito_tui::headless::Headless;
use cognito_tui::screens::inventory;
use futures::stream::{self, StreamExt};
use std::time::{Duration, Instant};
use support::{aws, has_cli, median, round_trip, serve};

const RUNS: usize = 5;
const POOLS_PER_REGION: usize = 20;

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

async fn fill(url: &str, regions: &[&str]) {
    let jobs: Vec<(String, usize)> = regions
        .iter()
        .flat_map(|r| (0..POOLS_PER_REGION).map(move |i| (r.to_string(), i)))
        .collect();
    stream::iter(jobs)
        .for_each_concurrent(32, |(region, i)| async move {
            let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
                .region(aws_types::region::Region::new(region.clone()))
                .credentials_provider(aws_credential_types::Credentials::new(
                    "s", "s", None, None, "bench",
                ))
                .endpoint_url(url)
                .load()
                .await;
            aws_sdk_cognitoidentity::Client::new(&config)
                .create_identity_pool()
                .identity_pool_name(format!("{region}-app-{i}"))
                .allow_unauthenticated_identities(false)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{region}: {e:?}"));
        })
        .await;
}

/// The time from opening the view over `regions` to every region answered, and the pools listed.
async fn sweep(url: &str, regions: &[&str]) -> (Duration, usize) {
    let target = Target::Sandbox {
        endpoint_url: url.to_string(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(
        h.run_until(|m| m.session().is_some(), Duration::from_secs(30))
            .await
    );
    let start = Instant::now();
    h.send(Msg::Inventory(inventory::Msg::Open {
        origin: Tab::Pools,
        open: regions.iter().map(|r| r.to_string()).collect(),
    }));
    let done = h
        .run_until(
            |m| {
                m.inventory
                    .view
                    .as_ref()
                    .is_some_and(|v| v.finished.is_some())
            },
            Duration::from_secs(120),
        )
        .await;
    assert!(done, "the sweep finished");
    let pools = h
        .model
        .inventory
        .view
        .as_ref()
        .map(|v| v.rows().len())
        .unwrap_or(0);
    (start.elapsed(), pools)
}

#[tokio::main]
async fn main() {
    let served = serve(&["--realistic", "--seed", "empty"]);
    let regions = sweep_from("us-east-1");
    fill(&served.url, &regions).await;
    let rtt = round_trip(&served.url).await;
    let mut all = Vec::new();
    let mut one = Vec::new();
    let mut listed = 0;
    for _ in 0..RUNS {
        let (took, pools) = sweep(&served.url, &regions).await;
        all.push(took);
        listed = pools;
        one.push(sweep(&served.url, &["us-east-1"]).await.0);
    }
    assert_eq!(
        listed,
        regions.len() * POOLS_PER_REGION,
        "every pool listed"
    );
    let (all, one) = (median(all), median(one));
    println!("median round trip: {}", ms(rtt));
    println!(
        "one region, {POOLS_PER_REGION} pools: {} · all {} regions, {listed} pools: {} ({:.1}x one region; {} at once, floor {} round trips = {})",
        ms(one),
        regions.len(),
        ms(all),
        all.as_secs_f64() / one.as_secs_f64(),
        inventory::AT_ONCE,
        regions.len().div_ceil(inventory::AT_ONCE),
        ms(rtt * regions.len().div_ceil(inventory::AT_ONCE) as u32),
    );
    if has_cli() {
        let start = Instant::now();
        for region in &regions {
            let out = aws(&served.url)
                .args([
                    "cognito-identity",
                    "list-identity-pools",
                    "--max-results",
                    "60",
                ])
                .args(["--region", region])
                .output()
                .unwrap_or_else(|e| panic!("aws: {e}"));
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let cli = start.elapsed();
        println!(
            "aws-cli, one list-identity-pools per region in a loop: {} ({:.1}x the console)",
            ms(cli),
            cli.as_secs_f64() / all.as_secs_f64()
        );
    } else {
        println!("aws-cli: not measured (run ./scripts/setup-python.sh first)");
    }
}
