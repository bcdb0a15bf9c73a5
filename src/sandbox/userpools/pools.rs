//! CreateUserPool, DescribeUserPool, ListUserPools, DeleteUserPool.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use super::{
    INVALID, NEXT_TOKEN, StoredUserPool, UserPools, now, pool_in, pool_not_found, random_text,
};
use crate::domain::user_pool_messages as messages;
use crate::domain::validation::StrRule;
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::SANDBOX_ACCOUNT;

pub use crate::domain::limits::USER_POOL_ID;
/// `PoolName`.
pub use crate::domain::new_user_pool::USER_POOL_NAME as POOL_NAME;

/// `DefaultEmailOption`.
const EMAIL_OPTIONS: &[&str] = &["CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"];

/// `SmsConfiguration.SnsCallerArn` (the model's OptionalArnType).
const SNS_CALLER_ARN: StrRule = StrRule {
    min: 0,
    max: 2048,
    pattern: Some(
        r"(arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?)?",
    ),
    allowed: "an IAM role ARN",
};

/// `SmsConfiguration.SnsRegion` (the model's RegionCodeType).
const SNS_REGION: StrRule = StrRule {
    min: 5,
    max: 32,
    pattern: None,
    allowed: "a region code",
};

/// A string with no constraint in the model (`ExternalId`).
const ANY_STRING: StrRule = StrRule {
    min: 0,
    max: 131_072,
    pattern: None,
    allowed: "any text",
};

