//! The official SDK against the in-process sandbox over HTTP: every pool operation and its errors.

mod common;

use aws_sdk_cognitoidentity::types::CognitoIdentityProvider;
use cognito_tui::sandbox::Seed;
use common::{code, identity_client, message, sandbox};

#[tokio::test]
async fn create_describe_update_delete_round_trip() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;

    let created = client
        .create_identity_pool()
        .identity_pool_name("shop app")
        .allow_unauthenticated_identities(true)
        .supported_login_providers("accounts.google.com", "123.apps.googleusercontent.com")
        .developer_provider_name("login.shop")
        .cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name("cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123")
                .client_id("abc123")
                .build(),
        )
        .identity_pool_tags("env", "dev")
        .send()
        .await
        .unwrap_or_else(|e| panic!("create: {e:?}"));
    let id = created.identity_pool_id().to_string();
    assert!(id.starts_with("us-east-1:"), "{id}");
    assert_eq!(id.len(), "us-east-1:".len() + 36);
    assert_eq!(created.allow_classic_flow(), None, "unset stays unset");

    let described = client
        .describe_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("describe: {e:?}"));
    assert_eq!(described.identity_pool_name(), "shop app");
    assert!(described.allow_unauthenticated_identities());
    assert_eq!(described.developer_provider_name(), Some("login.shop"));
    assert_eq!(described.cognito_identity_providers().len(), 1);
    assert_eq!(
        described
            .identity_pool_tags()
            .and_then(|t| t.get("env"))
            .map(String::as_str),
        Some("dev")
    );

    // UpdateIdentityPool replaces the whole configuration: what is left out is cleared, except the
    // developer provider name and the tags, which stay.
    let updated = client
        .update_identity_pool()
        .identity_pool_id(&id)
        .identity_pool_name("shop app v2")
        .allow_unauthenticated_identities(false)
        .allow_classic_flow(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("update: {e:?}"));
    assert_eq!(updated.identity_pool_name(), "shop app v2");
    assert!(!updated.allow_unauthenticated_identities());
    assert_eq!(updated.allow_classic_flow(), Some(true));
    assert!(
        updated
            .supported_login_providers()
            .is_none_or(|m| m.is_empty())
    );
    assert!(updated.cognito_identity_providers().is_empty());
    assert_eq!(updated.developer_provider_name(), Some("login.shop"));
    assert_eq!(updated.identity_pool_tags().map(|t| t.len()), Some(1));

    let changed_dev = client
        .update_identity_pool()
        .identity_pool_id(&id)
        .identity_pool_name("x")
        .allow_unauthenticated_identities(false)
        .developer_provider_name("login.other")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("changing the developer provider must fail"));
    assert_eq!(code(&changed_dev), "InvalidParameterException");
    assert_eq!(
        message(&changed_dev),
        "DeveloperProviderName cannot be changed once it is set."
    );

    client
        .delete_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("delete: {e:?}"));
    let gone = client
        .describe_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("describe after delete must fail"));
    assert_eq!(code(&gone), "ResourceNotFoundException");
    assert_eq!(message(&gone), format!("IdentityPool '{id}' not found."));
    assert!(gone.raw_response().is_some());
    let again = client
        .delete_identity_pool()
        .identity_pool_id(&id)
        .send()
        .await;
    assert_eq!(
        again.err().map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
}

