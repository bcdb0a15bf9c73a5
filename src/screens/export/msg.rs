//! The export view's messages and intents.

use crate::app::cover::{OnPool, covering_screen};
use crate::app::intent::only_reads;

/// What the view's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The next format.
    NextFormat,
    /// The previous format.
    PreviousFormat,
    /// Include the roles (read again) or leave them out.
    ToggleRoles,
    /// Scroll down a line.
    Down,
    /// Scroll up a line.
    Up,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// The top.
    Top,
    /// The end.
    Bottom,
    /// Copy the text (OSC 52).
    Copy,
    /// Ask for a file to write it to.
    Write,
    /// Write to the path typed (or, when asked, replace the file).
    Submit,
    /// Read the pool again.
    Refresh,
    /// Close the prompt, or the view.
    Back,
    /// The help overlay.
    Help,
}

// Nothing here changes AWS: writing a local file is allowed in --read-only too.
only_reads!(Action);

covering_screen!(super::ExportState, OnPool, Action);
