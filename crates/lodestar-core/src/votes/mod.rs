//! Step 4: the room chooses the most important need. The vote's rules (dot voting, a Borda
//! ranking or sharing 100 points), what a valid ballot is, the tally, run-offs and how a
//! result is resolved. The same rules serve any later vote among options (e.g. candidate
//! metrics); options are identified by their ids.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::{Refusal, RefusalCode};

mod aftermath;
mod ballot;
mod lifecycle;
mod resolve;
mod tally;
mod ties;
mod writes;

pub use aftermath::{changed_needs, confirm_focus, discard_vote, remembered_revisions, BallotRef};
pub use ballot::{validate_ballot, Allocation, BallotInput};
pub use lifecycle::{cast_ballot, close_vote, open_vote, reveal_vote};
pub use resolve::{resolve, runoff_options, Resolution, ResolvedBy};
pub use tally::{tally, Tally, TallyOutcome, TallyRow};
pub use ties::{decide_tie, start_runoff, tied_options};
pub use writes::{DecisionWrite, NewVote, VoteFacts, VoteWrite};

/// Points each voter shares out when no budget is given.
pub const DEFAULT_POINTS_BUDGET: u32 = 100;
/// Most dots a voter may hold; more is no longer a dot vote.
pub const MAX_DOTS_PER_VOTER: u32 = 100;
/// Largest points budget we accept.
pub const MAX_POINTS_BUDGET: u32 = 10_000;

// Where a vote is: taking ballots, closed (results may still be hidden), or revealed. A plain
// comment: a doc comment would change the file schema and the TypeScript bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Open,
    Closed,
    Revealed,
}

/// What a vote chooses: the focus need (step 4) or the North Star metric among the
/// candidates on the canvas (step 5). Each subject has its own votes and its own decision.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    Type,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VoteSubject {
    #[default]
    FocusNeed,
    NorthStar,
}

impl VoteSubject {
    /// What one option of such a vote is called in a message.
    pub fn option_noun(self) -> &'static str {
        match self {
            VoteSubject::FocusNeed => "need",
            VoteSubject::NorthStar => "candidate metric",
        }
    }
}

/// How the room votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum VoteMethod {
    /// Each voter has `dots_per_voter` dots and may put at most `max_per_option` on one need.
    Dot {
        dots_per_voter: u32,
        max_per_option: u32,
    },
    /// Each voter ranks the needs (all or some); Borda points decide.
    Borda,
    /// Each voter shares exactly `budget` points (usually 100) among the needs.
    Points { budget: u32 },
}

impl VoteMethod {
    /// Sharing 100 points.
    pub fn points() -> VoteMethod {
        VoteMethod::Points {
            budget: DEFAULT_POINTS_BUDGET,
        }
    }
}

/// A vote's rules as the facilitator sets them before the room votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoteRules {
    pub method: VoteMethod,
    /// Ballots are recorded without the voter's name.
    pub anonymous: bool,
    /// The projector shows no scores until the facilitator reveals them.
    pub hidden_until_revealed: bool,
}

impl VoteRules {
    /// Checks the method's numbers and returns the rules unchanged when they hold.
    pub fn validate(&self) -> Result<VoteRules, Refusal> {
        match self.method {
            VoteMethod::Dot {
                dots_per_voter,
                max_per_option,
            } => {
                if !(1..=MAX_DOTS_PER_VOTER).contains(&dots_per_voter) {
                    return Err(Refusal::new(
                        RefusalCode::OutOfRange,
                        "method.dotsPerVoter",
                        format!("must be between 1 and {MAX_DOTS_PER_VOTER}; got {dots_per_voter}"),
                    ));
                }
                if !(1..=dots_per_voter).contains(&max_per_option) {
                    return Err(Refusal::new(
                        RefusalCode::OutOfRange,
                        "method.maxPerOption",
                        format!(
                            "must be between 1 and {dots_per_voter} (the dots each voter has); \
                             got {max_per_option}"
                        ),
                    ));
                }
            }
            VoteMethod::Borda => {}
            VoteMethod::Points { budget } => {
                if !(1..=MAX_POINTS_BUDGET).contains(&budget) {
                    return Err(Refusal::new(
                        RefusalCode::OutOfRange,
                        "method.budget",
                        format!("must be between 1 and {MAX_POINTS_BUDGET}; got {budget}"),
                    ));
                }
            }
        }
        Ok(self.clone())
    }

