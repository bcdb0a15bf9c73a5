//! `:region all` through `update` and the real runner against a sandbox serving several regions:
//! pools made with the SDK in three regions (one past a page of 60), two regions refused by an
//! injected fault (not enabled, denied). Every pool is listed once with its region, each refused
//! region is one line with the service's code, no more regions are listed at once than the bound,
//! and ⏎ opens a pool of another region there.

mod common;

use cognito_tui::aws::Target;
use cognito_tui::console::{Msg, Options, Owner};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{self, Faults, RegionFault, Seed};
use cognito_tui::screens::cursor::{ListKey, Move};
use cognito_tui::screens::inventory;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::time::Duration;
use tui_input::InputRequest;

const WAIT: Duration = Duration::from_secs(60);

async fn make_pools(sb: &sandbox::RunningSandbox, region: &str, n: usize) -> Vec<String> {
    let client = common::identity_client(sb, region).await;
    let mut ids = Vec::new();
    for i in 0..n {
        let made = client
            .create_identity_pool()
            .identity_pool_name(format!("{region}-pool-{i}"))
            .allow_unauthenticated_identities(true)
            .send()
            .await
            .unwrap_or_else(|e| panic!("CreateIdentityPool in {region}: {e:?}"));
        ids.push(made.identity_pool_id().to_string());
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_region_is_listed_once_and_refusing_regions_are_one_line_each() {
    let mut faults = Faults::default();
    faults
        .region_faults
        .insert("ap-east-2".into(), RegionFault::NotEnabled);
    faults
        .region_faults
        .insert("me-south-1".into(), RegionFault::Denied);
    let sb = common::sandbox_with(Seed::Empty, faults).await;
    let mut expected = BTreeSet::new();
    for (region, n) in [("us-east-1", 3), ("eu-west-1", 65), ("ap-southeast-2", 2)] {
        for id in make_pools(&sb, region, n).await {
            expected.insert((region.to_string(), id));
        }
    }

    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    common::command(&mut h, "region all");
    let most_at_once = Cell::new(0);
    let finished = h
        .run_until(
            |m| {
                let listing = m
                    .in_flight
                    .values()
                    .filter(|r| r.owner == Owner::Inventory)
                    .count();
                most_at_once.set(most_at_once.get().max(listing));
                m.inventory
                    .view
                    .as_ref()
                    .is_some_and(|v| v.finished.is_some())
            },
            WAIT,
        )
        .await;
    assert!(finished, "every region answered");
    assert!(
        most_at_once.get() <= inventory::AT_ONCE,
        "at most {} regions at once, saw {}",
        inventory::AT_ONCE,
        most_at_once.get()
    );
    let view = h
        .model
        .inventory
        .view
        .as_ref()
        .unwrap_or_else(|| panic!("the inventory is open"));
    let listed: Vec<(String, String)> = view
        .rows()
        .into_iter()
        .map(|(region, pool)| (region.to_string(), pool.id.clone()))
        .collect();
    assert_eq!(listed.len(), expected.len(), "each pool once");
    assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), expected);
    let failed: Vec<(String, Option<String>)> = view
        .failed()
        .map(|(region, error)| (region.to_string(), error.code.clone()))
        .collect();
    assert_eq!(
        failed,
        vec![
            (
                "ap-east-2".to_string(),
                Some("UnrecognizedClientException".to_string())
            ),
            (
                "me-south-1".to_string(),
                Some("AccessDeniedException".to_string())
            ),
        ]
    );
    assert_eq!(
        view.regions.len(),
        cognito_tui::domain::regions::sweep_from("us-east-1").len(),
        "the whole partition was swept"
    );
    let recorded = h
        .model
        .errors
        .iter()
        .filter(|e| e.operation.starts_with("ListIdentityPools in "))
        .count();
    assert_eq!(recorded, 2, "one :errors entry per refusing region");

    // ⏎ on a pool of another region: the console switches there and opens its summary.
    h.send(Msg::from(inventory::Action::List(ListKey::Filter)));
    for c in "ap-southeast-2".chars() {
        h.send(Msg::Input(InputRequest::InsertChar(c)));
    }
    h.send(Msg::from(inventory::Action::List(ListKey::Submit)));
    let shown = h.model.inventory.view.as_ref().map(|v| v.rows().len());
    assert_eq!(shown, Some(2), "the filter keeps that region's pools");
    h.send(Msg::from(inventory::Action::List(ListKey::Move(Move::Top))));
    h.send(Msg::from(inventory::Action::Open));
    let opened = h
        .run_until(
            |m| {
                m.session().is_some_and(|s| s.region == "ap-southeast-2")
                    && m.pools.open.is_some()
                    && m.pools
                        .open
                        .as_ref()
                        .is_some_and(|id| m.store.pool(id).is_some())
            },
            WAIT,
        )
        .await;
    assert!(opened, "the region switched and the summary opened");
    assert!(h.model.inventory.view.is_none(), "the inventory closed");
    let open = h.model.pools.open.clone().unwrap_or_default();
    assert!(open.starts_with("ap-southeast-2:"), "{open}");
    assert!(expected.contains(&("ap-southeast-2".to_string(), open)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_more_regions_are_listed_at_once_than_the_bound() {
    let sb = common::sandbox(Seed::Demo).await;
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    // More regions than the bound: the sandbox answers any region it is signed for.
    let regions: Vec<String> = (0..inventory::AT_ONCE + 5)
        .map(|i| format!("xx-test-{i}"))
        .chain(["us-east-1".to_string()])
        .collect();
    h.send(Msg::Inventory(inventory::Msg::Open {
        origin: cognito_tui::app::Tab::Pools,
        open: regions.clone(),
    }));
    let listing = |m: &cognito_tui::console::Model| {
        m.in_flight
            .values()
            .filter(|r| r.owner == Owner::Inventory)
            .count()
    };
    assert_eq!(
        listing(&h.model),
        inventory::AT_ONCE,
        "the first wave is the bound"
    );
    assert!(
        h.run_until(
            |m| m
                .inventory
                .view
                .as_ref()
                .is_some_and(|v| v.finished.is_some()),
            WAIT
        )
        .await
    );
    let view = h
        .model
        .inventory
        .view
        .as_ref()
        .unwrap_or_else(|| panic!("open"));
    assert_eq!(view.regions.len(), regions.len());
    assert_eq!(view.failed().count(), 0);
    assert_eq!(
        view.rows().len(),
        6,
        "the demo's six us-east-1 pools, and nothing elsewhere"
    );
}
