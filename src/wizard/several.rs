//! Several OIDC and SAML providers: the pool takes lists of their ARNs, so after the first of a
//! kind (the trust step's checkbox) the providers step can add more, each with its own role
//! settings and attributes for access control, and remove the added ones.

use super::draft::Draft;
use super::fields::{FieldId, Kind, Row, plain};
use super::source::{MAX_OF_A_KIND, Source};

fn of_kind(kind: Source, index: u8) -> Source {
    match kind {
        Source::Saml(_) => Source::Saml(index),
        _ => Source::Oidc(index),
    }
}

/// The sources of `kind` the draft has, in order.
fn sources_of(draft: &Draft, kind: Source) -> Vec<Source> {
    let first = kind.first_of_kind();
    draft
        .sources
        .iter()
        .copied()
        .filter(|s| s.first_of_kind() == first)
        .collect()
}

/// "+ Add another …": a new source of the kind; its ARN field gets the focus.
pub fn add_another(draft: &mut Draft, kind: Source) -> Option<FieldId> {
    let count = u8::try_from(sources_of(draft, kind).len()).ok()?;
    if count >= MAX_OF_A_KIND {
        return None;
    }
    let added = of_kind(kind, count);
    draft.sources.insert(added);
    Some(FieldId::ProviderArn(added))
}

/// "− Remove": drops an added source with its settings; the later ones move up a place so the
/// numbering stays 1, 2, 3…. The focus goes to the kind's add button.
pub fn remove(draft: &mut Draft, source: Source) -> Option<FieldId> {
    let all = sources_of(draft, source);
    if !all.contains(&source) {
        return None;
    }
    let mut kept: Vec<(Option<String>, Option<super::draft::ProviderDraft>)> = Vec::new();
    for s in &all {
        let arn = draft.arns.remove(s);
        let settings = draft.providers.remove(s);
        draft.sources.remove(s);
        if *s != source {
            kept.push((arn, settings));
        }
    }
    for (i, (arn, settings)) in kept.into_iter().enumerate() {
        let s = of_kind(source, u8::try_from(i).unwrap_or(u8::MAX));
        draft.sources.insert(s);
        if let Some(arn) = arn {
            draft.arns.insert(s, arn);
        }
        if let Some(settings) = settings {
            draft.providers.insert(s, settings);
        }
    }
    Some(FieldId::AddAnother(source.first_of_kind()))
}

/// Unticking the kind on the trust step drops every source of it.
pub fn remove_all(draft: &mut Draft, kind: Source) {
    for s in sources_of(draft, kind) {
        draft.sources.remove(&s);
        draft.arns.remove(&s);
        draft.providers.remove(&s);
    }
}

/// The source's rows after its settings: remove (an added one), add another (after the last).
pub fn rows(draft: &Draft, source: Source, rows: &mut Vec<Row>) {
    if !source.repeats() {
        return;
    }
    if source != source.first_of_kind() {
        rows.push(Row::Field(plain(
            FieldId::RemoveSource(source),
            format!("− Remove {}", source.title()),
            Kind::Button,
        )));
    }
    let all = sources_of(draft, source);
    if all.last() == Some(&source) && all.len() < usize::from(MAX_OF_A_KIND) {
        let what = match source {
            Source::Saml(_) => "SAML provider",
            _ => "OpenID Connect provider",
        };
        rows.push(Row::Field(plain(
            FieldId::AddAnother(source.first_of_kind()),
            format!("+ Add another {what}"),
            Kind::Button,
        )));
    }
}

/// The same ARN picked for two sources of a kind (the pool lists each once).
pub fn duplicate(draft: &Draft, source: Source) -> Option<String> {
    let arn = draft.arns.get(&source)?;
    let earlier = sources_of(draft, source)
        .into_iter()
        .take_while(|s| *s != source)
        .find(|s| draft.arns.get(s) == Some(arn))?;
    Some(format!(
        "{} is picked for {} already: pick another provider, or remove this one",
        arn,
        earlier.title()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_an_added_provider_renumbers_the_rest_with_their_settings() {
        let mut draft = Draft::default();
        draft.sources.insert(Source::Oidc(0));
        for arn in ["a", "b", "c"] {
            if let Some(FieldId::ProviderArn(s)) = add_another(&mut draft, Source::Oidc(0)) {
                draft.arns.insert(s, arn.to_string());
            }
        }
        draft.arns.insert(Source::Oidc(0), "first".into());
        draft.provider_mut(Source::Oidc(3)).deny_unmatched = true;
        assert_eq!(
            remove(&mut draft, Source::Oidc(2)),
            Some(FieldId::AddAnother(Source::Oidc(0)))
        );
        let arns: Vec<(Source, String)> = draft.arns.clone().into_iter().collect();
        assert_eq!(
            arns,
            vec![
                (Source::Oidc(0), "first".into()),
                (Source::Oidc(1), "a".into()),
                (Source::Oidc(2), "c".into())
            ]
        );
        assert!(
            draft.provider(Source::Oidc(2)).deny_unmatched,
            "c's settings moved with it"
        );
        remove_all(&mut draft, Source::Oidc(0));
        assert!(draft.sources.is_empty() && draft.arns.is_empty());
    }
}
