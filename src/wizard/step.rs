//! The wizard's five steps, in the console's order.

use strum::{Display, EnumIter};

use super::draft::Draft;
use super::fields::{Context, Row};
use super::steps;

/// One step of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumIter)]
pub enum Step {
    /// Authenticated and/or guest access, and the identity sources.
    #[strum(to_string = "Configure identity pool trust")]
    Trust,
    /// The default roles.
    #[strum(to_string = "Configure permissions")]
    Permissions,
    /// Provider ids, role settings, attributes for access control.
    #[strum(to_string = "Connect identity providers")]
    Providers,
    /// Name, basic flow, tags.
    #[strum(to_string = "Configure properties")]
    Properties,
    /// Every choice, then create.
    #[strum(to_string = "Review and create")]
    Review,
}

impl Step {
    /// All steps in order.
    pub const ALL: [Step; 5] = [
        Step::Trust,
        Step::Permissions,
        Step::Providers,
        Step::Properties,
        Step::Review,
    ];

    /// The step's number, from 1.
    pub fn number(self) -> usize {
        Self::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(1, |i| i + 1)
    }

    /// The step after this one.
    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    /// The step before this one.
    pub fn previous(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// The step's form (Review has none: it is drawn from the draft directly).
    pub fn rows(self, draft: &Draft, context: Context<'_>) -> Vec<Row> {
        match self {
            Step::Trust => steps::trust::rows(draft),
            Step::Permissions => steps::permissions::rows(draft, context),
            Step::Providers => steps::providers::rows(draft, context),
            Step::Properties => steps::properties::rows(draft),
            Step::Review => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_walk_in_order() {
        assert_eq!(Step::Trust.next(), Some(Step::Permissions));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Trust.previous(), None);
        assert_eq!(Step::Review.previous(), Some(Step::Properties));
        assert_eq!(Step::Providers.number(), 3);
    }
}
