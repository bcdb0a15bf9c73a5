//! Typing: into the focused text field, or the picker's filter; a letter where the field takes no
//! text changes nothing and says how that field is set.

use tui_input::InputRequest;

use super::Cx;
use super::edit;
use super::fields::{FieldId, Kind};
use super::update::wizard;
use crate::app::Level;

/// Typing into the focused text field or the picker's filter.
pub(super) fn on_input(cx: &mut Cx, request: InputRequest) {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return;
    };
    if let Some(picker) = w.picker.as_mut() {
        picker.filter.handle(request);
        picker.selected = 0;
        return;
    }
    if w.dialog.is_some() || w.policy_view.is_some() || w.creation.is_some() {
        return;
    }
    if let Some(field) = w.focused(catalog) {
        let old_pool = super::catalog::chosen_user_pool(&w.draft);
        match edit::input_mut(&mut w.draft, field.id) {
            Some(input) => {
                input.handle(request);
                w.edited = true;
            }
            None => {
                if let InputRequest::InsertChar(c) = request {
                    not_a_text_field(cx, &field, c);
                }
                return;
            }
        }
        if field.id == FieldId::UserPoolId {
            super::user_pool_check::on_pool_edited(w, catalog, &old_pool);
        }
    }
}

/// A letter typed where the focused field takes no text: nothing changes, and the operator is
/// told how this field is set (they were likely typing a name into the wrong field).
fn not_a_text_field(cx: &mut Cx, field: &super::fields::Field, typed: char) {
    if typed.is_control() {
        return;
    }
    let how = match field.kind {
        Kind::Toggle(_) => "Space toggles it",
        Kind::Choice { .. } => "←/→ chooses",
        Kind::Pick { .. } => "⏎ picks from the list",
        _ => "⏎ presses it",
    };
    cx.notify(
        Level::Info,
        format!(
            "“{typed}” changed nothing: {} is not a text field ({how}; Tab moves to the next field)",
            field.label
        ),
    );
}
