//! Users, groups and sign-in in the sandbox's user pools: USER_PASSWORD_AUTH with a temporary
//! password (NEW_PASSWORD_REQUIRED), SECRET_HASH, refresh, and RS256 ID tokens with the service's
//! claims, verified against the pool's JWKS over HTTP.

mod common;

use aws_lc_rs::hmac;
use aws_sdk_cognitoidentityprovider::error::ProvideErrorMetadata;
use aws_sdk_cognitoidentityprovider::types::{
    AttributeType, AuthFlowType, ChallengeNameType, ExplicitAuthFlowsType,
};
use base64::Engine;
use cognito_tui::sandbox::Seed;
use serde_json::Value;
use std::io::{Read, Write};

fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    );
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

fn secret_hash(secret: &str, username: &str, client_id: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    base64::engine::general_purpose::STANDARD
        .encode(hmac::sign(&key, format!("{username}{client_id}").as_bytes()).as_ref())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_with_a_temporary_password_and_verify_the_id_token() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    let pool_id = common::new_user_pool(&client, "shop").await;
    let app = client
        .create_user_pool_client()
        .user_pool_id(&pool_id)
        .client_name("app")
        .generate_secret(true)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let app = app
        .user_pool_client()
        .cloned()
        .unwrap_or_else(|| panic!("client"));
    let (client_id, secret) = (
        app.client_id().unwrap_or_default().to_string(),
        app.client_secret().unwrap_or_default().to_string(),
    );
    client
        .admin_create_user()
        .user_pool_id(&pool_id)
        .username("alice")
        .temporary_password("Temp-Passw0rd!")
        .user_attributes(
            AttributeType::builder()
                .name("email")
                .value("alice@example.com")
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .user_attributes(
            AttributeType::builder()
                .name("custom:tier")
                .value("partner")
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    for (group, precedence, role) in [
        ("admins", 1, "arn:aws:iam::123456789012:role/admin"),
        ("staff", 5, "arn:aws:iam::123456789012:role/staff"),
    ] {
        client
            .create_group()
            .user_pool_id(&pool_id)
            .group_name(group)
            .precedence(precedence)
            .role_arn(role)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        client
            .admin_add_user_to_group()
            .user_pool_id(&pool_id)
            .username("alice")
            .group_name(group)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
    }

    let hash = secret_hash(&secret, "alice", &client_id);
    let wrong = client
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice")
        .auth_parameters("PASSWORD", "nope")
        .auth_parameters("SECRET_HASH", &hash)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("wrong password"));
    assert_eq!(common::code(&wrong), "NotAuthorizedException");
    let no_hash = client
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice")
        .auth_parameters("PASSWORD", "Temp-Passw0rd!")
        .send()
        .await;
    assert_eq!(
        no_hash.err().map(|e| common::code(&e)),
        Some("NotAuthorizedException".into())
    );

    let first = client
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice")
        .auth_parameters("PASSWORD", "Temp-Passw0rd!")
        .auth_parameters("SECRET_HASH", &hash)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        first.challenge_name(),
        Some(&ChallengeNameType::NewPasswordRequired)
    );
    assert!(first.authentication_result().is_none());
    let weak = client
        .respond_to_auth_challenge()
        .client_id(&client_id)
        .challenge_name(ChallengeNameType::NewPasswordRequired)
        .session(first.session().unwrap_or_default())
        .challenge_responses("USERNAME", "alice")
        .challenge_responses("NEW_PASSWORD", "short")
        .challenge_responses("SECRET_HASH", &hash)
        .send()
        .await;
    assert_eq!(
        weak.err().map(|e| common::code(&e)),
        Some("InvalidPasswordException".into())
    );
    let done = client
        .respond_to_auth_challenge()
        .client_id(&client_id)
        .challenge_name(ChallengeNameType::NewPasswordRequired)
        .session(first.session().unwrap_or_default())
        .challenge_responses("USERNAME", "alice")
        .challenge_responses("NEW_PASSWORD", "Real-Passw0rd!")
        .challenge_responses("SECRET_HASH", &hash)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let result = done
        .authentication_result()
        .cloned()
        .unwrap_or_else(|| panic!("tokens"));
    let id_token = result.id_token().unwrap_or_default().to_string();

    // Verify the ID token as a relying party would: the JWKS over HTTP, RS256, iss, aud, exp.
    let addr = sb.addr;
    let path = format!("/{pool_id}/.well-known/jwks.json");
    let jwks: Value = serde_json::from_str(
        &tokio::task::spawn_blocking(move || http_get(addr, &path))
            .await
            .unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("jwks: {e}"));
    let key = &jwks["keys"][0];
    let header = jsonwebtoken::decode_header(&id_token).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header.kid.as_deref(), key["kid"].as_str());
    let decoding = jsonwebtoken::DecodingKey::from_rsa_components(
        key["n"].as_str().unwrap_or_default(),
        key["e"].as_str().unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.set_audience(&[client_id.as_str()]);
    validation.set_issuer(&[format!(
        "https://cognito-idp.us-east-1.amazonaws.com/{pool_id}"
    )]);
    let claims = jsonwebtoken::decode::<Value>(&id_token, &decoding, &validation)
        .unwrap_or_else(|e| panic!("{e}"))
        .claims;
    assert_eq!(claims["token_use"], "id");
    assert_eq!(claims["cognito:username"], "alice");
    assert_eq!(claims["email"], "alice@example.com");
    assert_eq!(claims["custom:tier"], "partner");
    assert_eq!(
        claims["cognito:groups"],
        serde_json::json!(["admins", "staff"])
    );
    assert_eq!(
        claims["cognito:roles"].as_array().map(Vec::len),
        Some(2),
        "an array of role ARNs"
    );
    assert_eq!(
        claims["cognito:preferred_role"], "arn:aws:iam::123456789012:role/admin",
        "lowest precedence wins"
    );

    // Now confirmed: a plain sign-in gives tokens, and the refresh token gives new ones.
    let again = client
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice")
        .auth_parameters("PASSWORD", "Real-Passw0rd!")
        .auth_parameters("SECRET_HASH", &hash)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let refresh = again
        .authentication_result()
        .and_then(|r| r.refresh_token())
        .unwrap_or_default()
        .to_string();
    let refreshed = client
        .initiate_auth()
        .client_id(&client_id)
        .auth_flow(AuthFlowType::RefreshTokenAuth)
        .auth_parameters("REFRESH_TOKEN", &refresh)
        .auth_parameters("SECRET_HASH", &hash)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        refreshed
            .authentication_result()
            .and_then(|r| r.id_token())
            .is_some()
    );
    assert!(
        refreshed
            .authentication_result()
            .and_then(|r| r.refresh_token())
            .is_none(),
        "no new refresh token"
    );
}

