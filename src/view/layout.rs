//! Where each part of the frame goes, as a pure function of the terminal size. `view` draws into
//! these areas and `update` uses them for mouse clicks and the list's page size.

use ratatui::layout::Rect;

use crate::app::Tab;

/// Below this size the console says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 40;
/// Below this size the console says the terminal is too small instead of drawing.
pub const MIN_HEIGHT: u16 = 8;

/// The frame's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Profile, region, endpoint, badges, requests in flight.
    pub header: Rect,
    /// The tab bar.
    pub tabs: Rect,
    /// The current tab's content.
    pub body: Rect,
    /// Key hints and the latest notice.
    pub footer: Rect,
}

/// Whether the terminal is too small to draw the console.
pub fn too_small((width, height): (u16, u16)) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The regions for a terminal of `size`.
pub fn areas((width, height): (u16, u16)) -> Areas {
    let row = |y: u16, h: u16| Rect::new(0, y.min(height), width, h.min(height.saturating_sub(y)));
    Areas {
        header: row(0, 1),
        tabs: row(1, 1),
        body: row(2, height.saturating_sub(3)),
        footer: row(height.saturating_sub(1), 1),
    }
}

/// The label of a tab in the tab bar (` 1 Pools `).
pub fn tab_label(tab: Tab) -> String {
    format!(" {} {} ", tab.index() + 1, tab)
}

/// The column span of each tab label, separated by two spaces.
pub fn tab_spans() -> Vec<(Tab, u16, u16)> {
    let mut x = 0u16;
    Tab::ALL
        .iter()
        .map(|&tab| {
            let width = u16::try_from(tab_label(tab).chars().count()).unwrap_or(u16::MAX);
            let span = (tab, x, x.saturating_add(width));
            x = x.saturating_add(width).saturating_add(1);
            span
        })
        .collect()
}

/// The tab under a click, if the click was on the tab bar.
pub fn tab_at(size: (u16, u16), column: u16, row: u16) -> Option<Tab> {
    if too_small(size) || row != areas(size).tabs.y {
        return None;
    }
    tab_spans()
        .into_iter()
        .find(|(_, start, end)| (*start..*end).contains(&column))
        .map(|(tab, _, _)| tab)
}

/// The pool list's inner area: inside the border, below the column headings.
pub fn list_area(size: (u16, u16)) -> Rect {
    let body = areas(size).body;
    Rect::new(
        body.x.saturating_add(1),
        body.y.saturating_add(2),
        body.width.saturating_sub(2),
        body.height.saturating_sub(3),
    )
}

/// How many rows of a list fit on screen.
pub fn list_rows(size: (u16, u16)) -> usize {
    usize::from(list_area(size).height)
}

/// The list row (0 = first on screen) under a click on terminal row `row`.
pub fn list_row_at(size: (u16, u16), row: u16) -> Option<usize> {
    if too_small(size) {
        return None;
    }
    let area = list_area(size);
    (area.y..area.y.saturating_add(area.height))
        .contains(&row)
        .then(|| usize::from(row - area.y))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_tile_the_terminal() {
        let a = areas((100, 30));
        assert_eq!((a.header.y, a.tabs.y, a.body.y, a.footer.y), (0, 1, 2, 29));
        assert_eq!(a.body.height, 27);
        assert_eq!(list_rows((100, 30)), 24);
    }

    #[test]
    fn clicks_find_tabs_and_rows() {
        let spans = tab_spans();
        let (_, start, _) = spans[2];
        assert_eq!(tab_at((100, 30), start + 1, 1), Some(Tab::Identities));
        assert_eq!(tab_at((100, 30), start + 1, 2), None);
        assert_eq!(list_row_at((100, 30), 4), Some(0));
        assert_eq!(list_row_at((100, 30), 3), None);
        assert_eq!(list_row_at((100, 30), 29), None);
    }

    #[test]
    fn tiny_sizes_stay_inside_the_terminal() {
        for w in 0..12 {
            for h in 0..12 {
                let a = areas((w, h));
                for rect in [a.header, a.tabs, a.body, a.footer] {
                    assert!(
                        rect.x + rect.width <= w && rect.y + rect.height <= h,
                        "{rect:?} outside {w}×{h}"
                    );
                }
                let rows = a.header.height + a.tabs.height + a.body.height + a.footer.height;
                assert!(rows <= h.max(3), "{rows} rows on {w}×{h}");
                assert!(list_rows((w, h)) <= usize::from(h), "{w}×{h}");
                assert_eq!(
                    list_row_at((w, h), h),
                    None,
                    "row {h} is off a {w}×{h} screen"
                );
            }
        }
    }
}
