//! The mouse in the wizard: clicks on fields, steps and picker items; the wheel.

use super::Cx;
use super::Step;
use super::fields::Kind;
use super::msg::Action;
use super::picking::on_picker;
use super::update::{activate, clamp_focus, wizard};
use crate::app::Effect;
use crate::app::Level;

/// A mouse click: on a field, focus it (a click on the focused field acts like ⏎/Space); on a
/// step in the step list, go there when the steps before it are valid; while the picker is open,
/// on its items only.
pub(super) fn on_click(cx: &mut Cx, column: u16, row: u16) -> Vec<Effect> {
    let size = cx.ctx.size;
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    if w.picker.is_some() {
        on_picker_click(cx, column, row);
        return Vec::new();
    }
    if w.dialog.is_some() || w.policy_view.is_some() {
        return Vec::new();
    }
    if let Some(step) = super::layout::step_at(size, column, row) {
        if w.creation.is_some() || step == w.step {
            return Vec::new();
        }
        let blocked = Step::ALL
            .into_iter()
            .filter(|s| *s < step)
            .find(|s| !w.problems(catalog, *s).is_empty());
        match blocked {
            Some(first) if step > w.step => {
                cx.notify(
                    Level::Warning,
                    format!(
                        "Step {} needs attention before step {}",
                        first.number(),
                        step.number()
                    ),
                );
            }
            _ => {
                w.step = step;
                w.focus = 0;
                w.from_review = false;
            }
        }
        return Vec::new();
    }
    let Some(index) = super::layout::field_at(w, catalog, size, column, row) else {
        return Vec::new();
    };
    if index != w.focus {
        w.focus = index;
        return Vec::new();
    }
    let Some(field) = w.focused(catalog) else {
        return Vec::new();
    };
    let action = match field.kind {
        Kind::Toggle(_) => Action::Toggle,
        _ => Action::Open,
    };
    activate(cx, field.id, &field.kind, action)
}

/// A click in the picker's list selects the item; a click on the selected item picks it (as ⏎).
fn on_picker_click(cx: &mut Cx, column: u16, row: u16) {
    let size = cx.ctx.size;
    let catalog = cx.ctx.store.catalog();
    let Some(w) = wizard(cx) else {
        return;
    };
    let Some(index) = super::layout::picker_item_at(w, catalog, size, column, row) else {
        return;
    };
    match w.picker.as_mut() {
        Some(picker) if picker.selected != index => picker.selected = index,
        Some(_) => {
            let _ = on_picker(cx, Action::Submit);
        }
        None => {}
    }
}

/// The mouse wheel over a form moves the focus (the form scrolls with it); over the picker, the
/// selection.
pub(super) fn on_scroll(cx: &mut Cx, delta: i16) {
    let catalog = cx.ctx.store.catalog();
    let steps = usize::from(delta.unsigned_abs() / 3).max(1);
    let Some(w) = wizard(cx) else {
        return;
    };
    if w.picker.is_some() {
        let action = if delta < 0 { Action::Up } else { Action::Down };
        for _ in 0..steps {
            let _ = on_picker(cx, action);
        }
        return;
    }
    if w.step == Step::Review || w.creation.is_some() {
        return;
    }
    w.focus = if delta < 0 {
        w.focus.saturating_sub(steps)
    } else {
        w.focus + steps
    };
    clamp_focus(w, catalog);
}
