//! The export view's state: the pool read for it, the format, whether roles are included, the
//! scroll, and the file prompt.

use tui_input::Input;

use crate::app::{AwsError, RequestId};
use crate::export::{Format, PoolExport, Rendered, render};

/// The read behind the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// In flight.
    Reading(RequestId),
    /// Read: the export, and its text in the chosen format.
    Done(Box<PoolExport>, Rendered),
    /// The service refused (code, message, request id).
    Failed(AwsError),
}

/// Writing to a file.
#[derive(Debug, Clone, Default)]
pub struct Writing {
    /// The path typed.
    pub path: Input,
    /// The file exists: ⏎ again replaces it.
    pub confirm_replace: bool,
    /// The write in flight.
    pub req: Option<RequestId>,
    /// Why the last try failed.
    pub problem: Option<String>,
}

/// The open view.
#[derive(Debug, Clone)]
pub struct ExportView {
    /// The pool.
    pub pool_id: String,
    /// Its name.
    pub pool_name: String,
    /// The format shown.
    pub format: Format,
    /// Whether the roles are read and written too.
    pub include_roles: bool,
    /// The read.
    pub read: Read,
    /// The first line shown.
    pub scroll: usize,
    /// The file prompt, when open.
    pub writing: Option<Writing>,
}

impl ExportView {
    /// A view about to read the pool.
    pub fn new(pool_id: String, pool_name: String, req: RequestId) -> Self {
        Self {
            pool_id,
            pool_name,
            format: Format::CloudFormation,
            include_roles: false,
            read: Read::Reading(req),
            scroll: 0,
            writing: None,
        }
    }

    /// The text shown, when read.
    pub fn rendered(&self) -> Option<&Rendered> {
        match &self.read {
            Read::Done(_, rendered) => Some(rendered),
            _ => None,
        }
    }

    /// Renders the export again (another format).
    pub fn rerender(&mut self) {
        if let Read::Done(export, rendered) = &mut self.read {
            *rendered = render(self.format, export);
        }
        self.scroll = 0;
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.rendered().map_or(0, |r| r.text.lines().count())
    }
}

/// The screen: the view when open.
pub type ExportState = crate::app::cover::Cover<ExportView>;
