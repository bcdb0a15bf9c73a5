//! Changes to the draft, addressed by field: what Space, ←/→, ⏎, typing and the row keys do.

use tui_input::Input;

use super::draft::{Draft, RoleMode, RuleDraft};
use super::fields::FieldId;
use super::source::Source;
use super::steps::providers::{role_settings, tag_modes};
use crate::domain::limits::MAX_TAGS;
use crate::domain::roles::{MATCH_TYPES, MAX_PRINCIPAL_TAGS, MAX_RULES};

/// Space on a checkbox. Returns whether anything changed.
pub fn toggle(draft: &mut Draft, id: FieldId) -> bool {
    let flag = match id {
        FieldId::NewPool(field) => return draft.new_user_pool.toggle(field),
        FieldId::Authenticated => &mut draft.authenticated,
        FieldId::Guest => &mut draft.guest,
        FieldId::ServerSideCheck => &mut draft.server_side_check,
        FieldId::ClassicFlow => &mut draft.classic_flow,
        FieldId::Source(source) if source.repeats() && draft.sources.contains(&source) => {
            super::several::remove_all(draft, source);
            return true;
        }
        FieldId::Source(source) => {
            if !draft.sources.remove(&source) {
                draft.sources.insert(source);
            }
            return true;
        }
        _ => return false,
    };
    *flag = !*flag;
    true
}

fn step(index: usize, len: usize, delta: isize) -> usize {
    let len = isize::try_from(len.max(1)).unwrap_or(1);
    let index = isize::try_from(index).unwrap_or(0);
    usize::try_from((index + delta).rem_euclid(len)).unwrap_or(0)
}

/// ←/→ on a choice; `seed` (the keystroke's clock) makes what a choice needs made, such as an
/// SMS role's external id. Returns whether anything changed.
pub fn choose(draft: &mut Draft, id: FieldId, delta: isize, seed: f64) -> bool {
    match id {
        FieldId::UserPoolOrigin => draft.new_user_pool.create = !draft.new_user_pool.create,
        FieldId::NewPool(field) => return draft.new_user_pool.choose(field, delta, seed),
        FieldId::RoleMode(audience) => {
            let role = draft.role_mut(audience);
            role.mode = match role.mode {
                RoleMode::New => RoleMode::Existing,
                RoleMode::Existing => RoleMode::New,
            };
        }
        FieldId::RoleSetting(source) => {
            let options = role_settings(source);
            let provider = draft.provider_mut(source);
            let now = options
                .iter()
                .position(|(s, _)| *s == provider.role)
                .unwrap_or(0);
            provider.role = options[step(now, options.len(), delta)].0;
        }
        FieldId::Resolution(source) => {
            let provider = draft.provider_mut(source);
            provider.deny_unmatched = !provider.deny_unmatched;
        }
        FieldId::TagMode(source) => {
            let options = tag_modes(source);
            let provider = draft.provider_mut(source);
            let now = options
                .iter()
                .position(|(m, _)| *m == provider.tags)
                .unwrap_or(0);
            provider.tags = options[step(now, options.len(), delta)].0;
        }
        FieldId::RuleOperator(source, i) => {
            let Some(rule) = draft.provider_mut(source).rules.get_mut(i) else {
                return false;
            };
            rule.operator = step(rule.operator, MATCH_TYPES.len(), delta);
        }
        _ => return false,
    }
    true
}

