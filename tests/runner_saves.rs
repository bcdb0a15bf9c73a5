//! The runner's save calls (UpdateIdentityPool, GetPrincipalTagAttributeMap, TagResource,
//! UntagResource) with the real SDK against the sandbox, each checked with a fresh read by the SDK.

mod common;

use cognito_tui::app::{Effect, Response};

use cognito_tui::aws::{Runner, Target};
use cognito_tui::console::Msg;
use cognito_tui::sandbox::Seed;
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;

async fn answer(rx: &mut mpsc::UnboundedReceiver<Msg>) -> Response {
    match tokio::time::timeout(Duration::from_secs(60), rx.recv()).await {
        Ok(Some(Msg::Response { response, .. })) => response,
        other => panic!("no answer from the runner: {other:?}"),
    }
}

async fn runner(endpoint_url: String) -> (Runner, mpsc::UnboundedReceiver<Msg>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let runner = Runner::new(tx, Target::Sandbox { endpoint_url });
    runner.spawn(Effect::Connect {
        req: 1,
        profile: None,
        region: None,
    });
    assert!(matches!(answer(&mut rx).await, Response::Connect(Ok(_))));
    (runner, rx)
}

#[tokio::test]
async fn update_keeps_tags_and_tagging_goes_through_its_own_calls() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let (runner, mut rx) = runner(sb.endpoint_url()).await;

    runner.spawn(Effect::DescribeIdentityPool {
        req: 2,
        pool_id: pool_id.clone(),
    });
    let Response::DescribeIdentityPool(Ok(mut pool)) = answer(&mut rx).await else {
        panic!("described")
    };
    let tags_before = pool.identity_pool_tags.clone();
    assert!(!tags_before.is_empty(), "the demo pool has tags");
    pool.identity_pool_name = "orders-app-renamed".into();
    pool.identity_pool_tags.clear();
    runner.spawn(Effect::UpdateIdentityPool {
        req: 3,
        pool: pool.clone(),
    });
    let Response::UpdateIdentityPool(Ok(updated)) = answer(&mut rx).await else {
        panic!("updated")
    };
    assert_eq!(updated.identity_pool_name, "orders-app-renamed");
    let fresh = sdk
        .describe_identity_pool()
        .identity_pool_id(&pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(fresh.identity_pool_name(), "orders-app-renamed");
    let fresh_tags: BTreeMap<String, String> = fresh
        .identity_pool_tags()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .collect();
    assert_eq!(
        fresh_tags, tags_before,
        "an update sends no tags and keeps them"
    );
    assert_eq!(
        fresh.cognito_identity_providers().len(),
        pool.cognito_identity_providers.len()
    );

    runner.spawn(Effect::TagResource {
        req: 4,
        pool_id: pool_id.clone(),
        tags: BTreeMap::from([("owner".to_string(), "ops".to_string())]),
    });
    assert_eq!(answer(&mut rx).await, Response::TagResource(Ok(())));
    let first_key = tags_before.keys().next().cloned().unwrap_or_default();
    runner.spawn(Effect::UntagResource {
        req: 5,
        pool_id: pool_id.clone(),
        keys: vec![first_key.clone()],
    });
    assert_eq!(answer(&mut rx).await, Response::UntagResource(Ok(())));
    let arn = format!(
        "arn:aws:cognito-identity:us-east-1:{}:identitypool/{pool_id}",
        cognito_tui::sandbox::SANDBOX_ACCOUNT
    );
    let listed = sdk
        .list_tags_for_resource()
        .resource_arn(&arn)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let tags = listed.tags().cloned().unwrap_or_default();
    assert_eq!(tags.get("owner").map(String::as_str), Some("ops"));
    assert!(!tags.contains_key(&first_key), "{first_key} removed");
    assert_eq!(tags.len(), tags_before.len(), "one added, one removed");
}

#[tokio::test]
async fn principal_tags_are_read_per_provider_and_unknown_ones_are_not_found() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let pool = sdk
        .describe_identity_pool()
        .identity_pool_id(&pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let provider = pool.cognito_identity_providers()[0]
        .provider_name()
        .unwrap_or_default()
        .to_string();
    let expected = sdk
        .get_principal_tag_attribute_map()
        .identity_pool_id(&pool_id)
        .identity_provider_name(&provider)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let (runner, mut rx) = runner(sb.endpoint_url()).await;
    runner.spawn(Effect::GetPrincipalTagAttributeMap {
        req: 2,
        pool_id: pool_id.clone(),
        provider: provider.clone(),
    });
    let Response::GetPrincipalTagAttributeMap(Ok(map)) = answer(&mut rx).await else {
        panic!("read")
    };
    assert_eq!(Some(map.use_defaults), expected.use_defaults());
    assert_eq!(
        map.principal_tags.len(),
        expected.principal_tags().map_or(0, |t| t.len())
    );
    runner.spawn(Effect::GetPrincipalTagAttributeMap {
        req: 3,
        pool_id,
        provider: "accounts.nowhere.example".into(),
    });
    let Response::GetPrincipalTagAttributeMap(Err(error)) = answer(&mut rx).await else {
        panic!("not configured")
    };
    assert_eq!(error.code.as_deref(), Some("ResourceNotFoundException"));
}