#[tokio::test]
async fn list_pages_by_max_results_and_next_token() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    for i in 0..130 {
        client
            .create_identity_pool()
            .identity_pool_name(format!("pool-{i:03}"))
            .allow_unauthenticated_identities(false)
            .send()
            .await
            .unwrap_or_else(|e| panic!("create {i}: {e:?}"));
    }
    let mut names = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = client
            .list_identity_pools()
            .max_results(60)
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("list: {e:?}"));
        pages += 1;
        assert!(page.identity_pools().len() <= 60);
        names.extend(
            page.identity_pools()
                .iter()
                .filter_map(|p| p.identity_pool_name().map(String::from)),
        );
        token = page.next_token().map(String::from);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..130).map(|i| format!("pool-{i:03}")).collect();
    assert_eq!(names, expected, "every pool once, in creation order");

    // Pools are regional: eu-west-1 sees none of them.
    let eu = identity_client(&sb, "eu-west-1").await;
    let eu_page = eu.list_identity_pools().max_results(60).send().await;
    assert_eq!(eu_page.map(|p| p.identity_pools().len()).ok(), Some(0));

    for bad in [0, 61] {
        let err = client
            .list_identity_pools()
            .max_results(bad)
            .send()
            .await
            .err();
        let err = err.unwrap_or_else(|| panic!("MaxResults {bad} must be refused"));
        assert_eq!(code(&err), "ValidationException");
        assert!(
            message(&err).contains("at 'maxResults' failed to satisfy constraint"),
            "{}",
            message(&err)
        );
    }
    let bad_token = client
        .list_identity_pools()
        .max_results(10)
        .next_token("garbage")
        .send()
        .await;
    assert_eq!(
        bad_token.err().map(|e| code(&e)),
        Some("InvalidParameterException".into())
    );
}

#[tokio::test]
async fn create_validates_like_the_service() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let cases: Vec<(&str, aws_sdk_cognitoidentity::operation::create_identity_pool::builders::CreateIdentityPoolFluentBuilder, &str)> = vec![
        ("bad name", client.create_identity_pool().identity_pool_name("a/b").allow_unauthenticated_identities(true), "ValidationException"),
        ("long name", client.create_identity_pool().identity_pool_name("a".repeat(129)).allow_unauthenticated_identities(true), "ValidationException"),
        ("bad developer name", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).developer_provider_name("has space"), "ValidationException"),
        ("bad app id", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).supported_login_providers("accounts.google.com", "bad id!"), "ValidationException"),
        ("short oidc arn", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).open_id_connect_provider_arns("arn:x"), "ValidationException"),
        ("not an oidc arn", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).open_id_connect_provider_arns("arn:aws:iam::123456789012:role/x"), "InvalidParameterException"),
        ("bad user pool provider", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).cognito_identity_providers(CognitoIdentityProvider::builder().provider_name("example.com/pool").client_id("abc").build()), "InvalidParameterException"),
        ("user pool id of another region than its host", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).cognito_identity_providers(CognitoIdentityProvider::builder().provider_name("cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123").client_id("abc").build()), "InvalidParameterException"),
        ("reserved tag", client.create_identity_pool().identity_pool_name("ok").allow_unauthenticated_identities(true).identity_pool_tags("aws:owner", "me"), "InvalidParameterException"),
    ];
    for (what, request, expected) in cases {
        let err = request
            .send()
            .await
            .err()
            .unwrap_or_else(|| panic!("{what}: must be refused"));
        assert_eq!(code(&err), expected, "{what}: {}", message(&err));
        assert!(!message(&err).is_empty(), "{what}: the message says why");
    }
    let list = client.list_identity_pools().max_results(60).send().await;
    assert_eq!(
        list.map(|l| l.identity_pools().len()).ok(),
        Some(0),
        "nothing was created"
    );
}

