//! Cognito user pool calls of the create wizard: the pools and app clients to pick from.

use aws_sdk_cognitoidentityprovider::config::Region;
use aws_sdk_cognitoidentityprovider::{Client, Config};

use super::error::from_sdk;
use crate::app::AwsError;
use crate::app::response::{Named, Page};
use crate::domain::limits::MAX_PAGE;

/// One page of ListUserPools (60 a call, the most it gives).
pub async fn list_user_pools(
    client: &Client,
    next_token: Option<String>,
) -> Result<Page<Named>, AwsError> {
    let out = client
        .list_user_pools()
        .max_results(MAX_PAGE)
        .set_next_token(next_token)
        .send()
        .await
        .map_err(from_sdk)?;
    let pools = out
        .user_pools()
        .iter()
        .filter_map(|p| {
            Some((
                p.id()?.to_string(),
                p.name().unwrap_or_default().to_string(),
            ))
        })
        .collect();
    Ok((pools, out.next_token().map(String::from)))
}

/// One page of ListUserPoolClients, asked of the user pool's own region (the prefix of its id):
/// an identity pool may trust a user pool of another region, typed by its id.
pub async fn list_clients(
    client: &Client,
    user_pool_id: &str,
    next_token: Option<String>,
) -> Result<Page<Named>, AwsError> {
    let call = client
        .list_user_pool_clients()
        .user_pool_id(user_pool_id)
        .max_results(MAX_PAGE)
        .set_next_token(next_token);
    let out = match user_pool_id.split_once('_') {
        Some((region, _)) if !region.is_empty() => {
            call.customize()
                .config_override(Config::builder().region(Region::new(region.to_string())))
                .send()
                .await
        }
        _ => call.send().await,
    }
    .map_err(from_sdk)?;
    let clients = out
        .user_pool_clients()
        .iter()
        .filter_map(|c| {
            Some((
                c.client_id()?.to_string(),
                c.client_name().unwrap_or_default().to_string(),
            ))
        })
        .collect();
    Ok((clients, out.next_token().map(String::from)))
}

/// CreateUserPool with the wizard's settings; the new pool's id.
pub async fn create_user_pool(
    client: &Client,
    settings: &crate::domain::new_user_pool::UserPoolSettings,
) -> Result<String, AwsError> {
    use crate::domain::user_pool_messages::EmailStyle;
    use aws_sdk_cognitoidentityprovider::types::{
        AdminCreateUserConfigType, DefaultEmailOptionType, MessageTemplateType,
        SmsConfigurationType, VerificationMessageTemplateType, VerifiedAttributeType,
    };
    let v = &settings.verification;
    let template = match v.style {
        EmailStyle::Code => VerificationMessageTemplateType::builder()
            .email_subject(&v.email_subject)
            .email_message(&v.email_body)
            .default_email_option(DefaultEmailOptionType::ConfirmWithCode),
        EmailStyle::Link => VerificationMessageTemplateType::builder()
            .email_subject_by_link(&v.email_subject)
            .email_message_by_link(&v.email_body)
            .default_email_option(DefaultEmailOptionType::ConfirmWithLink),
    }
    .sms_message(&v.sms_message)
    .build();
    let i = &settings.invitation;
    let invitation = MessageTemplateType::builder()
        .email_subject(&i.email_subject)
        .email_message(&i.email_body)
        .sms_message(&i.sms_message)
        .build();
    let mut call = client
        .create_user_pool()
        .pool_name(&settings.name)
        .verification_message_template(template)
        .admin_create_user_config(
            AdminCreateUserConfigType::builder()
                .allow_admin_create_user_only(!settings.self_sign_up)
                // The SDK writes this member even when unset, as 0: an invitation that expires
                // at once. The service's default is 7 days.
                .unused_account_validity_days(7)
                .invite_message_template(invitation)
                .build(),
        );
    if settings.verify_email {
        call = call.auto_verified_attributes(VerifiedAttributeType::Email);
    }
    if let Some(sms) = &settings.sms {
        call = call.sms_configuration(
            SmsConfigurationType::builder()
                .sns_caller_arn(&sms.role_arn)
                .external_id(&sms.external_id)
                .build(),
        );
    }
    let out = call.send().await.map_err(from_sdk)?;
    Ok(out
        .user_pool()
        .and_then(|p| p.id())
        .unwrap_or_default()
        .to_string())
}

/// CreateUserPoolClient; the new client's id.
pub async fn create_client(
    client: &Client,
    user_pool_id: &str,
    settings: &crate::domain::new_user_pool::ClientSettings,
) -> Result<String, AwsError> {
    use aws_sdk_cognitoidentityprovider::types::ExplicitAuthFlowsType;
    let out = client
        .create_user_pool_client()
        .user_pool_id(user_pool_id)
        .client_name(&settings.name)
        .set_explicit_auth_flows(Some(
            settings
                .flows()
                .into_iter()
                .map(ExplicitAuthFlowsType::from)
                .collect(),
        ))
        .generate_secret(settings.secret)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(out
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string())
}

/// DeleteUserPoolClient.
pub async fn delete_client(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
) -> Result<(), AwsError> {
    client
        .delete_user_pool_client()
        .user_pool_id(user_pool_id)
        .client_id(client_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// DeleteUserPool.
pub async fn delete_user_pool(client: &Client, user_pool_id: &str) -> Result<(), AwsError> {
    client
        .delete_user_pool()
        .user_pool_id(user_pool_id)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}
