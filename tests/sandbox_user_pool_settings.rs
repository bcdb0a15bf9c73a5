//! CreateUserPool's message settings in the sandbox, through the official SDK: kept exactly as
//! sent, templates refused as the model's constraints say (InvalidParameterException naming the
//! member and the pattern), an invitation without `{username}` refused, and DeleteUserPoolClient.

mod common;

use aws_sdk_cognitoidentityprovider::error::ProvideErrorMetadata;
use aws_sdk_cognitoidentityprovider::types::{
    AdminCreateUserConfigType, DefaultEmailOptionType, MessageTemplateType,
    VerificationMessageTemplateType,
};
use cognito_tui::sandbox::Seed;

#[tokio::test]
async fn message_templates_are_kept_or_refused_as_the_service_does() {
    let sb = common::sandbox(Seed::Empty).await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let by_link = VerificationMessageTemplateType::builder()
        .email_subject_by_link("Verify your email")
        .email_message_by_link("Please {##Verify Email##} to finish")
        .default_email_option(DefaultEmailOptionType::ConfirmWithLink)
        .sms_message("Your code is {####}")
        .build();
    let made = idp
        .create_user_pool()
        .pool_name("by-link")
        .verification_message_template(by_link.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = made.user_pool().and_then(|p| p.id()).unwrap_or_default();
    let read = idp
        .describe_user_pool()
        .user_pool_id(id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        read.user_pool()
            .and_then(|p| p.verification_message_template()),
        Some(&by_link),
        "kept exactly"
    );

    let no_code = idp
        .create_user_pool()
        .pool_name("no-code")
        .verification_message_template(
            VerificationMessageTemplateType::builder()
                .sms_message("Welcome aboard!")
                .build(),
        )
        .send()
        .await
        .err();
    let no_code = no_code.as_ref().and_then(|e| e.as_service_error());
    assert_eq!(
        no_code.and_then(|e| e.code()),
        Some("InvalidParameterException")
    );
    let message = no_code.and_then(|e| e.message()).unwrap_or_default();
    assert!(
        message.contains("'verificationMessageTemplate.smsMessage'")
            && message.contains(r"Member must satisfy regular expression pattern: .*\{####\}.*"),
        "{message}"
    );

    let no_user = idp
        .create_user_pool()
        .pool_name("no-user")
        .admin_create_user_config(
            AdminCreateUserConfigType::builder()
                .invite_message_template(
                    MessageTemplateType::builder()
                        .sms_message("Your temporary password is {####}")
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .err();
    let no_user = no_user.as_ref().and_then(|e| e.as_service_error());
    assert_eq!(
        no_user.and_then(|e| e.code()),
        Some("InvalidParameterException")
    );
    assert!(
        no_user
            .and_then(|e| e.message())
            .is_some_and(|m| m.contains("{username}")),
        "{no_user:?}"
    );
    let listed = idp
        .list_user_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(listed.user_pools().len(), 1, "nothing refused was made");

    let client = idp
        .create_user_pool_client()
        .user_pool_id(id)
        .client_name("web")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let client_id = client
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default();
    idp.delete_user_pool_client()
        .user_pool_id(id)
        .client_id(client_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let again = idp
        .delete_user_pool_client()
        .user_pool_id(id)
        .client_id(client_id)
        .send()
        .await
        .err();
    assert_eq!(
        again.as_ref().and_then(|e| e.code()),
        Some("ResourceNotFoundException")
    );
}

#[tokio::test]
async fn an_sms_role_must_trust_cognito_and_may_publish_with_sns() {
    use aws_sdk_cognitoidentityprovider::types::SmsConfigurationType;
    use cognito_tui::domain::new_user_pool::{sms_publish_policy, sms_trust_policy};
    let sb = common::sandbox(Seed::Demo).await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let create = |role: &str| {
        idp.create_user_pool()
            .pool_name("sms")
            .sms_configuration(
                SmsConfigurationType::builder()
                    .sns_caller_arn(format!("arn:aws:iam::123456789012:role/{role}"))
                    .external_id("ext-1")
                    .build(),
            )
            .send()
    };
    // An identity pool's role trusts cognito-identity, not Cognito user pools.
    let refused = create("orders-app-auth").await.err();
    assert_eq!(
        refused.as_ref().and_then(|e| e.code()),
        Some("InvalidSmsRoleTrustRelationshipException")
    );
    assert_eq!(
        refused.as_ref().and_then(|e| e.message()),
        Some("Role does not have a trust relationship allowing Cognito to assume the role")
    );
    // Trusted, but with no permission to publish.
    iam.create_role()
        .role_name("sms-no-publish")
        .assume_role_policy_document(sms_trust_policy("ext-1"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let refused = create("sms-no-publish").await.err();
    assert_eq!(
        refused.as_ref().and_then(|e| e.code()),
        Some("InvalidSmsRoleAccessPolicyException")
    );
    assert_eq!(
        refused.as_ref().and_then(|e| e.message()),
        Some("Role does not have permission to publish with SNS")
    );
    // With the policy it is accepted; another external id is not.
    iam.put_role_policy()
        .role_name("sms-no-publish")
        .policy_name("sns")
        .policy_document(sms_publish_policy())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    create("sms-no-publish")
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let other = idp
        .create_user_pool()
        .pool_name("sms-other-id")
        .sms_configuration(
            SmsConfigurationType::builder()
                .sns_caller_arn("arn:aws:iam::123456789012:role/sms-no-publish")
                .external_id("ext-2")
                .build(),
        )
        .send()
        .await
        .err();
    assert_eq!(
        other.as_ref().and_then(|e| e.code()),
        Some("InvalidSmsRoleTrustRelationshipException")
    );
}
