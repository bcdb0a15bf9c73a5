//! The drawing kit the screens share: layout (shared with `update` for clicks), panels, theme,
//! widgets. The frame around the screens (header, tab bar, footer, overlays) is the console's
//! (`console::frame`).

pub mod layout;
pub mod panel;
pub mod theme;
pub mod widgets;
