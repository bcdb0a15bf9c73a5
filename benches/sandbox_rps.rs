//! The sandbox's throughput and footprint: requests per second for DescribeIdentityPool and
//! ListIdentities from a fixed client (the official SDK, 8 concurrent callers, on the same 2-core
//! machine as the server), the time to seed 100,000 identities, and the memory they take.
//!
//!     cargo bench --bench sandbox_rps

use cognito_tui::sandbox::{self, SandboxOptions, Seed};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const CALLERS: usize = 8;
const RUN: Duration = Duration::from_secs(5);

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

async fn rate<F, Fut>(name: &str, call: F)
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let done = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CALLERS {
        let (call, done, failed) = (call.clone(), done.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            while start.elapsed() < RUN {
                if call().await {
                    done.fetch_add(1, Ordering::Relaxed);
                } else {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let secs = start.elapsed().as_secs_f64();
    let ok = done.load(Ordering::Relaxed);
    println!(
        "{name}: {:.0} requests/s ({ok} in {secs:.1} s, {} failed, {CALLERS} concurrent callers)",
        ok as f64 / secs,
        failed.load(Ordering::Relaxed)
    );
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let before = rss_mib();
    let start = Instant::now();
    let sb = sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        seed_identities: 100_000,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let seeded = start.elapsed();
    let after = rss_mib();
    println!(
        "seeding the demo account plus 100,000 identities: {:.2} s; sandbox memory grew {:.0} MiB (RSS {after:.0} MiB)",
        seeded.as_secs_f64(),
        after - before
    );

    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_types::region::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKIDSANDBOX",
            "secret",
            None,
            None,
            "bench",
        ))
        .endpoint_url(sb.endpoint_url())
        .load()
        .await;
    let client = aws_sdk_cognitoidentity::Client::new(&config);
    let pools = client
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool_id = pools
        .identity_pools()
        .iter()
        .find(|p| p.identity_pool_name() == Some("orders-app"))
        .and_then(|p| p.identity_pool_id())
        .unwrap_or_default()
        .to_string();

    let (c, id) = (client.clone(), pool_id.clone());
    rate("DescribeIdentityPool", move || {
        let (c, id) = (c.clone(), id.clone());
        async move {
            c.describe_identity_pool()
                .identity_pool_id(id)
                .send()
                .await
                .is_ok()
        }
    })
    .await;
    let (c, id) = (client.clone(), pool_id.clone());
    rate("ListIdentities (60 of 102,500)", move || {
        let (c, id) = (c.clone(), id.clone());
        async move {
            c.list_identities()
                .identity_pool_id(id)
                .max_results(60)
                .send()
                .await
                .is_ok()
        }
    })
    .await;
}
