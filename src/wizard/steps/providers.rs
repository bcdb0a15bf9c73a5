//! Step 3: each source's ids, role settings (default role, rules, token) and attributes for
//! access control.

use crate::domain::limits::{
    DEVELOPER_PROVIDER_NAME, LOGIN_PROVIDER_APP_ID, USER_POOL_CLIENT_ID, USER_POOL_ID,
};
use crate::domain::policy::Audience;
use crate::domain::roles::{
    self, CLAIM, MAX_PRINCIPAL_TAGS, MAX_RULES, PRINCIPAL_TAG_KEY, PRINCIPAL_TAG_VALUE, RULE_VALUE,
};
use crate::domain::trust_check;
use crate::wizard::draft::{Draft, ProviderDraft, RoleMode, RoleSetting, RuleRole, TagMode};
use crate::wizard::fields::{
    Context, Field, FieldId, Kind, PickerKind, Row, choice, pick, plain, text,
};
use crate::wizard::source::Source;

/// All principal tag keys and claims of one provider together, in bytes (the console's limit).
pub const MAX_PRINCIPAL_TAG_BYTES: usize = 460;

/// The role settings a source offers, with their labels.
pub fn role_settings(source: Source) -> Vec<(RoleSetting, &'static str)> {
    let mut out = vec![
        (RoleSetting::Default, "Use default authenticated role"),
        (RoleSetting::Rules, "Choose role with rules"),
    ];
    if source.supports_token_roles() {
        out.push((
            RoleSetting::Token,
            "Choose role with preferred_role in tokens",
        ));
    }
    out
}

/// The attribute-for-access-control modes a source offers, with their labels.
pub fn tag_modes(source: Source) -> Vec<(TagMode, &'static str)> {
    let mut out = vec![(TagMode::Inactive, "Inactive")];
    if source.default_tags().is_some() {
        out.push((TagMode::Defaults, "Use default mappings"));
    }
    out.push((TagMode::Custom, "Use custom mappings"));
    out
}

/// The resolution options, "deny" second.
pub const RESOLUTIONS: [&str; 2] = ["Use default authenticated role", "Deny"];

/// How a rule's role reads.
pub fn rule_role_label(draft: &Draft, role: &RuleRole) -> String {
    match role {
        RuleRole::NewAuthenticated => {
            format!(
                "{} (new authenticated role)",
                draft.auth_role.new_name.value()
            )
        }
        RuleRole::Existing(role) => role.name.clone(),
    }
}

/// The step's rows.
pub fn rows(draft: &Draft, context: Context<'_>) -> Vec<Row> {
    let sources = draft.active_sources();
    if sources.is_empty() {
        return vec![Row::Note(
            "Guest access only: there are no identity providers to connect.".into(),
        )];
    }
    let mut rows = Vec::new();
    for source in sources {
        rows.push(Row::Heading(source.title()));
        if source == Source::UserPool {
            user_pool_origin(draft, &mut rows);
        } else {
            ids(draft, source, &mut rows);
        }
        let provider = draft.provider(source);
        if source.has_role_settings() {
            role_rows(draft, source, &provider, context, &mut rows);
        }
        if source.has_access_control() {
            tag_rows(source, &provider, &mut rows);
        }
        crate::wizard::several::rows(draft, source, &mut rows);
    }
    rows
}

/// The same provider picked twice, said under its field.
fn duplicate_arn(draft: &Draft, source: Source, rows: &mut [Row]) {
    if let Some(problem) = crate::wizard::several::duplicate(draft, source)
        && let Some(Row::Field(field)) = rows.last_mut()
        && field.error.is_none()
    {
        field.error = Some(problem);
    }
}

/// Creating a pool or adding a provider: pick an existing user pool, or create one first (a live
/// provider's own section only picks, in `ids`).
pub fn user_pool_origin(draft: &Draft, rows: &mut Vec<Row>) {
    rows.push(Row::Field(choice(
        FieldId::UserPoolOrigin,
        "User pool",
        vec!["Pick an existing user pool", "Create a new user pool"],
        usize::from(draft.new_user_pool.create),
    )));
    if !draft.new_user_pool.create {
        ids(draft, Source::UserPool, rows);
        return;
    }
    crate::wizard::new_user_pool::rows(draft, rows);
    rows.push(Row::Field(plain(
        FieldId::ServerSideCheck,
        "Server-side token check",
        Kind::Toggle(draft.server_side_check),
    )));
}

