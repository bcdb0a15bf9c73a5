//! Step 4: the pool's name, basic (classic) flow and tags.

use crate::domain::limits::{MAX_TAGS, POOL_NAME, TAG_KEY, TAG_VALUE};
use crate::wizard::draft::Draft;
use crate::wizard::fields::{FieldId, Kind, Row, plain, text};

/// The step's rows.
pub fn rows(draft: &Draft) -> Vec<Row> {
    let mut rows = name_rows(draft);
    rows.extend(classic_rows(draft));
    if draft.classic_flow && draft.uses_role_mappings() {
        rows.push(Row::Warning(CLASSIC_WITH_MAPPINGS.into()));
    }
    rows.extend(tag_rows(draft));
    rows
}

/// Why basic flow and role mappings don't mix.
pub const CLASSIC_WITH_MAPPINGS: &str = "Basic flow can't be used together with role mappings: GetOpenIdToken refuses identities of providers that choose roles by rules or token.";

/// The pool's name.
pub fn name_rows(draft: &Draft) -> Vec<Row> {
    vec![
        Row::Heading("Identity pool name".into()),
        Row::Field(text(
            FieldId::PoolName,
            "Identity pool name",
            &draft.name,
            &POOL_NAME,
        )),
        Row::Note("Names need not be unique; the pool's id identifies it.".into()),
    ]
}

/// Basic (classic) flow.
pub fn classic_rows(draft: &Draft) -> Vec<Row> {
    vec![
        Row::Heading("Basic (classic) authentication".into()),
        Row::Field(plain(
            FieldId::ClassicFlow,
            "Activate basic flow",
            Kind::Toggle(draft.classic_flow),
        )),
    ]
}

/// The pool's tags.
pub fn tag_rows(draft: &Draft) -> Vec<Row> {
    let mut rows = vec![Row::Heading(format!(
        "Tags ({} of at most {MAX_TAGS})",
        draft.tags.len()
    ))];
    for (i, (key, value)) in draft.tags.iter().enumerate() {
        let mut key_field = text(
            FieldId::PoolTagKey(i),
            format!("Tag {} key", i + 1),
            key,
            &TAG_KEY,
        );
        if key_field.error.is_none() {
            key_field.error = tag_key_problem(draft, i, key.value());
        }
        rows.push(Row::Field(key_field));
        rows.push(Row::Field(text(
            FieldId::PoolTagValue(i),
            "value",
            value,
            &TAG_VALUE,
        )));
    }
    if draft.tags.len() < MAX_TAGS {
        rows.push(Row::Field(plain(
            FieldId::AddPoolTag,
            "+ Add tag",
            Kind::Button,
        )));
    } else {
        rows.push(Row::Note(format!(
            "{MAX_TAGS} tags, the most a pool can have."
        )));
    }
    rows
}

fn tag_key_problem(draft: &Draft, index: usize, key: &str) -> Option<String> {
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Some("Keys starting with aws: are reserved by AWS".into());
    }
    let duplicate = draft.tags[..index].iter().any(|(k, _)| k.value() == key);
    duplicate.then(|| format!("The key {key} is used twice; tag keys must be unique"))
}
