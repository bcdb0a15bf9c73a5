//! Drawing: the frame (header, tab bar, body, footer) and what floats over it. Pure functions of the
//! model; nothing here changes state.

mod chrome;
pub mod layout;
mod overlays;
pub mod panel;
mod setup;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::Model;
use crate::app::model::Connection;
use crate::screens;
use theme::Theme;

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
    match &model.connection {
        Connection::Ready(_) => match (model.test_access.on(model.tab), model.export.on(model.tab))
        {
            (Some(panel), _) => {
                screens::test_access::view::draw(model, panel, &theme, frame, areas.body)
            }
            (None, Some(view)) => {
                screens::export::view::draw(model, view, &theme, frame, areas.body)
            }
            (None, None) => match (model.doctor.on(model.tab), model.inventory.on(model.tab)) {
                (Some(view), _) => {
                    screens::doctor::view::draw(model, view, &theme, frame, areas.body)
                }
                (None, Some(view)) => {
                    screens::inventory::view::draw(model, view, &theme, frame, areas.body)
                }
                (None, None) => match model.journal.on(model.tab) {
                    Some(view) => {
                        screens::journal::view::draw(model, view, &theme, frame, areas.body)
                    }
                    None => (screens::screen(model.tab).draw)(model, &theme, frame, areas.body),
                },
            },
        },
        connection => setup::draw(model, connection, &theme, frame, areas.body),
    }
    chrome::footer(model, &theme, frame, areas.footer);
    overlays::draw(model, &theme, frame);
}
