//! Step 1: authenticated and/or guest access, and the identity sources.

use strum::IntoEnumIterator;

use crate::wizard::draft::Draft;
use crate::wizard::fields::{FieldId, Kind, Row, plain};
use crate::wizard::source::Source;

/// The step's rows.
pub fn rows(draft: &Draft) -> Vec<Row> {
    let mut rows = vec![
        Row::Heading("User access".into()),
        Row::Field(plain(
            FieldId::Authenticated,
            "Authenticated access",
            Kind::Toggle(draft.authenticated),
        )),
        Row::Field(plain(
            FieldId::Guest,
            "Guest access",
            Kind::Toggle(draft.guest),
        )),
    ];
    if !draft.authenticated && !draft.guest {
        rows.push(Row::Problem(
            "Choose authenticated access, guest access, or both.".into(),
        ));
    }
    if draft.authenticated {
        rows.push(Row::Heading("Authenticated identity sources".into()));
        for source in Source::iter() {
            rows.push(Row::Field(plain(
                FieldId::Source(source),
                source.to_string(),
                Kind::Toggle(draft.sources.contains(&source)),
            )));
            if source == Source::Developer && draft.sources.contains(&source) {
                rows.push(Row::Warning(
                    "A custom developer provider can't be changed or removed after the pool is created."
                        .into(),
                ));
            }
        }
        if draft.sources.is_empty() {
            rows.push(Row::Problem(
                "Choose at least one identity source for authenticated access.".into(),
            ));
        }
    } else if draft.guest {
        rows.push(Row::Note(
            "Guest access only: anyone using the app gets the guest role, no sign-in.".into(),
        ));
    }
    rows
}
