//! What the account has that the wizard offers to pick: roles, user pools and their app clients,
//! IAM identity providers. Each list loads on first use, every page, and stays for the wizard's
//! life; the picker filters it as the operator types.

use std::borrow::Cow;
use std::collections::BTreeMap;
use tui_input::Input;

use super::draft::{Draft, RoleMode, RuleRole};
use super::fields::{FieldId, PickerKind};
use super::new_user_pool::NewPoolField;
use crate::app::{AwsError, RequestId};
use crate::domain::roles::{IamRole, is_role_arn, role_name};

impl Catalog {
    /// Whether `req` is a page one of the lists awaits.
    pub fn awaits(&self, req: RequestId) -> bool {
        let req = Some(req);
        self.roles.awaiting() == req
            || self.user_pools.awaiting() == req
            || self.oidc.awaiting() == req
            || self.saml.awaiting() == req
            || self.clients.values().any(|l| l.awaiting() == req)
    }
}

/// A list that loads page by page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Loadable<T> {
    /// Not asked for yet.
    #[default]
    NotAsked,
    /// Pages are arriving; `req` is the page awaited.
    Loading {
        /// The page request in flight.
        req: RequestId,
        /// The items so far.
        items: Vec<T>,
    },
    /// Every page is in.
    Ready(Vec<T>),
    /// A page failed; the items so far stay.
    Failed {
        /// Why.
        error: AwsError,
        /// The items so far.
        items: Vec<T>,
    },
}

impl<T> Loadable<T> {
    /// The items so far.
    pub fn items(&self) -> &[T] {
        match self {
            Loadable::NotAsked => &[],
            Loadable::Loading { items, .. }
            | Loadable::Ready(items)
            | Loadable::Failed { items, .. } => items,
        }
    }

    /// Whether it should be (re)requested.
    pub fn wants_request(&self) -> bool {
        matches!(self, Loadable::NotAsked | Loadable::Failed { .. })
    }

    /// The page request awaited.
    pub fn awaiting(&self) -> Option<RequestId> {
        match self {
            Loadable::Loading { req, .. } => Some(*req),
            _ => None,
        }
    }

    /// A page arrived: keep its items; wait for `next` if there is one.
    pub fn on_page(&mut self, result: Result<(Vec<T>, Option<RequestId>), AwsError>) {
        let mut items = std::mem::take(self).into_items();
        *self = match result {
            Ok((page, next)) => {
                items.extend(page);
                match next {
                    Some(req) => Loadable::Loading { req, items },
                    None => Loadable::Ready(items),
                }
            }
            Err(error) => Loadable::Failed { error, items },
        };
    }

    fn into_items(self) -> Vec<T> {
        match self {
            Loadable::NotAsked => Vec::new(),
            Loadable::Loading { items, .. }
            | Loadable::Ready(items)
            | Loadable::Failed { items, .. } => items,
        }
    }
}

/// The lists of the account.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// IAM roles.
    pub roles: Loadable<IamRole>,
    /// User pools: (id, name).
    pub user_pools: Loadable<(String, String)>,
    /// App clients by user pool: (client id, name).
    pub clients: BTreeMap<String, Loadable<(String, String)>>,
    /// IAM OpenID Connect provider ARNs.
    pub oidc: Loadable<String>,
    /// IAM SAML provider ARNs.
    pub saml: Loadable<String>,
}

/// What picking an item sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickValue {
    /// A role (or the new authenticated role).
    Role(RuleRole),
    /// A user pool or app client id.
    Id(String),
    /// A provider ARN.
    Arn(String),
}

/// What an item of the picker sets, borrowed from the catalog until it is picked: drawing a frame
/// over a long list then copies nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemValue<'a> {
    /// The authenticated role this wizard creates.
    NewAuthenticated,
    /// A role of the account.
    Role(&'a IamRole),
    /// A role ARN typed in full (its trust policy unknown).
    TypedRole(IamRole),
    /// A user pool or app client id.
    Id(&'a str),
    /// A provider ARN.
    Arn(&'a str),
}

impl ItemValue<'_> {
    /// The value to set on the draft.
    pub fn to_value(&self) -> PickValue {
        match self {
            Self::NewAuthenticated => PickValue::Role(RuleRole::NewAuthenticated),
            Self::Role(role) => PickValue::Role(RuleRole::Existing((*role).clone())),
            Self::TypedRole(role) => PickValue::Role(RuleRole::Existing(role.clone())),
            Self::Id(id) => PickValue::Id(id.to_string()),
            Self::Arn(arn) => PickValue::Arn(arn.to_string()),
        }
    }

    /// The existing role it names, if it names one.
    pub fn role(&self) -> Option<&IamRole> {
        match self {
            Self::Role(role) => Some(role),
            Self::TypedRole(role) => Some(role),
            _ => None,
        }
    }

    /// Whether it sets `value` (a role is the same role by ARN, even if listed again since).
    fn sets(&self, value: &PickValue) -> bool {
        match (self, value) {
            (Self::NewAuthenticated, PickValue::Role(RuleRole::NewAuthenticated)) => true,
            (Self::Id(a), PickValue::Id(b)) | (Self::Arn(a), PickValue::Arn(b)) => a == b,
            (_, PickValue::Role(RuleRole::Existing(b))) => {
                self.role().is_some_and(|a| a.arn == b.arn)
            }
            _ => false,
        }
    }
}

/// One row of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem<'a> {
    /// The main text.
    pub label: Cow<'a, str>,
    /// A second column (ARN, name).
    pub detail: Cow<'a, str>,
    /// What it sets.
    pub value: ItemValue<'a>,
}

