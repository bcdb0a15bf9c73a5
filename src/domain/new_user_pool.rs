//! A user pool and app client made for a new identity pool, as the AWS CDK UserPool construct
//! makes them: self sign-up off by default, the verification and invitation messages, an SMS role
//! (trusting Cognito user pools with an external id, allowed to publish to SNS), and an app
//! client with SRP on, password auth optional, refresh always, with or without a secret.

use super::user_pool_messages::{Invitation, Verification};
use super::validation::StrRule;

/// A user pool's name (`PoolName`).
pub const USER_POOL_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w\s+=,.@-]+"),
    allowed: "1–128 characters: letters, digits, spaces and + = , . @ _ -",
};

/// An app client's name (`ClientName`).
pub const CLIENT_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w\s+=,.@-]+"),
    allowed: "1–128 characters: letters, digits, spaces and + = , . @ _ -",
};

/// An SMS role's external id (`SmsConfiguration.ExternalId`): any text, but one is needed for
/// the role's trust condition to mean anything.
pub const EXTERNAL_ID: StrRule = StrRule {
    min: 2,
    max: 1224,
    pattern: Some(r"[\w+=,.@:/-]*"),
    allowed: "2–1,224 characters: letters, digits and + = , . @ : / _ - (IAM's sts:ExternalId)",
};

/// The new user pool's provider name in a plan or edit until CreateUserPool answers.
pub const NEW_USER_POOL: &str = "{new user pool}";
/// The new app client's id in a plan or edit until CreateUserPoolClient answers.
pub const NEW_CLIENT: &str = "{new app client}";

/// `cognito-idp.<region>.amazonaws.com/<userPoolId>`: a user pool's provider name (the logins
/// key of its tokens); the region is the user pool id's prefix.
pub fn user_pool_provider_name(user_pool_id: &str) -> String {
    let region = user_pool_id.split_once('_').map_or("", |(r, _)| r);
    format!("cognito-idp.{region}.amazonaws.com/{user_pool_id}")
}

/// `text` with the placeholders of a new user pool and client replaced by what was created.
pub fn fill_placeholders(text: &str, provider_name: &str, client_id: &str) -> String {
    text.replace(NEW_USER_POOL, provider_name)
        .replace(NEW_CLIENT, client_id)
}

/// Whether a provider name or client id is a placeholder for what is still to be created.
pub fn is_placeholder(text: &str) -> bool {
    text.contains(NEW_USER_POOL) || text.contains(NEW_CLIENT)
}

/// Where the plan's SMS role comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmsRolePlan {
    /// No SMS.
    None,
    /// Created first, with this name.
    New(String),
    /// This role of the account.
    Existing(String),
}

/// What the run creates before the identity pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUserPoolPlan {
    /// CreateUserPool's settings, without the SMS role's ARN (known once the role exists).
    pub settings: UserPoolSettings,
    /// CreateUserPoolClient's settings.
    pub client: ClientSettings,
    /// The SMS role.
    pub sms_role: SmsRolePlan,
    /// The external id the SMS role's trust names.
    pub external_id: String,
}

impl NewUserPoolPlan {
    /// CreateUserPool's settings with the SMS role's ARN.
    pub fn settings_with(&self, sms_role_arn: Option<String>) -> UserPoolSettings {
        let mut settings = self.settings.clone();
        settings.sms = sms_role_arn.map(|role_arn| SmsConfig {
            role_arn,
            external_id: self.external_id.clone(),
        });
        settings
    }
}

/// What CreateUserPool is sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserPoolSettings {
    /// `PoolName`.
    pub name: String,
    /// Users may sign themselves up (`AdminCreateUserConfig.AllowAdminCreateUserOnly` off).
    pub self_sign_up: bool,
    /// `VerificationMessageTemplate`.
    pub verification: Verification,
    /// `AdminCreateUserConfig.InviteMessageTemplate`.
    pub invitation: Invitation,
    /// Email addresses are verified by the verification message (`AutoVerifiedAttributes`).
    pub verify_email: bool,
    /// `SmsConfiguration`: the role Cognito assumes to send SMS and its external id.
    pub sms: Option<SmsConfig>,
}

/// The SMS role and the external id Cognito presents when it assumes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SmsConfig {
    /// The role's ARN.
    pub role_arn: String,
    /// `sts:ExternalId`.
    pub external_id: String,
}

/// What CreateUserPoolClient is sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientSettings {
    /// `ClientName`.
    pub name: String,
    /// USER_PASSWORD_AUTH besides SRP (the password then crosses the network to Cognito).
    pub password_auth: bool,
    /// `GenerateSecret`.
    pub secret: bool,
}

impl ClientSettings {
    /// `ExplicitAuthFlows`: SRP always, password when asked, refresh always.
    pub fn flows(&self) -> Vec<&'static str> {
        let mut flows = vec!["ALLOW_USER_SRP_AUTH"];
        if self.password_auth {
            flows.push("ALLOW_USER_PASSWORD_AUTH");
        }
        flows.push("ALLOW_REFRESH_TOKEN_AUTH");
        flows
    }
}

/// The trust policy of a new SMS role: Cognito user pools may assume it when they present the
/// external id.
pub fn sms_trust_policy(external_id: &str) -> String {
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "cognito-idp.amazonaws.com" },
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "sts:ExternalId": external_id } }
        }]
    });
    serde_json::to_string_pretty(&policy).unwrap_or_default()
}

