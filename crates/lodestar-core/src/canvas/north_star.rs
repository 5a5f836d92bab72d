//! The end of step 5: the winning candidate written as a precise North Star metric, the few
//! input metrics that drive it (each with an owner), and the actions the room commits to.
//! A workshop that ends without these is only a report; the checks here say what is missing.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::CanvasScene;
use crate::refusal::{Refusal, RefusalCode};
use crate::validation::{optional_date, optional_text, required_text};

/// Longest name of a metric or owner.
pub const MAX_METRIC_NAME_CHARS: usize = 120;
/// Longest definition text (what is counted, target, time frame, an action).
pub const MAX_DEFINITION_CHARS: usize = 500;
/// Fewest input metrics the method expects.
pub const MIN_INPUTS: usize = 3;
/// Most input metrics the method expects.
pub const MAX_INPUTS: usize = 5;

/// The North Star metric as the room defines it.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct NorthStarInput {
    /// The winning sticky on the canvas.
    pub item_id: String,
    /// A short name everyone can repeat ("Weekly active teams").
    pub name: String,
    /// Exactly what is counted ("teams with 3+ members who shared a plan this week").
    pub counted: String,
    /// The unit ("teams", "%", "nights").
    pub unit: String,
    /// Where it stands today; may be unknown until the data is pulled.
    #[schemars(default)]
    pub current_value: String,
    pub target: String,
    /// By when the target should be reached ("by 2027-06-30", "within 12 months").
    pub time_frame: String,
}

impl NorthStarInput {
    /// Checks every field and returns the cleaned (trimmed) definition.
    pub fn validate(&self) -> Result<NorthStarInput, Refusal> {
        Ok(NorthStarInput {
            item_id: required(
                "itemId",
                &self.item_id,
                MAX_METRIC_NAME_CHARS,
                "choose the winning sticky on the canvas",
            )?,
            name: required(
                "name",
                &self.name,
                MAX_METRIC_NAME_CHARS,
                "give the metric a short name everyone can repeat",
            )?,
            counted: required(
                "counted",
                &self.counted,
                MAX_DEFINITION_CHARS,
                "say exactly what is counted, so two people would count the same",
            )?,
            unit: required(
                "unit",
                &self.unit,
                MAX_METRIC_NAME_CHARS,
                "name the unit (teams, %, nights booked...)",
            )?,
            current_value: optional_text(
                "currentValue",
                &self.current_value,
                MAX_DEFINITION_CHARS,
            )?,
            target: required(
                "target",
                &self.target,
                MAX_DEFINITION_CHARS,
                "set the value the organisation aims for",
            )?,
            time_frame: required(
                "timeFrame",
                &self.time_frame,
                MAX_DEFINITION_CHARS,
                "say by when the target should be reached",
            )?,
        })
    }

    /// Validates the definition and checks that it names a sticky or KPI on `scene`.
    pub fn validate_on(&self, scene: &CanvasScene) -> Result<NorthStarInput, Refusal> {
        let clean = self.validate()?;
        match scene.item(&clean.item_id) {
            Some(item) if item.kind.is_metric() => Ok(clean),
            Some(_) => Err(Refusal::new(
                RefusalCode::NotAMetric,
                "itemId",
                "a frame is a group, not a metric; choose the winning sticky inside it",
            )),
            None => Err(Refusal::new(
                RefusalCode::UnknownReference,
                "itemId",
                "the winning sticky is no longer on the canvas; choose it again",
            )),
        }
    }
}

/// A metric that drives the North Star, and who moves it.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct InputMetric {
    /// The sticky it came from, when it is on the canvas.
    #[schemars(default)]
    pub item_id: Option<String>,
    pub name: String,
    /// A stakeholder's id or a function's name ("Customer success").
    #[schemars(default)]
    pub owner: String,
}

impl InputMetric {
    /// Checks the fields and returns them trimmed. A missing owner is allowed here (it is a
    /// warning from [`check_inputs`]) so the room can write inputs before naming owners.
    pub fn validate(&self) -> Result<InputMetric, Refusal> {
        Ok(InputMetric {
            item_id: self
                .item_id
                .as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(str::to_string),
            name: required(
                "name",
                &self.name,
                MAX_METRIC_NAME_CHARS,
                "name the input metric",
            )?,
            owner: optional_text("owner", &self.owner, MAX_METRIC_NAME_CHARS)?,
        })
    }
}

/// Warnings about the set of input metrics: how many there are and who owns them.
pub fn check_inputs(inputs: &[InputMetric]) -> Vec<String> {
    let mut warnings = Vec::new();
    let count = inputs.len();
    if count < MIN_INPUTS {
        let has = match count {
            0 => "No input metrics yet".to_string(),
            1 => "Only 1 input metric".to_string(),
            n => format!("Only {n} input metrics"),
        };
        warnings.push(format!(
            "{has}: name the {MIN_INPUTS} to {MAX_INPUTS} metrics that drive the North Star"
        ));
    } else if count > MAX_INPUTS {
        warnings.push(format!(
            "{count} input metrics: keep the {MIN_INPUTS} to {MAX_INPUTS} that drive the North \
             Star most, so each gets real attention"
        ));
    }
    for input in inputs {
        if input.owner.trim().is_empty() {
            warnings.push(format!(
                "“{}” has no owner: name the stakeholder or function who moves it",
                input.name.trim()
            ));
        }
    }
    warnings
}

/// An action the room commits to before it leaves.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    pub what: String,
    /// A stakeholder's id or a person's or function's name.
    pub owner: String,
    /// `YYYY-MM-DD`, or empty when no date is set yet.
    #[schemars(default)]
    pub due: String,
}

