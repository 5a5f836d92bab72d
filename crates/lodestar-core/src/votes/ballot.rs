//! What one voter hands in, and whether it is a valid ballot under the vote's rules. Refusals
//! name the line of the ballot at fault so the UI can point at it.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{plural, VoteMethod, VoteRules};
use crate::refusal::{Refusal, RefusalCode};

/// Dots or points given to one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    pub option_id: String,
    pub amount: u32,
}

/// One voter's ballot; its shape must match the vote's method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum BallotInput {
    /// Dots per option; lines with 0 dots are allowed and count for nothing.
    Dot { allocations: Vec<Allocation> },
    /// Option ids, most important first. Some options may be left out: they get no points.
    Ranking { order: Vec<String> },
    /// Points per option; they must add up to the budget exactly.
    Points { allocations: Vec<Allocation> },
}

/// Checks a ballot against the rules and the options on the vote. Accepts partial rankings,
/// dot ballots that keep some dots back, and 0-dot lines; refuses a ballot with no vote at all.
pub fn validate_ballot(
    rules: &VoteRules,
    options: &[String],
    ballot: &BallotInput,
) -> Result<(), Refusal> {
    match (&rules.method, ballot) {
        (
            VoteMethod::Dot {
                dots_per_voter,
                max_per_option,
            },
            BallotInput::Dot { allocations },
        ) => validate_dots(options, allocations, *dots_per_voter, *max_per_option),
        (VoteMethod::Borda, BallotInput::Ranking { order }) => validate_ranking(options, order),
        (VoteMethod::Points { budget }, BallotInput::Points { allocations }) => {
            validate_points(options, allocations, *budget)
        }
        (method, _) => Err(Refusal::new(
            RefusalCode::WrongBallot,
            "ballot",
            wrong_shape(method),
        )),
    }
}

fn wrong_shape(method: &VoteMethod) -> String {
    match method {
        VoteMethod::Dot { .. } => "this is a dot vote: the ballot must place dots".to_string(),
        VoteMethod::Borda => "this vote is a ranking: the ballot must rank the needs".to_string(),
        VoteMethod::Points { budget } => {
            format!("this vote shares {budget} points: the ballot must give points")
        }
    }
}

fn not_on_the_vote(id: &str) -> String {
    format!("“{id}” is not one of the needs on this vote")
}

/// Checks each line's option and returns the total given.
fn check_lines(options: &[String], allocations: &[Allocation]) -> Result<u64, Refusal> {
    let mut total = 0u64;
    for (index, line) in allocations.iter().enumerate() {
        let field = format!("ballot.allocations[{index}].optionId");
        if !options.contains(&line.option_id) {
            return Err(Refusal::new(
                RefusalCode::UnknownReference,
                field,
                not_on_the_vote(&line.option_id),
            ));
        }
        let earlier = allocations.iter().take(index);
        if earlier
            .into_iter()
            .any(|other| other.option_id == line.option_id)
        {
            return Err(Refusal::new(
                RefusalCode::Duplicate,
                field,
                format!("“{}” appears twice on this ballot", line.option_id),
            ));
        }
        total += u64::from(line.amount);
    }
    Ok(total)
}

fn validate_dots(
    options: &[String],
    allocations: &[Allocation],
    dots_per_voter: u32,
    max_per_option: u32,
) -> Result<(), Refusal> {
    let total = check_lines(options, allocations)?;
    for (index, line) in allocations.iter().enumerate() {
        if line.amount > max_per_option {
            return Err(Refusal::new(
                RefusalCode::OverBudget,
                format!("ballot.allocations[{index}].amount"),
                format!(
                    "{} on one need exceed the limit of {max_per_option}",
                    plural(u64::from(line.amount), "dot", "dots")
                ),
            ));
        }
    }
    if total == 0 {
        return Err(Refusal::new(
            RefusalCode::EmptyBallot,
            "ballot.allocations",
            "a ballot must place at least one dot",
        ));
    }
    if total > u64::from(dots_per_voter) {
        return Err(Refusal::new(
            RefusalCode::OverBudget,
            "ballot.allocations",
            format!(
                "{} exceed the budget of {dots_per_voter}",
                plural(total, "dot", "dots")
            ),
        ));
    }
    Ok(())
}

fn validate_points(
    options: &[String],
    allocations: &[Allocation],
    budget: u32,
) -> Result<(), Refusal> {
    let total = check_lines(options, allocations)?;
    if total != u64::from(budget) {
        return Err(Refusal::new(
            RefusalCode::BudgetNotSpent,
            "ballot.allocations",
            format!("the points add up to {total}; they must add up to {budget}"),
        ));
    }
    Ok(())
}

