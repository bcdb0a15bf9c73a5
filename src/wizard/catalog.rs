//! Picking from what the account has: roles, user pools and their app clients, IAM identity
//! providers, as the store holds them (each list loads on first use, every page); the picker
//! filters one as the operator types.

use std::borrow::Cow;
use tui_input::Input;

use super::draft::{Draft, RoleMode, RuleRole};
use super::fields::{FieldId, PickerKind};
use super::new_user_pool::NewPoolField;
use crate::app::AwsError;
use crate::domain::roles::{IamRole, is_role_arn, role_name};
use crate::store::{Catalog, Listing, Stamp};

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
            items.extend(listed(catalog.roles()).iter().map(|role| PickItem {
                label: role.name.as_str().into(),
                detail: role.arn.as_str().into(),
                value: ItemValue::Role(role),
            }));
            items
        }
        PickerKind::UserPools => named(listed(catalog.user_pools())),
        PickerKind::Clients => named(listed(catalog.clients(&chosen_user_pool(draft)))),
        PickerKind::Oidc => arns(listed(catalog.oidc())),
        PickerKind::Saml => arns(listed(catalog.saml())),
    }
}

/// The items of a listing so far (none when never listed).
pub fn listed<T>(listing: Option<&Listing<T>>) -> &[T] {
    listing.map_or(&[], |l| l.items.as_slice())
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
/// permission to list roles or providers can still name one. When the whole list is in, the
/// label says the account does not have it.
fn typed_arn<'a>(
    kind: PickerKind,
    typed: &'a str,
    listed: &[PickItem],
    whole_list: bool,
) -> Option<PickItem<'a>> {
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
        label: if whole_list {
            "not in this account: use anyway".into()
        } else {
            "use the ARN typed".into()
        },
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
    let (loading, error) = status(catalog, draft, picker.kind);
    let whole_list = !loading && error.is_none();
    let typed = typed_arn(picker.kind, picker.filter.value(), &all, whole_list);
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

/// The list behind a picker, for its loading state: (still loading, the error that stopped it).
pub fn status(catalog: &Catalog, draft: &Draft, kind: PickerKind) -> (bool, Option<AwsError>) {
    fn of<T>(listing: Option<&Listing<T>>) -> (bool, Option<AwsError>) {
        match listing {
            None => (true, None),
            Some(l) => (l.next_marker().is_some(), l.error().cloned()),
        }
    }
    match kind {
        PickerKind::Roles => of(catalog.roles()),
        PickerKind::UserPools => of(catalog.user_pools()),
        PickerKind::Clients => of(catalog.clients(&chosen_user_pool(draft))),
        PickerKind::Oidc => of(catalog.oidc()),
        PickerKind::Saml => of(catalog.saml()),
    }
}

/// When the list behind a picker was listed (its first page), once it was.
pub fn listed_at(catalog: &Catalog, draft: &Draft, kind: PickerKind) -> Option<Stamp> {
    match kind {
        PickerKind::Roles => catalog.roles().map(|l| l.read),
        PickerKind::UserPools => catalog.user_pools().map(|l| l.read),
        PickerKind::Clients => catalog.clients(&chosen_user_pool(draft)).map(|l| l.read),
        PickerKind::Oidc => catalog.oidc().map(|l| l.read),
        PickerKind::Saml => catalog.saml().map(|l| l.read),
    }
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
