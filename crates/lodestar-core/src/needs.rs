//! Step 3: the customers' needs, written SMART and agreed by the room. This module holds what
//! is typed, whether the room agreed, which needs may go to the vote, and the aggregated view
//! that brings out needs shared by several categories. The SMART check itself is in
//! [`crate::smart`].

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::{Refusal, RefusalCode};
use crate::validation::{optional_text, required_text};

/// Longest text we accept in any field of a need.
pub const MAX_NEED_TEXT_CHARS: usize = 500;

/// What the facilitator types for one need of one customer category.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct NeedInput {
    pub category_id: String,
    /// The need in one sentence, as the room would say it.
    pub statement: String,
    /// Specific: which customers.
    #[schemars(default)]
    pub specific_who: String,
    /// Specific: what outcome they get.
    #[schemars(default)]
    pub specific_what: String,
    /// Measurable: what is counted ("time to first invoice").
    #[schemars(default)]
    pub measure: String,
    /// Measurable: the unit ("days", "%", "EUR").
    #[schemars(default)]
    pub unit: String,
    /// Measurable: where it stands today; optional, the data may not exist yet.
    #[schemars(default)]
    pub baseline: String,
    /// Measurable: where it should get to.
    #[schemars(default)]
    pub target: String,
    /// Achievable: how it will be achieved (the means).
    #[schemars(default)]
    pub achievable_how: String,
    /// Achievable: who makes it happen.
    #[schemars(default)]
    pub owner: String,
    /// Relevant: how it ties to the category and the business.
    #[schemars(default)]
    pub relevant_link: String,
    /// Time-bound: by when, e.g. "2027-06-30", "Q3 2027", "within 6 months".
    #[schemars(default)]
    pub time_bound: String,
    /// The room confirmed the target is realistic.
    #[schemars(default)]
    pub achievable_confirmed: bool,
    #[schemars(default)]
    pub achievable_reason: String,
    /// The room confirmed the need matters to the category and the business.
    #[schemars(default)]
    pub relevant_confirmed: bool,
    #[schemars(default)]
    pub relevant_reason: String,
}

impl NeedInput {
    /// Checks every field and returns the cleaned (trimmed) input. Whether the need is SMART
    /// is a separate question ([`crate::smart::check_smart`]): half-written needs can be saved.
    pub fn validate(&self) -> Result<NeedInput, Refusal> {
        let text = |field: &str, value: &str| optional_text(field, value, MAX_NEED_TEXT_CHARS);
        let category_id = self.category_id.trim();
        if category_id.is_empty() {
            return Err(Refusal::new(
                RefusalCode::Empty,
                "categoryId",
                "must name the customer category this need belongs to",
            ));
        }
        Ok(NeedInput {
            category_id: category_id.to_string(),
            statement: required_text("statement", &self.statement, MAX_NEED_TEXT_CHARS)?,
            specific_who: text("specificWho", &self.specific_who)?,
            specific_what: text("specificWhat", &self.specific_what)?,
            measure: text("measure", &self.measure)?,
            unit: text("unit", &self.unit)?,
            baseline: text("baseline", &self.baseline)?,
            target: text("target", &self.target)?,
            achievable_how: text("achievableHow", &self.achievable_how)?,
            owner: text("owner", &self.owner)?,
            relevant_link: text("relevantLink", &self.relevant_link)?,
            time_bound: text("timeBound", &self.time_bound)?,
            achievable_confirmed: self.achievable_confirmed,
            achievable_reason: text("achievableReason", &self.achievable_reason)?,
            relevant_confirmed: self.relevant_confirmed,
            relevant_reason: text("relevantReason", &self.relevant_reason)?,
        })
    }
}

/// Where the room stands on one need. Disagreement is recorded, never hidden.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Agreement {
    /// Not discussed yet.
    #[default]
    Pending,
    /// Everyone can live with it.
    Consensus,
    /// Some stakeholders object; who, and what they said.
    Objections {
        objector_ids: Vec<String>,
        note: String,
    },
    /// The room decided against the need.
    Rejected { note: String },
}

