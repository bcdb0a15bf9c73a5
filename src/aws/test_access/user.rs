//! A user pool user's sign-in, as an app makes it: DescribeUserPoolClient (which flows the client
//! allows, and its secret for SECRET_HASH), then InitiateAuth with USER_SRP_AUTH (the password
//! proved with `domain::srp`, never sent) or USER_PASSWORD_AUTH, and RespondToAuthChallenge for
//! PASSWORD_VERIFIER; NEW_PASSWORD_REQUIRED goes back to the caller to answer.

use aws_sdk_cognitoidentityprovider::types::{AuthFlowType, ChallengeNameType};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::{Calls, Login, SignedIn, Stop};
use crate::app::test_access::{Flow, Secret, UserSignIn};
use crate::app::{AwsError, ErrorKind};
use crate::aws::{Clients, from_sdk};
use crate::domain::srp;

type Idp = aws_sdk_cognitoidentityprovider::Client;

/// The user pools client for the user pool's own region (its id starts with it).
fn client_for(clients: &Clients, user_pool_id: &str) -> Idp {
    let region = user_pool_id.split('_').next().unwrap_or_default();
    let same = clients
        .user_pools
        .config()
        .region()
        .is_some_and(|r| r.as_ref() == region);
    if same || region.is_empty() {
        return clients.user_pools.clone();
    }
    Idp::from_conf(
        clients
            .user_pools
            .config()
            .to_builder()
            .region(aws_types::region::Region::new(region.to_string()))
            .build(),
    )
}

/// SECRET_HASH = Base64(HMAC-SHA256(client secret, user name + client id)).
pub fn secret_hash(secret: &str, username: &str, client_id: &str) -> String {
    use aws_lc_rs::hmac;
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    STANDARD.encode(hmac::sign(&key, format!("{username}{client_id}").as_bytes()).as_ref())
}

/// The flow to use: the one asked for, or for Auto SRP when the client allows it (a client
/// without ExplicitAuthFlows allows it), else the password flow; an error naming the flags when
/// the client allows neither.
fn choose(asked: Flow, client_id: &str, flows: &[String]) -> Result<Flow, AwsError> {
    if asked != Flow::Auto {
        return Ok(asked);
    }
    let allows = |flag: &str| flows.iter().any(|f| f == flag);
    if flows.is_empty() || allows("ALLOW_USER_SRP_AUTH") {
        Ok(Flow::Srp)
    } else if allows("ALLOW_USER_PASSWORD_AUTH") || allows("USER_PASSWORD_AUTH") {
        Ok(Flow::Password)
    } else {
        Err(AwsError::new(
            ErrorKind::Other,
            format!(
                "The app client {client_id} allows neither USER_SRP_AUTH nor USER_PASSWORD_AUTH (it allows {}): turn on ALLOW_USER_SRP_AUTH or ALLOW_USER_PASSWORD_AUTH in its ExplicitAuthFlows.",
                flows.join(", ")
            ),
        ))
    }
}

/// What InitiateAuth / RespondToAuthChallenge answered.
struct Answer {
    challenge: Option<ChallengeNameType>,
    session: Option<String>,
    id_token: Option<String>,
}

impl Answer {
    /// From what InitiateAuth or RespondToAuthChallenge answered.
    fn of(
        challenge: Option<&ChallengeNameType>,
        session: Option<&str>,
        result: Option<&aws_sdk_cognitoidentityprovider::types::AuthenticationResultType>,
    ) -> Self {
        Self {
            challenge: challenge.cloned(),
            session: session.map(String::from),
            id_token: result.and_then(|r| r.id_token()).map(String::from),
        }
    }
}

type Described =
    aws_sdk_cognitoidentityprovider::operation::describe_user_pool_client::DescribeUserPoolClientOutput;

/// DescribeUserPoolClient: the flows the client allows and its secret.
async fn describe_client(
    idp: &Idp,
    sign_in: &UserSignIn,
    calls: &mut Calls,
) -> Result<Described, Stop> {
    calls
        .timed("DescribeUserPoolClient", async {
            idp.describe_user_pool_client()
                .user_pool_id(&sign_in.user_pool_id)
                .client_id(&sign_in.client_id)
                .send()
                .await
                .map_err(from_sdk)
        })
        .await
}