impl ActionInput {
    /// Checks every field and returns the cleaned (trimmed) action.
    pub fn validate(&self) -> Result<ActionInput, Refusal> {
        Ok(ActionInput {
            what: required(
                "what",
                &self.what,
                MAX_DEFINITION_CHARS,
                "say what will be done",
            )?,
            owner: required(
                "owner",
                &self.owner,
                MAX_METRIC_NAME_CHARS,
                "an action without an owner does not happen: name who will do it",
            )?,
            due: optional_date("due", &self.due)?,
        })
    }
}

/// Like [`required_text`], but an empty field says what to write instead.
fn required(field: &str, value: &str, max: usize, hint: &str) -> Result<String, Refusal> {
    if value.trim().is_empty() {
        return Err(Refusal::new(
            RefusalCode::Empty,
            field,
            format!("is empty: {hint}"),
        ));
    }
    required_text(field, value, max)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, scene, sticky};
    use super::*;

    fn defined() -> NorthStarInput {
        NorthStarInput {
            item_id: "s1".into(),
            name: " Weekly active teams ".into(),
            counted: "Teams of 3+ who shared a plan in the week".into(),
            unit: "teams".into(),
            current_value: String::new(),
            target: "2,000".into(),
            time_frame: "by 2027-06-30".into(),
        }
    }

    #[test]
    fn a_complete_north_star_is_accepted_and_trimmed() {
        let clean = defined().validate().unwrap();
        assert_eq!(clean.name, "Weekly active teams");
        assert_eq!(
            clean.current_value, "",
            "today's value may not be known yet"
        );
    }

    #[test]
    fn a_north_star_without_a_target_says_what_to_write() {
        let err = NorthStarInput {
            target: "  ".into(),
            ..defined()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "target");
        assert_eq!(
            err.message,
            "is empty: set the value the organisation aims for"
        );
    }

    #[test]
    fn every_part_of_the_definition_is_required() {
        let blank = |f: fn(&mut NorthStarInput)| {
            let mut input = defined();
            f(&mut input);
            input.validate().unwrap_err().field
        };
        assert_eq!(blank(|i| i.item_id.clear()), "itemId");
        assert_eq!(blank(|i| i.name.clear()), "name");
        assert_eq!(blank(|i| i.counted.clear()), "counted");
        assert_eq!(blank(|i| i.unit.clear()), "unit");
        assert_eq!(blank(|i| i.time_frame.clear()), "timeFrame");
    }

    #[test]
    fn the_north_star_must_be_a_sticky_still_on_the_canvas() {
        let canvas = scene(
            vec![sticky("s1", 0.0, 0.0), frame("f1", 0.0, 0.0, 50.0, 50.0)],
            vec![],
        );
        assert!(defined().validate_on(&canvas).is_ok());
        let gone = NorthStarInput {
            item_id: "s9".into(),
            ..defined()
        };
        assert!(gone
            .validate_on(&canvas)
            .unwrap_err()
            .message
            .contains("no longer"));
        let a_frame = NorthStarInput {
            item_id: "f1".into(),
            ..defined()
        };
        assert_eq!(a_frame.validate_on(&canvas).unwrap_err().field, "itemId");
    }

    fn input(name: &str, owner: &str) -> InputMetric {
        InputMetric {
            item_id: None,
            name: name.into(),
            owner: owner.into(),
        }
    }

    #[test]
    fn three_to_five_owned_inputs_raise_no_warning() {
        let inputs: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .map(|n| input(n, "Ops"))
            .collect();
        assert!(check_inputs(&inputs).is_empty());
    }

    #[test]
    fn too_few_inputs_are_flagged() {
        let warnings = check_inputs(&[input("Activation", "Product"), input("Retention", "CS")]);
        assert_eq!(
            warnings,
            ["Only 2 input metrics: name the 3 to 5 metrics that drive the North Star"]
        );
        assert!(check_inputs(&[])[0].starts_with("No input metrics yet"));
    }

    #[test]
    fn too_many_inputs_are_flagged() {
        let inputs: Vec<_> = (0..6).map(|i| input(&format!("m{i}"), "Ops")).collect();
        let warnings = check_inputs(&inputs);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("6 input metrics: keep the 3 to 5"),
            "{warnings:?}"
        );
    }

    #[test]
    fn an_input_without_an_owner_is_flagged_by_name() {
        let inputs = [
            input("Activation", "Product"),
            input("Retention", " "),
            input("NPS", "CS"),
        ];
        assert_eq!(
            check_inputs(&inputs),
            ["“Retention” has no owner: name the stakeholder or function who moves it"]
        );
    }

    #[test]
    fn an_input_needs_a_name_but_may_wait_for_an_owner() {
        assert_eq!(input(" ", "Ops").validate().unwrap_err().field, "name");
        assert!(input("Activation", "").validate().is_ok());
    }

    #[test]
    fn an_action_needs_what_and_who_and_a_real_date() {
        let action = ActionInput {
            what: "Pull last year's weekly active teams".into(),
            owner: "Data team".into(),
            due: "2026-03-14".into(),
        };
        assert!(action.validate().is_ok());
        let no_owner = ActionInput {
            owner: String::new(),
            ..action.clone()
        };
        let err = no_owner.validate().unwrap_err();
        assert_eq!(err.field, "owner");
        assert!(
            err.message.contains("name who will do it"),
            "{}",
            err.message
        );
        let bad_date = ActionInput {
            due: "2026-02-30".into(),
            ..action.clone()
        };
        assert_eq!(bad_date.validate().unwrap_err().field, "due");
        let undated = ActionInput {
            due: String::new(),
            ..action
        };
        assert!(undated.validate().is_ok(), "a due date can be set later");
    }
}
