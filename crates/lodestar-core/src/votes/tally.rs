//! Counting the ballots of one round and spotting a tie for first place.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{validate_ballot, BallotInput, VoteRules};

/// One option's line in the tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TallyRow {
    pub option_id: String,
    /// Dots, points or Borda points received.
    pub score: u32,
    /// Competition ranking: two options tied first are both 1, the next is 3.
    pub rank: u32,
    /// Ballots that gave the option dots or points, or ranked it at all.
    pub voters: u32,
}

/// How a round came out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TallyOutcome {
    /// No valid ballot, or no option received any points.
    NoVotes,
    Winner {
        option_id: String,
    },
    /// Several options share first place.
    Tie {
        option_ids: Vec<String>,
    },
}

/// The full result of one round, kept with the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Highest score first; equal scores keep the options' order on the vote.
    pub rows: Vec<TallyRow>,
    pub ballots_counted: u32,
    /// Ballots that broke the rules (see [`validate_ballot`]) and were not counted.
    pub ballots_ignored: u32,
    /// The options in first place (empty when nobody voted).
    pub leaders: Vec<String>,
    pub outcome: TallyOutcome,
}

/// Counts one round. Each valid ballot adds its dots or points; a ranking of `n` options gives
/// the first `n - 1` points, the second `n - 2`, and so on, and unranked options 0. Invalid
/// ballots are left out and counted in `ballots_ignored`; an option listed twice counts once.
pub fn tally(rules: &VoteRules, options: &[String], ballots: &[BallotInput]) -> Tally {
    let mut ids: Vec<&String> = Vec::new();
    for option in options {
        if !ids.contains(&option) {
            ids.push(option);
        }
    }
    let mut scores = vec![0u64; ids.len()];
    let mut voters = vec![0u32; ids.len()];
    let mut counted = 0u32;
    let mut ignored = 0u32;
    let mut give = |id: &String, amount: u64| {
        if let Some(index) = ids.iter().position(|known| *known == id) {
            if let (Some(score), Some(count)) = (scores.get_mut(index), voters.get_mut(index)) {
                *score += amount;
                *count += 1;
            }
        }
    };
    let option_count = u64::try_from(ids.len()).unwrap_or(u64::MAX);
    for ballot in ballots {
        if validate_ballot(rules, options, ballot).is_err() {
            ignored = ignored.saturating_add(1);
            continue;
        }
        counted = counted.saturating_add(1);
        match ballot {
            BallotInput::Dot { allocations } | BallotInput::Points { allocations } => {
                for line in allocations.iter().filter(|line| line.amount > 0) {
                    give(&line.option_id, u64::from(line.amount));
                }
            }
            BallotInput::Ranking { order } => {
                for (place, id) in (0u64..).zip(order) {
                    give(id, option_count.saturating_sub(place + 1));
                }
            }
        }
    }
    let mut rows: Vec<TallyRow> = ids
        .iter()
        .zip(scores)
        .zip(voters)
        .map(|((id, score), voters)| TallyRow {
            option_id: (*id).clone(),
            score: u32::try_from(score).unwrap_or(u32::MAX),
            rank: 0,
            voters,
        })
        .collect();
    // Stable: equal scores keep the options' order on the vote.
    rows.sort_by_key(|row| std::cmp::Reverse(row.score));
    let mut previous: Option<(u32, u32)> = None;
    for (position, row) in (1u32..).zip(rows.iter_mut()) {
        row.rank = match previous {
            Some((score, rank)) if score == row.score => rank,
            _ => position,
        };
        previous = Some((row.score, row.rank));
    }
    let leaders: Vec<String> = rows
        .iter()
        .filter(|row| row.rank == 1 && row.score > 0)
        .map(|row| row.option_id.clone())
        .collect();
    let outcome = match leaders.as_slice() {
        [] => TallyOutcome::NoVotes,
        [winner] => TallyOutcome::Winner {
            option_id: winner.clone(),
        },
        tied => TallyOutcome::Tie {
            option_ids: tied.to_vec(),
        },
    };
    Tally {
        rows,
        ballots_counted: counted,
        ballots_ignored: ignored,
        leaders,
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Allocation, VoteMethod};

    fn options() -> Vec<String> {
        ["a", "b", "c", "d"].map(String::from).to_vec()
    }

    fn rules(method: VoteMethod) -> VoteRules {
        VoteRules {
            method,
            anonymous: true,
            hidden_until_revealed: false,
        }
    }

    fn dot_rules() -> VoteRules {
        rules(VoteMethod::Dot {
            dots_per_voter: 3,
            max_per_option: 3,
        })
    }

    fn lines(given: &[(&str, u32)]) -> Vec<Allocation> {
        given
            .iter()
            .map(|(id, amount)| Allocation {
                option_id: id.to_string(),
                amount: *amount,
            })
            .collect()
    }

    fn dots(given: &[(&str, u32)]) -> BallotInput {
        BallotInput::Dot {
            allocations: lines(given),
        }
    }

    fn ranking(ids: &[&str]) -> BallotInput {
        BallotInput::Ranking {
            order: ids.iter().map(|id| id.to_string()).collect(),
        }
    }

    fn scores(tally: &Tally) -> Vec<(&str, u32, u32)> {
        tally
            .rows
            .iter()
            .map(|row| (row.option_id.as_str(), row.score, row.rank))
            .collect()
    }

    #[test]
    fn the_need_with_most_dots_wins() {
        let result = tally(
            &dot_rules(),
            &options(),
            &[dots(&[("b", 2), ("a", 1)]), dots(&[("b", 1), ("c", 2)])],
        );
        assert_eq!(
            result.outcome,
            TallyOutcome::Winner {
                option_id: "b".into()
            }
        );
        assert_eq!(result.ballots_counted, 2);
        let b = result.rows.first().unwrap();
        assert_eq!((b.score, b.voters), (3, 2), "two voters gave b three dots");
    }

    #[test]
    fn equal_scores_share_a_rank_and_keep_the_order_on_the_vote() {
        let result = tally(
            &dot_rules(),
            &options(),
            &[dots(&[("c", 1), ("b", 1), ("d", 1)])],
        );
        assert_eq!(
            scores(&result),
            vec![("b", 1, 1), ("c", 1, 1), ("d", 1, 1), ("a", 0, 4)],
            "competition ranking: three firsts, then fourth"
        );
    }

    #[test]
    fn a_vote_without_ballots_has_no_result() {
        let result = tally(&dot_rules(), &options(), &[]);
        assert_eq!(result.outcome, TallyOutcome::NoVotes);
        assert!(result.leaders.is_empty(), "nobody leads an empty vote");
        assert_eq!(result.rows.len(), 4, "every need still gets its line");
    }

    #[test]
    fn ballots_that_break_the_rules_are_not_counted() {
        let result = tally(
            &dot_rules(),
            &options(),
            &[
                dots(&[("a", 4)]),
                dots(&[("x", 1)]),
                ranking(&["a"]),
                dots(&[("b", 1)]),
            ],
        );
        assert_eq!((result.ballots_counted, result.ballots_ignored), (1, 3));
        assert_eq!(
            result.outcome,
            TallyOutcome::Winner {
                option_id: "b".into()
            }
        );
    }

    #[test]
    fn borda_gives_n_minus_one_points_to_the_first_choice() {
        let result = tally(
            &rules(VoteMethod::Borda),
            &options(),
            &[
                ranking(&["a", "b", "c", "d"]),
                ranking(&["b", "a", "d", "c"]),
            ],
        );
        assert_eq!(
            scores(&result),
            vec![("a", 5, 1), ("b", 5, 1), ("c", 1, 3), ("d", 1, 3)],
            "a: 3+2, b: 2+3, c: 1+0, d: 0+1"
        );
    }

    #[test]
    fn a_partial_ranking_gives_unranked_needs_nothing() {
        let result = tally(
            &rules(VoteMethod::Borda),
            &options(),
            &[ranking(&["c", "a"])],
        );
        assert_eq!(
            scores(&result),
            vec![("c", 3, 1), ("a", 2, 2), ("b", 0, 3), ("d", 0, 3)]
        );
        let voters: Vec<u32> = result.rows.iter().map(|row| row.voters).collect();
        assert_eq!(voters, vec![1, 1, 0, 0], "only ranked needs count a voter");
    }

    #[test]
    fn hundred_points_are_added_up() {
        let ballot = |given: &[(&str, u32)]| BallotInput::Points {
            allocations: lines(given),
        };
        let result = tally(
            &rules(VoteMethod::points()),
            &options(),
            &[ballot(&[("a", 70), ("d", 30)]), ballot(&[("d", 100)])],
        );
        assert_eq!(
            result.outcome,
            TallyOutcome::Winner {
                option_id: "d".into()
            }
        );
        assert_eq!(result.rows.first().map(|row| row.score), Some(130));
    }

    #[test]
    fn an_option_listed_twice_is_counted_once() {
        let doubled = ["a", "a", "b"].map(String::from).to_vec();
        let result = tally(&rules(VoteMethod::Borda), &doubled, &[ranking(&["b", "a"])]);
        assert_eq!(
            scores(&result),
            vec![("b", 1, 1), ("a", 0, 2)],
            "two options, not three"
        );
    }

    #[test]
    fn tallies_serialize_outcomes_as_tagged_unions() {
        let result = tally(&dot_rules(), &options(), &[dots(&[("a", 1)])]);
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(
            json["outcome"],
            serde_json::json!({"kind": "winner", "optionId": "a"})
        );
        assert_eq!(json["ballotsCounted"], 1);
    }
}
