//! Settling a vote: by the vote, by a run-off among the needs tied for first place, or by the
//! facilitator's decision among them. A tie is never settled silently.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Tally, TallyOutcome};
use crate::refusal::{Refusal, RefusalCode};

/// The options of a run-off: the ones tied for first place, or `None` when there is no tie.
pub fn runoff_options(tally: &Tally) -> Option<Vec<String>> {
    match &tally.outcome {
        TallyOutcome::Tie { option_ids } => Some(option_ids.clone()),
        _ => None,
    }
}

/// How the winner was settled.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedBy {
    /// The first round had a clear winner.
    Vote,
    /// A later round (a run-off) had a clear winner.
    Runoff,
    /// The facilitator chose among options still tied.
    FacilitatorDecision,
}

/// The settled result of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    pub option_id: String,
    pub via: ResolvedBy,
}

/// Settles a vote from its rounds, oldest first. The last round decides: its winner wins;
/// if it is tied, the facilitator may pick one of the tied options (with or without holding
/// a run-off first). A pick is refused when it is not among the tied options or when the
/// last round already has a winner.
pub fn resolve(rounds: &[Tally], facilitator_pick: Option<&str>) -> Result<Resolution, Refusal> {
    let Some(last) = rounds.last() else {
        return Err(Refusal::new(
            RefusalCode::NoBallots,
            "rounds",
            "the vote has not been held yet",
        ));
    };
    let pick = |code, message: String| Refusal::new(code, "facilitatorPick", message);
    match (&last.outcome, facilitator_pick) {
        (TallyOutcome::NoVotes, _) => Err(Refusal::new(
            RefusalCode::NoBallots,
            "rounds",
            "the last round has no votes yet: collect ballots first",
        )),
        (TallyOutcome::Winner { option_id }, chosen) => {
            if chosen.is_some_and(|chosen| chosen != option_id) {
                return Err(pick(
                    RefusalCode::VoteNotTied,
                    format!(
                        "the vote already has a winner (“{option_id}”); the facilitator only \
                     decides ties"
                    ),
                ));
            }
            let via = if rounds.len() > 1 {
                ResolvedBy::Runoff
            } else {
                ResolvedBy::Vote
            };
            Ok(Resolution {
                option_id: option_id.clone(),
                via,
            })
        }
        (TallyOutcome::Tie { option_ids }, None) => Err(pick(
            RefusalCode::NotAmongTied,
            format!(
                "the vote is tied between {} needs: hold a run-off or pick one of them",
                option_ids.len()
            ),
        )),
        (TallyOutcome::Tie { option_ids }, Some(chosen)) => {
            if option_ids.iter().any(|id| id == chosen) {
                Ok(Resolution {
                    option_id: chosen.to_string(),
                    via: ResolvedBy::FacilitatorDecision,
                })
            } else {
                Err(pick(
                    RefusalCode::NotAmongTied,
                    format!("“{chosen}” is not one of the tied needs"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{tally, Allocation, BallotInput, VoteMethod, VoteRules};

    fn options() -> Vec<String> {
        ["a", "b", "c", "d"].map(String::from).to_vec()
    }

    fn dot_rules() -> VoteRules {
        VoteRules {
            method: VoteMethod::Dot {
                dots_per_voter: 3,
                max_per_option: 3,
            },
            anonymous: true,
            hidden_until_revealed: false,
        }
    }

    fn dots(given: &[(&str, u32)]) -> BallotInput {
        BallotInput::Dot {
            allocations: given
                .iter()
                .map(|(id, amount)| Allocation {
                    option_id: id.to_string(),
                    amount: *amount,
                })
                .collect(),
        }
    }

    fn decided(winner: &str) -> Tally {
        tally(&dot_rules(), &options(), &[dots(&[(winner, 1)])])
    }

    fn tied() -> Tally {
        tally(&dot_rules(), &options(), &[dots(&[("a", 1), ("b", 1)])])
    }

    #[test]
    fn a_clear_first_round_is_won_by_the_vote() {
        let resolution = resolve(&[decided("c")], None).unwrap();
        assert_eq!(
            resolution,
            Resolution {
                option_id: "c".into(),
                via: ResolvedBy::Vote
            }
        );
    }

    #[test]
    fn a_run_off_settles_a_tie() {
        let resolution = resolve(&[tied(), decided("b")], None).unwrap();
        assert_eq!(resolution.option_id, "b");
        assert_eq!(resolution.via, ResolvedBy::Runoff, "the last round decides");
    }

    #[test]
    fn a_tie_without_a_pick_is_not_settled() {
        let err = resolve(&[tied()], None).unwrap_err();
        assert_eq!(err.field, "facilitatorPick");
        assert_eq!(
            err.message,
            "the vote is tied between 2 needs: hold a run-off or pick one of them"
        );
    }

    #[test]
    fn the_facilitator_may_break_a_tie_among_the_tied_needs_only() {
        let resolution = resolve(&[tied()], Some("b")).unwrap();
        assert_eq!(resolution.via, ResolvedBy::FacilitatorDecision);
        let err = resolve(&[tied()], Some("c")).unwrap_err();
        assert_eq!(err.message, "“c” is not one of the tied needs");
    }

    #[test]
    fn the_facilitator_cannot_overrule_a_clear_winner() {
        assert!(
            resolve(&[decided("a")], Some("b")).is_err(),
            "the room decided a"
        );
        assert!(
            resolve(&[decided("a")], Some("a")).is_ok(),
            "confirming the winner is fine"
        );
    }

    #[test]
    fn a_vote_without_rounds_or_ballots_is_not_settled() {
        assert_eq!(resolve(&[], None).unwrap_err().field, "rounds");
        let empty = tally(&dot_rules(), &options(), &[]);
        assert_eq!(resolve(&[empty], Some("a")).unwrap_err().field, "rounds");
    }
    #[test]
    fn a_tied_dot_vote_goes_to_a_run_off() {
        let result = tally(
            &dot_rules(),
            &options(),
            &[dots(&[("a", 2)]), dots(&[("c", 2)])],
        );
        assert_eq!(
            result.outcome,
            TallyOutcome::Tie {
                option_ids: vec!["a".into(), "c".into()]
            }
        );
        assert_eq!(result.leaders, vec!["a", "c"]);
        assert_eq!(runoff_options(&result), Some(vec!["a".into(), "c".into()]));
    }

    #[test]
    fn a_clear_winner_needs_no_run_off() {
        let result = tally(&dot_rules(), &options(), &[dots(&[("a", 2)])]);
        assert_eq!(runoff_options(&result), None);
    }
}
