//! Test access as data: who signs in ([`Attempt`]) and what the pool handed out ([`Trial`]).
//! The console's Test access panel and `cognito-tui test-access` ask the runner for the same
//! attempt (`aws::test_access` makes the calls), so both sign in exactly as an app does.

use serde_json::Value;

use super::error::AwsError;

/// A secret (a password, a token, a secret key): compared and cloned like a string, but `{:?}`
/// never shows it, so it can't reach a log, an effect's debug print or a panic message.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub String);

impl Secret {
    /// The secret itself, for the one call that sends it.
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = if self.0.is_empty() { "empty" } else { "set" };
        write!(f, "Secret(<{state}>)")
    }
}

/// How a user-pool user signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flow {
    /// USER_SRP_AUTH when the client allows it, else USER_PASSWORD_AUTH.
    #[default]
    Auto,
    /// USER_SRP_AUTH: the password never leaves this machine.
    Srp,
    /// USER_PASSWORD_AUTH: the password is sent (over TLS) to the user pool.
    Password,
}

impl Flow {
    /// The flow's name as the user pool's InitiateAuth takes it.
    pub fn auth_flow(self) -> &'static str {
        match self {
            Flow::Auto | Flow::Srp => "USER_SRP_AUTH",
            Flow::Password => "USER_PASSWORD_AUTH",
        }
    }

    /// The app client setting that allows it.
    pub fn client_flag(self) -> &'static str {
        match self {
            Flow::Auto | Flow::Srp => "ALLOW_USER_SRP_AUTH",
            Flow::Password => "ALLOW_USER_PASSWORD_AUTH",
        }
    }
}

/// A user-pool user's sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSignIn {
    /// The user pool (`us-east-1_Ord3rsPl1`).
    pub user_pool_id: String,
    /// The app client.
    pub client_id: String,
    /// The user name (or an alias the pool accepts).
    pub username: String,
    /// The password.
    pub password: Secret,
    /// The flow.
    pub flow: Flow,
}

/// Who signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// A guest: no login.
    Guest,
    /// A user of one of the pool's user pool providers.
    User(UserSignIn),
    /// The answer to NEW_PASSWORD_REQUIRED: the sign-in it continues, the session, the new password.
    NewPassword {
        /// The sign-in that was challenged.
        sign_in: UserSignIn,
        /// The challenge's session.
        session: Secret,
        /// The new password.
        new_password: Secret,
    },
    /// A token of a configured provider, sent as it is under the provider's logins key.
    Token {
        /// The logins key (`accounts.google.com`, an OIDC or SAML provider ARN, a user pool's
        /// provider name).
        provider: String,
        /// The ID token, OIDC token or SAML assertion.
        token: Secret,
    },
    /// A developer user: GetOpenIdTokenForDeveloperIdentity with the operator's credentials.
    Developer {
        /// The pool's developer provider name.
        provider_name: String,
        /// The developer user identifier.
        user_id: String,
    },
}

impl Attempt {
    /// How the attempt is named in the result ("guest", "user", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Attempt::Guest => "guest",
            Attempt::User(_) | Attempt::NewPassword { .. } => "user",
            Attempt::Token { .. } => "token",
            Attempt::Developer { .. } => "developer",
        }
    }
}

/// One call made and how long it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The operation.
    pub call: &'static str,
    /// Milliseconds from send to answer.
    pub millis: f64,
}

/// Whether the identity existed before this sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Novelty {
    /// Made by this sign-in.
    New,
    /// Made earlier (its creation date, RFC 3339).
    Existing(String),
    /// DescribeIdentity could not say (its error).
    Unknown(String),
}

