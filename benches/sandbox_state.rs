//! The sandbox's GetId as a pool grows, served as a separate process and called by the official
//! Rust SDK from 8 concurrent callers (client and server share this machine's cores):
//!
//! 1. with `--state` (SQLite) and without: identities per second and p50/p99 latency of 4,000
//!    GetId calls once the pool holds 1,000, 10,000 and 100,000 identities;
//! 2. without `--state`: the longest GetId in each 1-second window while the pool grows to
//!    1,000,000 identities (a pause proportional to the pool's size shows as one slow window).
//!
//! Run:
//!
//!     cargo bench --bench sandbox_state            # both
//!     cargo bench --bench sandbox_state -- levels  # only the first
//!     cargo bench --bench sandbox_state -- growth  # only the second

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};
use support::serve;

const CALLERS: usize = 8;

async fn client(url: &str) -> aws_sdk_cognitoidentity::Client {
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_types::region::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "s", "s", None, None, "bench",
        ))
        .endpoint_url(url)
        .load()
        .await;
    aws_sdk_cognitoidentity::Client::new(&config)
}

async fn guest_pool(client: &aws_sdk_cognitoidentity::Client) -> String {
    client
        .create_identity_pool()
        .identity_pool_name("growing")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id()
        .to_string()
}

/// `total` GetId calls from 8 callers; each call's (end time since `epoch`, latency).
async fn get_ids(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    total: usize,
    epoch: Instant,
) -> Vec<(Duration, Duration)> {
    let pool_id: Arc<str> = pool_id.into();
    let mut tasks = Vec::new();
    for caller in 0..CALLERS {
        let (client, pool_id) = (client.clone(), pool_id.clone());
        let calls = total / CALLERS + usize::from(caller < total % CALLERS);
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(calls);
            for _ in 0..calls {
                let start = Instant::now();
                client
                    .get_id()
                    .identity_pool_id(&*pool_id)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e:?}"));
                times.push((epoch.elapsed(), start.elapsed()));
            }
            times
        }));
    }
    let mut all = Vec::with_capacity(total);
    for task in tasks {
        all.extend(task.await.unwrap_or_else(|e| panic!("{e}")));
    }
    all
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

async fn levels() {
    const MEASURED: usize = 4_000;
    println!("| identities in the pool | server | identities/s | p50 | p99 |");
    println!("|---|---|---|---|---|");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (label, with_state) in [("in memory", false), ("--state (SQLite)", true)] {
        let path = dir.path().join(format!("state-{with_state}.db"));
        let path_arg = path.to_string_lossy().into_owned();
        let mut args = vec!["--seed", "empty"];
        if with_state {
            args.extend(["--state", &path_arg]);
        }
        let served = serve(&args);
        let client = client(&served.url).await;
        let pool_id = guest_pool(&client).await;
        let mut held = 0;
        for level in [1_000, 10_000, 100_000] {
            let _ = get_ids(&client, &pool_id, level - held, Instant::now()).await;
            let start = Instant::now();
            let times = get_ids(&client, &pool_id, MEASURED, start).await;
            let wall = start.elapsed();
            held = level + MEASURED;
            let mut latencies: Vec<Duration> = times.iter().map(|(_, l)| *l).collect();
            latencies.sort();
            println!(
                "| {level} | {label} | {:.0} | {:.2} ms | {:.2} ms |",
                MEASURED as f64 / wall.as_secs_f64(),
                ms(percentile(&latencies, 0.50)),
                ms(percentile(&latencies, 0.99)),
            );
        }
        if with_state {
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            println!(
                "(database after {held} identities: {:.1} MB)",
                size as f64 / 1e6
            );
        }
    }
}

async fn growth() {
    const TARGET: usize = 1_000_000;
    const STEP: usize = 50_000;
    // BENCH_SERVER_CPUS (e.g. `0`, with the bench itself under `taskset -c 1`) gives the server
    // cores of its own, to tell its pauses from the two sharing the cores.
    let cpus = std::env::var("BENCH_SERVER_CPUS").ok();
    let served = support::serve_on(cpus.as_deref(), &["--seed", "empty"]);
    let client = client(&served.url).await;
    let pool_id = guest_pool(&client).await;
    let epoch = Instant::now();
    let mut windows: Vec<Duration> = Vec::new();
    let mut calls = 0;
    while calls < TARGET {
        for (end, latency) in get_ids(&client, &pool_id, STEP, epoch).await {
            let window = end.as_secs() as usize;
            if windows.len() <= window {
                windows.resize(window + 1, Duration::ZERO);
            }
            windows[window] = windows[window].max(latency);
        }
        calls += STEP;
    }
    let wall = epoch.elapsed();
    let worst = windows.iter().max().copied().unwrap_or_default();
    let over = windows
        .iter()
        .filter(|w| **w > Duration::from_millis(10))
        .count();
    let mut sorted = windows.clone();
    sorted.sort();
    println!(
        "grew to {TARGET} identities in {:.1} s ({:.0}/s): {} one-second windows; longest GetId per window: median {:.1} ms, worst {:.1} ms; {over} windows over 10 ms",
        wall.as_secs_f64(),
        TARGET as f64 / wall.as_secs_f64(),
        windows.len(),
        ms(percentile(&sorted, 0.5)),
        ms(worst),
    );
    let worst_at: Vec<String> = windows
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > Duration::from_millis(10))
        .map(|(i, w)| format!("{i} s: {:.1} ms", ms(*w)))
        .collect();
    if !worst_at.is_empty() {
        println!("windows over 10 ms: {}", worst_at.join(", "));
    }
}

fn main() {
    // The callers' runtime: as many threads as cores, like the server's (override with
    // BENCH_CLIENT_THREADS to see how much of the tail is the two sharing the cores).
    let threads = std::env::var("BENCH_CLIENT_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    runtime.block_on(run());
}

async fn run() {
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wants = |part: &str| only.is_empty() || only.iter().any(|o| o == part);
    if wants("levels") {
        levels().await;
    }
    if wants("growth") {
        growth().await;
    }
}
