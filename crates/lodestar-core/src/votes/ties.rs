//! A revealed vote that tied: the room holds a run-off among the tied options, or the
//! facilitator settles it among them, as the room decided. A tie is never settled silently.

use std::collections::BTreeMap;

use super::lifecycle::refuse_if_under_way;
use super::{tally, BallotInput, DecisionWrite, NewVote, ResolvedBy, TallyOutcome};
use super::{VoteFacts, VoteStatus, VoteWrite};
use crate::refusal::{Refusal, RefusalCode};

/// The options tied for first place in a revealed vote.
pub fn tied_options(vote: &VoteFacts, ballots: &[BallotInput]) -> Result<Vec<String>, Refusal> {
    if vote.status != VoteStatus::Revealed {
        return Err(Refusal::new(
            RefusalCode::VoteNotRevealed,
            "vote",
            "reveal the results first",
        ));
    }
    match tally(&vote.rules, &vote.options, ballots).outcome {
        TallyOutcome::Tie { option_ids } => Ok(option_ids),
        _ => Err(Refusal::new(
            RefusalCode::VoteNotTied,
            "vote",
            "this vote is not tied",
        )),
    }
}

/// A run-off: the next round among the tied options, with the same rules.
pub fn start_runoff(
    vote: &VoteFacts,
    ballots: &[BallotInput],
    under_way: bool,
) -> Result<VoteWrite, Refusal> {
    let tied = tied_options(vote, ballots)?;
    refuse_if_under_way(under_way)?;
    Ok(VoteWrite::Open(NewVote {
        subject: vote.subject,
        round: vote.round + 1,
        runoff_of: Some(vote.id.clone()),
        rules: vote.rules.clone(),
        options: tied,
    }))
}

/// The facilitator's pick among the tied options of the latest round.
pub fn decide_tie(
    vote: &VoteFacts,
    ballots: &[BallotInput],
    replaced_by_runoff: bool,
    option_id: &str,
    revisions: BTreeMap<String, i32>,
) -> Result<VoteWrite, Refusal> {
    let tied = tied_options(vote, ballots)?;
    if replaced_by_runoff {
        return Err(Refusal::new(
            RefusalCode::RunoffReplaced,
            "vote",
            "a run-off already replaced this round: decide the latest one",
        ));
    }
    if !tied.iter().any(|o| o == option_id) {
        return Err(Refusal::new(
            RefusalCode::NotAmongTied,
            "optionId",
            format!(
                "the facilitator can only choose among the tied {}s",
                vote.subject.option_noun()
            ),
        ));
    }
    Ok(VoteWrite::Decide(DecisionWrite {
        vote_id: vote.id.clone(),
        option_id: option_id.to_string(),
        via: ResolvedBy::FacilitatorDecision,
        revisions,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::lifecycle::tests::{dot_vote, dots, ids};
    use super::*;
    use crate::votes::VoteSubject;

    fn tied_ballots() -> Vec<BallotInput> {
        vec![dots(&[("n1", 2), ("n3", 1)]), dots(&[("n2", 2)])]
    }

    #[test]
    fn a_tied_dot_vote_goes_to_a_runoff_among_the_tied_needs() {
        let write = start_runoff(&dot_vote(VoteStatus::Revealed), &tied_ballots(), false);
        let VoteWrite::Open(runoff) = write.unwrap() else {
            panic!("expected a run-off");
        };
        assert_eq!(runoff.options, ids(&["n1", "n2"]));
        assert_eq!((runoff.round, runoff.runoff_of.as_deref()), (2, Some("v1")));
        assert_eq!(runoff.rules, dot_vote(VoteStatus::Open).rules);
    }

    #[test]
    fn there_is_no_runoff_before_the_reveal_or_without_a_tie() {
        let hidden = start_runoff(&dot_vote(VoteStatus::Closed), &tied_ballots(), false);
        assert_eq!(hidden.unwrap_err().code, RefusalCode::VoteNotRevealed);
        let clear = [dots(&[("n1", 3)])];
        let refused = start_runoff(&dot_vote(VoteStatus::Revealed), &clear, false).unwrap_err();
        assert_eq!(
            (refused.code, refused.message.as_str()),
            (RefusalCode::VoteNotTied, "this vote is not tied")
        );
    }

    #[test]
    fn a_runoff_waits_for_the_vote_under_way() {
        let refused = start_runoff(&dot_vote(VoteStatus::Revealed), &tied_ballots(), true);
        assert_eq!(refused.unwrap_err().code, RefusalCode::VoteUnderWay);
    }

    #[test]
    fn the_facilitator_settles_a_tie_among_the_tied_needs() {
        let remembered = BTreeMap::from([("n2".to_string(), 1)]);
        let write = decide_tie(
            &dot_vote(VoteStatus::Revealed),
            &tied_ballots(),
            false,
            "n2",
            remembered.clone(),
        )
        .unwrap();
        assert_eq!(
            write,
            VoteWrite::Decide(DecisionWrite {
                vote_id: "v1".into(),
                option_id: "n2".into(),
                via: ResolvedBy::FacilitatorDecision,
                revisions: remembered,
            })
        );
    }

    #[test]
    fn the_facilitator_cannot_pick_a_need_that_did_not_tie() {
        let refused = decide_tie(
            &dot_vote(VoteStatus::Revealed),
            &tied_ballots(),
            false,
            "n3",
            BTreeMap::new(),
        )
        .unwrap_err();
        assert_eq!(refused.code, RefusalCode::NotAmongTied);
        assert_eq!(
            refused.message,
            "the facilitator can only choose among the tied needs"
        );
        let metric = VoteFacts {
            subject: VoteSubject::NorthStar,
            ..dot_vote(VoteStatus::Revealed)
        };
        let refused = decide_tie(&metric, &tied_ballots(), false, "n3", BTreeMap::new());
        assert!(refused
            .unwrap_err()
            .message
            .ends_with("tied candidate metrics"));
    }

    #[test]
    fn a_round_replaced_by_a_runoff_is_not_decided() {
        let refused = decide_tie(
            &dot_vote(VoteStatus::Revealed),
            &tied_ballots(),
            true,
            "n1",
            BTreeMap::new(),
        )
        .unwrap_err();
        assert_eq!(refused.code, RefusalCode::RunoffReplaced);
    }
}
