//! The report view's state: the run, the findings, the selection.

use crate::app::{AwsError, RequestId};
pub use crate::domain::doctor::Report;

/// The open view.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// The run in flight, the report, or why it failed.
    pub run: Result<Option<Report>, AwsError>,
    /// The request in flight.
    pub req: Option<RequestId>,
    /// The finding selected.
    pub selected: usize,
}

/// The screen: the view when open.
pub type DoctorState = crate::app::cover::Cover<ReportView>;
