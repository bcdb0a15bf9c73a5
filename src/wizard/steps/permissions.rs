//! Step 2: the default role of each kind of access, new (with the console's policies) or existing
//! (with its trust policy checked against the new pool).

use crate::domain::limits::IAM_ROLE_NAME;
use crate::domain::policy::Audience;
use crate::domain::trust_check;
use crate::wizard::draft::{Draft, RoleMode};
use crate::wizard::fields::{Context, FieldId, Kind, PickerKind, Row, choice, pick, plain, text};

/// What each kind of access is called.
pub fn audience_title(audience: Audience) -> &'static str {
    match audience {
        Audience::Authenticated => "Authenticated role",
        Audience::Guest => "Guest role",
    }
}

/// The step's rows.
pub fn rows(draft: &Draft, context: Context<'_>) -> Vec<Row> {
    let mut rows = Vec::new();
    for audience in draft.audiences() {
        audience_rows(draft, audience, context, &mut rows);
    }
    rows
}

/// The default role of one kind of access: new (name, policies) or existing (picked, trust checked).
pub fn audience_rows(draft: &Draft, audience: Audience, context: Context<'_>, rows: &mut Vec<Row>) {
    let role = draft.role(audience);
    rows.push(Row::Heading(audience_title(audience).into()));
    rows.push(Row::Field(choice(
        FieldId::RoleMode(audience),
        "IAM role",
        vec!["Create a new IAM role", "Use an existing IAM role"],
        usize::from(role.mode == RoleMode::Existing),
    )));
    match role.mode {
        RoleMode::New => {
            let mut field = text(
                FieldId::RoleName(audience),
                "IAM role name",
                &role.new_name,
                &IAM_ROLE_NAME,
            );
            let name = role.new_name.value();
            if field.error.is_none() {
                field.error = name_conflict(draft, audience, name, context);
            }
            rows.push(Row::Field(field));
            rows.push(Row::Field(plain(
                FieldId::ViewPolicy(audience),
                "View policy document (v)",
                Kind::Button,
            )));
        }
        RoleMode::Existing => {
            rows.push(Row::Field(pick(
                FieldId::ExistingRole(audience),
                "Existing IAM role",
                role.existing.as_ref().map(|r| r.name.clone()),
                PickerKind::Roles,
                "a role",
            )));
            if let Some(existing) = &role.existing {
                rows.extend(context.unlisted_role(existing).map(Row::Warning));
                let tags = audience == Audience::Authenticated && draft.uses_principal_tags();
                for warning in trust_check::diagnose(
                    &existing.trust_policy,
                    audience,
                    tags,
                    context.trust_target(),
                ) {
                    rows.push(Row::Warning(crate::wizard::fields::about_role(
                        existing, warning,
                    )));
                }
            }
        }
    }
}

/// Why a new role's name can't be used: the other new role has it, or the account has a role of
/// that name (IAM names are unique regardless of case).
fn name_conflict(
    draft: &Draft,
    audience: Audience,
    name: &str,
    context: Context<'_>,
) -> Option<String> {
    let other = match audience {
        Audience::Authenticated => Audience::Guest,
        Audience::Guest => Audience::Authenticated,
    };
    let other_role = draft.role(other);
    if draft.audiences().contains(&other)
        && other_role.mode == RoleMode::New
        && other_role.new_name.value().eq_ignore_ascii_case(name)
    {
        return Some("The two new roles need different names".into());
    }
    let taken = context
        .roles
        .unwrap_or_default()
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(name))?;
    Some(format!(
        "The account already has a role named {}: choose another name, or use the existing role",
        taken.name
    ))
}
