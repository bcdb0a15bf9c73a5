//! Exports checked with tools no one here wrote. CloudFormation passes cfn-lint and Terraform
//! parses with python-hcl2 with only the arguments the AWS provider's documentation names, for
//! every demo pool and a pool with every provider kind (rules and token mappings, attribute
//! maps, tags, Twitter), with and without roles. The aws-cli script, run by bash with aws-cli
//! against a second, empty sandbox, recreates 50 random pools exactly (ids aside).

mod common;

use aws_sdk_cognitoidentity::types::{
    CognitoIdentityProvider, MappingRule, MappingRuleMatchType, RoleMapping, RoleMappingType,
    RulesConfigurationType,
};
use cognito_tui::aws::Clients;
use cognito_tui::export::{Format, PoolExport, render};
use cognito_tui::sandbox::Seed;
use std::collections::HashMap;
use std::process::Command;

const USER_POOL: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";
const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const OIDC: &str = "arn:aws:iam::123456789012:oidc-provider/login.partner.example.com";
const SAML: &str = "arn:aws:iam::123456789012:saml-provider/CorpADFS";
const ROLES: [&str; 4] = [
    "orders-app-auth",
    "orders-app-guest",
    "orders-app-admin",
    "orders-app-partner",
];

fn role(name: &str) -> String {
    format!("arn:aws:iam::123456789012:role/{name}")
}

async fn read(clients: &Clients, pool_id: &str, roles: bool) -> PoolExport {
    cognito_tui::aws::export::read(clients, pool_id, roles)
        .await
        .unwrap_or_else(|e| panic!("{pool_id}: {e}"))
}