/// What keeps an existing role's trust policy from serving as a user pool's SMS role with
/// `external_id`: Cognito user pools (`cognito-idp.amazonaws.com`) must be allowed
/// `sts:AssumeRole`, and an `sts:ExternalId` condition must name the same id.
pub fn sms_trust_problem(trust_policy: &str, external_id: &str) -> Option<String> {
    let Ok(policy) = serde_json::from_str::<serde_json::Value>(trust_policy) else {
        return Some("Its trust policy can't be read as JSON".into());
    };
    let listed = |value: &serde_json::Value, wanted: &[&str]| match value {
        serde_json::Value::String(s) => wanted.contains(&s.as_str()),
        serde_json::Value::Array(items) => items
            .iter()
            .any(|i| i.as_str().is_some_and(|s| wanted.contains(&s))),
        _ => false,
    };
    let statements = match &policy["Statement"] {
        serde_json::Value::Array(items) => items.clone(),
        single => vec![single.clone()],
    };
    let trusting = statements.iter().find(|s| {
        s["Effect"] == "Allow"
            && listed(&s["Principal"]["Service"], &["cognito-idp.amazonaws.com"])
            && listed(&s["Action"], &["sts:AssumeRole", "sts:*", "*"])
    });
    let Some(statement) = trusting else {
        return Some(
            "Its trust doesn't let cognito-idp.amazonaws.com sts:AssumeRole it: the user pool couldn't send SMS".into(),
        );
    };
    match statement["Condition"]["StringEquals"]["sts:ExternalId"].as_str() {
        Some(required) if required != external_id => Some(format!(
            "Its trust requires the external id {required}: use the same one here"
        )),
        _ => None,
    }
}

/// Whether any of a role's permission policies allows `sns:Publish` (what Cognito needs of an
/// SMS role; an explicit deny is not weighed — the sandbox's check, not IAM's evaluation).
pub fn allows_sms(documents: &[&str]) -> bool {
    let allows = |action: &serde_json::Value| {
        let one = |a: &str| {
            let a = a.to_ascii_lowercase();
            a == "sns:publish" || a == "sns:*" || a == "*"
        };
        match action {
            serde_json::Value::String(a) => one(a),
            serde_json::Value::Array(items) => items.iter().filter_map(|i| i.as_str()).any(one),
            _ => false,
        }
    };
    documents.iter().any(|document| {
        let Ok(policy) = serde_json::from_str::<serde_json::Value>(document) else {
            return false;
        };
        let statements = match &policy["Statement"] {
            serde_json::Value::Array(items) => items.clone(),
            single => vec![single.clone()],
        };
        statements
            .iter()
            .any(|s| s["Effect"] == "Allow" && allows(&s["Action"]))
    })
}

/// The inline policy name of a new SMS role.
pub const SMS_POLICY_NAME: &str = "sns-publish";

/// The permissions of a new SMS role: publishing SMS through SNS.
pub fn sms_publish_policy() -> String {
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Action": "sns:Publish", "Resource": "*" }]
    });
    serde_json::to_string_pretty(&policy).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_sms_roles_trust_is_checked_for_cognito_and_the_external_id() {
        let ours = sms_trust_policy("id-1");
        assert_eq!(sms_trust_problem(&ours, "id-1"), None);
        assert!(
            sms_trust_problem(&ours, "id-2").is_some_and(|p| p.contains("id-1")),
            "another external id"
        );
        let identity = crate::domain::policy::cognito_trust_policy(
            "us-east-1:p",
            crate::domain::policy::Audience::Authenticated,
            false,
        );
        assert!(
            sms_trust_problem(&identity, "id-1").is_some_and(|p| p.contains("cognito-idp")),
            "an identity pool role is no SMS role"
        );
        assert!(sms_trust_problem("{", "id-1").is_some());
    }

    #[test]
    fn an_sms_role_must_be_allowed_to_publish() {
        assert!(allows_sms(&[&sms_publish_policy()]));
        assert!(allows_sms(&[
            r#"{"Statement":{"Effect":"Allow","Action":["s3:GetObject","SNS:Publish"],"Resource":"*"}}"#
        ]));
        assert!(!allows_sms(&[
            r#"{"Statement":[{"Effect":"Deny","Action":"sns:Publish","Resource":"*"}]}"#,
            &crate::domain::policy::cognito_basic_permissions()
        ]));
        assert!(!allows_sms(&[]));
    }

    #[test]
    fn srp_and_refresh_always_password_only_when_asked() {
        let mut client = ClientSettings::default();
        assert_eq!(
            client.flows(),
            ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
        );
        client.password_auth = true;
        assert_eq!(
            client.flows(),
            [
                "ALLOW_USER_SRP_AUTH",
                "ALLOW_USER_PASSWORD_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH"
            ]
        );
    }

    #[test]
    fn the_sms_role_trusts_cognito_idp_with_the_external_id_and_passes_iams_grammar() {
        let trust = sms_trust_policy("c87467be-4f34");
        let value: serde_json::Value = serde_json::from_str(&trust).unwrap_or_default();
        assert_eq!(
            value["Statement"][0]["Principal"]["Service"],
            "cognito-idp.amazonaws.com"
        );
        assert_eq!(
            value["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"],
            "c87467be-4f34"
        );
        use crate::domain::policy::{PolicyKind, check};
        assert!(check(&trust, PolicyKind::Trust).is_ok());
        assert!(check(&sms_publish_policy(), PolicyKind::Permissions).is_ok());
    }
}
