//! Where the wizard's parts go in the body area, as pure functions: `view` draws into them and
//! `update` uses them to turn mouse clicks into fields and steps.

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use super::catalog::{self, Picker};
use super::{Step, Wizard, form_view};
use crate::app::AwsError;
use crate::store::Catalog;
use crate::view::layout;
use crate::view::theme::Theme;
use crate::view::widgets::centered;

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

/// The field (index among the step's fields) drawn at (column, row) of a terminal of `size`.
pub fn field_at(
    wizard: &Wizard,
    catalog: &Catalog,
    size: (u16, u16),
    column: u16,
    row: u16,
) -> Option<usize> {
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
        catalog,
        &Theme::named(Default::default()),
        usize::from(body.width),
    );
    let offset = crate::view::layout::scroll_offset(
        form.focus_line,
        form.lines.len(),
        usize::from(body.height),
    );
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

/// A line the picker shows between its filter and its list.
#[derive(Debug, Clone, PartialEq)]
pub enum PickerNote {
    /// Pages of the list are still arriving.
    Loading,
    /// Listing failed (e.g. no permission): the service's error.
    Failed(AwsError),
    /// Nothing listed, or nothing matches the filter.
    Nothing,
}

/// Where the picker floats over the wizard drawn in `area`, and which items its list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PickerArea {
    /// The picker's box, border included.
    pub rect: Rect,
    /// Inside the border: the filter line, then the notes, then the list.
    pub inner: Rect,
    /// What the picker says above its list.
    pub notes: Vec<PickerNote>,
    /// The rows of the list.
    pub list: Rect,
    /// The item drawn on the list's first row (the selected item is always on screen).
    pub offset: usize,
}

/// The picker's geometry when it offers `item_count` items over the wizard drawn in `area`.
pub fn picker_area(
    wizard: &Wizard,
    catalog: &Catalog,
    picker: &Picker,
    item_count: usize,
    area: Rect,
) -> PickerArea {
    let rect = centered(
        area,
        area.width.saturating_sub(6).min(110),
        area.height.saturating_sub(2).min(24),
    );
    let inner = Block::default().borders(Borders::ALL).inner(rect);
    let mut notes = Vec::new();
    let loading = match catalog::status(catalog, &wizard.draft, picker.kind) {
        (true, _) => {
            notes.push(PickerNote::Loading);
            true
        }
        (false, Some(error)) => {
            notes.push(PickerNote::Failed(error));
            false
        }
        (false, None) => false,
    };
    if item_count == 0 && !loading {
        notes.push(PickerNote::Nothing);
    }
    let header = u16::try_from(1 + notes.len()).unwrap_or(u16::MAX);
    let list_height = inner.height.saturating_sub(header).max(1);
    let list = Rect::new(
        inner.x,
        inner.y.saturating_add(header),
        inner.width,
        list_height,
    )
    .intersection(inner);
    // The picker keeps no scroll state: the window starts at the top and ends at the selection once
    // the selection passes the bottom.
    let offset = crate::screens::list::window(
        picker.selected,
        0,
        usize::from(list_height),
        picker.selected + 1,
    );
    PickerArea {
        rect,
        inner,
        notes,
        list,
        offset,
    }
}

/// The picker's item drawn at (column, row) of a terminal of `size`.
pub fn picker_item_at(
    wizard: &Wizard,
    catalog: &Catalog,
    size: (u16, u16),
    column: u16,
    row: u16,
) -> Option<usize> {
    let picker = wizard.picker.as_ref()?;
    let count = catalog::items(catalog, &wizard.draft, picker).len();
    let area = picker_area(wizard, catalog, picker, count, layout::areas(size).body);
    let list = area.list;
    let inside = column >= list.x
        && column < list.x + list.width
        && row >= list.y
        && row < list.y + list.height;
    let index = area.offset + usize::from(row.checked_sub(list.y)?);
    (inside && index < count).then_some(index)
}
