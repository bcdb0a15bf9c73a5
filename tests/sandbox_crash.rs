//! `sandbox serve --state` killed with SIGKILL in the middle of a burst of writes (GetId from
//! four callers, CreateIdentityPool from a fifth), three times over: after each restart every
//! identity and pool that had been answered with 200 is there, and the database opens.

mod common;
mod serve;

use std::sync::{Arc, Mutex};
use std::time::Duration;

type Answered = Arc<Mutex<Vec<String>>>;

/// Writes until the server goes away, recording what was answered.
fn burst(
    client: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    identities: &Answered,
    pools: &Answered,
    round: usize,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (client, pool_id, identities) =
            (client.clone(), pool_id.to_string(), identities.clone());
        tasks.push(tokio::spawn(async move {
            while let Ok(out) = client.get_id().identity_pool_id(&pool_id).send().await {
                if let Ok(mut ids) = identities.lock() {
                    ids.push(out.identity_id().unwrap_or_default().to_string());
                }
            }
        }));
    }
    let (client, pools) = (client.clone(), pools.clone());
    tasks.push(tokio::spawn(async move {
        for n in 0.. {
            let made = client
                .create_identity_pool()
                .identity_pool_name(format!("crash-{round}-{n}"))
                .allow_unauthenticated_identities(true)
                .send()
                .await;
            let Ok(made) = made else { break };
            if let Ok(mut ids) = pools.lock() {
                ids.push(made.identity_pool_id().to_string());
            }
        }
    }));
    tasks
}

#[test]
fn a_kill_in_a_burst_of_writes_loses_nothing_that_was_answered() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let state = dir.path().join("state.db");
    let state_arg = state.to_string_lossy().into_owned();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let identities: Answered = Arc::default();
    let pools: Answered = Arc::default();
    let mut pool_id = String::new();
    for round in 0..3 {
        let mut served = serve::start_with(&["--state", &state_arg, "--seed", "empty"]);
        let client = runtime.block_on(async {
            let config = common::sdk_config_at(&served.endpoint, "us-east-1").await;
            aws_sdk_cognitoidentity::Client::new(&config)
        });
        if round == 0 {
            pool_id = runtime.block_on(async {
                client
                    .create_identity_pool()
                    .identity_pool_name("guests")
                    .allow_unauthenticated_identities(true)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e:?}"))
                    .identity_pool_id()
                    .to_string()
            });
        } else {
            // Everything answered before the last kill is still there.
            let (kept_ids, kept_pools) = runtime.block_on(async {
                (
                    common::all_identity_ids(&client, &pool_id).await,
                    common::all_pool_ids(&client).await,
                )
            });
            let answered_ids = identities.lock().map(|v| v.clone()).unwrap_or_default();
            let answered_pools = pools.lock().map(|v| v.clone()).unwrap_or_default();
            assert!(
                answered_ids.len() > 10,
                "the burst wrote: {}",
                answered_ids.len()
            );
            let lost: Vec<&String> = answered_ids
                .iter()
                .filter(|id| !kept_ids.contains(*id))
                .collect();
            assert!(
                lost.is_empty(),
                "round {round}: {} of {} identities lost: {:?}",
                lost.len(),
                answered_ids.len(),
                &lost[..lost.len().min(3)]
            );
            let lost: Vec<&String> = answered_pools
                .iter()
                .filter(|id| !kept_pools.contains(*id))
                .collect();
            assert!(lost.is_empty(), "round {round}: pools lost: {lost:?}");
        }
        let before = identities.lock().map(|v| v.len()).unwrap_or_default();
        let tasks = {
            let _entered = runtime.enter();
            burst(&client, &pool_id, &identities, &pools, round)
        };
        // The kill lands at a set point of each round (its 30th, 55th, 80th answered GetId), with
        // the burst's five writers still sending: reproducible, and always mid-burst (the
        // writers only stop when the server goes).
        let target = before + 30 + 25 * round;
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while identities.lock().map(|v| v.len()).unwrap_or_default() < target {
            assert!(std::time::Instant::now() < deadline, "the burst stalled");
            std::thread::sleep(Duration::from_millis(1));
        }
        served.kill_now();
        runtime.block_on(async {
            for task in tasks {
                let _ = task.await;
            }
        });
    }
    // The last round's writes, after its kill.
    let served = serve::start_with(&["--state", &state_arg]);
    let kept = runtime.block_on(async {
        let config = common::sdk_config_at(&served.endpoint, "us-east-1").await;
        common::all_identity_ids(&aws_sdk_cognitoidentity::Client::new(&config), &pool_id).await
    });
    let answered = identities.lock().map(|v| v.clone()).unwrap_or_default();
    assert!(
        answered.iter().all(|id| kept.contains(id)),
        "the last round's identities are kept"
    );
}
