//! The User access tab end to end (the console's own `update` and runner, headless) against
//! `sandbox serve --realistic` (40 ms ± 10 ms a call), beside the floor of round trips and the
//! same rename done as an operator would with aws-cli (describe, edit the JSON, update, describe).
//!
//!     ./scripts/setup-python.sh && cargo bench --bench access_e2e
//!
//! Measured: opening the tab on orders-app (DescribeIdentityPool, GetIdentityPoolRoles and two
//! GetPrincipalTagAttributeMap, in parallel) against one round trip; a one-field save (a rename:
//! the re-read, UpdateIdentityPool, the verification read) against three round trips.

mod support;

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::screens::access::{Action as Ua, Panel};
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::scoped::{EditScope, Section};
use std::io::Write;
use std::time::{Duration, Instant};
use support::{aws, has_cli, median, round_trip, run, secs, serve};
use tui_input::Input;

const WAIT: Duration = Duration::from_secs(120);
const RUNS: usize = 9;

fn phase(h: &Headless) -> Option<Phase> {
    match &h.model.access.panel {
        Some(Panel::Save(view)) => Some(view.save.phase.clone()),
        _ => None,
    }
}

/// One run: (open the tab, save a rename from ⏎ on the diff to the verified result).
async fn engine(url: &str, n: usize) -> (Duration, Duration) {
    let target = Target::Sandbox {
        endpoint_url: url.to_string(),
    };
    let mut h = Headless::start(Options::default(), target, (120, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    // The Pools tab has described the pools on screen: the tab knows the providers to read.
    let orders = |m: &cognito_tui::console::Model| {
        m.pools
            .list
            .rows
            .iter()
            .find(|p| p.name.starts_with("orders-app"))
            .and_then(|p| m.store.pool(&p.id))
            .map(|p| p.identity_pool_id.clone())
    };
    let found = h.run_until(|m| orders(m).is_some(), WAIT).await;
    assert!(
        found,
        "orders-app described: {:?} {:?}",
        h.model
            .pools
            .list
            .rows
            .iter()
            .map(|p| &p.name)
            .collect::<Vec<_>>(),
        h.model.notice
    );
    let pool_id = orders(&h.model).unwrap_or_default();
    h.model.current_pool = Some((pool_id.clone(), "orders-app".into()));

    let start = Instant::now();
    h.send(Msg::Action(Action::GoTab(Tab::UserAccess)));
    assert!(
        h.run_until(|m| m.access.read.config(&m.store).is_some(), WAIT)
            .await
    );
    let open = start.elapsed();

    let config = h
        .model
        .access
        .read
        .config(&h.model.store)
        .cloned()
        .unwrap_or_default();
    h.send(Msg::Wizard(cognito_tui::wizard::Msg::EditSection(
        Box::new(EditScope {
            pool_id,
            section: Section::Name,
            base: config,
            linked: None,
            origin: cognito_tui::app::Tab::UserAccess,
        }),
    )));
    if let Some(form) = h.model.wizard.edit.as_deref_mut() {
        form.draft.name = Input::new(format!("orders-app-{n}"));
    }
    h.send(Msg::from(WizAction::NextStep));
    assert!(
        h.run_until(|m| phase_is(m, |p| *p == Phase::Review), WAIT)
            .await
    );
    let start = Instant::now();
    h.send(Msg::from(Ua::Submit));
    assert!(
        h.run_until(|m| phase_is(m, |p| matches!(p, Phase::Done(_))), WAIT)
            .await
    );
    let save = start.elapsed();
    assert_eq!(phase(&h), Some(Phase::Done(Vec::new())));
    (open, save)
}

fn phase_is(m: &cognito_tui::console::Model, f: impl Fn(&Phase) -> bool) -> bool {
    matches!(&m.access.panel, Some(Panel::Save(view)) if f(&view.save.phase))
}

/// The rename with aws-cli: describe (JSON), edit it, update with the whole JSON, describe to
/// check — three commands, as the CLI offers no partial update.
fn cli_rename(url: &str, pool_id: &str, n: usize) -> Duration {
    let start = Instant::now();
    let described = run(aws(url).args([
        "cognito-identity",
        "describe-identity-pool",
        "--identity-pool-id",
        pool_id,
        "--output",
        "json",
    ]));
    let mut pool: serde_json::Value =
        serde_json::from_str(&described).unwrap_or_else(|e| panic!("{e}"));
    pool["IdentityPoolName"] = format!("cli-{n}").into();
    run(aws(url).args([
        "cognito-identity",
        "update-identity-pool",
        "--cli-input-json",
        &pool.to_string(),
    ]));
    let name = run(aws(url).args([
        "cognito-identity",
        "describe-identity-pool",
        "--identity-pool-id",
        pool_id,
        "--query",
        "IdentityPoolName",
    ]));
    assert_eq!(name, format!("cli-{n}"));
    start.elapsed()
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let served = serve(&["--realistic"]);
    let rtt = round_trip(&served.url).await;
    let mut opens = Vec::new();
    let mut saves = Vec::new();
    for n in 0..RUNS {
        let (open, save) = engine(&served.url, n).await;
        opens.push(open);
        saves.push(save);
    }
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "round trip (median of 30 small calls): {:.1} ms",
        secs(rtt) * 1000.0
    );
    let _ = writeln!(
        out,
        "open User access (4 reads in parallel), median of {RUNS}: {:.0} ms (1 x RTT = {:.0} ms)",
        secs(median(opens)) * 1000.0,
        secs(rtt) * 1000.0
    );
    let save = median(saves);
    let _ = writeln!(
        out,
        "one-field save (re-read, write, verify), median of {RUNS}: {:.0} ms (3 x RTT = {:.0} ms)",
        secs(save) * 1000.0,
        secs(rtt * 3) * 1000.0
    );
    if has_cli() {
        let pool_id = run(aws(&served.url).args([
            "cognito-identity",
            "list-identity-pools",
            "--max-results",
            "60",
            "--query",
            "IdentityPools[?starts_with(IdentityPoolName, 'orders-app')] | [0].IdentityPoolId",
        ]));
        let cli = median(
            (0..RUNS)
                .map(|n| cli_rename(&served.url, &pool_id, n))
                .collect(),
        );
        let _ = writeln!(
            out,
            "    aws-cli (describe, edit JSON, update, describe: 3 commands): {:.0} ms ({:.1}x the console's save)",
            secs(cli) * 1000.0,
            secs(cli) / secs(save)
        );
    } else {
        let _ = writeln!(
            out,
            "    aws-cli: not measured (run ./scripts/setup-python.sh first)"
        );
    }
}