/// A source's ids: user pool and app client, app id, provider ARN, developer provider name.
pub fn ids(draft: &Draft, source: Source, rows: &mut Vec<Row>) {
    match source {
        Source::UserPool => {
            let pool = text(
                FieldId::UserPoolId,
                "User pool ID",
                &draft.user_pool_id,
                &USER_POOL_ID,
            );
            rows.push(Row::Field(pool.with_picker(PickerKind::UserPools)));
            let client = text(
                FieldId::ClientId,
                "App client ID",
                &draft.client_id,
                &USER_POOL_CLIENT_ID,
            );
            rows.push(Row::Field(client.with_picker(PickerKind::Clients)));
            rows.push(Row::Note(
                "⏎ on an id picks from the account's user pools (this region) and app clients; or type it (a user pool of another region too)."
                    .into(),
            ));
            rows.push(Row::Field(plain(
                FieldId::ServerSideCheck,
                "Server-side token check",
                Kind::Toggle(draft.server_side_check),
            )));
        }
        Source::Facebook | Source::Google | Source::Amazon | Source::Apple | Source::Twitter => {
            let input = draft.app_ids.get(&source).cloned().unwrap_or_default();
            rows.push(Row::Field(text(
                FieldId::AppId(source),
                source.app_id_label(),
                &input,
                &LOGIN_PROVIDER_APP_ID,
            )));
            if source == Source::Twitter {
                let mut secret = text(
                    FieldId::TwitterSecret,
                    "Twitter consumer secret",
                    &draft.twitter_secret.0,
                    &LOGIN_PROVIDER_APP_ID,
                );
                secret.kind = Kind::Text {
                    masked: true,
                    picker: None,
                };
                let joined = input.value().chars().count()
                    + 1
                    + draft.twitter_secret.0.value().chars().count();
                if secret.error.is_none() && joined > LOGIN_PROVIDER_APP_ID.max {
                    secret.error = Some(format!(
                        "Key and secret together are {joined} characters; the service takes at most {}",
                        LOGIN_PROVIDER_APP_ID.max - 1
                    ));
                }
                rows.push(Row::Field(secret));
            }
        }
        Source::Oidc(_) | Source::Saml(_) => {
            let (label, picker, what) = if matches!(source, Source::Oidc(_)) {
                (
                    "OpenID Connect provider",
                    PickerKind::Oidc,
                    "an IAM OpenID Connect provider",
                )
            } else {
                ("SAML provider", PickerKind::Saml, "an IAM SAML provider")
            };
            rows.push(Row::Field(pick(
                FieldId::ProviderArn(source),
                label,
                draft.arns.get(&source).cloned(),
                picker,
                what,
            )));
            duplicate_arn(draft, source, rows);
        }
        Source::Developer => {
            rows.push(Row::Field(text(
                FieldId::DeveloperName,
                "Developer provider name",
                &draft.developer_name,
                &DEVELOPER_PROVIDER_NAME,
            )));
            rows.push(Row::Warning(
                "The developer provider name can't be changed or removed after the pool is created.".into(),
            ));
            rows.push(Row::Note(
                "Developer identities get the default authenticated role; their principal tags are passed to GetOpenIdTokenForDeveloperIdentity."
                    .into(),
            ));
        }
    }
}