/// The text a field edits.
pub fn input_mut(draft: &mut Draft, id: FieldId) -> Option<&mut Input> {
    match id {
        FieldId::NewPool(field) => draft.new_user_pool.input_mut(field),
        FieldId::RoleName(audience) => Some(&mut draft.role_mut(audience).new_name),
        FieldId::UserPoolId => Some(&mut draft.user_pool_id),
        FieldId::ClientId => Some(&mut draft.client_id),
        FieldId::AppId(source) => Some(draft.app_ids.entry(source).or_default()),
        FieldId::TwitterSecret => Some(&mut draft.twitter_secret.0),
        FieldId::DeveloperName => Some(&mut draft.developer_name),
        FieldId::RuleClaim(source, i) => draft
            .provider_mut(source)
            .rules
            .get_mut(i)
            .map(|r| &mut r.claim),
        FieldId::RuleValue(source, i) => draft
            .provider_mut(source)
            .rules
            .get_mut(i)
            .map(|r| &mut r.value),
        FieldId::TagKey(source, i) => draft
            .provider_mut(source)
            .custom_tags
            .get_mut(i)
            .map(|t| &mut t.0),
        FieldId::TagClaim(source, i) => draft
            .provider_mut(source)
            .custom_tags
            .get_mut(i)
            .map(|t| &mut t.1),
        FieldId::PoolName => Some(&mut draft.name),
        FieldId::PoolTagKey(i) => draft.tags.get_mut(i).map(|t| &mut t.0),
        FieldId::PoolTagValue(i) => draft.tags.get_mut(i).map(|t| &mut t.1),
        _ => None,
    }
}

/// The text of a text field, for drawing and checking.
pub fn input(draft: &Draft, id: FieldId) -> Option<&Input> {
    let provider = |s: Source| draft.providers.get(&s);
    match id {
        FieldId::NewPool(field) => draft.new_user_pool.input(field),
        FieldId::RoleName(audience) => Some(&draft.role(audience).new_name),
        FieldId::UserPoolId => Some(&draft.user_pool_id),
        FieldId::ClientId => Some(&draft.client_id),
        FieldId::AppId(source) => draft.app_ids.get(&source),
        FieldId::TwitterSecret => Some(&draft.twitter_secret.0),
        FieldId::DeveloperName => Some(&draft.developer_name),
        FieldId::RuleClaim(s, i) => provider(s)?.rules.get(i).map(|r| &r.claim),
        FieldId::RuleValue(s, i) => provider(s)?.rules.get(i).map(|r| &r.value),
        FieldId::TagKey(s, i) => provider(s)?.custom_tags.get(i).map(|t| &t.0),
        FieldId::TagClaim(s, i) => provider(s)?.custom_tags.get(i).map(|t| &t.1),
        FieldId::PoolName => Some(&draft.name),
        FieldId::PoolTagKey(i) => draft.tags.get(i).map(|t| &t.0),
        FieldId::PoolTagValue(i) => draft.tags.get(i).map(|t| &t.1),
        _ => None,
    }
}

/// ⏎ on an "add" button: adds a row and returns the field to focus.
pub fn add_row(draft: &mut Draft, id: FieldId) -> Option<FieldId> {
    match id {
        FieldId::AddRule(source) => {
            let rules = &mut draft.provider_mut(source).rules;
            if rules.len() >= MAX_RULES {
                return None;
            }
            rules.push(RuleDraft::default());
            Some(FieldId::RuleClaim(source, rules.len() - 1))
        }
        FieldId::AddTag(source) => {
            let tags = &mut draft.provider_mut(source).custom_tags;
            if tags.len() >= MAX_PRINCIPAL_TAGS {
                return None;
            }
            tags.push(Default::default());
            Some(FieldId::TagKey(source, tags.len() - 1))
        }
        FieldId::AddAnother(kind) => super::several::add_another(draft, kind),
        FieldId::RemoveSource(source) => super::several::remove(draft, source),
        FieldId::AddPoolTag => {
            if draft.tags.len() >= MAX_TAGS {
                return None;
            }
            draft.tags.push(Default::default());
            Some(FieldId::PoolTagKey(draft.tags.len() - 1))
        }
        _ => None,
    }
}

