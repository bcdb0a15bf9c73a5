//! End-to-end identity benchmark: cognito-tui's engine against aws-cli in the obvious shell loop,
//! both talking to the same sandbox (`sandbox serve --realistic`: 40 ms ± 10 ms a call).
//!
//!     ./scripts/setup-python.sh && cargo bench --bench identities_e2e
//!
//! Measures (a) listing 20,000 identities, (b) deleting 5,000 marked identities, and the console
//! engine's memory with 100,000 identities loaded. aws-cli comes from the project's .venv.

mod support;

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::screens::identities::Action as IdAction;
use cognito_tui::screens::identities::Loading;
use cognito_tui::screens::pools::Action as PoolAction;
use std::io::Write;
use std::time::{Duration, Instant};
use support::{aws, has_cli, round_trip, secs, serve};

const WAIT: Duration = Duration::from_secs(1_800);

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

/// Connects the engine, opens orders-app and lists its identities; the listing's duration.
async fn engine_list(url: &str) -> (Headless, Duration) {
    let target = Target::Sandbox {
        endpoint_url: url.to_string(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(
        h.run_until(
            |m| m.pools.list.rows.iter().any(|p| p.name == "orders-app"),
            WAIT
        )
        .await
    );
    h.send(Msg::from(PoolAction::Open));
    let start = Instant::now();
    h.send(Msg::Action(Action::GoTab(Tab::Identities)));
    assert!(
        h.run_until(|m| m.identities.loading == Loading::Done, WAIT)
            .await,
        "listing finished"
    );
    (h, start.elapsed())
}

/// aws-cli: list-identities with NextToken until the end; (identities, duration).
fn cli_list(url: &str, pool: &str) -> (usize, Duration) {
    let start = Instant::now();
    let (mut count, mut token) = (0usize, None::<String>);
    loop {
        let mut cmd = aws(url);
        cmd.args([
            "cognito-identity",
            "list-identities",
            "--identity-pool-id",
            pool,
            "--max-results",
            "60",
        ]);
        cmd.args(["--query", "[NextToken, length(Identities)]"]);
        if let Some(t) = &token {
            cmd.args(["--next-token", t]);
        }
        let out = cmd.output().unwrap_or_else(|e| panic!("aws: {e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        let mut fields = text.split_whitespace();
        let next = fields.next().unwrap_or("None").to_string();
        count += fields
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0);
        if next == "None" {
            return (count, start.elapsed());
        }
        token = Some(next);
    }
}

/// aws-cli: delete-identities 60 ids a call; the duration.
fn cli_delete(url: &str, ids: &[String]) -> Duration {
    let start = Instant::now();
    for batch in ids.chunks(60) {
        let mut cmd = aws(url);
        cmd.args([
            "cognito-identity",
            "delete-identities",
            "--identity-ids-to-delete",
        ]);
        cmd.args(batch);
        let out = cmd.output().unwrap_or_else(|e| panic!("aws: {e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    start.elapsed()
}

/// The median round trip of one small call through the engine's SDK client.
async fn engine_delete(h: &mut Headless, count: usize) -> Duration {
    // Mark the first `count` rows as `Space` would, then delete through the confirmation.
    for row in h.model.identities.list.rows.iter_mut().take(count) {
        row.marked = true;
    }
    h.model.identities.marked = count;
    let start = Instant::now();
    h.send(Msg::from(IdAction::Delete));
    for c in count.to_string().chars() {
        h.send(Msg::Input(tui_input::InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(IdAction::FocusNext));
    h.send(Msg::from(IdAction::Submit));
    assert!(h.model.identities.deletion.is_some(), "deletion started");
    assert!(h.run_until(|m| m.identities.deletion.is_none(), WAIT).await);
    start.elapsed()
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let has_cli = has_cli();
    let served = serve(&["--realistic", "--seed-identities", "17500"]);
    let rtt = round_trip(&served.url).await;

    let (mut h, engine_listing) = engine_list(&served.url).await;
    let listed = h.model.identities.list.rows.len();
    let pages = h.model.identities.pages;
    let pool = h
        .model
        .current_pool
        .clone()
        .map(|(id, _)| id)
        .unwrap_or_default();
    let floor = rtt * u32::try_from(pages).unwrap_or(u32::MAX);

    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "round trip (median of 30 small calls): {:.1} ms",
        rtt.as_secs_f64() * 1000.0
    );
    let _ = writeln!(out, "(a) list {listed} identities ({pages} pages):");
    let _ = writeln!(
        out,
        "    cognito-tui engine: {:.2} s  (floor pages x RTT = {:.2} s; {:.0}% of the floor)",
        secs(engine_listing),
        secs(floor),
        100.0 * secs(floor) / secs(engine_listing)
    );
    let cli_ids: Vec<String> = h
        .model
        .identities
        .list
        .rows
        .iter()
        .skip(5_000)
        .take(5_000)
        .map(|r| r.identity.id.clone())
        .collect();
    if has_cli {
        let (cli_count, cli_listing) = cli_list(&served.url, &pool);
        assert_eq!(cli_count, listed);
        let _ = writeln!(
            out,
            "    aws-cli loop:       {:.2} s  (cognito-tui is {:.1}x faster)",
            secs(cli_listing),
            secs(cli_listing) / secs(engine_listing)
        );
    }

    let engine_deletion = engine_delete(&mut h, 5_000).await;
    let _ = writeln!(
        out,
        "(b) delete 5000 marked identities (DeleteIdentities, 60 a call):"
    );
    let _ = writeln!(
        out,
        "    cognito-tui engine: {:.2} s",
        secs(engine_deletion)
    );
    if has_cli {
        let cli_deletion = cli_delete(&served.url, &cli_ids);
        let _ = writeln!(
            out,
            "    aws-cli loop:       {:.2} s  (cognito-tui is {:.1}x faster)",
            secs(cli_deletion),
            secs(cli_deletion) / secs(engine_deletion)
        );
    } else {
        let _ = writeln!(
            out,
            "    aws-cli: not measured (run ./scripts/setup-python.sh first)"
        );
    }
    drop(h);
    drop(served);

    let big = serve(&["--seed-identities", "97500"]);
    let before = rss_mib();
    let (h, listing) = engine_list(&big.url).await;
    let after = rss_mib();
    let _ = writeln!(
        out,
        "100,000 identities loaded in {:.2} s (no added latency); engine RSS {:.0} MiB ({:.0} MiB more than before loading)",
        secs(listing),
        after,
        after - before
    );
    assert_eq!(h.model.identities.list.rows.len(), 100_000);
}