impl Agreement {
    /// Checks what the room recorded: the note within the limit, and objectors who are
    /// stakeholders of the workshop (`people`), each named once. Returns it trimmed.
    pub fn validate(&self, people: &std::collections::HashSet<&str>) -> Result<Agreement, Refusal> {
        let note = |note: &str| optional_text("note", note, MAX_NEED_TEXT_CHARS);
        Ok(match self {
            Agreement::Pending => Agreement::Pending,
            Agreement::Consensus => Agreement::Consensus,
            Agreement::Rejected { note: text } => Agreement::Rejected { note: note(text)? },
            Agreement::Objections {
                objector_ids,
                note: text,
            } => {
                for (i, id) in objector_ids.iter().enumerate() {
                    if !people.contains(id.as_str()) {
                        return Err(Refusal::new(
                            RefusalCode::UnknownReference,
                            format!("objectorIds[{i}]"),
                            "is not a stakeholder of this workshop (they may have been removed)",
                        ));
                    }
                    if objector_ids[..i].contains(id) {
                        return Err(Refusal::new(
                            RefusalCode::Duplicate,
                            format!("objectorIds[{i}]"),
                            "names the same person twice",
                        ));
                    }
                }
                Agreement::Objections {
                    objector_ids: objector_ids.clone(),
                    note: note(text)?,
                }
            }
        })
    }
}

/// Only a consensus counts as agreed. A need with objections on record is not agreed, even
/// if the room chose to move on: the facilitator resolves the objections (and records a
/// consensus) before the need can go to the vote.
pub fn is_agreed(agreement: &Agreement) -> bool {
    matches!(agreement, Agreement::Consensus)
}

/// The little the aggregated view needs to know about a need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NeedSummary {
    pub id: String,
    pub category_id: String,
    pub measure: String,
    pub statement: String,
}

/// Needs of one or more categories that share a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NeedGroup {
    /// The measure as first written (trimmed, spaces collapsed).
    pub measure: String,
    /// In the order the needs were given.
    pub need_ids: Vec<String>,
    /// Each category once, in the order first seen.
    pub category_ids: Vec<String>,
}