/// Signs `sign_in` in: its login, or the NEW_PASSWORD_REQUIRED challenge.
pub(super) async fn sign_in(
    clients: &Clients,
    sign_in: &UserSignIn,
    calls: &mut Calls,
) -> Result<SignedIn, Stop> {
    let idp = client_for(clients, &sign_in.user_pool_id);
    let described = describe_client(&idp, sign_in, calls).await?;
    let client = described.user_pool_client();
    let flows: Vec<String> = client
        .map(|c| {
            c.explicit_auth_flows()
                .iter()
                .map(|f| f.as_str().to_string())
                .collect()
        })
        .unwrap_or_default();
    let secret = client.and_then(|c| c.client_secret()).map(String::from);
    let flow = choose(sign_in.flow, &sign_in.client_id, &flows)
        .map_err(|error| calls.refused("InitiateAuth", error))?;
    let hash = secret
        .as_deref()
        .map(|s| secret_hash(s, &sign_in.username, &sign_in.client_id));
    let answer = match flow {
        Flow::Password => password(&idp, sign_in, hash.as_deref(), calls).await?,
        Flow::Auto | Flow::Srp => with_srp(&idp, sign_in, hash.as_deref(), calls).await?,
    };
    finish(sign_in, flow, answer, calls)
}

/// Answers NEW_PASSWORD_REQUIRED with the new password.
pub(super) async fn new_password(
    clients: &Clients,
    sign_in: &UserSignIn,
    session: &Secret,
    new_password: &Secret,
    calls: &mut Calls,
) -> Result<SignedIn, Stop> {
    let idp = client_for(clients, &sign_in.user_pool_id);
    let described = describe_client(&idp, sign_in, calls).await?;
    let hash = described
        .user_pool_client()
        .and_then(|c| c.client_secret())
        .map(|s| secret_hash(s, &sign_in.username, &sign_in.client_id));
    let out = calls
        .timed("RespondToAuthChallenge", async {
            idp.respond_to_auth_challenge()
                .client_id(&sign_in.client_id)
                .challenge_name(ChallengeNameType::NewPasswordRequired)
                .session(session.reveal())
                .challenge_responses("USERNAME", &sign_in.username)
                .challenge_responses("NEW_PASSWORD", new_password.reveal())
                .set_secret_hash_response(hash.as_deref())
                .send()
                .await
                .map_err(from_sdk)
        })
        .await?;
    let answer = Answer::of(
        out.challenge_name(),
        out.session(),
        out.authentication_result(),
    );
    finish(sign_in, sign_in.flow, answer, calls)
}

/// Adds SECRET_HASH to a request's parameters when the client has a secret.
trait SecretHashResponse: Sized {
    fn set_secret_hash_response(self, hash: Option<&str>) -> Self;
}

impl SecretHashResponse
    for aws_sdk_cognitoidentityprovider::operation::respond_to_auth_challenge::builders::RespondToAuthChallengeFluentBuilder
{
    fn set_secret_hash_response(self, hash: Option<&str>) -> Self {
        match hash {
            Some(hash) => self.challenge_responses("SECRET_HASH", hash),
            None => self,
        }
    }
}

/// The login from the tokens, or the challenge to answer.
fn finish(
    sign_in: &UserSignIn,
    flow: Flow,
    answer: Answer,
    calls: &mut Calls,
) -> Result<SignedIn, Stop> {
    if let Some(token) = answer.id_token {
        return Ok(SignedIn::Login(
            Some(Login {
                key: provider_name(&sign_in.user_pool_id),
                token: Secret(token),
                flow: Some(flow.auth_flow()),
            }),
            None,
        ));
    }
    match answer.challenge {
        Some(ChallengeNameType::NewPasswordRequired) => Ok(SignedIn::Challenged {
            sign_in: sign_in.clone(),
            session: Secret(answer.session.unwrap_or_default()),
        }),
        other => {
            let name = other.map_or("(none)".to_string(), |c| c.as_str().to_string());
            Err(calls.refused(
                "RespondToAuthChallenge",
                AwsError::new(
                    ErrorKind::Other,
                    format!(
                        "The user pool asks for the challenge {name}, which Test access does not answer (it answers PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED): sign in once with the app to set it up, or use a user without it."
                    ),
                ),
            ))
        }
    }
}

/// `cognito-idp.<region>.amazonaws.com/<user pool id>`: the logins key of a user pool's tokens.
pub fn provider_name(user_pool_id: &str) -> String {
    let region = user_pool_id.split('_').next().unwrap_or_default();
    format!("cognito-idp.{region}.amazonaws.com/{user_pool_id}")
}

/// USER_PASSWORD_AUTH.
async fn password(
    idp: &Idp,
    sign_in: &UserSignIn,
    hash: Option<&str>,
    calls: &mut Calls,
) -> Result<Answer, Stop> {
    let mut request = idp
        .initiate_auth()
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .client_id(&sign_in.client_id)
        .auth_parameters("USERNAME", &sign_in.username)
        .auth_parameters("PASSWORD", sign_in.password.reveal());
    if let Some(hash) = hash {
        request = request.auth_parameters("SECRET_HASH", hash);
    }
    let out = calls
        .timed("InitiateAuth", async {
            request.send().await.map_err(from_sdk)
        })
        .await?;
    Ok(Answer::of(
        out.challenge_name(),
        out.session(),
        out.authentication_result(),
    ))
}

