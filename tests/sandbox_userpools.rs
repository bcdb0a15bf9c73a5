//! Cognito user pools and app clients in the sandbox through aws-sdk-cognitoidentityprovider.

mod common;

use aws_sdk_cognitoidentityprovider::error::ProvideErrorMetadata;
use aws_sdk_cognitoidentityprovider::types::{
    ExplicitAuthFlowsType, PasswordPolicyType, UserPoolPolicyType,
};
use cognito_tui::sandbox::Seed;

#[tokio::test]
async fn pools_and_clients_round_trip() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    let created = client
        .create_user_pool()
        .pool_name("shop users")
        .policies(
            UserPoolPolicyType::builder()
                .password_policy(PasswordPolicyType::builder().minimum_length(12).build())
                .build(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool = created.user_pool().unwrap_or_else(|| panic!("a pool"));
    let id = pool.id().unwrap_or_default().to_string();
    let (region, suffix) = id.split_once('_').unwrap_or_default();
    assert_eq!(region, "us-east-1");
    assert_eq!(suffix.len(), 9);
    assert_eq!(
        pool.arn(),
        Some(format!("arn:aws:cognito-idp:us-east-1:123456789012:userpool/{id}").as_str())
    );
    let policy = pool
        .policies()
        .and_then(|p| p.password_policy())
        .cloned()
        .unwrap_or_else(|| panic!("policy"));
    assert_eq!(policy.minimum_length(), Some(12));
    assert!(
        !policy.require_symbols(),
        "a given policy is complete: what it leaves out is off"
    );
    let plain = client
        .create_user_pool()
        .pool_name("plain")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let plain_policy = plain
        .user_pool()
        .and_then(|p| p.policies())
        .and_then(|p| p.password_policy())
        .cloned();
    let plain_policy = plain_policy.unwrap_or_else(|| panic!("defaults"));
    assert_eq!(
        (
            plain_policy.minimum_length(),
            plain_policy.require_symbols()
        ),
        (Some(8), true),
        "the defaults"
    );

    let web = client
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("web")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let web = web
        .user_pool_client()
        .cloned()
        .unwrap_or_else(|| panic!("a client"));
    assert_eq!(web.client_id().map(str::len), Some(26));
    assert!(web.client_secret().is_none());
    assert!(
        !web.explicit_auth_flows()
            .contains(&ExplicitAuthFlowsType::AllowUserPasswordAuth),
        "not enabled by default"
    );
    let server = client
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("server")
        .generate_secret(true)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let server = server
        .user_pool_client()
        .cloned()
        .unwrap_or_else(|| panic!("a client"));
    let secret = server.client_secret().unwrap_or_default();
    assert!(
        secret.len() >= 24 && secret.chars().all(|c| c.is_ascii_alphanumeric()),
        "{secret}"
    );

    let described = client
        .describe_user_pool_client()
        .user_pool_id(&id)
        .client_id(server.client_id().unwrap_or_default())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        described.user_pool_client().and_then(|c| c.client_secret()),
        Some(secret)
    );
    let listed = client
        .list_user_pool_clients()
        .user_pool_id(&id)
        .max_results(1)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(listed.user_pool_clients().len(), 1);
    let rest = client
        .list_user_pool_clients()
        .user_pool_id(&id)
        .set_next_token(listed.next_token().map(String::from))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        rest.user_pool_clients()
            .first()
            .and_then(|c| c.client_name()),
        Some("server")
    );

    let pools = client
        .list_user_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(pools.user_pools().len(), 2);
    client
        .delete_user_pool()
        .user_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let gone = client
        .describe_user_pool()
        .user_pool_id(&id)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("deleted"));
    assert_eq!(common::code(&gone), "ResourceNotFoundException");
    assert_eq!(
        gone.as_service_error().and_then(|e| e.message()),
        Some(format!("User pool {id} does not exist.").as_str())
    );
}