#[tokio::test]
async fn password_flow_must_be_enabled_and_users_must_exist() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = common::idp_client(&sb, "us-east-1").await;
    let pool_id = common::new_user_pool(&client, "p").await;
    let default_client = client
        .create_user_pool_client()
        .user_pool_id(&pool_id)
        .client_name("spa")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = default_client
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    let disabled = client
        .initiate_auth()
        .client_id(&id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "x")
        .auth_parameters("PASSWORD", "y")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("flow"));
    assert_eq!(common::code(&disabled), "InvalidParameterException");
    assert_eq!(
        disabled.as_service_error().and_then(|e| e.message()),
        Some("USER_PASSWORD_AUTH flow not enabled for this client")
    );
    let enabled = client
        .create_user_pool_client()
        .user_pool_id(&pool_id)
        .client_name("cli")
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = enabled
        .user_pool_client()
        .and_then(|c| c.client_id())
        .unwrap_or_default()
        .to_string();
    let unknown = client
        .initiate_auth()
        .client_id(&id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "ghost")
        .auth_parameters("PASSWORD", "y")
        .send()
        .await;
    assert_eq!(
        unknown.err().map(|e| common::code(&e)),
        Some("UserNotFoundException".into()),
        "PreventUserExistenceErrors LEGACY"
    );
    let weak = client
        .admin_create_user()
        .user_pool_id(&pool_id)
        .username("bob")
        .temporary_password("weak")
        .send()
        .await;
    assert_eq!(
        weak.err().map(|e| common::code(&e)),
        Some("InvalidPasswordException".into())
    );
    client
        .admin_create_user()
        .user_pool_id(&pool_id)
        .username("bob")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let twice = client
        .admin_create_user()
        .user_pool_id(&pool_id)
        .username("bob")
        .send()
        .await;
    assert_eq!(
        twice.err().map(|e| common::code(&e)),
        Some("UsernameExistsException".into())
    );
}