/// USER_SRP_AUTH: InitiateAuth with SRP_A, then the PASSWORD_VERIFIER challenge answered.
async fn with_srp(
    idp: &Idp,
    sign_in: &UserSignIn,
    hash: Option<&str>,
    calls: &mut Calls,
) -> Result<Answer, Stop> {
    let mut random = [0u8; 32];
    aws_lc_rs::rand::fill(&mut random).map_err(|_| {
        calls.refused(
            "InitiateAuth",
            AwsError::new(
                ErrorKind::Other,
                "No random numbers for SRP on this machine.",
            ),
        )
    })?;
    let client = srp::Client::new(&random);
    let mut request = idp
        .initiate_auth()
        .auth_flow(AuthFlowType::UserSrpAuth)
        .client_id(&sign_in.client_id)
        .auth_parameters("USERNAME", &sign_in.username)
        .auth_parameters("SRP_A", srp::hex(&client.public));
    if let Some(hash) = hash {
        request = request.auth_parameters("SECRET_HASH", hash);
    }
    let started = calls
        .timed("InitiateAuth", async {
            request.send().await.map_err(from_sdk)
        })
        .await?;
    if started.challenge_name() != Some(&ChallengeNameType::PasswordVerifier) {
        return Ok(Answer::of(
            started.challenge_name(),
            started.session(),
            None,
        ));
    }
    let params = started.challenge_parameters().cloned().unwrap_or_default();
    let get = |name: &str| params.get(name).cloned().unwrap_or_default();
    let (b, salt) = (srp::parse_hex(&get("SRP_B")), srp::parse_hex(&get("SALT")));
    let block = get("SECRET_BLOCK");
    let block_bytes = STANDARD.decode(&block).unwrap_or_default();
    // The user's id for SRP (the pool's internal name when the user signed in with an alias).
    let user_id = params
        .get("USER_ID_FOR_SRP")
        .cloned()
        .unwrap_or_else(|| sign_in.username.clone());
    let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
    let signature = match (b, salt) {
        (Some(b), Some(salt)) => client.signature(
            srp::pool_name(&sign_in.user_pool_id),
            &user_id,
            sign_in.password.reveal(),
            &srp::Challenge {
                public: &b,
                salt: &salt,
                secret_block: &block_bytes,
                timestamp: &timestamp,
            },
        ),
        _ => None,
    };
    let Some(signature) = signature else {
        return Err(calls.refused(
            "RespondToAuthChallenge",
            AwsError::new(
                ErrorKind::Other,
                "The user pool's PASSWORD_VERIFIER challenge is unusable (SRP_B or SALT missing or invalid); the sign-in was stopped.",
            ),
        ));
    };
    let out = calls
        .timed("RespondToAuthChallenge", async {
            idp.respond_to_auth_challenge()
                .client_id(&sign_in.client_id)
                .challenge_name(ChallengeNameType::PasswordVerifier)
                .set_session(started.session().map(String::from))
                .challenge_responses("USERNAME", &user_id)
                .challenge_responses("PASSWORD_CLAIM_SECRET_BLOCK", &block)
                .challenge_responses("TIMESTAMP", &timestamp)
                .challenge_responses("PASSWORD_CLAIM_SIGNATURE", STANDARD.encode(signature))
                .set_secret_hash_response(hash)
                .send()
                .await
                .map_err(from_sdk)
        })
        .await?;
    Ok(Answer::of(
        out.challenge_name(),
        out.session(),
        out.authentication_result(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_follows_the_clients_flags() {
        let flows = |f: &[&str]| f.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            choose(Flow::Auto, "c", &flows(&["ALLOW_USER_SRP_AUTH"])),
            Ok(Flow::Srp)
        );
        assert_eq!(choose(Flow::Auto, "c", &[]), Ok(Flow::Srp));
        assert_eq!(
            choose(Flow::Auto, "c", &flows(&["ALLOW_USER_PASSWORD_AUTH"])),
            Ok(Flow::Password)
        );
        let neither = choose(Flow::Auto, "c", &flows(&["ALLOW_CUSTOM_AUTH"]));
        let message = neither.map(|_| String::new()).unwrap_or_else(|e| e.message);
        assert!(message.contains("turn on ALLOW_USER_SRP_AUTH"), "{message}");
        assert_eq!(choose(Flow::Password, "c", &[]), Ok(Flow::Password));
    }

    #[test]
    fn the_secret_hash_is_the_documented_hmac() {
        // Base64(HMAC-SHA256("secret", "user" + "client")), computed independently with
        // `printf userclient | openssl dgst -sha256 -hmac secret -binary | base64`.
        assert_eq!(
            secret_hash("secret", "user", "client"),
            "wvW87lzZoI+qQCVGmWVBJLlucdJ65huAVP1z+0MgA6E="
        );
        assert_eq!(
            provider_name("eu-west-1_Abc"),
            "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc"
        );
    }
}