/// A filterable list over one of the catalog's lists, picking a value for one field.
#[derive(Debug, Clone)]
pub struct Picker {
    /// Which list.
    pub kind: PickerKind,
    /// The field it fills.
    pub target: FieldId,
    /// The filter typed.
    pub filter: Input,
    /// The selected row among the filtered ones.
    pub selected: usize,
}

impl Picker {
    /// A picker for `target` over `kind`.
    pub fn new(kind: PickerKind, target: FieldId) -> Self {
        Self {
            kind,
            target,
            filter: Input::default(),
            selected: 0,
        }
    }
}

/// The user pool whose clients the client picker lists.
pub fn chosen_user_pool(draft: &Draft) -> String {
    draft.user_pool_id.value().trim().to_string()
}

/// Every item the picker offers, before filtering.
fn all_items<'a>(catalog: &'a Catalog, draft: &'a Draft, picker: &Picker) -> Vec<PickItem<'a>> {
    match picker.kind {
        PickerKind::Roles => {
            let mut items = Vec::new();
            let for_rule = matches!(picker.target, FieldId::RuleRole(..));
            if for_rule && draft.authenticated && draft.auth_role.mode == RoleMode::New {
                items.push(PickItem {
                    label: format!("{} (new)", draft.auth_role.new_name.value()).into(),
                    detail: "the authenticated role this wizard creates".into(),
                    value: ItemValue::NewAuthenticated,
                });
            }
            items.extend(catalog.roles.items().iter().map(|role| PickItem {
                label: role.name.as_str().into(),
                detail: role.arn.as_str().into(),
                value: ItemValue::Role(role),
            }));
            items
        }
        PickerKind::UserPools => named(catalog.user_pools.items()),
        PickerKind::Clients => catalog
            .clients
            .get(&chosen_user_pool(draft))
            .map(|l| named(l.items()))
            .unwrap_or_default(),
        PickerKind::Oidc => arns(catalog.oidc.items()),
        PickerKind::Saml => arns(catalog.saml.items()),
    }
}

fn named(rows: &[(String, String)]) -> Vec<PickItem<'_>> {
    rows.iter()
        .map(|(id, name)| PickItem {
            label: id.as_str().into(),
            detail: name.as_str().into(),
            value: ItemValue::Id(id),
        })
        .collect()
}

fn arns(rows: &[String]) -> Vec<PickItem<'_>> {
    rows.iter()
        .map(|arn| PickItem {
            label: arn
                .rsplit_once('/')
                .map_or(arn.as_str(), |(_, name)| name)
                .into(),
            detail: arn.as_str().into(),
            value: ItemValue::Arn(arn),
        })
        .collect()
}

/// An ARN typed into the filter that the list does not have, offered as is: an operator without
/// permission to list roles or providers can still name one.
fn typed_arn<'a>(kind: PickerKind, typed: &'a str, listed: &[PickItem]) -> Option<PickItem<'a>> {
    let typed = typed.trim();
    let fits = match kind {
        PickerKind::Roles => is_role_arn(typed),
        PickerKind::Oidc => is_iam_arn(typed, "oidc-provider/"),
        PickerKind::Saml => is_iam_arn(typed, "saml-provider/"),
        PickerKind::UserPools | PickerKind::Clients => false,
    };
    let known = listed.iter().any(|item| item.detail == typed);
    if !fits || known {
        return None;
    }
    let value = match kind {
        PickerKind::Roles => ItemValue::TypedRole(IamRole {
            name: role_name(typed).to_string(),
            arn: typed.to_string(),
            trust_policy: String::new(),
        }),
        _ => ItemValue::Arn(typed),
    };
    Some(PickItem {
        label: "use the ARN typed".into(),
        detail: typed.into(),
        value,
    })
}

/// `arn:aws:iam::<12 digits>:<resource>…`?
fn is_iam_arn(arn: &str, resource: &str) -> bool {
    arn.strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, rest)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && rest
                    .strip_prefix(resource)
                    .is_some_and(|name| !name.is_empty())
        })
}

