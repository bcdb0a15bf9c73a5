//! The basic (classic) flow and developer-authenticated identities: GetOpenIdToken and
//! STS AssumeRoleWithWebIdentity with the trust policy evaluated, GetOpenIdTokenForDeveloperIdentity
//! into GetCredentialsForIdentity, and the developer-identity merge and unlink operations.

mod common;

use cognito_tui::sandbox::Seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guests_get_a_token_and_assume_only_roles_that_trust_them() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let games = common::pool_id_named(&identity, "mobile-games").await;
    let id = common::identity_id(&identity, &games, &[]).await;
    let token = identity
        .get_open_id_token()
        .identity_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .token()
        .unwrap_or_default()
        .to_string();
    let header = jsonwebtoken::decode_header(&token).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header.alg, jsonwebtoken::Algorithm::RS512);

    let sts = aws_sdk_sts::Client::new(&common::sdk_config(&sb, "us-east-1").await);
    let assumed = sts
        .assume_role_with_web_identity()
        .role_arn("arn:aws:iam::123456789012:role/mobile-games-guest")
        .role_session_name("basic-flow")
        .web_identity_token(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(assumed.subject_from_web_identity_token(), Some(id.as_str()));
    assert_eq!(assumed.audience(), Some(games.as_str()));
    let creds = assumed
        .credentials()
        .cloned()
        .unwrap_or_else(|| panic!("credentials"));
    let arn = common::caller_arn_of(
        &sb,
        creds.access_key_id(),
        creds.secret_access_key(),
        creds.session_token(),
    )
    .await;
    assert_eq!(
        arn,
        "arn:aws:sts::123456789012:assumed-role/mobile-games-guest/basic-flow"
    );

    let denied = sts
        .assume_role_with_web_identity()
        .role_arn("arn:aws:iam::123456789012:role/mobile-games-auth")
        .role_session_name("basic-flow")
        .web_identity_token(&token)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("the auth role does not trust guests"));
    assert_eq!(common::code(&denied), "AccessDenied");
    let forged = sts
        .assume_role_with_web_identity()
        .role_arn("arn:aws:iam::123456789012:role/mobile-games-guest")
        .role_session_name("x1")
        .web_identity_token("a.b.c")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("a forged token"));
    assert_eq!(common::code(&forged), "InvalidIdentityToken");

    // orders-app turned the basic flow off explicitly.
    let orders = common::pool_id_named(&identity, "orders-app").await;
    let guest = common::identity_id(&identity, &orders, &[]).await;
    let off = identity
        .get_open_id_token()
        .identity_id(&guest)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("basic flow off"));
    assert_eq!(
        common::message(&off),
        "Basic (classic) flow is not enabled, please use enhanced flow."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn developer_identities_sign_in_merge_and_unlink() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let tools = common::pool_id_named(&identity, "internal-tools").await;
    let first = identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .logins("login.tools.internal", "dev-user-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = first.identity_id().unwrap_or_default().to_string();
    let again = identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .logins("login.tools.internal", "dev-user-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        again.identity_id(),
        Some(id.as_str()),
        "a known developer user keeps its identity"
    );

    let creds = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .logins(
            "cognito-identity.amazonaws.com",
            first.token().unwrap_or_default(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .credentials()
        .cloned()
        .unwrap_or_else(|| panic!("credentials"));
    let arn = common::caller_of(&sb, &creds).await;
    assert_eq!(
        arn,
        "arn:aws:sts::123456789012:assumed-role/internal-tools-auth/CognitoIdentityCredentials"
    );

    let wrong_provider = identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .logins("login.other", "x")
        .send()
        .await;
    assert_eq!(
        wrong_provider.err().map(|e| common::code(&e)),
        Some("InvalidParameterException".into())
    );

    identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .logins("login.tools.internal", "dev-user-2")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let taken = identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .identity_id(&id)
        .logins("login.tools.internal", "dev-user-2")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("registered elsewhere"));
    assert_eq!(
        common::code(&taken),
        "DeveloperUserAlreadyRegisteredException"
    );
    let merged = identity
        .merge_developer_identities()
        .identity_pool_id(&tools)
        .developer_provider_name("login.tools.internal")
        .source_user_identifier("dev-user-2")
        .destination_user_identifier("dev-user-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(merged.identity_id(), Some(id.as_str()));
    let users = identity
        .lookup_developer_identity()
        .identity_pool_id(&tools)
        .identity_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(users.developer_user_identifier_list().len(), 2);
    identity
        .unlink_developer_identity()
        .identity_pool_id(&tools)
        .identity_id(&id)
        .developer_provider_name("login.tools.internal")
        .developer_user_identifier("dev-user-2")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let gone = identity
        .lookup_developer_identity()
        .identity_pool_id(&tools)
        .developer_user_identifier("dev-user-2")
        .send()
        .await;
    assert_eq!(
        gone.err().map(|e| common::code(&e)),
        Some("ResourceNotFoundException".into())
    );

    let unproven = identity
        .unlink_identity()
        .identity_id(&id)
        .logins("accounts.google.com", "a.b.c")
        .logins_to_remove("login.tools.internal")
        .send()
        .await;
    assert_eq!(
        unproven.err().map(|e| common::code(&e)),
        Some("NotAuthorizedException".into())
    );
}