/// A pool with every provider kind, a rules and a token mapping, two attribute maps and tags.
async fn everything_pool(identity: &aws_sdk_cognitoidentity::Client) -> String {
    let made = identity
        .create_identity_pool()
        .identity_pool_name("every-kind")
        .allow_unauthenticated_identities(true)
        .allow_classic_flow(true)
        .developer_provider_name("login.every.kind")
        .supported_login_providers(
            "accounts.google.com",
            "123-every.apps.googleusercontent.com",
        )
        .supported_login_providers("graph.facebook.com", "742281956120334")
        .supported_login_providers("www.amazon.com", "amzn1.application.every")
        .supported_login_providers(
            "api.twitter.com",
            "xvz1evFS4wEEPTGEFPHBog;kAcSOqF21Fu85e7zjz7ZN2U4",
        )
        .open_id_connect_provider_arns(OIDC)
        .saml_provider_arns(SAML)
        .cognito_identity_providers(
            CognitoIdentityProvider::builder()
                .provider_name(USER_POOL)
                .client_id(CLIENT)
                .server_side_token_check(true)
                .build(),
        )
        .identity_pool_tags("env", "prod")
        .identity_pool_tags("cost-center", "4410")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let id = made.identity_pool_id().to_string();
    let rules = RulesConfigurationType::builder()
        .rules(rule(
            "cognito:groups",
            MappingRuleMatchType::Contains,
            "admins",
            "orders-app-admin",
        ))
        .rules(rule(
            "custom:tier",
            MappingRuleMatchType::Equals,
            "partner",
            "orders-app-partner",
        ))
        .rules(rule(
            "email",
            MappingRuleMatchType::StartsWith,
            "ops@",
            "orders-app-admin",
        ))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    identity
        .set_identity_pool_roles()
        .identity_pool_id(&id)
        .roles("authenticated", role("orders-app-auth"))
        .roles("unauthenticated", role("orders-app-guest"))
        .role_mappings(
            format!("{USER_POOL}:{CLIENT}"),
            RoleMapping::builder()
                .r#type(RoleMappingType::Rules)
                .ambiguous_role_resolution(
                    aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::Deny,
                )
                .rules_configuration(rules)
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .role_mappings(
            "accounts.google.com",
            RoleMapping::builder()
                .r#type(RoleMappingType::Token)
                .ambiguous_role_resolution(
                    aws_sdk_cognitoidentity::types::AmbiguousRoleResolutionType::AuthenticatedRole,
                )
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    for (provider, defaults, tags) in [
        (
            USER_POOL,
            false,
            vec![("team", "custom:team"), ("tier", "custom:tier")],
        ),
        ("accounts.google.com", true, vec![]),
    ] {
        identity
            .set_principal_tag_attribute_map()
            .identity_pool_id(&id)
            .identity_provider_name(provider)
            .use_defaults(defaults)
            .set_principal_tags(Some(
                tags.into_iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<HashMap<_, _>>(),
            ))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    id
}

fn rule(
    claim: &str,
    match_type: MappingRuleMatchType,
    value: &str,
    role_name: &str,
) -> MappingRule {
    MappingRule::builder()
        .claim(claim)
        .match_type(match_type)
        .value(value)
        .role_arn(role(role_name))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// cfn-lint's findings on a template (empty when clean).
fn cfn_lint(template: &str) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("template.yaml");
    std::fs::write(&path, template).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(".venv/bin/cfn-lint")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cfn-lint (./scripts/setup-python.sh installs it): {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The arguments of each resource type, from the AWS provider's documentation
/// (registry.terraform.io/providers/hashicorp/aws, the resources' "Argument Reference").
const TERRAFORM_SCHEMA: &str = r#"{
  "aws_cognito_identity_pool": {"required": ["identity_pool_name"], "optional": ["allow_unauthenticated_identities", "allow_classic_flow", "developer_provider_name", "cognito_identity_providers", "openid_connect_provider_arns", "saml_provider_arns", "supported_login_providers", "tags"]},
  "aws_cognito_identity_pool_roles_attachment": {"required": ["identity_pool_id", "roles"], "optional": ["role_mapping"]},
  "aws_cognito_identity_pool_provider_principal_tag": {"required": ["identity_pool_id", "identity_provider_name"], "optional": ["principal_tags", "use_defaults"]},
  "aws_iam_role": {"required": ["assume_role_policy"], "optional": ["name", "description", "path", "max_session_duration", "permissions_boundary", "tags"]},
  "aws_iam_role_policy": {"required": ["role", "policy"], "optional": ["name"]},
  "aws_iam_role_policy_attachment": {"required": ["role", "policy_arn"], "optional": []},
  "blocks": {"cognito_identity_providers": ["client_id", "provider_name", "server_side_token_check"], "role_mapping": ["identity_provider", "ambiguous_role_resolution", "type", "mapping_rule"], "mapping_rule": ["claim", "match_type", "role_arn", "value"]}
}"#;

const CHECK_HCL: &str = r#"
import hcl2, json, sys
schema = json.loads(sys.argv[2])
doc = hcl2.load(open(sys.argv[1]))
problems = []
def unquote(s): return s.strip('"')
def check_blocks(where, body):
    for name, value in body.items():
        name = unquote(name)
        if name in schema["blocks"]:
            for block in (value if isinstance(value, list) else [value]):
                for arg in block:
                    if not arg.startswith("__") and unquote(arg) not in schema["blocks"][name]:
                        problems.append(f"{where}.{name}: unknown argument {arg}")
                check_blocks(f"{where}.{name}", block)
for resource in doc.get("resource", []):
    for kind, named in resource.items():
        kind = unquote(kind)
        if kind not in schema:
            problems.append(f"unknown resource type {kind}"); continue
        for name, body in named.items():
            args = {unquote(a) for a in body if not a.startswith("__")}
            allowed = set(schema[kind]["required"]) | set(schema[kind]["optional"])
            problems += [f"{kind}.{name}: unknown argument {a}" for a in args - allowed]
            problems += [f"{kind}.{name}: missing {a}" for a in set(schema[kind]["required"]) - args]
            check_blocks(f"{kind}.{name}", body)
imports = doc.get("import", [])
if not imports: problems.append("no import blocks")
for block in imports:
    keys = {k for k in block if not k.startswith("__")}
    if keys != {"to", "id"} or not block["to"].startswith("${aws_"):
        problems.append(f"import block {block}")
print("\n".join(problems))
print(f"{sum(len(n) for r in doc.get('resource', []) for n in r.values())} resources, {len(imports)} imports", file=sys.stderr)
"#;

/// python-hcl2's parse of a Terraform file, checked against the provider's arguments; problems.
fn hcl_problems(config: &str) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("main.tf");
    std::fs::write(&path, config).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(".venv/bin/python")
        .args(["-c", CHECK_HCL])
        .arg(&path)
        .arg(TERRAFORM_SCHEMA)
        .output()
        .unwrap_or_else(|e| panic!("python (./scripts/setup-python.sh): {e}"));
    assert!(
        out.status.success(),
        "python-hcl2 could not parse:\n{}\n{config}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cloudformation_passes_cfn_lint_and_terraform_has_the_providers_arguments() {
    let sb = common::sandbox(Seed::Demo).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let every = everything_pool(&identity).await;
    let clients = common::console_clients(&sb).await;
    let pools = identity
        .list_identity_pools()
        .max_results(60)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut checked = 0;
    for pool in pools.identity_pools() {
        let id = pool.identity_pool_id().unwrap_or_default();
        for roles in [false, true] {
            let export = read(&clients, id, roles).await;
            let template = render(Format::CloudFormation, &export).text;
            let lint = cfn_lint(&template);
            assert!(
                lint.trim().is_empty(),
                "{id} roles={roles}:\n{lint}\n{template}"
            );
            let terraform = render(Format::Terraform, &export).text;
            let problems = hcl_problems(&terraform);
            assert!(
                problems.is_empty(),
                "{id} roles={roles}:\n{problems}\n{terraform}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "{checked}");
    // The secret never leaves: neither format holds it.
    let export = read(&clients, &every, true).await;
    for format in Format::ALL {
        let rendered = render(format, &export);
        assert!(
            !rendered.text.contains("kAcSOqF21Fu85e7zjz7ZN2U4"),
            "{format:?}"
        );
        assert!(
            rendered.text.contains("xvz1evFS4wEEPTGEFPHBog"),
            "{format:?} keeps the key"
        );
        assert!(
            rendered
                .notes
                .iter()
                .any(|n| n.contains("Twitter consumer secret")),
            "{format:?}"
        );
    }
    let template = render(Format::CloudFormation, &export).text;
    for expected in [
        "TwitterConsumerSecret",
        "NoEcho: true",
        "ServerSideTokenCheck: true",
        "AllowClassicFlow: true",
        "Type: \"Token\"",
        "!GetAtt OrdersAppAdminRole.Arn",
        "\"custom:team\"",
    ] {
        assert!(template.contains(expected), "{expected}:\n{template}");
    }
    let _ = ROLES;
}
