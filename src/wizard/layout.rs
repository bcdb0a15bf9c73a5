//! Where the wizard's parts go in the body area, as pure functions: `view` draws into them and
//! `update` uses them to turn mouse clicks into fields and steps.

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use super::{Step, Wizard, form_view};
use crate::view::layout;
use crate::view::theme::Theme;

/// Width of the step list, when the terminal is wide enough for it.
pub const NAV_WIDTH: u16 = 34;

/// The wizard's regions inside the frame's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The step list (only at 90 columns and more).
    pub nav: Option<Rect>,
    /// The form, review or progress.
    pub body: Rect,
}

/// The regions of the wizard drawn in `area` (inside its border).
pub fn areas(area: Rect) -> Areas {
    let inner = Block::default().borders(Borders::ALL).inner(area);
    if inner.width >= 90 {
        Areas {
            nav: Some(Rect::new(inner.x, inner.y, NAV_WIDTH, inner.height)),
            body: Rect::new(
                inner.x + NAV_WIDTH + 1,
                inner.y,
                inner.width - NAV_WIDTH - 1,
                inner.height,
            ),
        }
    } else {
        Areas {
            nav: None,
            body: inner,
        }
    }
}

/// The first line shown so that `focus_line` is on screen (kept a third from the top when the
/// text scrolls).
pub fn scroll_offset(focus_line: usize, total: usize, height: usize) -> usize {
    let height = height.max(1);
    let offset = if focus_line + 2 > height {
        focus_line + 2 - height + height / 3
    } else {
        0
    };
    offset.min(total.saturating_sub(height.min(total)))
}

/// The field (index among the step's fields) drawn at (column, row) of a terminal of `size`.
pub fn field_at(wizard: &Wizard, size: (u16, u16), column: u16, row: u16) -> Option<usize> {
    if wizard.step == Step::Review || wizard.creation.is_some() {
        return None;
    }
    let body = areas(layout::areas(size).body).body;
    let inside = column >= body.x
        && column < body.x + body.width
        && row >= body.y
        && row < body.y + body.height;
    if !inside {
        return None;
    }
    let form = form_view::lines(
        wizard,
        &Theme::named(Default::default()),
        usize::from(body.width),
    );
    let offset = scroll_offset(form.focus_line, form.lines.len(), usize::from(body.height));
    let line = offset + usize::from(row - body.y);
    form.field_lines.iter().position(|l| *l == line)
}

/// The step whose name is drawn at (column, row) in the step list.
pub fn step_at(size: (u16, u16), column: u16, row: u16) -> Option<Step> {
    let nav = areas(layout::areas(size).body).nav?;
    let inside = column >= nav.x && column < nav.x + nav.width && row >= nav.y;
    inside
        .then(|| Step::ALL.get(usize::from(row - nav.y)).copied())
        .flatten()
}