#[tokio::test]
async fn user_pool_errors_use_invalid_parameter_exception() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    let bad = client
        .create_user_pool()
        .pool_name("bad/name")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("bad name"));
    assert_eq!(common::code(&bad), "InvalidParameterException");
    assert!(
        bad.as_service_error()
            .and_then(|e| e.message())
            .is_some_and(|m| m.contains("1 validation error detected"))
    );
    let short = client
        .create_user_pool()
        .pool_name("p")
        .policies(
            UserPoolPolicyType::builder()
                .password_policy(PasswordPolicyType::builder().minimum_length(5).build())
                .build(),
        )
        .send()
        .await;
    assert_eq!(
        short.err().map(|e| common::code(&e)),
        Some("InvalidParameterException".into())
    );
    let range = client.list_user_pools().max_results(61).send().await;
    assert_eq!(
        range.err().map(|e| common::code(&e)),
        Some("InvalidParameterException".into())
    );
    let unknown = client
        .create_user_pool_client()
        .user_pool_id("us-east-1_NoSuchOne")
        .client_name("x")
        .send()
        .await;
    assert_eq!(
        unknown.err().map(|e| common::code(&e)),
        Some("ResourceNotFoundException".into())
    );
}

#[tokio::test]
async fn the_demo_identity_pools_user_pools_exist() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pools = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut checked = 0;
    for pool in pools.identity_pools() {
        let d = identity
            .describe_identity_pool()
            .identity_pool_id(pool.identity_pool_id().unwrap_or_default())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        for provider in d.cognito_identity_providers() {
            let user_pool = provider
                .provider_name()
                .unwrap_or_default()
                .rsplit('/')
                .next()
                .unwrap_or_default();
            let c = client
                .describe_user_pool_client()
                .user_pool_id(user_pool)
                .client_id(provider.client_id().unwrap_or_default())
                .send()
                .await
                .unwrap_or_else(|e| panic!("{user_pool}: {e:?}"));
            assert!(c.user_pool_client().is_some());
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked}");
}

#[tokio::test]
async fn cdk_style_user_pool_settings_are_kept() {
    use aws_sdk_cognitoidentityprovider::types::{
        AdminCreateUserConfigType, DefaultEmailOptionType, MessageTemplateType,
        SmsConfigurationType, VerificationMessageTemplateType,
    };
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    // The service checks the SMS role at creation: it must trust Cognito user pools with the
    // external id and may publish with SNS.
    let iam = common::iam_client(&sb).await;
    common::sms_role(&iam, "cognito-sms", "external-123").await;
    let created = client
        .create_user_pool()
        .pool_name("cdk pool")
        .admin_create_user_config(
            AdminCreateUserConfigType::builder()
                .allow_admin_create_user_only(false)
                .invite_message_template(
                    MessageTemplateType::builder()
                        .email_subject("Welcome")
                        .email_message("Hello {username}, your password is {####}")
                        .sms_message("Hello {username}: {####}")
                        .build(),
                )
                .build(),
        )
        .verification_message_template(
            VerificationMessageTemplateType::builder()
                .default_email_option(DefaultEmailOptionType::ConfirmWithLink)
                .email_subject_by_link("Verify")
                .email_message_by_link("Click {##Verify##}")
                .build(),
        )
        .sms_configuration(
            SmsConfigurationType::builder()
                .sns_caller_arn("arn:aws:iam::123456789012:role/cognito-sms")
                .external_id("external-123")
                .build(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = created
        .user_pool()
        .and_then(|p| p.id())
        .unwrap_or_default()
        .to_string();
    let described = client
        .describe_user_pool()
        .user_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool = described
        .user_pool()
        .cloned()
        .unwrap_or_else(|| panic!("pool"));
    assert_eq!(
        pool.admin_create_user_config()
            .map(|c| c.allow_admin_create_user_only()),
        Some(false),
        "self sign-up"
    );
    assert_eq!(
        pool.admin_create_user_config()
            .and_then(|c| c.invite_message_template())
            .and_then(|t| t.email_subject()),
        Some("Welcome")
    );
    assert_eq!(
        pool.verification_message_template()
            .and_then(|t| t.default_email_option()),
        Some(&DefaultEmailOptionType::ConfirmWithLink)
    );
    assert_eq!(
        pool.sms_configuration().and_then(|s| s.external_id()),
        Some("external-123")
    );
}
