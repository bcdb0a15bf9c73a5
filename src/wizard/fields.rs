//! The wizard's forms as data: each step is a list of rows (headings, notes, fields), derived
//! from the draft, each field carrying its validation message. `update` moves focus over the
//! fields, `view` draws the rows; neither knows a step's layout.

use tui_input::Input;

use super::source::Source;
use crate::domain::StrRule;
use crate::domain::policy::Audience;
use crate::domain::roles::IamRole;

/// Where a field's value lives in the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    /// Authenticated access on/off.
    Authenticated,
    /// Guest access on/off.
    Guest,
    /// One identity source on/off.
    Source(Source),
    /// New or existing role.
    RoleMode(Audience),
    /// The new role's name.
    RoleName(Audience),
    /// Show the new role's policy documents.
    ViewPolicy(Audience),
    /// The existing role picked.
    ExistingRole(Audience),
    /// Pick an existing user pool, or create a new one.
    UserPoolOrigin,
    /// A field of the new user pool form.
    NewPool(super::new_user_pool::NewPoolField),
    /// The user pool id.
    UserPoolId,
    /// The app client id.
    ClientId,
    /// Server-side token check.
    ServerSideCheck,
    /// A social source's app or client id.
    AppId(Source),
    /// Twitter's consumer secret.
    TwitterSecret,
    /// The IAM provider ARN of an OIDC or SAML source.
    ProviderArn(Source),
    /// Add another provider of this kind (OIDC or SAML).
    AddAnother(Source),
    /// Remove this added provider (OIDC or SAML, not the first).
    RemoveSource(Source),
    /// The developer provider name.
    DeveloperName,
    /// Default role, rules or token.
    RoleSetting(Source),
    /// A rule's claim.
    RuleClaim(Source, usize),
    /// A rule's operator.
    RuleOperator(Source, usize),
    /// A rule's value.
    RuleValue(Source, usize),
    /// A rule's role.
    RuleRole(Source, usize),
    /// Add a rule.
    AddRule(Source),
    /// Default authenticated role or deny when nothing matches.
    Resolution(Source),
    /// Attributes for access control mode.
    TagMode(Source),
    /// A principal tag's key.
    TagKey(Source, usize),
    /// A principal tag's claim.
    TagClaim(Source, usize),
    /// Add a principal tag.
    AddTag(Source),
    /// The pool's name.
    PoolName,
    /// Basic (classic) flow.
    ClassicFlow,
    /// A pool tag's key.
    PoolTagKey(usize),
    /// A pool tag's value.
    PoolTagValue(usize),
    /// Add a pool tag.
    AddPoolTag,
}

/// The lists a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// The account's IAM roles (and, for rules, the new authenticated role).
    Roles,
    /// The region's user pools.
    UserPools,
    /// The app clients of the chosen user pool.
    Clients,
    /// IAM OpenID Connect providers.
    Oidc,
    /// IAM SAML providers.
    Saml,
}

/// What a field is and shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A checkbox (Space).
    Toggle(bool),
    /// One of several options (←/→).
    Choice {
        /// The options' labels.
        options: Vec<&'static str>,
        /// The chosen option.
        selected: usize,
    },
    /// A line of text, typed; ⏎ opens the picker when there is one.
    Text {
        /// Shown as dots.
        masked: bool,
        /// A list to pick the value from instead.
        picker: Option<PickerKind>,
    },
    /// A value picked from a list (⏎).
    Pick {
        /// What is picked.
        value: Option<String>,
        /// The list.
        picker: PickerKind,
    },
    /// Does something (⏎).
    Button,
}

/// One focusable field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Where its value lives.
    pub id: FieldId,
    /// Its label.
    pub label: String,
    /// What it is.
    pub kind: Kind,
    /// What is wrong with its value, saying what is allowed.
    pub error: Option<String>,
    /// Whether the error is only that a required value is still empty (shown once the operator
    /// tries to go on, so a fresh form is not all red).
    pub missing: bool,
}

