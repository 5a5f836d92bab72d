//! Which steps the room may enter, and why not. A step opens once the work it builds on
//! exists, so the room never lands on an empty step with nothing to do.
//!
//! Gates only apply to moving *forward*: going back to an earlier step is always allowed,
//! so the room can fix a stakeholder or a need at any time ([`can_enter`]). Each gate checks
//! its own step's precondition only; it does not re-check the gates before it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::steps::Step;

/// Counts the store computes for one workshop; all the gates need to know.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopProgress {
    pub stakeholders: u32,
    /// Stakeholders marked as in the room today.
    pub present_stakeholders: u32,
    pub categories: u32,
    pub needs: u32,
    /// Needs that may go to the vote: SMART and agreed by consensus
    /// ([`crate::smart::eligible_for_vote`]).
    pub agreed_needs: u32,
    /// The vote has a resolved winner: the focus need.
    pub vote_decided: bool,
    /// A need on the vote changed after the vote was decided.
    pub focus_need_stale: bool,
    pub north_star_chosen: bool,
}

/// Whether a step may be entered; when closed, why, in words for the facilitator.
/// `warnings` never close a gate: they point at gaps the room may want to fill first.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct Gate {
    pub open: bool,
    pub reasons: Vec<String>,
    pub warnings: Vec<String>,
}

impl Gate {
    fn from(reasons: Vec<String>, warnings: Vec<String>) -> Gate {
        Gate {
            open: reasons.is_empty(),
            reasons,
            warnings,
        }
    }
}

/// One entry of the step rail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepGate {
    pub step: Step,
    pub gate: Gate,
}

/// Fewest agreed needs that make a vote worth holding.
pub const MIN_NEEDS_FOR_VOTE: u32 = 2;

/// The gate in front of `step`.
pub fn gate(step: Step, progress: &WorkshopProgress) -> Gate {
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    match step {
        Step::Stakeholders => {}
        Step::Categories => {
            if progress.stakeholders == 0 {
                reasons.push("add at least one stakeholder: who is in the room?".to_string());
            } else if progress.present_stakeholders == 0 {
                warnings.push("nobody is marked as present in the room".to_string());
            }
        }
        Step::Needs => {
            if progress.categories == 0 {
                reasons
                    .push("the SMART needs step needs at least one customer category".to_string());
            }
        }
        Step::Vote => {
            if progress.agreed_needs < MIN_NEEDS_FOR_VOTE {
                let agreed = match progress.agreed_needs {
                    0 => "none is agreed so far".to_string(),
                    1 => "1 is agreed so far".to_string(),
                    n => format!("{n} are agreed so far"),
                };
                reasons.push(format!(
                    "the vote needs at least two agreed needs; {agreed}"
                ));
            }
        }
        Step::Canvas => {
            if !progress.vote_decided {
                reasons
                    .push("the canvas starts from the vote's winner: close the vote first".into());
            } else if progress.focus_need_stale {
                reasons.push(
                    "a need changed after the vote: re-run the vote or confirm the result".into(),
                );
            }
        }
        Step::Report => {
            if !progress.north_star_chosen {
                warnings.push(
                    "no North Star metric is chosen yet: the report shows what there is so far"
                        .to_string(),
                );
            }
        }
    }
    Gate::from(reasons, warnings)
}

/// Every step with its gate, in method order, for the step rail.
pub fn gates(progress: &WorkshopProgress) -> Vec<StepGate> {
    Step::ALL
        .into_iter()
        .map(|step| StepGate {
            step,
            gate: gate(step, progress),
        })
        .collect()
}

/// Whether the room may move from `from` to `to`: back (or staying) always, forward only
/// through `to`'s gate.
pub fn can_enter(from: Step, to: Step, progress: &WorkshopProgress) -> bool {
    to <= from || gate(to, progress).open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> WorkshopProgress {
        WorkshopProgress::default()
    }

    fn reasons(step: Step, progress: &WorkshopProgress) -> Vec<String> {
        gate(step, progress).reasons
    }

    #[test]
    fn a_new_workshop_opens_on_stakeholders() {
        assert!(gate(Step::Stakeholders, &empty()).open);
    }

    #[test]
    fn categories_wait_for_a_stakeholder() {
        assert_eq!(
            reasons(Step::Categories, &empty()),
            vec!["add at least one stakeholder: who is in the room?"]
        );
        let one = WorkshopProgress {
            stakeholders: 1,
            present_stakeholders: 1,
            ..empty()
        };
        assert!(gate(Step::Categories, &one).open);
    }

    #[test]
    fn an_empty_room_warns_without_closing_the_gate() {
        let absent = WorkshopProgress {
            stakeholders: 2,
            ..empty()
        };
        let gate = gate(Step::Categories, &absent);
        assert!(gate.open, "absent stakeholders still count");
        assert_eq!(
            gate.warnings,
            vec!["nobody is marked as present in the room"]
        );
    }

    #[test]
    fn needs_wait_for_a_customer_category() {
        assert_eq!(
            reasons(Step::Needs, &empty()),
            vec!["the SMART needs step needs at least one customer category"]
        );
    }

    #[test]
    fn the_vote_waits_for_two_agreed_needs_and_says_how_many_there_are() {
        let one = WorkshopProgress {
            needs: 4,
            agreed_needs: 1,
            ..empty()
        };
        assert_eq!(
            reasons(Step::Vote, &one),
            vec!["the vote needs at least two agreed needs; 1 is agreed so far"]
        );
        assert_eq!(
            reasons(Step::Vote, &empty()),
            vec!["the vote needs at least two agreed needs; none is agreed so far"]
        );
        let two = WorkshopProgress {
            agreed_needs: 2,
            ..empty()
        };
        assert!(gate(Step::Vote, &two).open);
    }

    #[test]
    fn the_canvas_waits_for_a_decided_vote() {
        assert_eq!(
            reasons(Step::Canvas, &empty()),
            vec!["the canvas starts from the vote's winner: close the vote first"]
        );
    }

    #[test]
    fn a_need_changed_after_the_vote_closes_the_canvas() {
        let stale = WorkshopProgress {
            vote_decided: true,
            focus_need_stale: true,
            ..empty()
        };
        assert_eq!(
            reasons(Step::Canvas, &stale),
            vec!["a need changed after the vote: re-run the vote or confirm the result"]
        );
        let fresh = WorkshopProgress {
            focus_need_stale: false,
            ..stale
        };
        assert!(gate(Step::Canvas, &fresh).open);
    }

    #[test]
    fn the_report_is_always_open_because_you_can_print_what_you_have() {
        let report = gate(Step::Report, &empty());
        assert!(report.open);
        assert_eq!(
            report.warnings.len(),
            1,
            "the missing North Star is pointed out"
        );
    }

    #[test]
    fn the_rail_lists_every_step_in_order() {
        let rail = gates(&empty());
        let steps: Vec<Step> = rail.iter().map(|entry| entry.step).collect();
        assert_eq!(steps, Step::ALL.to_vec());
        let open: Vec<bool> = rail.iter().map(|entry| entry.gate.open).collect();
        assert_eq!(open, vec![true, false, false, false, false, true]);
    }

    #[test]
    fn going_back_is_always_allowed() {
        assert!(can_enter(Step::Canvas, Step::Stakeholders, &empty()));
        assert!(
            can_enter(Step::Vote, Step::Vote, &empty()),
            "staying is not moving forward"
        );
        assert!(
            !can_enter(Step::Stakeholders, Step::Vote, &empty()),
            "forward needs the gate"
        );
    }
}
