//! `:open POOL` through `update` and the real runner against the sandbox: a pool of this region
//! by id, a pool of another region by ARN (the region is switched, the summary opens there), a
//! pool that doesn't exist (the service's ResourceNotFoundException, nothing left open) and
//! malformed input (what was expected, no call made).

mod common;

use cognito_tui::aws::Target;
use cognito_tui::console::Options;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::Seed;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

fn notice(h: &Headless) -> String {
    h.model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

async fn summary_of(h: &mut Headless, pool_id: &str) {
    let id = pool_id.to_string();
    assert!(
        h.run_until(
            move |m| m.pools.open.as_deref() == Some(id.as_str()) && m.store.pool(&id).is_some(),
            WAIT
        )
        .await,
        "the summary of {pool_id} opens: {}",
        notice(h)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_by_id_by_arn_in_another_region_and_refusals() {
    let sb = common::sandbox(Seed::Demo).await;
    let east = common::identity_client(&sb, "us-east-1").await;
    let west = common::identity_client(&sb, "eu-west-1").await;
    let orders = common::pool_id_named(&east, "orders-app").await;
    let west_pool = common::all_pool_ids(&west)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("the demo has a pool in eu-west-1"));
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);

    common::command(&mut h, &format!("open {orders}"));
    summary_of(&mut h, &orders).await;
    assert_eq!(
        h.model.current_pool.as_ref().map(|(_, name)| name.as_str()),
        Some("orders-app")
    );

    common::command(
        &mut h,
        &format!("open arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/{west_pool}"),
    );
    assert!(
        h.run_until(
            |m| m.session().is_some_and(|s| s.region == "eu-west-1"),
            WAIT
        )
        .await,
        "switched to eu-west-1"
    );
    summary_of(&mut h, &west_pool).await;
    let described = west
        .describe_identity_pool()
        .identity_pool_id(&west_pool)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        h.model.current_pool.as_ref().map(|(_, name)| name.as_str()),
        Some(described.identity_pool_name()),
        "the current pool is the one opened, by its name"
    );

    let missing = "eu-west-1:00000000-0000-4000-8000-000000000000";
    common::command(&mut h, &format!("open {missing}"));
    assert!(
        h.run_until(|m| m.pools.open.is_none(), WAIT).await,
        "nothing stays open"
    );
    assert!(
        h.run_until(
            |m| m
                .notice
                .as_ref()
                .is_some_and(|n| n.text.contains("ResourceNotFoundException")),
            WAIT
        )
        .await,
        "{}",
        notice(&h)
    );
    assert!(
        notice(&h).contains(&format!("No identity pool {missing}")),
        "{}",
        notice(&h)
    );

    let calls = h.model.in_flight.len();
    common::command(&mut h, "open orders-app");
    assert!(
        notice(&h).contains("expected a pool id like us-east-1:"),
        "{}",
        notice(&h)
    );
    assert_eq!(
        h.model.in_flight.len(),
        calls,
        "no call for malformed input"
    );
}