/// A source's role settings: default role, rules or token, and the role resolution.
pub fn role_rows(
    draft: &Draft,
    source: Source,
    provider: &ProviderDraft,
    context: Context<'_>,
    rows: &mut Vec<Row>,
) {
    let settings = role_settings(source);
    let selected = settings
        .iter()
        .position(|(s, _)| *s == provider.role)
        .unwrap_or(0);
    rows.push(Row::Field(choice(
        FieldId::RoleSetting(source),
        "Role settings",
        settings.iter().map(|(_, label)| *label).collect(),
        selected,
    )));
    if provider.role == RoleSetting::Rules {
        for (i, rule) in provider.rules.iter().enumerate() {
            let n = i + 1;
            rows.push(Row::Field(text(
                FieldId::RuleClaim(source, i),
                format!("Rule {n} claim"),
                &rule.claim,
                &CLAIM,
            )));
            rows.push(Row::Field(choice(
                FieldId::RuleOperator(source, i),
                "operator",
                roles::MATCH_TYPES.to_vec(),
                rule.operator,
            )));
            rows.push(Row::Field(text(
                FieldId::RuleValue(source, i),
                "value",
                &rule.value,
                &RULE_VALUE,
            )));
            rows.push(Row::Field(rule_role_field(
                draft,
                source,
                i,
                rule.role.as_ref(),
            )));
            if let Some(RuleRole::Existing(role)) = &rule.role {
                rows.extend(context.unlisted_role(role).map(Row::Warning));
                let tags = provider.sets_tags();
                for warning in trust_check::diagnose(
                    &role.trust_policy,
                    Audience::Authenticated,
                    tags,
                    context.trust_target(),
                ) {
                    rows.push(Row::Warning(crate::wizard::fields::about_role(
                        role, warning,
                    )));
                }
            }
        }
        if provider.rules.is_empty() {
            rows.push(Row::Problem(format!(
                "{}: add at least one rule, or choose another role setting.",
                source.title()
            )));
        }
        if provider.rules.len() < MAX_RULES {
            rows.push(Row::Field(plain(
                FieldId::AddRule(source),
                "+ Add rule",
                Kind::Button,
            )));
        } else {
            rows.push(Row::Note(format!(
                "{MAX_RULES} rules, the most one provider can have."
            )));
        }
    }
    if provider.role != RoleSetting::Default {
        rows.push(Row::Field(choice(
            FieldId::Resolution(source),
            "Role resolution (no match)",
            RESOLUTIONS.to_vec(),
            usize::from(provider.deny_unmatched),
        )));
    }
}

fn rule_role_field(draft: &Draft, source: Source, index: usize, role: Option<&RuleRole>) -> Field {
    let mut field = pick(
        FieldId::RuleRole(source, index),
        "role",
        role.map(|r| rule_role_label(draft, r)),
        PickerKind::Roles,
        "a role",
    );
    let new_role_gone = !draft.authenticated || draft.auth_role.mode != RoleMode::New;
    if role == Some(&RuleRole::NewAuthenticated) && new_role_gone {
        field.error =
            Some("No new authenticated role is created any more: pick another role".into());
    }
    field
}

/// A source's attributes for access control: inactive, default mappings or custom rows.
pub fn tag_rows(source: Source, provider: &ProviderDraft, rows: &mut Vec<Row>) {
    let modes = tag_modes(source);
    let selected = modes
        .iter()
        .position(|(m, _)| *m == provider.tags)
        .unwrap_or(0);
    rows.push(Row::Field(choice(
        FieldId::TagMode(source),
        "Attributes for access control",
        modes.iter().map(|(_, label)| *label).collect(),
        selected,
    )));
    match provider.tags {
        TagMode::Inactive => {}
        TagMode::Defaults => {
            for (tag, claim) in source.default_tags().unwrap_or_default() {
                rows.push(Row::Note(format!("tag {tag} ← claim {claim}")));
            }
        }
        TagMode::Custom => {
            for (i, (key, claim)) in provider.custom_tags.iter().enumerate() {
                let mut key_field = text(
                    FieldId::TagKey(source, i),
                    format!("Tag {} key", i + 1),
                    key,
                    &PRINCIPAL_TAG_KEY,
                );
                if key_field.error.is_none()
                    && provider.custom_tags[..i]
                        .iter()
                        .any(|(k, _)| k.value() == key.value())
                {
                    key_field.error = Some(format!(
                        "The tag key {} is used twice; keys must be unique",
                        key.value()
                    ));
                }
                rows.push(Row::Field(key_field));
                rows.push(Row::Field(text(
                    FieldId::TagClaim(source, i),
                    "← claim",
                    claim,
                    &PRINCIPAL_TAG_VALUE,
                )));
            }
            if provider.custom_tags.is_empty() {
                rows.push(Row::Problem(format!(
                    "{}: add at least one tag mapping, or choose another option.",
                    source.title()
                )));
            }
            let bytes: usize = provider
                .custom_tags
                .iter()
                .map(|(k, c)| k.value().len() + c.value().len())
                .sum();
            if bytes > MAX_PRINCIPAL_TAG_BYTES {
                rows.push(Row::Problem(format!(
                    "{}: the tag keys and claims add up to {bytes} bytes; at most {MAX_PRINCIPAL_TAG_BYTES} are allowed.",
                    source.title()
                )));
            }
            if provider.custom_tags.len() < MAX_PRINCIPAL_TAGS {
                rows.push(Row::Field(plain(
                    FieldId::AddTag(source),
                    "+ Add tag mapping",
                    Kind::Button,
                )));
            }
        }
    }
}
