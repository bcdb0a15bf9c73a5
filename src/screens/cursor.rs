//! What every list shares: the list keys' moves ([`Move`], bound by `app::keys::list_moves`),
//! where a move lands, the selection and window of a view over rows computed on demand
//! ([`Cursor`]: `:region all`, `:journal`), and a filter typed on a line.

use ratatui::text::{Line, Span};
use tui_input::{Input, InputRequest};

use crate::view::theme::Theme;
use crate::view::widgets::input_window;

use super::list;
pub use crate::app::keys::Move;

/// The keys a filtered list view handles the same way everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKey {
    /// Move over the rows.
    Move(Move),
    /// Start typing a filter.
    Filter,
    /// Keep the filter typed.
    Submit,
    /// Clear the filter, or close the view.
    Back,
}

/// The keys of a filter being typed, for a view whose intent `wrap` carries a [`ListKey`]:
/// ⏎ keeps it, Esc clears it.
macro_rules! filter_keys {
    ($wrap:path) => {
        [
            $crate::app::keys::b(
                &[$crate::app::keys::ENTER],
                "⏎",
                "apply",
                $wrap($crate::screens::cursor::ListKey::Submit),
                true,
            ),
            $crate::app::keys::b(
                &[$crate::app::keys::ESC],
                "Esc",
                "clear",
                $wrap($crate::screens::cursor::ListKey::Back),
                true,
            ),
        ]
    };
}
pub(crate) use filter_keys;

/// Typing into a list view's filter: the rows shown change, so the selection goes back to the
/// first.
pub fn type_filter(cursor: &mut Cursor, filter: &mut TypedFilter, request: InputRequest) {
    filter.handle(request);
    cursor.reset();
}

/// Handles a [`ListKey`] over `count` rows shown in pages of `page` rows; true when the view
/// closes (Esc with no filter left to clear).
pub fn list_key(
    cursor: &mut Cursor,
    filter: &mut TypedFilter,
    key: ListKey,
    count: usize,
    page: usize,
) -> bool {
    match key {
        ListKey::Move(step) => cursor.step(step, count, page),
        ListKey::Filter => filter.editing = true,
        ListKey::Submit => filter.editing = false,
        ListKey::Back => {
            if !filter.clear() {
                return true;
            }
            cursor.reset();
        }
    }
    false
}

/// The selected row and the first row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// The selected row among those shown.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

impl Cursor {
    /// Makes `step` over `len` rows shown in pages of `page` rows, keeping the selection on screen.
    pub fn step(&mut self, step: Move, len: usize, page: usize) {
        self.selected = step.from(self.selected, len, page);
        self.offset = list::window(self.selected, self.offset, page.max(1), len);
    }

    /// Back to the first row (the rows shown changed).
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

/// A filter typed on a line of its own.
#[derive(Debug, Clone, Default)]
pub struct TypedFilter {
    /// What was typed.
    pub input: Input,
    /// Whether keys go to it.
    pub editing: bool,
}

impl TypedFilter {
    /// The text typed.
    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Whether its line is drawn (being typed, or applied).
    pub fn shown(&self) -> bool {
        self.editing || !self.input.value().is_empty()
    }

    /// Types into it.
    pub fn handle(&mut self, request: InputRequest) {
        self.input.handle(request);
    }

    /// Esc: stops typing and clears it; false when there was nothing to clear (Esc then closes).
    pub fn clear(&mut self) -> bool {
        let had = self.shown();
        self.editing = false;
        self.input.reset();
        had
    }
}

impl TypedFilter {
    /// The line of the filter over its list (`filter: text▏` while typed), when it is shown.
    pub fn line(&self, width: usize, theme: &Theme) -> Option<Line<'static>> {
        if !self.shown() {
            return None;
        }
        let (text, _) = input_window(&self.input, width.saturating_sub(10));
        let cursor = if self.editing { "▏" } else { "" };
        Some(Line::from(vec![
            Span::styled("filter: ", theme.dim),
            Span::raw(format!("{text}{cursor}")),
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_the_list_and_the_window_follows() {
        let mut cursor = Cursor::default();
        cursor.step(Move::PageDown, 25, 10);
        assert_eq!(
            cursor,
            Cursor {
                selected: 10,
                offset: 1
            }
        );
        cursor.step(Move::Bottom, 25, 10);
        assert_eq!(
            cursor,
            Cursor {
                selected: 24,
                offset: 15
            }
        );
        cursor.step(Move::Down, 25, 10);
        assert_eq!(cursor.selected, 24, "no further than the last");
        cursor.step(Move::Top, 25, 10);
        assert_eq!(
            cursor,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        cursor.step(Move::Up, 0, 10);
        assert_eq!(cursor.selected, 0, "an empty list");
    }

    #[test]
    fn esc_clears_a_filter_before_it_closes_anything() {
        let mut filter = TypedFilter {
            editing: true,
            ..Default::default()
        };
        filter.handle(InputRequest::InsertChar('x'));
        assert!(filter.clear(), "there was a filter");
        assert!(!filter.shown() && filter.value().is_empty());
        assert!(!filter.clear(), "nothing left: Esc closes");
    }
}
