//! The six steps of a workshop, in the order the method runs them.

use serde::{Deserialize, Serialize};
use specta::Type;

/// A step of the North Star workshop. The order of the variants is the order of the method.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    Type,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Stakeholders,
    Categories,
    Needs,
    Vote,
    Canvas,
    Report,
}

impl Step {
    /// Every step, in the order the room goes through them.
    pub const ALL: [Step; 6] = [
        Step::Stakeholders,
        Step::Categories,
        Step::Needs,
        Step::Vote,
        Step::Canvas,
        Step::Report,
    ];

    /// The stable text stored in the database and the export file.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Stakeholders => "stakeholders",
            Step::Categories => "categories",
            Step::Needs => "needs",
            Step::Vote => "vote",
            Step::Canvas => "canvas",
            Step::Report => "report",
        }
    }

    /// Reads a stored step name; unknown names (e.g. from a newer app) give `None`.
    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == text)
    }

    /// The title a facilitator sees on the step rail.
    pub fn title(self) -> &'static str {
        match self {
            Step::Stakeholders => "Stakeholders",
            Step::Categories => "Customer categories",
            Step::Needs => "SMART needs",
            Step::Vote => "Vote",
            Step::Canvas => "North Star canvas",
            Step::Report => "Report",
        }
    }

    /// What the room does in the step, as the step page tells it.
    pub fn purpose(self) -> &'static str {
        match self {
            Step::Stakeholders => {
                "Who is in the room: name, role, function, influence and interest."
            }
            Step::Categories => "Who the customers are, and which are the best ones and why.",
            Step::Needs => {
                "Per category, needs that are Specific, Measurable, Achievable, Relevant and \
                 Time-bound, agreed by the room."
            }
            Step::Vote => "The room chooses the most important need; ties go to a run-off.",
            Step::Canvas => {
                "Brainstorm candidate metrics, check them against the criteria, vote, and pick \
                 the North Star with its inputs."
            }
            Step::Report => "Share the outcome as a PDF report and a JSON file that imports back.",
        }
    }

    /// 1-based position of the step, as shown to people.
    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_round_trips_through_its_stored_name() {
        for step in Step::ALL {
            assert_eq!(
                Step::parse(step.as_str()),
                Some(step),
                "{step:?} must read back"
            );
        }
    }

    #[test]
    fn an_unknown_stored_step_is_not_guessed() {
        assert_eq!(Step::parse("retro"), None);
    }

    #[test]
    fn steps_are_numbered_in_method_order() {
        let numbers: Vec<usize> = Step::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
        assert!(
            Step::Stakeholders < Step::Report,
            "ordering follows the method"
        );
    }

    #[test]
    fn steps_serialize_as_their_stored_names() {
        let json = serde_json::to_string(&Step::Categories).unwrap();
        assert_eq!(json, "\"categories\"");
    }
}
