//! `cognito-tui doctor` as a process against a sandbox: a pool for each finding, made with the
//! SDK, each reported with its severity; a clean pool reports nothing; exit 1 with a high finding,
//! 0 without; the JSON document's fields.

mod common;

use aws_sdk_cognitoidentity::types::{
    AmbiguousRoleResolutionType, CognitoIdentityProvider, MappingRule, MappingRuleMatchType,
    RoleMapping, RoleMappingType, RulesConfigurationType,
};
use cognito_tui::domain::policy::{Audience, cognito_trust_policy};
use cognito_tui::sandbox::{RunningSandbox, Seed};
use std::collections::BTreeSet;

const USER_POOL: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E";
const SCOPED: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
const WILD: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;

fn arn(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

async fn pool(
    identity: &aws_sdk_cognitoidentity::Client,
    name: &str,
    guest: bool,
    edit: impl FnOnce(
        aws_sdk_cognitoidentity::operation::create_identity_pool::builders::CreateIdentityPoolFluentBuilder,
    ) -> aws_sdk_cognitoidentity::operation::create_identity_pool::builders::CreateIdentityPoolFluentBuilder,
) -> String {
    edit(
        identity
            .create_identity_pool()
            .identity_pool_name(name)
            .allow_unauthenticated_identities(guest),
    )
    .send()
    .await
    .unwrap_or_else(|e| panic!("{name}: {e:?}"))
    .identity_pool_id()
    .to_string()
}

async fn role(sb: &RunningSandbox, name: &str, trust: &str, policy: &str) {
    let iam = common::iam_client(sb).await;
    iam.create_role()
        .role_name(name)
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    iam.put_role_policy()
        .role_name(name)
        .policy_name("access")
        .policy_document(policy)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
}

async fn set_roles(
    identity: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
    roles: &[(&str, String)],
    mapping: Option<(String, RoleMapping)>,
) {
    let mut request = identity.set_identity_pool_roles().identity_pool_id(pool_id);
    for (kind, arn) in roles {
        request = request.roles(*kind, arn);
    }
    if let Some((key, mapping)) = mapping {
        request = request.role_mappings(key, mapping);
    }
    request.send().await.unwrap_or_else(|e| panic!("{e:?}"));
}

fn findings(doc: &serde_json::Value, pool_id: &str) -> BTreeSet<(String, String)> {
    doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["pool_id"] == pool_id)
        .map(|f| {
            (
                f["check"].as_str().unwrap_or_default().to_string(),
                f["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_finding_with_its_severity_and_a_clean_pool_with_none() {
    let sb = common::sandbox(Seed::Empty).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let url = sb.endpoint_url();

    // Clean: guest off, one authenticated role trusting only this pool with amr, scoped.
    let clean = pool(&identity, "clean", false, |b| b).await;
    role(
        &sb,
        "clean-auth",
        &cognito_trust_policy(&clean, Audience::Authenticated, false),
        SCOPED,
    )
    .await;
    set_roles(
        &identity,
        &clean,
        &[("authenticated", arn("clean-auth"))],
        None,
    )
    .await;
    let (code, out, err) = common::run_cli(&url, "doctor", &["--json"]);
    assert_eq!(code, 0, "no high finding: {out}{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["pools_checked"], 1);
    assert_eq!(doc["region"], "us-east-1");
    assert!(findings(&doc, &clean).is_empty(), "{out}");

    // A guest role allowing every resource; its trust fine.
    let guest = pool(&identity, "guest-wild", true, |b| b).await;
    role(
        &sb,
        "guest-wild",
        &cognito_trust_policy(&guest, Audience::Guest, false),
        WILD,
    )
    .await;
    set_roles(
        &identity,
        &guest,
        &[("unauthenticated", arn("guest-wild"))],
        None,
    )
    .await;
    // A role without aud (any pool may assume it) and one without amr.
    let open = pool(&identity, "open-trust", false, |b| b).await;
    let no_aud = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}"#;
    role(&sb, "no-aud", no_aud, SCOPED).await;
    set_roles(&identity, &open, &[("authenticated", arn("no-aud"))], None).await;
    let no_amr_pool = pool(&identity, "no-amr", false, |b| b).await;
    let no_amr = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"cognito-identity.amazonaws.com"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"cognito-identity.amazonaws.com:aud":"{no_amr_pool}"}}}}}}]}}"#
    );
    role(&sb, "no-amr", &no_amr, SCOPED).await;
    set_roles(
        &identity,
        &no_amr_pool,
        &[("authenticated", arn("no-amr"))],
        None,
    )
    .await;
    // A role that doesn't exist; a provider that doesn't exist; the classic flow; a user pool
    // without server-side check whose rules fall back to the authenticated role.
    let gone = pool(&identity, "gone-role", false, |b| b).await;
    set_roles(
        &identity,
        &gone,
        &[("authenticated", arn("deleted-long-ago"))],
        None,
    )
    .await;
    let oidc = pool(&identity, "gone-oidc", false, |b| {
        b.open_id_connect_provider_arns("arn:aws:iam::123456789012:oidc-provider/gone.example.com")
    })
    .await;
    let classic = pool(&identity, "classic", false, |b| b.allow_classic_flow(true)).await;
    let rules = pool(&identity, "soft-rules", false, |b| {
        b.cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name(USER_POOL)
                .client_id("client1")
                .server_side_token_check(false)
                .build(),
        )
    })
    .await;
    role(
        &sb,
        "soft-auth",
        &cognito_trust_policy(&rules, Audience::Authenticated, false),
        SCOPED,
    )
    .await;
    let mapping = RoleMapping::builder()
        .r#type(RoleMappingType::Rules)
        .ambiguous_role_resolution(AmbiguousRoleResolutionType::AuthenticatedRole)
        .rules_configuration(
            RulesConfigurationType::builder()
                .rules(
                    MappingRule::builder()
                        .claim("cognito:groups")
                        .match_type(MappingRuleMatchType::Contains)
                        .value("admins")
                        .role_arn(arn("soft-auth"))
                        .build()
                        .unwrap_or_else(|e| panic!("{e}")),
                )
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    set_roles(
        &identity,
        &rules,
        &[("authenticated", arn("soft-auth"))],
        Some((format!("{USER_POOL}:client1"), mapping)),
    )
    .await;

    let (code, out, err) = common::run_cli(&url, "doctor", &["--json"]);
    assert_eq!(code, 1, "high findings exit 1: {err}");
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["pools_checked"], 8);
    assert!(findings(&doc, &clean).is_empty(), "{out}");
    assert_eq!(
        findings(&doc, &guest),
        set(&[("guest-role-wildcard", "high")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &open),
        set(&[("trust-without-aud", "high")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &no_amr_pool),
        set(&[("trust-without-amr", "medium")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &gone),
        set(&[("missing-role", "high")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &oidc),
        set(&[("missing-oidc-provider", "high")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &classic),
        set(&[("classic-flow", "medium")]),
        "{out}"
    );
    assert_eq!(
        findings(&doc, &rules),
        set(&[
            ("no-server-side-token-check", "medium"),
            ("rules-fall-back-to-authenticated", "medium")
        ]),
        "{out}"
    );
    assert_eq!(doc["counts"]["high"], 4);
    assert_eq!(doc["counts"]["medium"], 4);
    // Most severe first; each finding says what to do and where.
    let severities: Vec<&str> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["severity"].as_str())
        .collect();
    assert!(
        severities
            .windows(2)
            .all(|w| !(w[0] == "medium" && w[1] == "high")),
        "{severities:?}"
    );
    for f in doc["findings"].as_array().into_iter().flatten() {
        assert!(f["fix"].as_str().is_some_and(|s| !s.is_empty()), "{f}");
        assert!(
            ["User access", "Role settings"].contains(&f["fix_in"].as_str().unwrap_or_default()),
            "{f}"
        );
    }
    // The lines say the same.
    let (code, out, _) = common::run_cli(&url, "doctor", &[]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("Security report for us-east-1 (8 pools checked): 4 high, 4 medium, 0 low"),
        "{out}"
    );
    assert!(
        out.contains("HIGH    trust-without-aud  open-trust"),
        "{out}"
    );
    let (code, _, _) = common::run_cli(&url, "doctor", &["--bogus"]);
    assert_eq!(code, 2);
}