fn validate_ranking(options: &[String], order: &[String]) -> Result<(), Refusal> {
    if order.is_empty() {
        return Err(Refusal::new(
            RefusalCode::EmptyBallot,
            "ballot.order",
            "a ranking must place at least one need",
        ));
    }
    for (index, id) in order.iter().enumerate() {
        let field = format!("ballot.order[{index}]");
        if !options.contains(id) {
            return Err(Refusal::new(
                RefusalCode::UnknownReference,
                field,
                not_on_the_vote(id),
            ));
        }
        if order.iter().take(index).any(|other| other == id) {
            return Err(Refusal::new(
                RefusalCode::Duplicate,
                field,
                format!("“{id}” is ranked twice"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<String> {
        ["a", "b", "c", "d"].map(String::from).to_vec()
    }

    fn rules(method: VoteMethod) -> VoteRules {
        VoteRules {
            method,
            anonymous: true,
            hidden_until_revealed: true,
        }
    }

    fn five_dots_three_max() -> VoteRules {
        rules(VoteMethod::Dot {
            dots_per_voter: 5,
            max_per_option: 3,
        })
    }

    fn dots(lines: &[(&str, u32)]) -> BallotInput {
        BallotInput::Dot {
            allocations: allocations(lines),
        }
    }

    fn points(lines: &[(&str, u32)]) -> BallotInput {
        BallotInput::Points {
            allocations: allocations(lines),
        }
    }

    fn allocations(lines: &[(&str, u32)]) -> Vec<Allocation> {
        lines
            .iter()
            .map(|(id, amount)| Allocation {
                option_id: id.to_string(),
                amount: *amount,
            })
            .collect()
    }

    fn ranking(ids: &[&str]) -> BallotInput {
        BallotInput::Ranking {
            order: ids.iter().map(|id| id.to_string()).collect(),
        }
    }

    fn check(rules: &VoteRules, ballot: &BallotInput) -> Result<(), Refusal> {
        validate_ballot(rules, &options(), ballot)
    }

    #[test]
    fn a_dot_ballot_within_the_rules_is_accepted() {
        assert!(check(&five_dots_three_max(), &dots(&[("a", 3), ("b", 2)])).is_ok());
        assert!(
            check(&five_dots_three_max(), &dots(&[("a", 1), ("c", 0)])).is_ok(),
            "a voter may keep dots back, and 0-dot lines count for nothing"
        );
    }

    #[test]
    fn an_over_budget_dot_ballot_is_refused() {
        let err = check(
            &five_dots_three_max(),
            &dots(&[("a", 3), ("b", 2), ("c", 2)]),
        );
        let err = err.unwrap_err();
        assert_eq!(err.field, "ballot.allocations");
        assert_eq!(err.message, "7 dots exceed the budget of 5");
    }

    #[test]
    fn too_many_dots_on_one_need_names_the_line() {
        let err = check(&five_dots_three_max(), &dots(&[("a", 1), ("b", 4)])).unwrap_err();
        assert_eq!(err.field, "ballot.allocations[1].amount");
        assert_eq!(err.message, "4 dots on one need exceed the limit of 3");
    }

    #[test]
    fn an_empty_dot_ballot_is_refused() {
        for ballot in [dots(&[]), dots(&[("a", 0)])] {
            let err = check(&five_dots_three_max(), &ballot).unwrap_err();
            assert_eq!(err.message, "a ballot must place at least one dot");
        }
    }

    #[test]
    fn an_unknown_need_is_refused_with_its_index() {
        let err = check(
            &five_dots_three_max(),
            &dots(&[("a", 1), ("b", 1), ("x", 1)]),
        );
        let err = err.unwrap_err();
        assert_eq!(err.field, "ballot.allocations[2].optionId");
        assert_eq!(err.message, "“x” is not one of the needs on this vote");
    }

    #[test]
    fn a_need_listed_twice_on_a_ballot_is_refused() {
        let err = check(&five_dots_three_max(), &dots(&[("a", 1), ("a", 1)])).unwrap_err();
        assert_eq!(
            err.field, "ballot.allocations[1].optionId",
            "the second line is at fault"
        );
    }

    #[test]
    fn a_ballot_of_the_wrong_shape_is_refused() {
        let err = check(&five_dots_three_max(), &ranking(&["a"])).unwrap_err();
        assert_eq!(err.field, "ballot");
        assert_eq!(
            err.message,
            "this is a dot vote: the ballot must place dots"
        );
        assert!(check(&rules(VoteMethod::Borda), &dots(&[("a", 1)])).is_err());
        assert!(check(&rules(VoteMethod::points()), &dots(&[("a", 100)])).is_err());
    }

    #[test]
    fn points_must_add_up_to_the_budget_exactly() {
        let hundred = rules(VoteMethod::points());
        assert!(check(&hundred, &points(&[("a", 60), ("b", 40)])).is_ok());
        let short = check(&hundred, &points(&[("a", 60), ("b", 30)])).unwrap_err();
        assert_eq!(
            short.message,
            "the points add up to 90; they must add up to 100"
        );
        assert!(
            check(&hundred, &points(&[("a", 70), ("b", 40)])).is_err(),
            "110 is as wrong as 90"
        );
    }

    #[test]
    fn a_partial_ranking_is_accepted() {
        let borda = rules(VoteMethod::Borda);
        assert!(
            check(&borda, &ranking(&["c", "a"])).is_ok(),
            "unranked needs get 0 points"
        );
        assert!(check(&borda, &ranking(&["d", "c", "b", "a"])).is_ok());
    }

    #[test]
    fn a_ranking_must_rank_something_once() {
        let borda = rules(VoteMethod::Borda);
        let empty = check(&borda, &ranking(&[])).unwrap_err();
        assert_eq!(empty.message, "a ranking must place at least one need");
        let twice = check(&borda, &ranking(&["a", "b", "a"])).unwrap_err();
        assert_eq!(twice.field, "ballot.order[2]");
        assert_eq!(twice.message, "“a” is ranked twice");
        let unknown = check(&borda, &ranking(&["z"])).unwrap_err();
        assert_eq!(unknown.field, "ballot.order[0]");
    }

    #[test]
    fn ballots_serialize_as_a_tagged_union_for_typescript() {
        let json = serde_json::to_value(dots(&[("a", 2)])).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "dot", "allocations": [{"optionId": "a", "amount": 2}]})
        );
    }
}
