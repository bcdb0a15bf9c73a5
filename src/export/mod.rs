//! Export a pool as code: CloudFormation (YAML), Terraform (HCL), CDK (TypeScript) or an aws-cli
//! script of `--cli-input-json` documents, from a fresh read of everything the pool has. Pure:
//! [`PoolExport`] in, text out; `aws::export` reads it, the console's export view and
//! `cognito-tui export` show or write it.

pub mod cdk;
pub mod cli_script;
pub mod cloudformation;
pub mod command;
mod names;
pub mod terraform;
mod yaml;

use crate::domain::config::PoolConfig;

/// The formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// A CloudFormation template (YAML).
    #[value(name = "cloudformation")]
    CloudFormation,
    /// Terraform (HCL) with `import` blocks for adoption.
    Terraform,
    /// A CDK stack (TypeScript).
    Cdk,
    /// aws-cli `--cli-input-json` documents in a script that applies them in order.
    Json,
}

impl Format {
    /// Every format, in the chooser's order.
    pub const ALL: [Format; 4] = [
        Format::CloudFormation,
        Format::Terraform,
        Format::Cdk,
        Format::Json,
    ];

    /// How the chooser names it.
    pub fn title(self) -> &'static str {
        match self {
            Format::CloudFormation => "CloudFormation",
            Format::Terraform => "Terraform",
            Format::Cdk => "CDK (TypeScript)",
            Format::Json => "aws-cli JSON",
        }
    }

    /// A file name for it.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::CloudFormation => "identity-pool.yaml",
            Format::Terraform => "identity-pool.tf",
            Format::Cdk => "identity-pool-stack.ts",
            Format::Json => "create-identity-pool.sh",
        }
    }
}

/// A role the pool references, as IAM holds it (read with `--include-roles`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedRole {
    /// Its ARN.
    pub arn: String,
    /// Its name.
    pub name: String,
    /// The trust policy document (JSON).
    pub trust_policy: String,
    /// Inline policies: (name, document JSON).
    pub inline: Vec<(String, String)>,
    /// Attached managed policies' ARNs.
    pub attached: Vec<String>,
}

/// Everything an export needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolExport {
    /// The pool, its roles and mappings, and every provider's attribute map.
    pub config: PoolConfig,
    /// The roles it references, when they are exported too.
    pub roles: Option<Vec<ExportedRole>>,
}

/// An export: the text, and what the reader must know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The code.
    pub text: String,
    /// Notes (a secret left out and what takes its place, roles left as parameters, …).
    pub notes: Vec<String>,
}

/// The pool as code in `format`.
pub fn render(format: Format, export: &PoolExport) -> Rendered {
    let mut notes = Vec::new();
    if twitter(export).is_some() {
        notes.push(match format {
            Format::CloudFormation => "The Twitter consumer secret is not written: the TwitterConsumerSecret parameter (NoEcho) takes its place.",
            Format::Terraform => "The Twitter consumer secret is not written: the twitter_consumer_secret variable (sensitive) takes its place.",
            Format::Cdk => "The Twitter consumer secret is not written: it is read from the TWITTER_CONSUMER_SECRET environment variable at synth time.",
            Format::Json => "The Twitter consumer secret is not written: the script reads it from TWITTER_CONSUMER_SECRET.",
        }.to_string());
    }
    if export.roles.is_none() && !referenced_roles(&export.config).is_empty() {
        notes.push(match format {
            Format::CloudFormation => "Roles are parameters (their current ARNs as defaults); --include-roles (i in the view) writes them as AWS::IAM::Role trusting the new pool.",
            _ => "Roles are referenced by their current ARNs; --include-roles (i in the view) writes them too, trusting the new pool.",
        }.to_string());
    }
    if format == Format::Cdk && export.roles.is_some() {
        notes.push("CDK keeps the roles referenced by ARN (Role.fromRoleArn): CloudFormation and Terraform write them.".to_string());
    }
    let text = match format {
        Format::CloudFormation => cloudformation::render(export),
        Format::Terraform => terraform::render(export),
        Format::Cdk => cdk::render(export),
        Format::Json => cli_script::render(export),
    };
    Rendered { text, notes }
}

/// The login key of Twitter, whose value is `consumer key;consumer secret`.
pub const TWITTER: &str = "api.twitter.com";

/// The Twitter consumer key, when the pool has Twitter (its secret is never exported).
pub fn twitter(export: &PoolExport) -> Option<&str> {
    let value = export.config.pool.supported_login_providers.get(TWITTER)?;
    Some(value.split_once(';').map_or(value.as_str(), |(key, _)| key))
}

/// The role ARNs the pool refers to, each once: the default roles, then the rules' roles in order.
pub fn referenced_roles(config: &PoolConfig) -> Vec<String> {
    let mut arns: Vec<String> = Vec::new();
    let mut add = |arn: &str| {
        if !arn.is_empty() && !arns.iter().any(|a| a == arn) {
            arns.push(arn.to_string());
        }
    };
    for kind in ["authenticated", "unauthenticated"] {
        if let Some(arn) = config.roles.roles.get(kind) {
            add(arn);
        }
    }
    for mapping in config.roles.role_mappings.values() {
        for rule in mapping.rules_configuration.iter().flat_map(|r| &r.rules) {
            add(&rule.role_arn);
        }
    }
    arns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::{MappingRule, PrincipalTagMap, RoleMapping, RulesConfiguration};
    use crate::domain::{CognitoProvider, IdentityPool};

    fn export() -> PoolExport {
        let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc";
        let mut config = PoolConfig {
            pool: IdentityPool {
                identity_pool_id: "us-east-1:00000000-0000-4000-8000-000000000001".into(),
                identity_pool_name: "shop".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        config
            .pool
            .cognito_identity_providers
            .push(CognitoProvider {
                provider_name: provider.into(),
                client_id: "client1".into(),
                server_side_token_check: false,
            });
        config
            .pool
            .supported_login_providers
            .insert(TWITTER.into(), "key1;secret1".into());
        let rule = |match_type: &str| MappingRule {
            claim: "email".into(),
            match_type: match_type.into(),
            value: "x".into(),
            role_arn: "arn:aws:iam::123456789012:role/a".into(),
        };
        config.roles.role_mappings.insert(
            format!("{provider}:client1"),
            RoleMapping {
                mapping_type: "Rules".into(),
                ambiguous_role_resolution: Some("Deny".into()),
                rules_configuration: Some(RulesConfiguration {
                    rules: vec![rule("StartsWith"), rule("NotEqual")],
                }),
            },
        );
        config.principal_tags.insert(
            provider.into(),
            PrincipalTagMap {
                use_defaults: true,
                principal_tags: Default::default(),
            },
        );
        PoolExport {
            config,
            roles: None,
        }
    }

    #[test]
    fn cdk_names_the_constructs_members_and_no_format_writes_the_secret() {
        let export = export();
        let cdk = render(Format::Cdk, &export).text;
        assert!(cdk.contains("RoleMappingMatchType.STARTS_WITH"), "{cdk}");
        assert!(cdk.contains("RoleMappingMatchType.NOTEQUAL"), "{cdk}");
        assert!(cdk.contains("principalTags: {},"), "{cdk}");
        for format in Format::ALL {
            let rendered = render(format, &export);
            assert!(!rendered.text.contains("secret1"), "{format:?}");
            assert!(rendered.text.contains("key1"), "{format:?}");
        }
        assert_eq!(
            referenced_roles(&export.config),
            ["arn:aws:iam::123456789012:role/a"]
        );
    }
}
