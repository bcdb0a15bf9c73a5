//! IAM in the sandbox through the official aws-sdk-iam: Query requests, XML answers, URL-encoded
//! policy documents, the policy grammar and IAM's error codes.

mod common;

use aws_sdk_iam::error::ProvideErrorMetadata;
use cognito_tui::sandbox::Seed;

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:abc"},"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}"#;
const PERMISSIONS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["mobileanalytics:PutEvents","cognito-sync:*"],"Resource":"*"}]}"#;

fn decode(document: &str) -> String {
    percent_encoding::percent_decode_str(document)
        .decode_utf8_lossy()
        .to_string()
}

#[tokio::test]
async fn roles_round_trip_with_encoded_documents() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::iam_client(&sb).await;
    let created = client
        .create_role()
        .role_name("orders-auth")
        .path("/cognito/")
        .description("authenticated users of orders-app")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let role = created.role().unwrap_or_else(|| panic!("a role"));
    assert_eq!(
        role.arn(),
        "arn:aws:iam::123456789012:role/cognito/orders-auth"
    );
    assert!(
        role.role_id().starts_with("AROA") && role.role_id().len() == 21,
        "{}",
        role.role_id()
    );
    let document = role.assume_role_policy_document().unwrap_or_default();
    assert!(
        document.starts_with("%7B%22Version%22"),
        "returned URL-encoded: {document}"
    );
    assert_eq!(decode(document), TRUST);

    let got = client
        .get_role()
        .role_name("orders-auth")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(got.role().map(|r| r.path()), Some("/cognito/"));

    client
        .put_role_policy()
        .role_name("orders-auth")
        .policy_name("sync")
        .policy_document(PERMISSIONS)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let policy = client
        .get_role_policy()
        .role_name("orders-auth")
        .policy_name("sync")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(decode(policy.policy_document()), PERMISSIONS);
    let names = client
        .list_role_policies()
        .role_name("orders-auth")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(names.policy_names(), ["sync".to_string()]);
    client
        .attach_role_policy()
        .role_name("orders-auth")
        .policy_arn("arn:aws:iam::aws:policy/AmazonCognitoPowerUser")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let attached = client
        .list_attached_role_policies()
        .role_name("orders-auth")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        attached
            .attached_policies()
            .first()
            .and_then(|p| p.policy_name()),
        Some("AmazonCognitoPowerUser")
    );

    let conflict = client
        .delete_role()
        .role_name("orders-auth")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("has policies"));
    assert_eq!(common::code(&conflict), "DeleteConflict");
    client
        .delete_role_policy()
        .role_name("orders-auth")
        .policy_name("sync")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let gone = client
        .get_role_policy()
        .role_name("orders-auth")
        .policy_name("sync")
        .send()
        .await;
    assert_eq!(
        gone.err().map(|e| common::code(&e)),
        Some("NoSuchEntity".into())
    );
}

#[tokio::test]
async fn iam_errors_and_validation() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::iam_client(&sb).await;
    client
        .create_role()
        .role_name("Dup")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let dup = client
        .create_role()
        .role_name("dup")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("names are unique ignoring case"));
    assert_eq!(common::code(&dup), "EntityAlreadyExists");
    let missing = client
        .get_role()
        .role_name("nope")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("unknown"));
    assert_eq!(common::code(&missing), "NoSuchEntity");
    assert_eq!(
        missing.as_service_error().and_then(|e| e.message()),
        Some("The role with name nope cannot be found.")
    );
    let bad_name = client
        .create_role()
        .role_name("has space")
        .assume_role_policy_document(TRUST)
        .send()
        .await;
    assert_eq!(
        bad_name.err().map(|e| common::code(&e)),
        Some("ValidationError".into())
    );
    let not_json = client
        .create_role()
        .role_name("x")
        .assume_role_policy_document("not json")
        .send()
        .await;
    assert_eq!(
        not_json.err().map(|e| common::code(&e)),
        Some("MalformedPolicyDocument".into())
    );
    let resource_in_trust = client
        .update_assume_role_policy()
        .role_name("Dup")
        .policy_document(PERMISSIONS)
        .send()
        .await;
    assert_eq!(
        resource_in_trust.err().map(|e| common::code(&e)),
        Some("MalformedPolicyDocument".into())
    );
    let principal_in_inline = client
        .put_role_policy()
        .role_name("Dup")
        .policy_name("p")
        .policy_document(TRUST)
        .send()
        .await;
    assert_eq!(
        principal_in_inline.err().map(|e| common::code(&e)),
        Some("MalformedPolicyDocument".into())
    );
    let session = client
        .create_role()
        .role_name("y")
        .assume_role_policy_document(TRUST)
        .max_session_duration(60)
        .send()
        .await;
    assert_eq!(
        session.err().map(|e| common::code(&e)),
        Some("ValidationError".into())
    );
}

