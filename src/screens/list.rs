//! The one filtered, paged list behind every table: rows in the service's order, the indices the
//! filter lets through, the selection among them and the first one on screen. Pages are appended
//! with only their own rows filtered, so a 100,000-row table costs a page's work per page.

/// Rows, the ones a filter shows, and where the selection and the window stand.
#[derive(Debug, Clone)]
pub struct FilteredList<T> {
    /// Every row, in the service's order.
    pub rows: Vec<T>,
    /// Indices into `rows` of the rows the filter lets through.
    pub shown: Vec<usize>,
    /// The selected position in `shown`.
    pub selected: usize,
    /// The first position of `shown` on screen.
    pub offset: usize,
}

impl<T> Default for FilteredList<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            shown: Vec::new(),
            selected: 0,
            offset: 0,
        }
    }
}

pub use crate::app::keys::moved;

/// The first item on screen in a window of `height` rows that keeps `selected` visible, moving
/// `offset` as little as possible.
pub fn window(selected: usize, offset: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}

impl<T> FilteredList<T> {
    /// The selected row, if any row is shown.
    pub fn selected_row(&self) -> Option<&T> {
        self.shown
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    /// The shown rows, in order.
    pub fn shown_rows(&self) -> impl Iterator<Item = &T> {
        self.shown.iter().filter_map(|&i| self.rows.get(i))
    }

    /// Recomputes `shown` with `keep`, leaving the selection on the same row when it still shows
    /// (`same` says whether two rows are the same item).
    pub fn refilter(&mut self, keep: impl Fn(&T) -> bool, same: impl Fn(&T, &T) -> bool) {
        let before = self.shown.get(self.selected).copied();
        self.shown = (0..self.rows.len())
            .filter(|&i| keep(&self.rows[i]))
            .collect();
        if let Some(before) = before.and_then(|i| self.rows.get(i))
            && let Some(pos) = self.shown.iter().position(|&i| same(&self.rows[i], before))
        {
            self.selected = pos;
        }
        self.clamp();
    }

    /// Appends a page, filtering only the new rows.
    pub fn append(&mut self, page: impl IntoIterator<Item = T>, keep: impl Fn(&T) -> bool) {
        let start = self.rows.len();
        self.rows.extend(page);
        let rows = &self.rows;
        self.shown
            .extend((start..rows.len()).filter(|&i| keep(&rows[i])));
    }

    /// Drops the rows `gone` says are gone, then filters with `keep`; the selection stays on its
    /// row, or where it was when that row went.
    pub fn remove(&mut self, gone: impl Fn(&T) -> bool, keep: impl Fn(&T) -> bool) {
        let flags: Vec<bool> = self.rows.iter().map(&gone).collect();
        let selected_row = self
            .shown
            .get(self.selected)
            .copied()
            .filter(|&i| !flags.get(i).copied().unwrap_or(true))
            .map(|i| i - flags[..i].iter().filter(|g| **g).count());
        let mut index = 0;
        self.rows.retain(|_| {
            index += 1;
            !flags[index - 1]
        });
        self.shown = (0..self.rows.len())
            .filter(|&i| keep(&self.rows[i]))
            .collect();
        if let Some(pos) = selected_row.and_then(|row| self.shown.iter().position(|&i| i == row)) {
            self.selected = pos;
        }
        self.clamp();
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_selection(&mut self, delta: isize) {
        self.selected = moved(self.selected, delta, self.shown.len());
    }

    /// Makes a list move in pages of `page` rows, keeping the selection on screen.
    pub fn step(&mut self, step: super::cursor::Move, page: usize) {
        self.selected = step.from(self.selected, self.shown.len(), page);
        self.scroll_into_view(page);
    }

    /// Keeps the selection on screen in a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = window(self.selected, self.offset, height, self.shown.len());
    }

    /// Keeps the selection within the shown rows, and the window where the selection can be seen
    /// (rows gone from the end must not leave the window past the last row).
    fn clamp(&mut self) {
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: u32) -> FilteredList<u32> {
        let mut list = FilteredList::default();
        list.append(0..n, |_| true);
        list
    }

    #[test]
    fn pages_are_filtered_as_they_arrive_and_the_selection_follows_its_row() {
        let mut l = FilteredList::default();
        l.append(0..10u32, |n| n % 2 == 0);
        assert_eq!(l.shown, vec![0, 2, 4, 6, 8]);
        l.move_selection(2);
        assert_eq!(l.selected_row(), Some(&4));
        l.append(10..13, |n| n % 2 == 0);
        assert_eq!(l.shown, vec![0, 2, 4, 6, 8, 10, 12]);
        l.refilter(|n| n % 4 == 0, |a, b| a == b);
        assert_eq!(
            l.shown_rows().copied().collect::<Vec<_>>(),
            vec![0, 4, 8, 12]
        );
        assert_eq!(
            l.selected_row(),
            Some(&4),
            "the selected row stays selected"
        );
        l.refilter(|n| *n > 100, |a, b| a == b);
        assert_eq!((l.selected, l.selected_row()), (0, None));
    }

    #[test]
    fn moves_clamp_and_the_window_keeps_the_selection_on_screen() {
        let mut l = list(30);
        l.move_selection(-5);
        assert_eq!(l.selected, 0);
        l.move_selection(100);
        assert_eq!(l.selected, 29);
        l.scroll_into_view(10);
        assert_eq!(l.offset, 20, "the last row at the bottom");
        l.move_selection(-15);
        l.scroll_into_view(10);
        assert_eq!((l.selected, l.offset), (14, 14), "moved up past the top");
        l.step(super::super::cursor::Move::Bottom, 50);
        assert_eq!(
            l.offset, 0,
            "a window taller than the list starts at the top"
        );
        assert_eq!(moved(3, 1, 0), 0, "an empty list selects 0");
    }

    #[test]
    fn removing_rows_keeps_the_selection_in_place_and_within_the_list() {
        let mut l = list(6);
        l.move_selection(5);
        l.remove(|n| *n >= 4, |_| true);
        assert_eq!(l.rows, vec![0, 1, 2, 3]);
        assert_eq!(l.selected, 3, "clamped to the last row");
        l.remove(|n| *n == 1, |_| true);
        assert_eq!(l.selected_row(), Some(&3));
    }
}
