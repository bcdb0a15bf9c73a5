//! The report view's state: the run, the findings, the selection.

use crate::app::{AwsError, RequestId, Tab};
pub use crate::domain::doctor::Report;

/// The open view.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// The tab it covers.
    pub origin: Tab,
    /// The run in flight, the report, or why it failed.
    pub run: Result<Option<Report>, AwsError>,
    /// The request in flight.
    pub req: Option<RequestId>,
    /// The finding selected.
    pub selected: usize,
}

/// The screen: the view when open.
#[derive(Debug, Clone, Default)]
pub struct DoctorState {
    /// The open view.
    pub view: Option<Box<ReportView>>,
}

impl DoctorState {
    /// The view, when it covers `tab`.
    pub fn on(&self, tab: Tab) -> Option<&ReportView> {
        self.view.as_deref().filter(|v| v.origin == tab)
    }
}
