//! The seven questions a good North Star metric must answer well (METHOD.md, "What makes a
//! good North Star metric"). The room ticks them on each candidate; the score shows at a
//! glance which candidates are worth voting on.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use specta::Type;

/// One criterion of a good North Star metric.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Type,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    CustomerValue,
    ReflectsStrategy,
    LeadingIndicator,
    Actionable,
    Understandable,
    Measurable,
    NotVanity,
}

impl Criterion {
    /// Every criterion, in the order the checklist asks them.
    pub const ALL: [Criterion; 7] = [
        Criterion::CustomerValue,
        Criterion::ReflectsStrategy,
        Criterion::LeadingIndicator,
        Criterion::Actionable,
        Criterion::Understandable,
        Criterion::Measurable,
        Criterion::NotVanity,
    ];

    /// The criterion in a word or two, where a list of them must stay short (the report's
    /// table of candidates).
    pub fn short(self) -> &'static str {
        match self {
            Criterion::CustomerValue => "Customer value",
            Criterion::ReflectsStrategy => "Strategy",
            Criterion::LeadingIndicator => "Leading",
            Criterion::Actionable => "Actionable",
            Criterion::Understandable => "Understandable",
            Criterion::Measurable => "Measurable",
            Criterion::NotVanity => "Not vanity",
        }
    }

    /// The criterion as the checklist reads it to the room.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::CustomerValue => "Expresses the value customers get",
            Criterion::ReflectsStrategy => "Reflects the strategy and vision",
            Criterion::LeadingIndicator => "Leads sustainable business results",
            Criterion::Actionable => "Teams can move it through their own work",
            Criterion::Understandable => "Everyone understands it, top team to front line",
            Criterion::Measurable => "Measurable with data we have or can get",
            Criterion::NotVanity => "Cannot rise while customers are worse off",
        }
    }
}

/// The best score a candidate can get: every criterion met.
pub const SCORE_MAX: u32 = Criterion::ALL.len() as u32;

/// The criteria the room agrees a candidate meets.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    #[schemars(default)]
    pub met: BTreeSet<Criterion>,
}

impl Checklist {
    pub fn is_met(&self, criterion: Criterion) -> bool {
        self.met.contains(&criterion)
    }

    /// The checklist with `criterion` ticked (`met`) or unticked.
    pub fn with(&self, criterion: Criterion, met: bool) -> Checklist {
        let mut next = self.clone();
        if met {
            next.met.insert(criterion);
        } else {
            next.met.remove(&criterion);
        }
        next
    }

    /// How many criteria are met, out of how many.
    pub fn score(&self) -> (u32, u32) {
        let met = Criterion::ALL.iter().filter(|c| self.is_met(**c)).count();
        (count(met), SCORE_MAX)
    }

    /// The criteria still open, in checklist order: what the room should discuss next.
    pub fn missing(&self) -> Vec<Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(|c| !self.is_met(*c))
            .collect()
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_candidate_meets_no_criteria_yet() {
        assert_eq!(Checklist::default().score(), (0, 7));
        assert_eq!(Checklist::default().missing().len(), 7);
    }

    #[test]
    fn ticking_criteria_raises_the_score() {
        let checklist = Checklist::default()
            .with(Criterion::CustomerValue, true)
            .with(Criterion::Measurable, true)
            .with(Criterion::Measurable, true);
        assert_eq!(checklist.score(), (2, 7), "ticking twice counts once");
        assert!(!checklist.missing().contains(&Criterion::Measurable));
    }

    #[test]
    fn unticking_a_criterion_lowers_the_score() {
        let checklist = Checklist::default()
            .with(Criterion::Actionable, true)
            .with(Criterion::Actionable, false);
        assert_eq!(checklist.score(), (0, 7));
    }

    #[test]
    fn every_criterion_has_words_for_the_room() {
        for criterion in Criterion::ALL {
            assert!(!criterion.label().is_empty(), "{criterion:?} has no label");
        }
        assert_eq!(
            Criterion::NotVanity.label(),
            "Cannot rise while customers are worse off"
        );
    }

    #[test]
    fn a_checklist_serializes_as_the_list_of_met_criteria() {
        let checklist = Checklist::default()
            .with(Criterion::NotVanity, true)
            .with(Criterion::CustomerValue, true);
        assert_eq!(
            serde_json::to_value(checklist).unwrap(),
            serde_json::json!({"met": ["customer_value", "not_vanity"]})
        );
    }
}