/// Groups needs by measure (ignoring case and spacing) so that a measure shared by many
/// categories stands out: groups spanning the most categories come first, then by measure
/// in alphabetical order. Needs without a measure are left out: there is nothing to compare.
pub fn aggregate_needs(needs: &[NeedSummary]) -> Vec<NeedGroup> {
    let mut keyed: Vec<(String, NeedGroup)> = Vec::new();
    for need in needs {
        let shown = collapse_spaces(&need.measure);
        if shown.is_empty() {
            continue;
        }
        let key = shown.to_lowercase();
        let position = match keyed.iter().position(|(k, _)| *k == key) {
            Some(position) => position,
            None => {
                keyed.push((
                    key,
                    NeedGroup {
                        measure: shown,
                        need_ids: Vec::new(),
                        category_ids: Vec::new(),
                    },
                ));
                keyed.len() - 1
            }
        };
        if let Some((_, group)) = keyed.get_mut(position) {
            group.need_ids.push(need.id.clone());
            if !group.category_ids.contains(&need.category_id) {
                group.category_ids.push(need.category_id.clone());
            }
        }
    }
    keyed.sort_by(|(key_a, a), (key_b, b)| {
        b.category_ids
            .len()
            .cmp(&a.category_ids.len())
            .then_with(|| key_a.cmp(key_b))
    });
    keyed.into_iter().map(|(_, group)| group).collect()
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_objection_must_name_people_of_the_workshop_once_and_keep_its_note_short() {
        let people: std::collections::HashSet<&str> = ["s1", "s2"].into_iter().collect();
        let objecting = |ids: &[&str], note: &str| Agreement::Objections {
            objector_ids: ids.iter().map(|s| s.to_string()).collect(),
            note: note.into(),
        };
        assert!(objecting(&["s1", "s2"], " too high ")
            .validate(&people)
            .is_ok());
        let stranger = objecting(&["s1", "x"], "").validate(&people).unwrap_err();
        assert_eq!(
            (stranger.code, stranger.field.to_string()),
            (RefusalCode::UnknownReference, "objectorIds[1]".into())
        );
        let twice = objecting(&["s1", "s1"], "").validate(&people).unwrap_err();
        assert_eq!(twice.code, RefusalCode::Duplicate);
        let long = "x".repeat(MAX_NEED_TEXT_CHARS + 1);
        let refused = Agreement::Rejected { note: long }
            .validate(&people)
            .unwrap_err();
        assert_eq!(refused.code, RefusalCode::TooLong);
    }

    fn need() -> NeedInput {
        NeedInput {
            category_id: "c1".into(),
            statement: "New clients invoice within a week".into(),
            ..NeedInput::default()
        }
    }

    fn summary(id: &str, category: &str, measure: &str) -> NeedSummary {
        NeedSummary {
            id: id.into(),
            category_id: category.into(),
            measure: measure.into(),
            statement: format!("need {id}"),
        }
    }

    #[test]
    fn a_need_must_belong_to_a_category() {
        let err = NeedInput {
            category_id: " ".into(),
            ..need()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "categoryId");
    }

    #[test]
    fn a_need_must_say_something() {
        let err = NeedInput {
            statement: "".into(),
            ..need()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "statement");
    }

    #[test]
    fn an_over_long_field_is_named_as_the_ui_names_it() {
        let err = NeedInput {
            achievable_how: "x".repeat(501),
            ..need()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "achievableHow");
    }

    #[test]
    fn a_half_written_need_can_still_be_saved() {
        let clean = NeedInput {
            measure: "  time to first invoice ".into(),
            ..need()
        }
        .validate()
        .unwrap();
        assert_eq!(
            clean.measure, "time to first invoice",
            "SMART is checked, not enforced"
        );
    }

    #[test]
    fn only_a_consensus_counts_as_agreed() {
        assert!(is_agreed(&Agreement::Consensus));
        assert!(!is_agreed(&Agreement::Pending));
        let objections = Agreement::Objections {
            objector_ids: vec!["s1".into()],
            note: "target too high".into(),
        };
        assert!(
            !is_agreed(&objections),
            "recorded objections keep a need off the vote"
        );
        assert!(!is_agreed(&Agreement::Rejected {
            note: String::new()
        }));
    }

    #[test]
    fn agreements_serialize_as_a_tagged_union_for_typescript() {
        let json = serde_json::to_value(Agreement::Objections {
            objector_ids: vec!["s1".into()],
            note: "n".into(),
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "objections", "objectorIds": ["s1"], "note": "n"})
        );
    }

    #[test]
    fn a_measure_shared_by_categories_rises_to_the_top() {
        let groups = aggregate_needs(&[
            summary("n1", "c1", "Churn rate"),
            summary("n2", "c1", "Time to first invoice"),
            summary("n3", "c2", " time  to first INVOICE "),
            summary("n4", "c3", "time to first invoice"),
        ]);
        let first = groups.first().unwrap();
        assert_eq!(
            first.measure, "Time to first invoice",
            "shown as first written"
        );
        assert_eq!(first.need_ids, vec!["n2", "n3", "n4"]);
        assert_eq!(first.category_ids, vec!["c1", "c2", "c3"]);
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn two_needs_of_one_category_count_that_category_once() {
        let groups = aggregate_needs(&[
            summary("n1", "c1", "NPS"),
            summary("n2", "c1", "nps"),
            summary("n3", "c1", "Churn"),
            summary("n4", "c2", "Churn"),
        ]);
        let measures: Vec<&str> = groups.iter().map(|g| g.measure.as_str()).collect();
        assert_eq!(
            measures,
            vec!["Churn", "NPS"],
            "2 categories beat 2 needs in 1 category"
        );
    }

    #[test]
    fn equally_shared_measures_are_listed_alphabetically() {
        let groups = aggregate_needs(&[summary("n1", "c1", "zeta"), summary("n2", "c1", "Alpha")]);
        let measures: Vec<&str> = groups.iter().map(|g| g.measure.as_str()).collect();
        assert_eq!(
            measures,
            vec!["Alpha", "zeta"],
            "case does not decide the order"
        );
    }

    #[test]
    fn needs_without_a_measure_are_left_out_of_the_aggregate() {
        let groups = aggregate_needs(&[summary("n1", "c1", "  "), summary("n2", "c2", "")]);
        assert!(
            groups.is_empty(),
            "blank measures are not one shared measure"
        );
    }
}