/// What the pool handed out.
#[derive(Debug, Clone, PartialEq)]
pub struct Access {
    /// The identity (GetId's, or GetOpenIdTokenForDeveloperIdentity's).
    pub identity_id: String,
    /// Whether it is new.
    pub novelty: Novelty,
    /// STS's caller: `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    pub caller_arn: String,
    /// The role that ARN names, as an IAM role ARN.
    pub role_arn: Option<String>,
    /// The access key id (not secret; shown shortened).
    pub access_key_id: String,
    /// The secret key (never shown unless asked for).
    pub secret_key: Secret,
    /// The session token (never shown unless asked for).
    pub session_token: Secret,
    /// When the credentials expire (RFC 3339).
    pub expiration: Option<String>,
    /// The logins key the token went under (None for a guest).
    pub logins_key: Option<String>,
    /// The token's claims, decoded (not verified), when it is a JWT.
    pub claims: Option<Value>,
    /// The user pool flow used, for a user.
    pub flow: Option<&'static str>,
    /// The calls, in order.
    pub steps: Vec<Step>,
}

/// A failed attempt: the calls that were made, and why the last one failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The calls made, the failed one last.
    pub steps: Vec<Step>,
    /// The call that failed (the last step's, or the check made before any call).
    pub call: &'static str,
    /// The service's answer, or what the console found before calling.
    pub error: AwsError,
    /// What the operator can do, in words, when it is known.
    pub advice: Option<String>,
    /// The claims of the token sent, decoded (not verified), when there was one and it is a JWT.
    pub claims: Option<Value>,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Trial {
    /// Credentials were issued.
    Issued(Box<Access>),
    /// Refused.
    Refused(Refused),
    /// The user must choose a new password first (NEW_PASSWORD_REQUIRED).
    NewPasswordRequired {
        /// The sign-in challenged.
        sign_in: UserSignIn,
        /// The challenge's session.
        session: Secret,
        /// The calls made so far.
        steps: Vec<Step>,
    },
}

/// `arn:aws:sts::123:assumed-role/orders-app-guest/CognitoIdentityCredentials` →
/// `arn:aws:iam::123:role/orders-app-guest`.
pub fn role_of_caller(caller_arn: &str) -> Option<String> {
    let rest = caller_arn.strip_prefix("arn:aws:sts::")?;
    let (account, resource) = rest.split_once(':')?;
    let role = resource.strip_prefix("assumed-role/")?.split('/').next()?;
    Some(format!("arn:aws:iam::{account}:role/{role}"))
}

/// Whether `expected` (a role name or ARN) names `role_arn`.
pub fn role_matches(role_arn: &str, expected: &str) -> bool {
    role_arn == expected
        || role_arn
            .rsplit('/')
            .next()
            .is_some_and(|name| name == expected)
}