/// The defaults DescribeUserPool shows for what CreateUserPool left out.
pub(super) fn defaults() -> Map<String, Value> {
    let value = json!({
        "Policies": { "PasswordPolicy": {
            "MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true,
            "RequireNumbers": true, "RequireSymbols": true, "TemporaryPasswordValidityDays": 7
        }},
        "MfaConfiguration": "OFF",
        "EstimatedNumberOfUsers": 0,
        "AdminCreateUserConfig": { "AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7 },
        "UserPoolTier": "ESSENTIALS",
        "DeletionProtection": "INACTIVE"
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// CreateUserPool: only `PoolName` is required; the rest of the request is kept and echoed.
pub fn create(
    pools: &mut UserPools,
    iam: &crate::sandbox::iam::IamState,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let name = input.string("PoolName", &POOL_NAME, true);
    // Only checked here (6–99); the value itself is kept with the rest of the request.
    let _ = input.object("Policies", false, |policies| {
        policies.object("PasswordPolicy", false, |p| {
            p.integer("MinimumLength", 6, 99, false)
        })
    });
    let _ = input.object("VerificationMessageTemplate", false, |t| {
        t.string("SmsMessage", &messages::SMS_MESSAGE, false);
        t.string("EmailMessage", &messages::EMAIL_MESSAGE, false);
        t.string("EmailSubject", &messages::EMAIL_SUBJECT, false);
        t.string(
            "EmailMessageByLink",
            &messages::EMAIL_MESSAGE_BY_LINK,
            false,
        );
        t.string("EmailSubjectByLink", &messages::EMAIL_SUBJECT, false);
        t.enumerated("DefaultEmailOption", EMAIL_OPTIONS, false);
    });
    let invitation = input.object("AdminCreateUserConfig", false, |config| {
        config.boolean("AllowAdminCreateUserOnly", false);
        config.integer("UnusedAccountValidityDays", 0, 365, false);
        config.object("InviteMessageTemplate", false, |t| {
            let sms = t.string("SMSMessage", &messages::INVITE_SMS, false);
            let email = t.string("EmailMessage", &messages::INVITE_EMAIL, false);
            t.string("EmailSubject", &messages::EMAIL_SUBJECT, false);
            (sms, email)
        })
    });
    let sms_role = input.object("SmsConfiguration", false, |sms| {
        let arn = sms.string("SnsCallerArn", &SNS_CALLER_ARN, false);
        let external_id = sms.string("ExternalId", &ANY_STRING, false);
        sms.string("SnsRegion", &SNS_REGION, false);
        arn.filter(|a| !a.is_empty())
            .map(|arn| (arn, external_id.unwrap_or_default()))
    });
    let _ = input.enum_list("AutoVerifiedAttributes", &["phone_number", "email"]);
    let request = input.raw().clone();
    input.finish_as(INVALID)?;
    if let Some(Some((arn, external_id))) = &sms_role {
        sms_role_usable(iam, arn, external_id)?;
    }
    // Beyond the model: an invitation must name the user.
    if let Some(Some((sms, email))) = invitation {
        for (what, message) in [("SMS", sms), ("email", email)] {
            if let Some(message) = message
                && !messages::names_the_user(&message)
            {
                return Err(ServiceError::client(
                    INVALID,
                    format!(
                        "The invitation {what} message must contain the {{username}} placeholder."
                    ),
                ));
            }
        }
    }
    let id = format!(
        "{region}_{}",
        random_text(
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            9
        )
    );
    let created = now();
    let mut description = defaults();
    for (key, value) in request {
        // A given password policy is complete: what it leaves out is off (or the service's default
        // length and temporary-password validity); the all-on defaults apply only without one.
        if key == "Policies"
            && let Some(Value::Object(given)) = value.get("PasswordPolicy")
        {
            let mut policy = json!({
                "MinimumLength": 8, "RequireUppercase": false, "RequireLowercase": false,
                "RequireNumbers": false, "RequireSymbols": false, "TemporaryPasswordValidityDays": 7
            });
            if let Value::Object(policy) = &mut policy {
                policy.extend(given.clone());
            }
            description.insert("Policies".into(), json!({ "PasswordPolicy": policy }));
            continue;
        }
        description.insert(key, value);
    }
    description.remove("PoolName");
    description.insert("Id".into(), json!(id));
    description.insert("Name".into(), json!(name.unwrap_or_default()));
    description.insert(
        "Arn".into(),
        json!(format!(
            "arn:aws:cognito-idp:{region}:{SANDBOX_ACCOUNT}:userpool/{id}"
        )),
    );
    description.insert("CreationDate".into(), json!(created));
    description.insert("LastModifiedDate".into(), json!(created));
    pools.next_seq += 1;
    let pool = StoredUserPool::new(pools.next_seq, description.clone());
    pools.pools.insert(id, pool);
    Ok(json!({ "UserPool": description }))
}

/// The SMS role Cognito would assume to send SMS: it must trust Cognito user pools with the
/// external id, and be allowed to publish with SNS (the service checks both at creation).
fn sms_role_usable(
    iam: &crate::sandbox::iam::IamState,
    arn: &str,
    external_id: &str,
) -> Result<(), ServiceError> {
    use crate::domain::new_user_pool::{allows_sms, sms_trust_problem};
    let name = crate::domain::roles::role_name(arn);
    let trusted = iam
        .roles
        .get(name)
        .filter(|role| sms_trust_problem(&role.trust_policy, external_id).is_none());
    let Some(role) = trusted else {
        return Err(ServiceError::client(
            "InvalidSmsRoleTrustRelationshipException",
            "Role does not have a trust relationship allowing Cognito to assume the role",
        ));
    };
    let documents: Vec<&str> = role
        .inline_policies
        .values()
        .map(String::as_str)
        .chain(
            role.attached
                .iter()
                .filter_map(|p| iam.policies.get(p).map(|m| m.document.as_str())),
        )
        .collect();
    if !allows_sms(&documents) {
        return Err(ServiceError::client(
            "InvalidSmsRoleAccessPolicyException",
            "Role does not have permission to publish with SNS",
        ));
    }
    Ok(())
}

fn pool_id(input: &mut Input) -> String {
    input.required("UserPoolId", &USER_POOL_ID)
}

/// DescribeUserPool.
pub fn describe(pools: &UserPools, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let id = pool_id(&mut input);
    input.finish_as(INVALID)?;
    Ok(json!({ "UserPool": pool_in(pools, region, &id)?.description }))
}

/// DeleteUserPool.
pub fn delete(
    pools: &mut UserPools,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let id = pool_id(&mut input);
    input.finish_as(INVALID)?;
    pool_in(pools, region, &id)?;
    pools.pools.remove(&id).ok_or_else(|| pool_not_found(&id))?;
    Ok(json!({}))
}

/// ListUserPools: `MaxResults` (1–60, required) a page, in creation order.
pub fn list(pools: &UserPools, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let max = input.integer("MaxResults", 1, 60, true);
    let token = input.string("NextToken", &NEXT_TOKEN, false);
    input.finish_as(INVALID)?;
    let after = match token {
        Some(token) => URL_SAFE_NO_PAD
            .decode(&token)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| t.strip_prefix("user-pools-after:")?.parse::<u64>().ok())
            .ok_or_else(|| ServiceError::client(INVALID, "The NextToken is not valid."))?,
        None => 0,
    };
    let max = usize::try_from(max.unwrap_or(1)).unwrap_or(1);
    let mut in_region: Vec<&StoredUserPool> = pools
        .pools
        .iter()
        .filter(|(id, p)| id.starts_with(&format!("{region}_")) && p.seq > after)
        .map(|(_, p)| p)
        .collect();
    in_region.sort_by_key(|p| p.seq);
    let page: Vec<Value> = in_region
        .iter()
        .take(max)
        .map(|p| {
            let d = &p.description;
            json!({
                "Id": d.get("Id"), "Name": d.get("Name"), "LambdaConfig": d.get("LambdaConfig").cloned().unwrap_or(json!({})),
                "CreationDate": d.get("CreationDate"), "LastModifiedDate": d.get("LastModifiedDate"),
            })
        })
        .collect();
    let mut out = json!({ "UserPools": page });
    if in_region.len() > max
        && let Some(last) = in_region.get(max - 1)
    {
        out["NextToken"] = json!(URL_SAFE_NO_PAD.encode(format!("user-pools-after:{}", last.seq)));
    }
    Ok(out)
}
