//! ListIdentities, DescribeIdentity, DeleteIdentities and LookupDeveloperIdentity through the SDK.

mod common;

use cognito_tui::sandbox::{self, Faults, SandboxOptions, Seed};
use common::{code, identity_client, message};

async fn all_ids(
    client: &aws_sdk_cognitoidentity::Client,
    pool: &str,
    hide_disabled: bool,
) -> Vec<String> {
    let mut ids = Vec::new();
    let mut token = None;
    loop {
        let page = client
            .list_identities()
            .identity_pool_id(pool)
            .max_results(60)
            .hide_disabled(hide_disabled)
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("list: {e:?}"));
        assert!(page.identities().len() <= 60);
        ids.extend(
            page.identities()
                .iter()
                .filter_map(|i| i.identity_id().map(String::from)),
        );
        token = page.next_token().map(String::from);
        if token.is_none() {
            return ids;
        }
    }
}

#[tokio::test]
async fn list_pages_describe_and_delete() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = identity_client(&sb, "us-east-1").await;
    let pool = common::pool_id_named(&client, "orders-app").await;
    let ids = all_ids(&client, &pool, false).await;
    assert_eq!(ids.len(), 2_500);
    let visible = all_ids(&client, &pool, true).await;
    assert!(
        visible.len() < ids.len(),
        "some seeded identities are disabled"
    );

    let first = client
        .describe_identity()
        .identity_id(&ids[0])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(first.identity_id(), Some(ids[0].as_str()));
    assert!(first.creation_date().is_some() && first.last_modified_date().is_some());

    let doomed: Vec<String> = ids[..60].to_vec();
    let out = client
        .delete_identities()
        .set_identity_ids_to_delete(Some(doomed.clone()))
        .send()
        .await
        .unwrap_or_else(|e| panic!("delete: {e:?}"));
    assert!(out.unprocessed_identity_ids().is_empty());
    let left = all_ids(&client, &pool, false).await;
    assert_eq!(left.len(), 2_440);
    assert!(doomed.iter().all(|id| !left.contains(id)));
    assert_eq!(left, ids[60..].to_vec(), "nothing else was touched");

    let gone = client
        .describe_identity()
        .identity_id(&ids[0])
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("gone"));
    assert_eq!(code(&gone), "ResourceNotFoundException");
    assert_eq!(message(&gone), format!("Identity '{}' not found.", ids[0]));

    let too_many = client
        .delete_identities()
        .set_identity_ids_to_delete(Some(ids[60..121].to_vec()))
        .send()
        .await;
    assert_eq!(
        too_many.err().map(|e| code(&e)),
        Some("ValidationException".into())
    );
    let none = client
        .delete_identities()
        .set_identity_ids_to_delete(Some(Vec::new()))
        .send()
        .await;
    assert_eq!(
        none.err().map(|e| code(&e)),
        Some("ValidationException".into())
    );
    let unknown_pool = client
        .list_identities()
        .identity_pool_id("us-east-1:00000000-0000-4000-8000-000000000000")
        .max_results(10)
        .send()
        .await;
    assert_eq!(
        unknown_pool.err().map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
}

#[tokio::test]
async fn per_item_delete_failures_come_back_unprocessed() {
    let sb = sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        faults: Faults {
            delete_failure_rate: 0.5,
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let client = identity_client(&sb, "us-east-1").await;
    let pool = common::pool_id_named(&client, "orders-app").await;
    let ids = all_ids(&client, &pool, false).await;
    let batch = ids[..60].to_vec();
    let out = client
        .delete_identities()
        .set_identity_ids_to_delete(Some(batch.clone()))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let failed: Vec<String> = out
        .unprocessed_identity_ids()
        .iter()
        .filter_map(|u| u.identity_id().map(String::from))
        .collect();
    assert!(
        !failed.is_empty() && failed.len() < 60,
        "about half fail: {}",
        failed.len()
    );
    assert!(
        out.unprocessed_identity_ids()
            .iter()
            .all(|u| u.error_code().map(|c| c.as_str()) == Some("InternalServerError"))
    );
    let left = all_ids(&client, &pool, false).await;
    for id in &batch {
        assert_eq!(
            left.contains(id),
            failed.contains(id),
            "{id}: kept exactly when reported unprocessed"
        );
    }
}

#[tokio::test]
async fn developer_identities_are_looked_up_both_ways() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = identity_client(&sb, "us-east-1").await;
    let pool = common::pool_id_named(&client, "internal-tools").await;
    let page = client
        .list_identities()
        .identity_pool_id(&pool)
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let dev = page
        .identities()
        .iter()
        .find(|i| i.logins().iter().any(|l| l == "login.tools.internal"))
        .and_then(|i| i.identity_id())
        .unwrap_or_else(|| panic!("a developer identity"))
        .to_string();
    let users = client
        .lookup_developer_identity()
        .identity_pool_id(&pool)
        .identity_id(&dev)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let user = users
        .developer_user_identifier_list()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("a user"));
    let back = client
        .lookup_developer_identity()
        .identity_pool_id(&pool)
        .developer_user_identifier(&user)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(back.identity_id(), Some(dev.as_str()));
    let neither = client
        .lookup_developer_identity()
        .identity_pool_id(&pool)
        .send()
        .await;
    assert_eq!(
        neither.err().map(|e| code(&e)),
        Some("InvalidParameterException".into())
    );
}

#[tokio::test]
async fn seeding_100k_identities_and_deleting_the_pool_removes_them() {
    let sb = sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        seed_identities: 100_000,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let client = identity_client(&sb, "us-east-1").await;
    let pool = common::pool_id_named(&client, "orders-app").await;
    let last_page = client
        .list_identities()
        .identity_pool_id(&pool)
        .max_results(60)
        .send()
        .await;
    assert_eq!(last_page.map(|p| p.identities().len()).ok(), Some(60));
    client
        .delete_identity_pool()
        .identity_pool_id(&pool)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let listed = client
        .list_identities()
        .identity_pool_id(&pool)
        .max_results(60)
        .send()
        .await;
    assert_eq!(
        listed.err().map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
}