/// The items the picker shows: those whose label or detail contains the filter (any case), and an
/// ARN typed in full that the list does not have.
pub fn items<'a>(catalog: &'a Catalog, draft: &'a Draft, picker: &'a Picker) -> Vec<PickItem<'a>> {
    let needle = picker.filter.value().to_lowercase();
    let all = all_items(catalog, draft, picker);
    let typed = typed_arn(picker.kind, picker.filter.value(), &all);
    all.into_iter()
        .filter(|item| {
            needle.is_empty()
                || contains_folded(&item.label, &needle)
                || contains_folded(&item.detail, &needle)
        })
        .chain(typed)
        .collect()
}

/// Whether `haystack` contains `needle` (already lowercase) in any case; without allocating when
/// both are ASCII, as names, ids and ARNs are.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if !(haystack.is_ascii() && needle.is_ascii()) {
        return haystack.to_lowercase().contains(needle);
    }
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || haystack.windows(needle.len()).any(|window| {
            window
                .iter()
                .zip(needle)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        })
}

/// The list behind a picker, for its loading state.
pub fn status(
    catalog: &Catalog,
    draft: &Draft,
    kind: PickerKind,
) -> Option<(bool, Option<AwsError>)> {
    fn of<T>(list: &Loadable<T>) -> (bool, Option<AwsError>) {
        match list {
            Loadable::Loading { .. } | Loadable::NotAsked => (true, None),
            Loadable::Ready(_) => (false, None),
            Loadable::Failed { error, .. } => (false, Some(error.clone())),
        }
    }
    Some(match kind {
        PickerKind::Roles => of(&catalog.roles),
        PickerKind::UserPools => of(&catalog.user_pools),
        PickerKind::Clients => of(catalog.clients.get(&chosen_user_pool(draft))?),
        PickerKind::Oidc => of(&catalog.oidc),
        PickerKind::Saml => of(&catalog.saml),
    })
}

/// The item that holds what `picker`'s field is set to now (so a picker opened again starts on
/// the current choice), or the first.
pub fn current_item(catalog: &Catalog, draft: &Draft, picker: &Picker) -> usize {
    let current = match picker.target {
        FieldId::ExistingRole(audience) => draft
            .role(audience)
            .existing
            .as_ref()
            .map(|role| PickValue::Role(RuleRole::Existing(role.clone()))),
        FieldId::RuleRole(source, i) => draft
            .provider(source)
            .rules
            .get(i)
            .and_then(|rule| rule.role.clone())
            .map(PickValue::Role),
        FieldId::NewPool(NewPoolField::SmsRoleExisting) => draft
            .new_user_pool
            .sms_role_existing
            .as_ref()
            .map(|role| PickValue::Role(RuleRole::Existing(role.clone()))),
        FieldId::UserPoolId => Some(PickValue::Id(chosen_user_pool(draft))),
        FieldId::ClientId => Some(PickValue::Id(draft.client_id.value().trim().to_string())),
        FieldId::ProviderArn(source) => draft.arns.get(&source).cloned().map(PickValue::Arn),
        _ => None,
    };
    current
        .and_then(|current| {
            items(catalog, draft, picker)
                .iter()
                .position(|item| item.value.sets(&current))
        })
        .unwrap_or(0)
}

/// Sets the picked value on the draft.
pub fn apply(draft: &mut Draft, target: FieldId, value: PickValue) {
    match (target, value) {
        (FieldId::ExistingRole(audience), PickValue::Role(RuleRole::Existing(role))) => {
            draft.role_mut(audience).existing = Some(role);
        }
        (
            FieldId::NewPool(NewPoolField::SmsRoleExisting),
            PickValue::Role(RuleRole::Existing(role)),
        ) => draft.new_user_pool.sms_role_existing = Some(role),
        (FieldId::RuleRole(source, i), PickValue::Role(role)) => {
            if let Some(rule) = draft.provider_mut(source).rules.get_mut(i) {
                rule.role = Some(role);
            }
        }
        (FieldId::UserPoolId, PickValue::Id(id)) => {
            if draft.user_pool_id.value() != id {
                draft.client_id = Input::default();
            }
            draft.user_pool_id = Input::new(id);
        }
        (FieldId::ClientId, PickValue::Id(id)) => draft.client_id = Input::new(id),
        (FieldId::ProviderArn(source), PickValue::Arn(arn)) => {
            draft.arns.insert(source, arn);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::contains_folded;

    #[test]
    fn filtering_ignores_case_with_or_without_ascii() {
        assert!(contains_folded("Orders-App-Auth", "app-a"));
        assert!(contains_folded("arn:aws:iam::123:role/X", ""));
        assert!(!contains_folded("orders", "ordersx"));
        assert!(
            !contains_folded("ab", "abc"),
            "a needle longer than the text"
        );
        assert!(
            contains_folded("Rôle-Équipe", "équipe"),
            "non-ASCII falls back"
        );
    }
}
