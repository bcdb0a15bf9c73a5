//! The enhanced flow end to end on the demo account, all through the official SDKs: a user signs in
//! to the user pool, GetId, GetCredentialsForIdentity picks the role the pool's rules select, and
//! STS GetCallerIdentity with those credentials shows the assumed role. Guests too.

mod common;

use cognito_tui::sandbox::Seed;

const USER_POOL: &str = "us-east-1_Ord3rsPl1";
const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";

async fn sign_in(
    idp: &aws_sdk_cognitoidentityprovider::Client,
    user: &str,
    groups: &[&str],
) -> String {
    idp.admin_create_user()
        .user_pool_id(USER_POOL)
        .username(user)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    idp.admin_set_user_password()
        .user_pool_id(USER_POOL)
        .username(user)
        .password("Passw0rd!")
        .permanent(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    for group in groups {
        let _ = idp
            .create_group()
            .user_pool_id(USER_POOL)
            .group_name(*group)
            .send()
            .await;
        idp.admin_add_user_to_group()
            .user_pool_id(USER_POOL)
            .username(user)
            .group_name(*group)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    common::id_token(idp, CLIENT, user, "Passw0rd!").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_get_the_role_the_rules_select_and_guests_the_guest_role() {
    let sb = common::sandbox(Seed::Demo).await;
    let admin_conf = common::sdk_config(&sb, "us-east-1").await;
    let idp = aws_sdk_cognitoidentityprovider::Client::new(&admin_conf);
    let identity = aws_sdk_cognitoidentity::Client::new(&admin_conf);
    let pool_id = common::pool_id_named(&identity, "orders-app").await;
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");

    // An admin: the Rules mapping (cognito:groups Contains admins) picks orders-app-admin.
    let token = sign_in(&idp, "ada", &["admins"]).await;
    let id = common::identity_id(&identity, &pool_id, &[(&provider, &token)]).await;
    let again = identity
        .get_id()
        .identity_pool_id(&pool_id)
        .logins(&provider, &token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        again.identity_id(),
        Some(id.as_str()),
        "the same login maps to the same identity"
    );
    let creds = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .logins(&provider, &token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let creds = creds
        .credentials()
        .cloned()
        .unwrap_or_else(|| panic!("credentials"));
    assert!(
        creds
            .access_key_id()
            .unwrap_or_default()
            .starts_with("ASIA")
    );
    assert_eq!(
        common::caller_of(&sb, &creds).await,
        "arn:aws:sts::123456789012:assumed-role/orders-app-admin/CognitoIdentityCredentials"
    );

    // A user in no group: no rule matches, AmbiguousRoleResolution=AuthenticatedRole → the default.
    let token = sign_in(&idp, "bob", &[]).await;
    let id = common::identity_id(&identity, &pool_id, &[(&provider, &token)]).await;
    assert_eq!(
        common::assumed_role(&sb, &identity, &id, &[(provider.as_str(), token.as_str())]).await,
        "arn:aws:sts::123456789012:assumed-role/orders-app-auth/CognitoIdentityCredentials"
    );

    // Without its login, an authenticated identity gets nothing.
    let forbidden = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("no login"));
    assert_eq!(common::code(&forbidden), "NotAuthorizedException");

    // A guest.
    let guest = identity
        .get_id()
        .identity_pool_id(&pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let guest_id = guest.identity_id().unwrap_or_default().to_string();
    assert_eq!(
        common::assumed_role(&sb, &identity, &guest_id, &[]).await,
        "arn:aws:sts::123456789012:assumed-role/orders-app-guest/CognitoIdentityCredentials"
    );
}

#[tokio::test]
async fn tokens_that_do_not_check_out_are_refused() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pools = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id_of = |name: &str| {
        pools
            .identity_pools()
            .iter()
            .find(|p| p.identity_pool_name() == Some(name))
            .and_then(|p| p.identity_pool_id())
            .unwrap_or_default()
            .to_string()
    };
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    let forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    let err = identity
        .get_id()
        .identity_pool_id(id_of("orders-app"))
        .logins(&provider, forged)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("a forged token"));
    assert_eq!(common::code(&err), "NotAuthorizedException");
    let other = identity
        .get_id()
        .identity_pool_id(id_of("orders-app"))
        .logins("graph.facebook.com", forged)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("a provider the pool does not have"));
    assert_eq!(
        common::message(&other),
        "Token is not from a supported provider of this identity pool."
    );
    let no_guests = identity
        .get_id()
        .identity_pool_id(id_of("partner-portal"))
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("guests off"));
    assert_eq!(
        common::message(&no_guests),
        "Unauthenticated access is not supported for this identity pool."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_users_sign_in_to_their_roles() {
    let sb = common::sandbox(Seed::Demo).await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&identity, "orders-app").await;
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    for (user, role) in [
        ("demo-admin", "orders-app-admin"),
        ("demo-partner", "orders-app-partner"),
        ("demo-user", "orders-app-auth"),
    ] {
        let token = common::id_token(&idp, CLIENT, user, cognito_tui::sandbox::DEMO_PASSWORD).await;
        let id = common::identity_id(&identity, &pool_id, &[(&provider, &token)]).await;
        assert_eq!(
            common::assumed_role(&sb, &identity, &id, &[(&provider, &token)]).await,
            format!("arn:aws:sts::123456789012:assumed-role/{role}/CognitoIdentityCredentials"),
            "{user}"
        );
    }
}

/// A Google login under the sandbox's rule for social providers: an unsigned JWT with sub and aud.
fn google_token(sub: &str) -> String {
    unsigned_token(
        serde_json::json!({ "sub": sub, "aud": "1059394817341-orders.apps.googleusercontent.com", "iss": "https://accounts.google.com" }),
    )
}

/// A JWT with these claims and no real signature (the sandbox's rule for non-Cognito providers).
fn unsigned_token(claims: serde_json::Value) -> String {
    use base64::Engine;
    let b64 = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    format!(
        "{}.{}.sig",
        b64(serde_json::json!({ "alg": "RS256" })),
        b64(claims)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_several_logins_the_one_with_a_role_mapping_decides() {
    let sb = common::sandbox(Seed::Demo).await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&identity, "orders-app").await;
    let provider = format!("cognito-idp.us-east-1.amazonaws.com/{USER_POOL}");
    let id_token = common::id_token(
        &idp,
        CLIENT,
        "demo-admin",
        cognito_tui::sandbox::DEMO_PASSWORD,
    )
    .await;
    let google = google_token("google-user-7");
    let id = common::identity_id(
        &identity,
        &pool_id,
        &[(&provider, &id_token), ("accounts.google.com", &google)],
    )
    .await;
    let alone = identity
        .get_id()
        .identity_pool_id(&pool_id)
        .logins("accounts.google.com", &google)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        alone.identity_id(),
        Some(id.as_str()),
        "both logins are linked to one identity"
    );

    assert_eq!(
        common::assumed_role(
            &sb,
            &identity,
            &id,
            &[
                ("accounts.google.com", google.as_str()),
                (provider.as_str(), id_token.as_str())
            ]
        )
        .await,
        "arn:aws:sts::123456789012:assumed-role/orders-app-admin/CognitoIdentityCredentials"
    );
    assert_eq!(
        common::assumed_role(
            &sb,
            &identity,
            &id,
            &[("accounts.google.com", google.as_str())]
        )
        .await,
        "arn:aws:sts::123456789012:assumed-role/orders-app-auth/CognitoIdentityCredentials"
    );
}

/// Attributes for access control on an OIDC provider are set by its ARN, but its users log in by
/// issuer host: the map still applies, so the role must allow sts:TagSession.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_principal_tags_set_by_arn_apply_to_host_logins() {
    use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let arn = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
    let pool_id = identity
        .create_identity_pool()
        .identity_pool_name("oidc-tags")
        .allow_unauthenticated_identities(false)
        .open_id_connect_provider_arns(arn)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id
        .clone();
    let role = iam
        .create_role()
        .role_name("oidc-tags-auth")
        .assume_role_policy_document(cognito_trust_policy(
            &pool_id,
            Audience::Authenticated,
            false,
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let auth_role = role.role().map(|r| r.arn().to_string()).unwrap_or_default();
    identity
        .set_identity_pool_roles()
        .identity_pool_id(&pool_id)
        .roles("authenticated", &auth_role)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    identity
        .set_principal_tag_attribute_map()
        .identity_pool_id(&pool_id)
        .identity_provider_name(arn)
        .use_defaults(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let host = "login.partner.example.com";
    let token = unsigned_token(
        serde_json::json!({ "sub": "partner-7", "aud": "partner-portal", "iss": format!("https://{host}") }),
    );
    let id = common::identity_id(&identity, &pool_id, &[(host, &token)]).await;
    let refused = identity
        .get_credentials_for_identity()
        .identity_id(&id)
        .logins(host, &token)
        .send()
        .await;
    assert_eq!(
        refused.err().map(|e| common::code(&e)).as_deref(),
        Some("InvalidIdentityPoolConfigurationException"),
        "tags are passed, so a trust policy without sts:TagSession refuses"
    );
    iam.update_assume_role_policy()
        .role_name("oidc-tags-auth")
        .policy_document(cognito_trust_policy(
            &pool_id,
            Audience::Authenticated,
            true,
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        common::assumed_role(&sb, &identity, &id, &[(host, &token)]).await,
        "arn:aws:sts::123456789012:assumed-role/oidc-tags-auth/CognitoIdentityCredentials"
    );
}
