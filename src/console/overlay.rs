//! The overlays' keys: help and errors close, the command line runs, the typed-name delete and the
//! quit question press their focused button.

use super::Model;
use super::model::{Button, Overlay};
use super::msg::DialogAction;
use super::plug::{Pools, to};
use super::update::{quit, run_command};
use crate::app::Effect;
use crate::screens::pools;

fn toggle(button: Button) -> Button {
    match button {
        Button::Cancel => Button::Confirm,
        Button::Confirm => Button::Cancel,
    }
}

/// A key in the open overlay.
pub fn on_action(model: &mut Model, action: DialogAction) -> Vec<Effect> {
    let Some(overlay) = model.overlay.take() else {
        return Vec::new();
    };
    match (overlay, action) {
        (Overlay::Command(_), DialogAction::Back) => model.command_line.close(),
        (_, DialogAction::Back) | (Overlay::Help, DialogAction::Help) => {}
        (Overlay::Errors, DialogAction::Submit) => {}
        (Overlay::Command(input), DialogAction::Submit) => {
            model.command_line.remember(input.value());
            return run_command(model, input.value());
        }
        (Overlay::Command(mut input), DialogAction::Previous) => {
            model.command_line.previous(&mut input);
            model.overlay = Some(Overlay::Command(input));
        }
        (Overlay::Command(mut input), DialogAction::Next) => {
            model.command_line.next(&mut input);
            model.overlay = Some(Overlay::Command(input));
        }
        (Overlay::Command(mut input), DialogAction::Complete) => {
            let profiles = model.options.profiles.clone();
            model.command_line.complete(&mut input, &profiles);
            model.overlay = Some(Overlay::Command(input));
        }
        (
            Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus,
            },
            DialogAction::FocusNext,
        ) => {
            model.overlay = Some(Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus: toggle(focus),
            });
        }
        (
            Overlay::ConfirmDelete {
                pool_id,
                name,
                typed,
                focus,
            },
            DialogAction::Submit,
        ) => {
            if focus == Button::Cancel {
                return Vec::new();
            }
            if typed.value() != name {
                // Said, so a ⏎ that did nothing is seen to have done nothing.
                model.notify(
                    crate::app::Level::Warning,
                    format!("Not deleted: the name typed does not match \"{name}\""),
                );
                model.overlay = Some(Overlay::ConfirmDelete {
                    pool_id,
                    name,
                    typed,
                    focus,
                });
                return Vec::new();
            }
            return to::<Pools>(model, pools::Msg::DeleteConfirmed { pool_id, name });
        }
        (Overlay::ConfirmQuit { focus }, DialogAction::FocusNext) => {
            model.overlay = Some(Overlay::ConfirmQuit {
                focus: toggle(focus),
            });
        }
        (Overlay::ConfirmQuit { focus }, DialogAction::Submit) => {
            if focus == Button::Confirm {
                return quit(model);
            }
            // With writes on their way (and no half-made pool to undo), the first button waits
            // for their answers, then quits.
            if model.writes_in_flight() > 0 && !model.wizard.is_half_made() {
                model.quit_when_idle = true;
                model.notify(
                    crate::app::Level::Info,
                    format!(
                        "Quitting once {} change(s) are answered (q to stay)…",
                        model.writes_in_flight()
                    ),
                );
            }
        }
        (overlay, _) => model.overlay = Some(overlay),
    }
    Vec::new()
}