impl Field {
    /// This text field, with a list to pick its value from (⏎).
    pub fn with_picker(self, picker: PickerKind) -> Self {
        Self {
            kind: Kind::Text {
                masked: false,
                picker: Some(picker),
            },
            ..self
        }
    }
}

/// One row of a step's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A section title.
    Heading(String),
    /// Information.
    Note(String),
    /// Something to be careful about (does not block).
    Warning(String),
    /// Something the step needs that is not a single field's (blocks).
    Problem(String),
    /// A field.
    Field(Field),
}

/// What the rows are derived with besides the draft.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The session's region.
    pub region: &'a str,
    /// The account's roles, once listed (to warn about names already taken).
    pub roles: Option<&'a [IamRole]>,
    /// The account's lists (whether it has a role, once every role is listed).
    pub catalog: &'a crate::store::Catalog,
    /// The live pool a section edit changes (None while creating one).
    pub pool_id: Option<&'a str>,
}

impl Context<'_> {
    /// What to say of a role picked that the account does not have: every role is listed and it
    /// is not one of them (typed as an ARN, or deleted since). The service takes any role ARN,
    /// so it is said, not refused.
    pub fn unlisted_role(&self, role: &IamRole) -> Option<String> {
        let roles = self.roles?;
        (!self.catalog.has_role(&role.arn)?).then(|| {
            format!(
                "Role {} is not in this account (not among the {} roles ListRoles gave): \
                 identities given it get no credentials until it exists",
                role.arn,
                roles.len()
            )
        })
    }

    /// Whose identities a role's trust policy is checked for.
    pub fn trust_target(&self) -> crate::domain::trust_check::Target<'_> {
        match self.pool_id {
            Some(pool_id) => crate::domain::trust_check::Target::Pool(pool_id),
            None => crate::domain::trust_check::Target::NewPool(self.region),
        }
    }
}

/// A trust warning about `role`, saying which role it is about ("Its … condition" becomes
/// "orders-auth's … condition"): a review lists several.
pub fn about_role(role: &IamRole, warning: String) -> String {
    match warning.strip_prefix("Its ") {
        Some(rest) => format!("{}'s {rest}", role.name),
        None => format!("{}: {warning}", role.name),
    }
}

/// A text field checked against a service rule.
pub fn text(id: FieldId, label: impl Into<String>, input: &Input, rule: &StrRule) -> Field {
    let value = input.value();
    Field {
        id,
        label: label.into(),
        kind: Kind::Text {
            masked: false,
            picker: None,
        },
        error: rule.explain(value),
        missing: value.is_empty() && rule.min > 0,
    }
}

/// A field with no value to check.
pub fn plain(id: FieldId, label: impl Into<String>, kind: Kind) -> Field {
    Field {
        id,
        label: label.into(),
        kind,
        error: None,
        missing: false,
    }
}

/// A choice among `options`.
pub fn choice(
    id: FieldId,
    label: impl Into<String>,
    options: Vec<&'static str>,
    selected: usize,
) -> Field {
    plain(id, label, Kind::Choice { options, selected })
}

/// A picked value that is required.
pub fn pick(
    id: FieldId,
    label: impl Into<String>,
    value: Option<String>,
    picker: PickerKind,
    what: &str,
) -> Field {
    let missing = value.is_none();
    Field {
        id,
        label: label.into(),
        kind: Kind::Pick { value, picker },
        error: missing.then(|| format!("Required: pick {what} (⏎)")),
        missing,
    }
}

/// The fields of `rows`, in order.
pub fn fields(rows: &[Row]) -> Vec<&Field> {
    rows.iter()
        .filter_map(|row| match row {
            Row::Field(field) => Some(field),
            _ => None,
        })
        .collect()
}

/// Every blocking problem of `rows`: the fields' errors (with their labels) and the step's own.
pub fn problems(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter_map(|row| match row {
            Row::Field(Field {
                label,
                error: Some(error),
                ..
            }) => Some(format!("{label}: {error}")),
            Row::Problem(problem) => Some(problem.clone()),
            _ => None,
        })
        .collect()
}