#[tokio::test]
async fn tags_merge_remove_and_list() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let pool = client
        .create_identity_pool()
        .identity_pool_name("tagged")
        .allow_unauthenticated_identities(false)
        .identity_pool_tags("a", "1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("create: {e:?}"));
    let arn = format!(
        "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{}",
        pool.identity_pool_id()
    );
    client
        .tag_resource()
        .resource_arn(&arn)
        .tags("b", "2")
        .tags("a", "10")
        .send()
        .await
        .unwrap_or_else(|e| panic!("tag: {e:?}"));
    client
        .untag_resource()
        .resource_arn(&arn)
        .tag_keys("b")
        .tag_keys("missing")
        .send()
        .await
        .unwrap_or_else(|e| panic!("untag: {e:?}"));
    let tags = client
        .list_tags_for_resource()
        .resource_arn(&arn)
        .send()
        .await
        .unwrap_or_else(|e| panic!("list tags: {e:?}"));
    let tags = tags.tags().cloned().unwrap_or_default();
    assert_eq!(tags.len(), 1);
    assert_eq!(tags.get("a").map(String::as_str), Some("10"));

    let too_many = (0..50).fold(client.tag_resource().resource_arn(&arn), |r, i| {
        r.tags(format!("k{i}"), "v")
    });
    let err = too_many
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("51 tags must be refused"));
    assert_eq!(code(&err), "InvalidParameterException");

    let bad_arn = client
        .list_tags_for_resource()
        .resource_arn("arn:aws:iam::123456789012:role/nope")
        .send()
        .await;
    assert_eq!(
        bad_arn.err().map(|e| code(&e)),
        Some("InvalidParameterException".into())
    );
    let unknown = client
        .list_tags_for_resource()
        .resource_arn("arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:00000000-0000-4000-8000-000000000000")
        .send()
        .await;
    assert_eq!(
        unknown.err().map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
}

#[tokio::test]
async fn update_and_delete_report_unknown_pools_and_bad_input() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    let err = client
        .update_identity_pool()
        .identity_pool_id(unknown)
        .identity_pool_name("x")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("unknown pool"));
    assert_eq!(code(&err), "ResourceNotFoundException");
    let err = client
        .update_identity_pool()
        .identity_pool_id("no colon")
        .identity_pool_name("x")
        .allow_unauthenticated_identities(true)
        .send()
        .await
        .err();
    let err = err.unwrap_or_else(|| panic!("bad id"));
    assert_eq!(code(&err), "ValidationException");
    assert!(
        message(&err).contains("at 'identityPoolId'"),
        "{}",
        message(&err)
    );
    let err = client
        .delete_identity_pool()
        .identity_pool_id("")
        .send()
        .await
        .err();
    assert_eq!(err.map(|e| code(&e)), Some("ValidationException".into()));
    // A pool id from another region is not found in this one.
    let eu = identity_client(&sb, "eu-west-1").await;
    let pool = eu
        .create_identity_pool()
        .identity_pool_name("eu")
        .allow_unauthenticated_identities(false)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let err = client
        .describe_identity_pool()
        .identity_pool_id(pool.identity_pool_id())
        .send()
        .await
        .err();
    assert_eq!(
        err.map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
}

#[tokio::test]
async fn a_region_holds_at_most_1000_pools() {
    let sb = sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-west-2").await;
    for i in 0..1000 {
        client
            .create_identity_pool()
            .identity_pool_name(format!("p{i}"))
            .allow_unauthenticated_identities(false)
            .send()
            .await
            .unwrap_or_else(|e| panic!("create {i}: {e:?}"));
    }
    let err = client
        .create_identity_pool()
        .identity_pool_name("one too many")
        .allow_unauthenticated_identities(false)
        .send()
        .await
        .err();
    let err = err.unwrap_or_else(|| panic!("the 1001st pool must be refused"));
    assert_eq!(code(&err), "LimitExceededException");
    // Other regions have their own quota.
    let other = identity_client(&sb, "us-east-2").await;
    assert!(
        other
            .create_identity_pool()
            .identity_pool_name("fine")
            .allow_unauthenticated_identities(false)
            .send()
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn demo_seed_has_pools_in_two_regions() {
    let sb = sandbox(Seed::Demo).await;
    let east = identity_client(&sb, "us-east-1").await;
    let page = east
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("list: {e:?}"));
    assert!(page.identity_pools().len() >= 5);
    let eu = identity_client(&sb, "eu-west-1").await;
    let page = eu
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("list: {e:?}"));
    assert_eq!(page.identity_pools().len(), 1);
}
