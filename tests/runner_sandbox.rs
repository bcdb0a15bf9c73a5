//! The effect runner with the real SDK clients against the in-process sandbox over HTTP: each effect
//! comes back as the message `update` expects, errors included.

use cognito_tui::app::Response;
use cognito_tui::app::{Effect, ErrorKind};
use cognito_tui::aws::{Runner, Target};
use cognito_tui::console::Msg;
use cognito_tui::sandbox::{self, Faults, RunningSandbox, SandboxOptions, Seed};
use std::time::Duration;
use tokio::sync::mpsc;

async fn start(faults: Faults) -> RunningSandbox {
    sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        faults,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("sandbox: {e}"))
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Msg>) -> Msg {
    tokio::time::timeout(Duration::from_secs(60), rx.recv())
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no message from the runner"))
}

async fn connected(target: Target) -> (Runner, mpsc::UnboundedReceiver<Msg>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let runner = Runner::new(tx, target);
    runner.spawn(Effect::Connect {
        req: 1,
        profile: None,
        region: None,
    });
    match next(&mut rx).await {
        Msg::Response {
            req: 1,
            response: Response::Connect(Ok(session)),
        } => {
            assert!(session.sandbox);
            assert_eq!(session.region, "us-east-1");
            assert!(
                session.endpoint.starts_with("sandbox 127.0.0.1:"),
                "{}",
                session.endpoint
            );
        }
        other => panic!("expected Connected: {other:?}"),
    }
    (runner, rx)
}

#[tokio::test]
async fn list_describe_delete_and_not_found_come_back_as_messages() {
    let sb = start(Faults::default()).await;
    let (runner, mut rx) = connected(Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    })
    .await;

    runner.spawn(Effect::ListIdentityPools {
        req: 2,
        next_token: None,
    });
    let Msg::Response {
        req: 2,
        response: Response::ListIdentityPools(Ok((pools, None))),
    } = next(&mut rx).await
    else {
        panic!("one page of pools")
    };
    let orders = pools
        .iter()
        .find(|p| p.name == "orders-app")
        .unwrap_or_else(|| panic!("{pools:?}"))
        .clone();

    runner.spawn(Effect::DescribeIdentityPool {
        req: 3,
        pool_id: orders.id.clone(),
    });
    let Msg::Response {
        req: 3,
        response: Response::DescribeIdentityPool(Ok(pool)),
    } = next(&mut rx).await
    else {
        panic!("described")
    };
    assert_eq!(pool.identity_pool_id, orders.id);
    assert!(pool.allow_unauthenticated_identities);
    assert_eq!(pool.allow_classic_flow, Some(false));
    assert_eq!(pool.cognito_identity_providers.len(), 1);
    assert_eq!(
        pool.identity_pool_tags.get("team").map(String::as_str),
        Some("orders")
    );

    runner.spawn(Effect::GetIdentityPoolRoles {
        req: 30,
        pool_id: orders.id.clone(),
    });
    let Msg::Response {
        req: 30,
        response: Response::GetIdentityPoolRoles(Ok(roles)),
    } = next(&mut rx).await
    else {
        panic!("roles")
    };
    assert_eq!(
        roles.roles.get("authenticated").map(String::as_str),
        Some("arn:aws:iam::123456789012:role/orders-app-auth")
    );
    let mapping = roles
        .role_mappings
        .values()
        .next()
        .unwrap_or_else(|| panic!("the demo rules mapping"));
    assert_eq!(mapping.mapping_type, "Rules");
    assert_eq!(
        mapping.rules_configuration.as_ref().map(|r| r.rules.len()),
        Some(2)
    );

    runner.spawn(Effect::DeleteIdentityPool {
        req: 4,
        name: orders.name.clone(),
        pool_id: orders.id.clone(),
    });
    assert!(matches!(
        next(&mut rx).await,
        Msg::Response {
            req: 4,
            response: Response::DeleteIdentityPool(Ok(())),
            ..
        }
    ));

    runner.spawn(Effect::DescribeIdentityPool {
        req: 5,
        pool_id: orders.id.clone(),
    });
    let Msg::Response {
        response: Response::DescribeIdentityPool(Err(error)),
        ..
    } = next(&mut rx).await
    else {
        panic!("an error")
    };
    assert_eq!(error.kind, ErrorKind::Service);
    assert_eq!(error.code.as_deref(), Some("ResourceNotFoundException"));
    assert_eq!(
        error.message,
        format!("IdentityPool '{}' not found.", orders.id)
    );
    assert!(
        error.request_id.is_some(),
        "the request id is kept for :errors"
    );
    assert!(error.is_not_found());
}

#[tokio::test]
async fn throttling_is_retried_and_then_reported_as_throttling() {
    let mut faults = Faults::default();
    // One call every five seconds: the SDK's retries (three attempts with backoff, a few seconds
    // in all) get at most one more through, however slowly a loaded machine runs them.
    faults
        .rate_limits
        .insert("DescribeIdentityPool".into(), 0.2);
    let sb = start(faults).await;
    let (runner, mut rx) = connected(Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    })
    .await;
    for req in 10..16 {
        runner.spawn(Effect::DescribeIdentityPool {
            req,
            pool_id: "us-east-1:00000000-0000-4000-8000-000000000000".into(),
        });
    }
    let mut throttled = 0;
    for _ in 10..16 {
        match next(&mut rx).await {
            Msg::Response {
                response: Response::DescribeIdentityPool(Err(e)),
                ..
            } if e.kind == ErrorKind::Throttled => {
                assert_eq!(e.code.as_deref(), Some("TooManyRequestsException"));
                assert!(e.message.contains("retries"), "{}", e.message);
                throttled += 1;
            }
            Msg::Response {
                response: Response::DescribeIdentityPool(Err(e)),
                ..
            } => {
                assert_eq!(
                    e.code.as_deref(),
                    Some("ResourceNotFoundException"),
                    "{e:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(
        throttled >= 1,
        "a burst of 6 at 1/s must leave some throttled after retries"
    );
}

#[tokio::test]
async fn a_dropped_connection_is_a_connection_error_not_a_hang() {
    let sb = start(Faults::default()).await;
    let url = sb.endpoint_url();
    let address = url.trim_start_matches("http://").to_string();
    let (runner, mut rx) = connected(Target::Sandbox { endpoint_url: url }).await;
    drop(sb);
    // The listener is closed once a connection to it is refused (waited for, not assumed).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while tokio::net::TcpStream::connect(&address).await.is_ok() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the sandbox still listens"
        );
        tokio::task::yield_now().await;
    }
    runner.spawn(Effect::ListIdentityPools {
        req: 7,
        next_token: None,
    });
    let Msg::Response {
        req: 7,
        response: Response::ListIdentityPools(Err(error)),
    } = next(&mut rx).await
    else {
        panic!("an error")
    };
    assert_eq!(error.kind, ErrorKind::Connection, "{error:?}");
    assert!(error.hint().is_some());
}

#[tokio::test]
async fn injected_faults_show_the_service_code() {
    let sb = start(Faults {
        fault_rate: 1.0,
        ..Default::default()
    })
    .await;
    let (runner, mut rx) = connected(Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    })
    .await;
    runner.spawn(Effect::ListIdentityPools {
        req: 8,
        next_token: None,
    });
    let Msg::Response {
        response: Response::ListIdentityPools(Err(error)),
        ..
    } = next(&mut rx).await
    else {
        panic!("an error")
    };
    assert_eq!(error.code.as_deref(), Some("InternalErrorException"));
}