    /// Whether scores may be shown: always, unless they are hidden until revealed.
    pub fn may_show_results(&self, revealed: bool) -> bool {
        !self.hidden_until_revealed || revealed
    }
}

/// A starting point for a dot vote among `option_count` needs, using the common rule of
/// thumb: a third as many dots as options (rounded up, 1 to 10), at most 3 on one need.
/// Anonymous and hidden until revealed, so early votes do not sway later ones.
pub fn default_rules_for_options(option_count: u32) -> VoteRules {
    let dots = option_count.div_ceil(3).clamp(1, 10);
    VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: dots,
            max_per_option: dots.min(3),
        },
        anonymous: true,
        hidden_until_revealed: true,
    }
}

/// "1 dot", "3 dots": counts in messages read as people write them.
fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dots(dots_per_voter: u32, max_per_option: u32) -> VoteRules {
        VoteRules {
            method: VoteMethod::Dot {
                dots_per_voter,
                max_per_option,
            },
            anonymous: false,
            hidden_until_revealed: false,
        }
    }

    #[test]
    fn a_dot_vote_needs_at_least_one_dot() {
        let err = dots(0, 1).validate().unwrap_err();
        assert_eq!(err.field, "method.dotsPerVoter");
    }

    #[test]
    fn the_limit_per_need_cannot_exceed_the_dots_a_voter_has() {
        let err = dots(3, 4).validate().unwrap_err();
        assert_eq!(err.field, "method.maxPerOption");
        assert!(
            err.message.contains("between 1 and 3"),
            "got {}",
            err.message
        );
        assert!(
            dots(3, 0).validate().is_err(),
            "a limit of 0 allows no vote at all"
        );
        assert!(dots(5, 3).validate().is_ok());
    }

    #[test]
    fn a_points_vote_needs_points_to_share() {
        let rules = VoteRules {
            method: VoteMethod::Points { budget: 0 },
            ..dots(1, 1)
        };
        assert_eq!(rules.validate().unwrap_err().field, "method.budget");
    }

    #[test]
    fn hidden_results_show_only_once_revealed() {
        let hidden = VoteRules {
            hidden_until_revealed: true,
            ..dots(3, 1)
        };
        assert!(!hidden.may_show_results(false));
        assert!(hidden.may_show_results(true));
        assert!(
            dots(3, 1).may_show_results(false),
            "open votes show as they come in"
        );
    }

    #[test]
    fn the_suggested_dot_vote_gives_a_third_as_many_dots_as_needs() {
        let suggested = |n| default_rules_for_options(n).method;
        assert_eq!(
            suggested(7),
            VoteMethod::Dot {
                dots_per_voter: 3,
                max_per_option: 3
            }
        );
        assert_eq!(
            suggested(2),
            VoteMethod::Dot {
                dots_per_voter: 1,
                max_per_option: 1
            }
        );
        assert_eq!(
            suggested(15),
            VoteMethod::Dot {
                dots_per_voter: 5,
                max_per_option: 3
            }
        );
        assert!(
            default_rules_for_options(0).validate().is_ok(),
            "even 0 gives valid rules"
        );
    }

    #[test]
    fn vote_methods_serialize_as_a_tagged_union_for_typescript() {
        let json = serde_json::to_value(dots(5, 3).method).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "dot", "dotsPerVoter": 5, "maxPerOption": 3})
        );
        let json = serde_json::to_value(VoteMethod::points()).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "points", "budget": 100}));
    }
}
