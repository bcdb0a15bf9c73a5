//! The picker over the account's lists: opening it on a field, moving in it, picking.

use super::Cx;
use super::catalog::{self, Picker};
use super::fields::{FieldId, PickerKind};
use super::lists::request_list;
use super::msg::Action;
use super::update::wizard;
use crate::app::Effect;
use crate::app::Level;
use crate::screens::list::moved;

/// Keys while the picker is open (typing goes to its filter through `typing::on_input`).
pub(super) fn on_picker(cx: &mut Cx, action: Action) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let Some(mut picker) = w.picker.take() else {
        return Vec::new();
    };
    let count = catalog::items(catalog, &w.draft, &picker).len();
    let step = |delta| moved(picker.selected, delta, count);
    match action {
        Action::Back => return Vec::new(),
        Action::Relist => {
            let list = super::lists::list_of(picker.kind, catalog::chosen_user_pool(&w.draft));
            w.picker = Some(picker);
            return super::lists::request(cx, list, true);
        }
        Action::Up | Action::FocusPrev => picker.selected = step(-1),
        Action::Down | Action::FocusNext => picker.selected = step(1),
        Action::PageUp => picker.selected = step(-10),
        Action::PageDown => picker.selected = step(10),
        Action::Submit | Action::Open => {
            let picked = catalog::items(catalog, &w.draft, &picker)
                .get(picker.selected)
                .map(|item| item.value.to_value());
            if let Some(value) = picked {
                catalog::apply(&mut w.draft, picker.target, value);
                w.edited = true;
                return Vec::new();
            }
        }
        _ => {}
    }
    w.picker = Some(picker);
    Vec::new()
}

/// Opens the picker of `kind` for the field `target`, on its current choice, and asks for the
/// list when it isn't loaded.
pub(super) fn open_picker(cx: &mut Cx, kind: PickerKind, target: FieldId) -> Vec<Effect> {
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    if kind == PickerKind::Clients
        && crate::domain::limits::USER_POOL_ID
            .explain(&catalog::chosen_user_pool(&w.draft))
            .is_some()
    {
        cx.notify(
            Level::Warning,
            "Pick or type the user pool ID first; its app clients are listed then",
        );
        return Vec::new();
    }
    let mut picker = Picker::new(kind, target);
    picker.selected = catalog::current_item(catalog, &w.draft, &picker);
    w.picker = Some(picker);
    request_list(cx, kind)
}
