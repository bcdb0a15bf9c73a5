//! Scenarios of the conformance suite that have grown past one file's worth: the user pool
//! settings the wizard's new-user-pool form sends (the AWS CDK UserPool construct's), as
//! DescribeUserPool and DescribeUserPoolClient return them, and DeleteUserPoolClient.

use std::collections::BTreeMap;

/// Field → printed value, for one answer.
type Fields = BTreeMap<String, String>;

/// CreateUserPool with verification and invitation messages, auto-verified email and an SMS role;
/// a client with SRP and a secret; DeleteUserPoolClient, then describing it again.
pub async fn user_pool_settings(conf: &aws_types::SdkConfig, out: &mut BTreeMap<String, Fields>) {
    use aws_sdk_cognitoidentityprovider::types::{
        AdminCreateUserConfigType, DefaultEmailOptionType, ExplicitAuthFlowsType,
        MessageTemplateType, SmsConfigurationType, VerificationMessageTemplateType,
        VerifiedAttributeType,
    };
    let idp = aws_sdk_cognitoidentityprovider::Client::new(conf);
    // The SMS role, as the service requires it: trusting Cognito user pools with the external
    // id, allowed to publish with SNS.
    let iam = aws_sdk_iam::Client::new(conf);
    crate::common::sms_role(&iam, "settings-sms", "settings-external-id").await;
    let verification = VerificationMessageTemplateType::builder()
        .email_subject("Verify your email for our awesome app!")
        .email_message("Thanks for signing up! Your verification code is {####}")
        .sms_message("Your verification code is {####}")
        .default_email_option(DefaultEmailOptionType::ConfirmWithCode)
        .build();
    let invitation = MessageTemplateType::builder()
        .email_subject("Invite to join our awesome app!")
        .email_message("Hello {username}, your temporary password is {####}")
        .sms_message("Hello {username}, your temporary password is {####}")
        .build();
    let made = idp
        .create_user_pool()
        .pool_name("settings")
        .verification_message_template(verification)
        .admin_create_user_config(
            AdminCreateUserConfigType::builder()
                .allow_admin_create_user_only(true)
                .invite_message_template(invitation)
                .build(),
        )
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .sms_configuration(
            SmsConfigurationType::builder()
                .sns_caller_arn("arn:aws:iam::123456789012:role/settings-sms")
                .external_id("settings-external-id")
                .build(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = made
        .user_pool()
        .and_then(|p| p.id())
        .unwrap_or_default()
        .to_string();
    let described = idp
        .describe_user_pool()
        .user_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let pool = described
        .user_pool()
        .cloned()
        .unwrap_or_else(|| panic!("pool"));
    let template = pool.verification_message_template();
    let invite = pool
        .admin_create_user_config()
        .and_then(|c| c.invite_message_template());
    let sms = pool.sms_configuration();
    out.insert(
        "DescribeUserPool(settings)".into(),
        BTreeMap::from([
            (
                "EmailSubject".into(),
                format!("{:?}", template.and_then(|t| t.email_subject())),
            ),
            (
                "EmailMessage".into(),
                format!("{:?}", template.and_then(|t| t.email_message())),
            ),
            (
                "SmsMessage".into(),
                format!("{:?}", template.and_then(|t| t.sms_message())),
            ),
            (
                "DefaultEmailOption".into(),
                format!("{:?}", template.and_then(|t| t.default_email_option())),
            ),
            (
                "AllowAdminCreateUserOnly".into(),
                format!(
                    "{:?}",
                    pool.admin_create_user_config()
                        .map(|c| c.allow_admin_create_user_only())
                ),
            ),
            (
                "Invite EmailSubject".into(),
                format!("{:?}", invite.and_then(|t| t.email_subject())),
            ),
            (
                "Invite EmailMessage".into(),
                format!("{:?}", invite.and_then(|t| t.email_message())),
            ),
            (
                "Invite SMSMessage".into(),
                format!("{:?}", invite.and_then(|t| t.sms_message())),
            ),
            (
                "AutoVerifiedAttributes".into(),
                format!("{:?}", pool.auto_verified_attributes()),
            ),
            (
                "SnsCallerArn".into(),
                format!("{:?}", sms.map(|s| s.sns_caller_arn())),
            ),
            (
                "ExternalId".into(),
                format!("{:?}", sms.and_then(|s| s.external_id())),
            ),
        ]),
    );
    let client = idp
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("web")
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserSrpAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
        .generate_secret(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let client_id = client
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    let read = idp
        .describe_user_pool_client()
        .user_pool_id(&id)
        .client_id(&client_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let read = read
        .user_pool_client()
        .cloned()
        .unwrap_or_else(|| panic!("client"));
    out.insert(
        "DescribeUserPoolClient(settings)".into(),
        BTreeMap::from([
            (
                "ExplicitAuthFlows".into(),
                format!("{:?}", read.explicit_auth_flows()),
            ),
            (
                "has secret".into(),
                read.client_secret().is_some().to_string(),
            ),
        ]),
    );
    let deleted = idp
        .delete_user_pool_client()
        .user_pool_id(&id)
        .client_id(&client_id)
        .send()
        .await;
    let again = idp
        .describe_user_pool_client()
        .user_pool_id(&id)
        .client_id(&client_id)
        .send()
        .await
        .err();
    out.insert(
        "DeleteUserPoolClient".into(),
        BTreeMap::from([
            ("deleted".into(), deleted.is_ok().to_string()),
            (
                "describe after".into(),
                format!(
                    "{:?}",
                    again
                        .as_ref()
                        .and_then(|e| e.as_service_error())
                        .map(aws_sdk_cognitoidentityprovider::error::ProvideErrorMetadata::code)
                ),
            ),
        ]),
    );
}
