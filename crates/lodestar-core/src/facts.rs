//! The facts the UI shows that the core already knows: the steps in order, the card palette
//! and card colours, the North Star checklist and its maximum score. Written here once; the
//! shell hands [`facts`] to the generated bindings as the `FACTS` constant, so the UI has no
//! copy of its own, and the report reads the same definitions through its data.

use serde::Serialize;

use crate::canvas::{CardInk, Colour, Criterion, CARD_INK, SCORE_MAX};
use crate::Step;

/// Everything in one value, for the bindings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    /// Every step, in the order the room goes through them.
    pub steps: Vec<StepFact>,
    /// The sticky palette, in the order it is offered.
    pub colours: Vec<ColourFact>,
    pub card_ink: CardInk,
    /// The North Star checklist, in the order it is asked.
    pub criteria: Vec<CriterionFact>,
    /// A candidate's best score (every criterion met).
    pub score_max: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepFact {
    pub step: Step,
    /// 1-based, as shown to people.
    pub number: usize,
    pub title: &'static str,
    pub purpose: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColourFact {
    pub value: Colour,
    pub label: &'static str,
    pub hex: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionFact {
    pub value: Criterion,
    pub label: &'static str,
    pub short: &'static str,
}

/// The facts, read from the definitions they describe.
pub fn facts() -> Facts {
    Facts {
        steps: Step::ALL
            .into_iter()
            .map(|step| StepFact {
                step,
                number: step.number(),
                title: step.title(),
                purpose: step.purpose(),
            })
            .collect(),
        colours: Colour::ALL
            .into_iter()
            .map(|value| ColourFact {
                value,
                label: value.label(),
                hex: value.hex(),
            })
            .collect(),
        card_ink: CARD_INK,
        criteria: Criterion::ALL
            .into_iter()
            .map(|value| CriterionFact {
                value,
                label: value.label(),
                short: value.short(),
            })
            .collect(),
        score_max: SCORE_MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_follow_the_definitions_in_order() {
        let facts = facts();
        let steps: Vec<Step> = facts.steps.iter().map(|s| s.step).collect();
        assert_eq!(steps, Step::ALL.to_vec());
        assert_eq!(facts.steps[4].number, 5);
        assert_eq!(facts.colours.len(), Colour::ALL.len());
        assert_eq!(facts.colours[0].hex, Colour::Yellow.hex());
        assert_eq!(facts.criteria.len(), 7);
        assert_eq!(facts.score_max, 7);
    }

    #[test]
    fn every_colour_is_a_hex_fill() {
        let facts = facts();
        let ink = facts.card_ink;
        let all = facts.colours.iter().map(|c| c.hex).chain([
            ink.kpi_fill,
            ink.kpi_bar,
            ink.north_star,
            ink.north_star_label,
            ink.input,
            ink.kpi_label,
            ink.text,
        ]);
        for hex in all {
            assert!(
                hex.len() == 7
                    && hex.starts_with('#')
                    && hex[1..].chars().all(|c| c.is_ascii_hexdigit()),
                "{hex} is not #rrggbb"
            );
        }
    }

    #[test]
    fn the_facts_serialize_as_the_ui_reads_them() {
        let json = serde_json::to_value(facts()).unwrap();
        assert_eq!(json["scoreMax"], 7);
        assert_eq!(json["steps"][1]["step"], "categories");
        assert_eq!(json["colours"][1]["value"], "blue");
        assert_eq!(json["criteria"][6]["value"], "not_vanity");
        assert_eq!(json["cardInk"]["kpiBar"], "#6b7280");
    }
}
