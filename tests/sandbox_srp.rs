//! The console's half of SRP (`domain::srp::Client`) against the sandbox through the official SDK:
//! InitiateAuth USER_SRP_AUTH → PASSWORD_VERIFIER → RespondToAuthChallenge gives tokens for the
//! right password and NotAuthorizedException for a wrong one; a challenge answers once. (The
//! sandbox's half is checked against pycognito in tests/srp_pycognito.rs.)

mod common;

use aws_sdk_cognitoidentityprovider::types::{AuthFlowType, ChallengeNameType};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use cognito_tui::domain::srp::{self, Challenge, Client};
use cognito_tui::sandbox::{DEMO_PASSWORD, Seed};

const POOL: &str = "us-east-1_Ord3rsPl1";
const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";

/// Signs in as `user` with `password`; the RespondToAuthChallenge result and the challenge's
/// secret block.
async fn sign_in(
    idp: &aws_sdk_cognitoidentityprovider::Client,
    user: &str,
    password: &str,
) -> (
    Result<
        aws_sdk_cognitoidentityprovider::operation::respond_to_auth_challenge::RespondToAuthChallengeOutput,
        String,
    >,
    String,
){
    let client = Client::new(&[0x5a; 32]);
    let started = idp
        .initiate_auth()
        .auth_flow(AuthFlowType::UserSrpAuth)
        .client_id(CLIENT)
        .auth_parameters("USERNAME", user)
        .auth_parameters("SRP_A", srp::hex(&client.public))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        started.challenge_name(),
        Some(&ChallengeNameType::PasswordVerifier)
    );
    let params = started.challenge_parameters().cloned().unwrap_or_default();
    let b = srp::parse_hex(&params["SRP_B"]).unwrap_or_default();
    let salt = srp::parse_hex(&params["SALT"]).unwrap_or_default();
    let block = params["SECRET_BLOCK"].clone();
    let block_bytes = STANDARD.decode(&block).unwrap_or_default();
    let user_id = params["USER_ID_FOR_SRP"].clone();
    let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
    let signature = client
        .signature(
            srp::pool_name(POOL),
            &user_id,
            password,
            &Challenge {
                public: &b,
                salt: &salt,
                secret_block: &block_bytes,
                timestamp: &timestamp,
            },
        )
        .unwrap_or_default();
    let answer = idp
        .respond_to_auth_challenge()
        .client_id(CLIENT)
        .challenge_name(ChallengeNameType::PasswordVerifier)
        .challenge_responses("USERNAME", user)
        .challenge_responses("PASSWORD_CLAIM_SECRET_BLOCK", &block)
        .challenge_responses("TIMESTAMP", &timestamp)
        .challenge_responses("PASSWORD_CLAIM_SIGNATURE", STANDARD.encode(signature))
        .send()
        .await
        .map_err(|e| {
            let e = cognito_tui::aws::from_sdk(e);
            format!("{}: {}", e.code.unwrap_or_default(), e.message)
        });
    (answer, block)
}

#[tokio::test]
async fn the_consoles_srp_client_signs_in_and_a_wrong_password_is_refused() {
    let sb = common::sandbox(Seed::Demo).await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let (answer, block) = sign_in(&idp, "demo-user", DEMO_PASSWORD).await;
    let answer = answer.unwrap_or_else(|e| panic!("{e}"));
    let id_token = answer
        .authentication_result()
        .and_then(|r| r.id_token())
        .unwrap_or_default();
    assert_eq!(id_token.split('.').count(), 3, "a JWT");
    // The challenge is spent: the same answer again is refused.
    let again = idp
        .respond_to_auth_challenge()
        .client_id(CLIENT)
        .challenge_name(ChallengeNameType::PasswordVerifier)
        .challenge_responses("USERNAME", "demo-user")
        .challenge_responses("PASSWORD_CLAIM_SECRET_BLOCK", &block)
        .challenge_responses("TIMESTAMP", "Thu Dec 3 07:42:05 UTC 2026")
        .challenge_responses("PASSWORD_CLAIM_SIGNATURE", "AAAA")
        .send()
        .await;
    assert!(again.is_err());

    let (refused, _) = sign_in(&idp, "demo-user", "not-the-password").await;
    assert_eq!(
        refused.err().as_deref(),
        Some("NotAuthorizedException: Incorrect username or password.")
    );
}