/// `ASIAXXXXXXXXEXAMPLE` → `ASIA…MPLE`: enough to tell keys apart, not to use one.
pub fn shortened(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 8 {
        return key.to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

/// What to do about a refusal, for the codes a sign-in meets.
pub fn advice(call: &str, error: &AwsError) -> Option<String> {
    let code = error.code.as_deref()?;
    let text = match code {
        "NotAuthorizedException" if call == "GetId" || call == "GetCredentialsForIdentity" => {
            if error.message.contains("Unauthenticated access") {
                "Guest access is off for this pool: turn it on in User access, or sign in as a user."
            } else {
                "The pool did not accept the login: check that the token's provider and audience are the pool's (User access → Identity providers)."
            }
        }
        "NotAuthorizedException" if error.message.contains("secret hash") => {
            "The app client has a secret: the console sends SECRET_HASH from DescribeUserPoolClient's ClientSecret; check the client id."
        }
        "NotAuthorizedException" => {
            "Wrong user name or password (or the user is disabled): check them, or set a password with admin-set-user-password."
        }
        "UserNotFoundException" => {
            "No such user in the user pool: check the name, or create the user with admin-create-user."
        }
        "PasswordResetRequiredException" => {
            "The user must reset their password first: set one with admin-set-user-password --permanent."
        }
        "UserNotConfirmedException" => {
            "The user has not confirmed their sign-up: confirm them with admin-confirm-sign-up."
        }
        // The service words it "… flow not enabled for this client" or "… is not enabled for the client".
        "InvalidParameterException" if error.message.contains("not enabled") => {
            if error.message.contains("USER_SRP_AUTH") {
                "The app client does not allow USER_SRP_AUTH: turn on ALLOW_USER_SRP_AUTH in its ExplicitAuthFlows, or pick the USER_PASSWORD_AUTH flow."
            } else if error.message.contains("USER_PASSWORD_AUTH") {
                "The app client does not allow USER_PASSWORD_AUTH: turn on ALLOW_USER_PASSWORD_AUTH in its ExplicitAuthFlows, or pick the USER_SRP_AUTH flow."
            } else {
                "The app client does not allow this flow: turn on ALLOW_USER_SRP_AUTH (or ALLOW_USER_PASSWORD_AUTH) in its ExplicitAuthFlows, or pick the other flow."
            }
        }
        "InvalidIdentityPoolConfigurationException" => {
            "The role's trust policy does not admit this pool's identities (see the trust check below)."
        }
        "ResourceNotFoundException" => "The pool, user pool or client no longer exists.",
        _ => return None,
    };
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_is_read_off_the_callers_arn() {
        assert_eq!(
            role_of_caller(
                "arn:aws:sts::123456789012:assumed-role/orders-app-guest/CognitoIdentityCredentials"
            ),
            Some("arn:aws:iam::123456789012:role/orders-app-guest".into())
        );
        assert_eq!(role_of_caller("arn:aws:iam::123456789012:user/ops"), None);
        let role = "arn:aws:iam::123456789012:role/orders-app-guest";
        assert!(role_matches(role, "orders-app-guest"));
        assert!(role_matches(role, role));
        assert!(!role_matches(role, "orders-app-auth"));
        assert!(!role_matches(role, "guest"));
    }

    #[test]
    fn each_refusal_a_sign_in_meets_has_advice_naming_what_to_change() {
        let said = |call: &str, code: &str, message: &str| {
            advice(call, &AwsError::service(code, message)).unwrap_or_default()
        };
        assert!(
            said(
                "InitiateAuth",
                "InvalidParameterException",
                "USER_SRP_AUTH is not enabled for the client."
            )
            .contains("turn on ALLOW_USER_SRP_AUTH")
        );
        assert!(
            said(
                "InitiateAuth",
                "InvalidParameterException",
                "USER_PASSWORD_AUTH flow not enabled for this client"
            )
            .contains("turn on ALLOW_USER_PASSWORD_AUTH")
        );
        assert!(
            said(
                "InitiateAuth",
                "PasswordResetRequiredException",
                "Password reset required for the user"
            )
            .contains("admin-set-user-password --permanent")
        );
        assert!(
            said(
                "GetId",
                "NotAuthorizedException",
                "Unauthenticated access is not supported for this identity pool."
            )
            .contains("Guest access is off")
        );
        assert!(
            said(
                "InitiateAuth",
                "NotAuthorizedException",
                "Incorrect username or password."
            )
            .contains("Wrong user name or password")
        );
        assert!(
            said(
                "InitiateAuth",
                "UserNotFoundException",
                "User does not exist."
            )
            .contains("admin-create-user")
        );
        assert_eq!(
            advice(
                "GetId",
                &AwsError::service("ThrottlingException", "Rate exceeded")
            ),
            None
        );
    }

    #[test]
    fn keys_are_shortened_and_secrets_never_debug_printed() {
        assert_eq!(shortened("ASIAXXXXXXXXEXAMPLE"), "ASIA…MPLE");
        assert_eq!(shortened("short"), "short");
        let attempt = Attempt::User(UserSignIn {
            user_pool_id: "us-east-1_X".into(),
            client_id: "c".into(),
            username: "u".into(),
            password: Secret("hunter2-Passw0rd".into()),
            flow: Flow::Srp,
        });
        let printed = format!("{attempt:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("Secret(<set>)"), "{printed}");
    }
}