/// The table row a field belongs to: which table, and the index.
fn row_of(id: FieldId) -> Option<(Table, usize)> {
    match id {
        FieldId::RuleClaim(s, i)
        | FieldId::RuleOperator(s, i)
        | FieldId::RuleValue(s, i)
        | FieldId::RuleRole(s, i) => Some((Table::Rules(s), i)),
        FieldId::TagKey(s, i) | FieldId::TagClaim(s, i) => Some((Table::PrincipalTags(s), i)),
        FieldId::PoolTagKey(i) | FieldId::PoolTagValue(i) => Some((Table::PoolTags, i)),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Table {
    Rules(Source),
    PrincipalTags(Source),
    PoolTags,
}

fn len_of(draft: &mut Draft, table: Table) -> usize {
    match table {
        Table::Rules(s) => draft.provider_mut(s).rules.len(),
        Table::PrincipalTags(s) => draft.provider_mut(s).custom_tags.len(),
        Table::PoolTags => draft.tags.len(),
    }
}

/// Ctrl-x on a table row: removes it. Returns whether a row was removed.
pub fn delete_row(draft: &mut Draft, id: FieldId) -> bool {
    let Some((table, i)) = row_of(id) else {
        return false;
    };
    if i >= len_of(draft, table) {
        return false;
    }
    match table {
        Table::Rules(s) => {
            draft.provider_mut(s).rules.remove(i);
        }
        Table::PrincipalTags(s) => {
            draft.provider_mut(s).custom_tags.remove(i);
        }
        Table::PoolTags => {
            draft.tags.remove(i);
        }
    }
    true
}

/// Ctrl-↑/↓ on a rule: moves it (rules are evaluated in order). Returns the moved field's new id.
pub fn move_row(draft: &mut Draft, id: FieldId, delta: isize) -> Option<FieldId> {
    let (Table::Rules(source), i) = row_of(id)? else {
        return None;
    };
    let rules = &mut draft.provider_mut(source).rules;
    let target = i.checked_add_signed(delta).filter(|t| *t < rules.len())?;
    rules.swap(i, target);
    Some(match id {
        FieldId::RuleClaim(s, _) => FieldId::RuleClaim(s, target),
        FieldId::RuleOperator(s, _) => FieldId::RuleOperator(s, target),
        FieldId::RuleValue(s, _) => FieldId::RuleValue(s, target),
        FieldId::RuleRole(s, _) => FieldId::RuleRole(s, target),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::draft::RoleSetting;

    #[test]
    fn rules_are_added_moved_and_deleted() {
        let mut draft = Draft::default();
        draft.provider_mut(Source::UserPool).role = RoleSetting::Rules;
        for claim in ["a", "b", "c"] {
            let focus = add_row(&mut draft, FieldId::AddRule(Source::UserPool));
            let Some(id) = focus else {
                panic!("no row added")
            };
            if let Some(i) = input_mut(&mut draft, id) {
                *i = Input::new(claim.into());
            }
        }
        let claims = |d: &Draft| {
            d.provider(Source::UserPool)
                .rules
                .iter()
                .map(|r| r.claim.value().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(claims(&draft), ["a", "b", "c"]);
        assert_eq!(
            move_row(&mut draft, FieldId::RuleValue(Source::UserPool, 2), -1),
            Some(FieldId::RuleValue(Source::UserPool, 1))
        );
        assert_eq!(claims(&draft), ["a", "c", "b"]);
        assert_eq!(
            move_row(&mut draft, FieldId::RuleClaim(Source::UserPool, 0), -1),
            None
        );
        assert!(delete_row(
            &mut draft,
            FieldId::RuleRole(Source::UserPool, 0)
        ));
        assert_eq!(claims(&draft), ["c", "b"]);
    }

    #[test]
    fn at_most_twenty_five_rules() {
        let mut draft = Draft::default();
        for _ in 0..30 {
            let _ = add_row(&mut draft, FieldId::AddRule(Source::Google));
        }
        assert_eq!(draft.provider(Source::Google).rules.len(), MAX_RULES);
    }
}
