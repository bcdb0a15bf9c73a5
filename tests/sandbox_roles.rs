//! SetIdentityPoolRoles / GetIdentityPoolRoles and the principal-tag maps through the SDK.

mod common;

use aws_sdk_cognitoidentity::types::{
    AmbiguousRoleResolutionType, CognitoIdentityProvider, MappingRule, MappingRuleMatchType,
    RoleMapping, RoleMappingType, RulesConfigurationType,
};
use cognito_tui::sandbox::Seed;
use common::{code, identity_client, message};

const UP: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123";
const AUTH: &str = "arn:aws:iam::123456789012:role/app-auth";
const GUEST: &str = "arn:aws:iam::123456789012:role/app-guest";

async fn pool(client: &aws_sdk_cognitoidentity::Client) -> String {
    client
        .create_identity_pool()
        .identity_pool_name("roles")
        .allow_unauthenticated_identities(true)
        .cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name(UP)
                .client_id("client1")
                .build(),
        )
        .supported_login_providers("accounts.google.com", "g.apps")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id()
        .to_string()
}

fn rule(claim: &str, value: &str) -> MappingRule {
    MappingRule::builder()
        .claim(claim)
        .match_type(MappingRuleMatchType::Contains)
        .value(value)
        .role_arn("arn:aws:iam::123456789012:role/app-admin")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn rules_mapping(rules: Vec<MappingRule>) -> RoleMapping {
    RoleMapping::builder()
        .r#type(RoleMappingType::Rules)
        .ambiguous_role_resolution(AmbiguousRoleResolutionType::AuthenticatedRole)
        .rules_configuration(
            RulesConfigurationType::builder()
                .set_rules(Some(rules))
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn roles_and_mappings_are_replaced_whole() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let id = pool(&client).await;
    let empty = client
        .get_identity_pool_roles()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(empty.roles().is_none_or(|r| r.is_empty()));
    assert!(empty.role_mappings().is_none());

    let key = format!("{UP}:client1");
    client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", AUTH)
        .roles("unauthenticated", GUEST)
        .role_mappings(&key, rules_mapping(vec![rule("cognito:groups", "admins")]))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let got = client
        .get_identity_pool_roles()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        got.roles()
            .and_then(|r| r.get("authenticated"))
            .map(String::as_str),
        Some(AUTH)
    );
    let mapping = got
        .role_mappings()
        .and_then(|m| m.get(&key))
        .cloned()
        .unwrap_or_else(|| panic!("mapping"));
    assert_eq!(mapping.r#type(), &RoleMappingType::Rules);
    assert_eq!(
        mapping.rules_configuration().map(|r| r.rules().len()),
        Some(1)
    );

    // Leaving RoleMappings out clears them; Roles is exactly what was sent.
    client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", AUTH)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let got = client
        .get_identity_pool_roles()
        .identity_pool_id(&id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(got.roles().map(|r| r.len()), Some(1));
    assert!(got.role_mappings().is_none());
}

#[tokio::test]
async fn role_mapping_rules_are_checked() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let id = pool(&client).await;
    let key = format!("{UP}:client1");

    let unknown = client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", AUTH)
        .role_mappings("graph.facebook.com", rules_mapping(vec![rule("sub", "x")]))
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("unconfigured provider"));
    assert_eq!(code(&unknown), "InvalidParameterException");
    assert_eq!(
        message(&unknown),
        "(graph.facebook.com) is not a valid RoleMapping ProviderName or is not a configured provider."
    );

    let too_many: Vec<MappingRule> = (0..26)
        .map(|i| rule("cognito:groups", &format!("g{i}")))
        .collect();
    let err = client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", AUTH)
        .role_mappings(&key, rules_mapping(too_many))
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("26 rules"));
    assert_eq!(code(&err), "InvalidParameterException");
    let twenty_five: Vec<MappingRule> = (0..25)
        .map(|i| rule("cognito:groups", &format!("g{i}")))
        .collect();
    assert!(
        client
            .set_identity_pool_roles()
            .identity_pool_id(&id)
            .roles("authenticated", AUTH)
            .role_mappings(&key, rules_mapping(twenty_five))
            .send()
            .await
            .is_ok(),
        "25 is the limit, allowed"
    );

    let bare = client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", "Cognito_AuthRole_Name")
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("a bare role name"));
    assert_eq!(code(&bare), "NotAuthorizedException");
    assert_eq!(
        message(&bare),
        "Access to Role 'Cognito_AuthRole_Name' is forbidden."
    );

    let bad_key = client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("admin", AUTH)
        .send()
        .await;
    assert_eq!(
        bad_key.err().map(|e| code(&e)),
        Some("ValidationException".into())
    );

    let no_resolution = RoleMapping::builder()
        .r#type(RoleMappingType::Token)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = client
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", AUTH)
        .role_mappings("accounts.google.com", no_resolution)
        .send()
        .await
        .err()
        .unwrap_or_else(|| panic!("no resolution"));
    assert_eq!(code(&err), "InvalidParameterException");
    let token = RoleMapping::builder()
        .r#type(RoleMappingType::Token)
        .ambiguous_role_resolution(AmbiguousRoleResolutionType::Deny)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        client
            .set_identity_pool_roles()
            .identity_pool_id(&id)
            .roles("authenticated", AUTH)
            .role_mappings("accounts.google.com", token)
            .send()
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn principal_tag_maps_for_configured_providers_only() {
    let sb = common::sandbox(Seed::Empty).await;
    let client = identity_client(&sb, "us-east-1").await;
    let id = pool(&client).await;
    let fresh = client
        .get_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name(UP)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(fresh.use_defaults(), Some(false));
    assert!(fresh.principal_tags().is_none_or(|t| t.is_empty()));

    let set = client
        .set_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name(UP)
        .principal_tags("dept", "custom:dept")
        .principal_tags("username", "sub")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(set.principal_tags().map(|t| t.len()), Some(2));
    let got = client
        .get_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name(UP)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        got.principal_tags()
            .and_then(|t| t.get("dept"))
            .map(String::as_str),
        Some("custom:dept")
    );

    let defaults = client
        .set_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name("accounts.google.com")
        .use_defaults(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(defaults.use_defaults(), Some(true));

    let unknown = client
        .get_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name("www.amazon.com")
        .send()
        .await;
    assert_eq!(
        unknown.err().map(|e| code(&e)),
        Some("ResourceNotFoundException".into())
    );
    let too_long = client
        .set_principal_tag_attribute_map()
        .identity_pool_id(&id)
        .identity_provider_name(UP)
        .principal_tags("k", "v".repeat(257))
        .send()
        .await;
    assert_eq!(
        too_long.err().map(|e| code(&e)),
        Some("ValidationException".into())
    );
}
