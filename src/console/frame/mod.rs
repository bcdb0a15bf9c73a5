//! Drawing the whole console: the frame (header, tab bar, footer), the screen of the tab shown or
//! the view over it, and what floats over everything. Pure functions of the model.

mod chrome;
mod overlays;
mod setup;

pub use overlays::dialog_fits;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Model;
use super::model::Focus;
use crate::screens;
use crate::view::layout;
use crate::view::theme::Theme;

/// Draws the whole console.
pub fn view(model: &Model, frame: &mut Frame) {
    let size = (frame.area().width, frame.area().height);
    let theme = Theme::named(model.options.theme);
    if layout::too_small(size) {
        let text = format!(
            "Terminal too small ({}×{}); need {}×{}",
            size.0,
            size.1,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.warning)).wrap(Default::default()),
            frame.area(),
        );
        return;
    }
    let areas = layout::areas(size);
    chrome::header(model, &theme, frame, areas.header);
    chrome::tab_bar(model, &theme, frame, areas.tabs);
    // What is drawn is what has the keys: the same `Focus` decides both.
    let vx = model.view_ctx();
    let body = areas.body;
    match model.screen_focus() {
        Focus::Setup => setup::draw(model, &model.connection, &theme, frame, body),
        Focus::TestAccess(panel) => {
            screens::test_access::view::draw(panel, &vx, &theme, frame, body)
        }
        Focus::Export(view) => screens::export::view::draw(view, &vx, &theme, frame, body),
        Focus::Doctor(view) => screens::doctor::view::draw(view, &vx, &theme, frame, body),
        Focus::Inventory(view) => screens::inventory::view::draw(view, &vx, &theme, frame, body),
        Focus::Journal(view) => screens::journal::view::draw(view, &vx, &theme, frame, body),
        Focus::Held(view) => screens::held::draw(view, &vx, &theme, frame, body),
        _ => (super::tabs::screen(model.tab).draw)(model, &vx, &theme, frame, body),
    }
    chrome::footer(model, &theme, frame, areas.footer);
    overlays::draw(model, &theme, frame);
}