#[tokio::test]
async fn list_roles_pages_with_markers() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::iam_client(&sb).await;
    for i in 0..25 {
        client
            .create_role()
            .role_name(format!("role-{i:02}"))
            .assume_role_policy_document(TRUST)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    let mut names = Vec::new();
    let mut marker = None;
    loop {
        let page = client
            .list_roles()
            .max_items(10)
            .set_marker(marker)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        names.extend(page.roles().iter().map(|r| r.role_name().to_string()));
        assert!(
            page.roles()
                .iter()
                .all(|r| decode(r.assume_role_policy_document().unwrap_or_default()) == TRUST)
        );
        if !page.is_truncated() {
            break;
        }
        marker = page.marker().map(String::from);
    }
    assert_eq!(
        names,
        (0..25).map(|i| format!("role-{i:02}")).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn oidc_and_saml_providers() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::iam_client(&sb).await;
    let oidc = client
        .create_open_id_connect_provider()
        .url("https://login.partner.example.com")
        .client_id_list("partner-app")
        .thumbprint_list("9e99a48a9960b14926bb7f3b02e22da2b0ab7280")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        oidc.open_id_connect_provider_arn(),
        Some("arn:aws:iam::123456789012:oidc-provider/login.partner.example.com")
    );
    let again = client
        .create_open_id_connect_provider()
        .url("https://login.partner.example.com")
        .thumbprint_list("9e99a48a9960b14926bb7f3b02e22da2b0ab7280")
        .send()
        .await;
    assert_eq!(
        again.err().map(|e| common::code(&e)),
        Some("EntityAlreadyExists".into())
    );
    let listed = client
        .list_open_id_connect_providers()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(listed.open_id_connect_provider_list().len(), 1);

    let metadata = format!("<EntityDescriptor>{}</EntityDescriptor>", "x".repeat(1000));
    let saml = client
        .create_saml_provider()
        .name("CorpADFS")
        .saml_metadata_document(metadata)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        saml.saml_provider_arn(),
        Some("arn:aws:iam::123456789012:saml-provider/CorpADFS")
    );
    let listed = client
        .list_saml_providers()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let entry = listed
        .saml_provider_list()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("one"));
    assert!(entry.valid_until().is_some() && entry.create_date().is_some());
}

#[tokio::test]
async fn the_demo_account_is_coherent() {
    let sb = common::sandbox(Seed::Demo).await;
    let iam = common::iam_client(&sb).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pools = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut checked = 0;
    for pool in pools.identity_pools() {
        let id = pool.identity_pool_id().unwrap_or_default();
        let roles = identity
            .get_identity_pool_roles()
            .identity_pool_id(id)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        for (kind, arn) in roles.roles().cloned().unwrap_or_default() {
            let name = arn.rsplit('/').next().unwrap_or_default();
            let role = iam
                .get_role()
                .role_name(name)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{arn}: {e:?}"));
            let trust: serde_json::Value = serde_json::from_str(&decode(
                role.role()
                    .and_then(|r| r.assume_role_policy_document())
                    .unwrap_or_default(),
            ))
            .unwrap_or_default();
            let condition = &trust["Statement"][0]["Condition"];
            assert_eq!(
                condition["StringEquals"]["cognito-identity.amazonaws.com:aud"], id,
                "{arn}"
            );
            let amr = if kind == "authenticated" {
                "authenticated"
            } else {
                "unauthenticated"
            };
            assert_eq!(
                condition["ForAnyValue:StringLike"]["cognito-identity.amazonaws.com:amr"], amr,
                "{arn}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked}");
    let oidc = iam
        .list_open_id_connect_providers()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(oidc.open_id_connect_provider_list().len(), 1);
}

#[tokio::test]
async fn injected_faults_use_iams_and_stss_own_error_codes() {
    let sb = cognito_tui::sandbox::start(cognito_tui::sandbox::SandboxOptions {
        seed: Seed::Demo,
        faults: cognito_tui::sandbox::Faults {
            fault_rate: 1.0,
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    // No retries: the code of the first answer is what is checked, without the backoff's wait.
    let config = common::sdk_config(&sb, "us-east-1").await;
    let no_retries = aws_config::retry::RetryConfig::disabled();
    let iam = aws_sdk_iam::Client::from_conf(
        aws_sdk_iam::config::Builder::from(&config)
            .retry_config(no_retries.clone())
            .build(),
    );
    let err = iam.list_roles().send().await.err();
    assert_eq!(
        err.as_ref().and_then(|e| e.code()),
        Some("ServiceFailure"),
        "{err:?}"
    );
    let sts = aws_sdk_sts::Client::from_conf(
        aws_sdk_sts::config::Builder::from(&config)
            .retry_config(no_retries)
            .build(),
    );
    let err = sts.get_caller_identity().send().await.err();
    assert_eq!(
        err.as_ref().and_then(|e| e.code()),
        Some("InternalFailure"),
        "{err:?}"
    );
}
