//! The life of a vote: opened among options, ballots cast, closed, revealed. Each step is a
//! pure function over the vote's facts that refuses or says what to write ([`VoteWrite`]);
//! the store only loads the facts and persists the writes in one recorded action.

use std::collections::BTreeMap;

use super::writes::{DecisionWrite, NewVote, VoteFacts, VoteWrite};
use super::{tally, validate_ballot, BallotInput, ResolvedBy, TallyOutcome, VoteRules};
use super::{VoteStatus, VoteSubject};
use crate::refusal::{Refusal, RefusalCode};

/// Opening a vote: every option must be allowed (agreed needs, or cards on the canvas),
/// repeats count once, at least two remain, and no other vote on the subject is under way.
pub fn open_vote(
    subject: VoteSubject,
    rules: &VoteRules,
    requested: &[String],
    allowed: &[String],
    under_way: bool,
) -> Result<VoteWrite, Refusal> {
    let rules = rules.validate()?;
    let mut options: Vec<String> = Vec::new();
    for (index, id) in requested.iter().enumerate() {
        if !allowed.contains(id) {
            let what = match subject {
                VoteSubject::FocusNeed => "is not an agreed SMART need of this workshop",
                VoteSubject::NorthStar => {
                    "is not a sticky or KPI with words on this workshop's canvas"
                }
            };
            return Err(Refusal::new(
                RefusalCode::UnknownReference,
                format!("options[{index}]"),
                what,
            ));
        }
        if !options.contains(id) {
            options.push(id.clone());
        }
    }
    if options.len() < 2 {
        let what = match subject {
            VoteSubject::FocusNeed => "a vote needs at least two agreed needs to choose from",
            VoteSubject::NorthStar => "a vote needs at least two candidate metrics to choose from",
        };
        return Err(Refusal::new(RefusalCode::TooFewOptions, "options", what));
    }
    refuse_if_under_way(under_way)?;
    Ok(VoteWrite::Open(NewVote {
        subject,
        round: 1,
        runoff_of: None,
        rules,
        options,
    }))
}

/// One vote per subject at a time: the last must be revealed or discarded first.
pub(super) fn refuse_if_under_way(under_way: bool) -> Result<(), Refusal> {
    if under_way {
        return Err(Refusal::new(
            RefusalCode::VoteUnderWay,
            "vote",
            "a vote is already under way: reveal its results or discard it first",
        ));
    }
    Ok(())
}

/// Casting a ballot: only while the vote is open, only by a person of the workshop, and only
/// a ballot the vote's rules accept.
pub fn cast_ballot(
    vote: &VoteFacts,
    voter_id: &str,
    voter_in_workshop: bool,
    ballot: &BallotInput,
    proxy: bool,
) -> Result<VoteWrite, Refusal> {
    if vote.status != VoteStatus::Open {
        return Err(Refusal::new(
            RefusalCode::VoteClosed,
            "vote",
            "this vote is closed: ballots can no longer be cast",
        ));
    }
    if !voter_in_workshop {
        return Err(Refusal::new(
            RefusalCode::NotAVoter,
            "voterId",
            "is not a stakeholder of this workshop",
        ));
    }
    validate_ballot(&vote.rules, &vote.options, ballot)?;
    Ok(VoteWrite::Ballot {
        vote_id: vote.id.clone(),
        voter_id: voter_id.to_string(),
        proxy,
        ballot: ballot.clone(),
    })
}

/// Closing a vote: once, and only after someone voted.
pub fn close_vote(vote: &VoteFacts, ballot_count: usize) -> Result<VoteWrite, Refusal> {
    if vote.status != VoteStatus::Open {
        return Err(Refusal::new(
            RefusalCode::VoteClosed,
            "vote",
            "this vote is already closed",
        ));
    }
    if ballot_count == 0 {
        return Err(Refusal::new(
            RefusalCode::NoBallots,
            "vote",
            "no ballot has been cast yet",
        ));
    }
    Ok(VoteWrite::SetStatus {
        vote_id: vote.id.clone(),
        status: VoteStatus::Closed,
    })
}

/// Revealing a closed vote; a clear winner is decided at once (by a run-off if this is one).
/// `revisions` are what the decision remembers (see [`super::remembered_revisions`]).
pub fn reveal_vote(
    vote: &VoteFacts,
    ballots: &[BallotInput],
    revisions: BTreeMap<String, i32>,
) -> Result<Vec<VoteWrite>, Refusal> {
    if vote.status != VoteStatus::Closed {
        return Err(Refusal::new(
            RefusalCode::VoteStillOpen,
            "vote",
            "close the vote before revealing its results",
        ));
    }
    let mut writes = vec![VoteWrite::SetStatus {
        vote_id: vote.id.clone(),
        status: VoteStatus::Revealed,
    }];
    if let TallyOutcome::Winner { option_id } = tally(&vote.rules, &vote.options, ballots).outcome {
        let via = if vote.round > 1 {
            ResolvedBy::Runoff
        } else {
            ResolvedBy::Vote
        };
        writes.push(VoteWrite::Decide(DecisionWrite {
            vote_id: vote.id.clone(),
            option_id,
            via,
            revisions,
        }));
    }
    Ok(writes)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::votes::{Allocation, VoteMethod};

    pub(crate) fn ids(given: &[&str]) -> Vec<String> {
        given.iter().map(|s| s.to_string()).collect()
    }

    pub(crate) fn dot_vote(status: VoteStatus) -> VoteFacts {
        VoteFacts {
            id: "v1".into(),
            subject: VoteSubject::FocusNeed,
            round: 1,
            runoff_of: None,
            rules: VoteRules {
                method: VoteMethod::Dot {
                    dots_per_voter: 3,
                    max_per_option: 3,
                },
                anonymous: true,
                hidden_until_revealed: true,
            },
            options: ids(&["n1", "n2", "n3"]),
            status,
        }
    }

    pub(crate) fn dots(given: &[(&str, u32)]) -> BallotInput {
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

    fn refusal<T: std::fmt::Debug>(result: Result<T, Refusal>) -> (RefusalCode, String) {
        let refusal = result.unwrap_err();
        (refusal.code, refusal.message)
    }

    #[test]
    fn a_vote_opens_among_the_agreed_needs_counting_a_repeat_once() {
        let rules = dot_vote(VoteStatus::Open).rules;
        let write = open_vote(
            VoteSubject::FocusNeed,
            &rules,
            &ids(&["n1", "n2", "n1"]),
            &ids(&["n1", "n2", "n3"]),
            false,
        )
        .unwrap();
        let VoteWrite::Open(vote) = write else {
            panic!("expected a new vote, got {write:?}");
        };
        assert_eq!((vote.round, vote.runoff_of), (1, None));
        assert_eq!(vote.options, ids(&["n1", "n2"]));
    }

    #[test]
    fn a_need_the_room_has_not_agreed_cannot_be_on_the_ballot() {
        let rules = dot_vote(VoteStatus::Open).rules;
        let refused = open_vote(
            VoteSubject::FocusNeed,
            &rules,
            &ids(&["n1", "n9"]),
            &ids(&["n1", "n2"]),
            false,
        )
        .unwrap_err();
        assert_eq!(refused.code, RefusalCode::UnknownReference);
        assert_eq!(refused.field, "options[1]");
        assert_eq!(
            refused.message,
            "is not an agreed SMART need of this workshop"
        );
    }

    #[test]
    fn a_metric_vote_needs_two_candidates() {
        let rules = dot_vote(VoteStatus::Open).rules;
        let result = open_vote(
            VoteSubject::NorthStar,
            &rules,
            &ids(&["s1", "s1"]),
            &ids(&["s1"]),
            false,
        );
        assert_eq!(
            refusal(result),
            (
                RefusalCode::TooFewOptions,
                "a vote needs at least two candidate metrics to choose from".into()
            )
        );
    }

    #[test]
    fn a_second_vote_cannot_open_while_one_is_under_way() {
        let rules = dot_vote(VoteStatus::Open).rules;
        let result = open_vote(
            VoteSubject::FocusNeed,
            &rules,
            &ids(&["n1", "n2"]),
            &ids(&["n1", "n2"]),
            true,
        );
        assert_eq!(refusal(result).0, RefusalCode::VoteUnderWay);
    }

    #[test]
    fn a_person_of_the_room_casts_a_ballot_while_the_vote_is_open() {
        let ballot = dots(&[("n1", 2), ("n2", 1)]);
        let write = cast_ballot(&dot_vote(VoteStatus::Open), "p1", true, &ballot, true).unwrap();
        assert_eq!(
            write,
            VoteWrite::Ballot {
                vote_id: "v1".into(),
                voter_id: "p1".into(),
                proxy: true,
                ballot,
            }
        );
    }

    #[test]
    fn no_ballot_is_taken_once_the_vote_is_closed_or_from_a_stranger() {
        let ballot = dots(&[("n1", 1)]);
        let closed = cast_ballot(&dot_vote(VoteStatus::Closed), "p1", true, &ballot, false);
        assert_eq!(
            refusal(closed),
            (
                RefusalCode::VoteClosed,
                "this vote is closed: ballots can no longer be cast".into()
            )
        );
        let stranger = cast_ballot(&dot_vote(VoteStatus::Open), "x", false, &ballot, false);
        assert_eq!(refusal(stranger).0, RefusalCode::NotAVoter);
    }

    #[test]
    fn a_ballot_with_too_many_dots_is_refused() {
        let ballot = dots(&[("n1", 3), ("n2", 1)]);
        assert!(cast_ballot(&dot_vote(VoteStatus::Open), "p1", true, &ballot, false).is_err());
    }

    #[test]
    fn closing_a_vote_with_no_ballots_is_refused() {
        let result = close_vote(&dot_vote(VoteStatus::Open), 0);
        assert_eq!(
            refusal(result),
            (RefusalCode::NoBallots, "no ballot has been cast yet".into())
        );
        assert_eq!(
            close_vote(&dot_vote(VoteStatus::Open), 1).unwrap(),
            VoteWrite::SetStatus {
                vote_id: "v1".into(),
                status: VoteStatus::Closed
            }
        );
        let again = close_vote(&dot_vote(VoteStatus::Closed), 1);
        assert_eq!(
            refusal(again),
            (
                RefusalCode::VoteClosed,
                "this vote is already closed".into()
            )
        );
    }

    #[test]
    fn results_are_revealed_only_after_the_vote_is_closed() {
        let result = reveal_vote(&dot_vote(VoteStatus::Open), &[], BTreeMap::new());
        assert_eq!(refusal(result).0, RefusalCode::VoteStillOpen);
    }

    #[test]
    fn a_clear_winner_becomes_the_decision_when_revealed() {
        let remembered = BTreeMap::from([("n1".to_string(), 2)]);
        let writes = reveal_vote(
            &dot_vote(VoteStatus::Closed),
            &[dots(&[("n1", 3)]), dots(&[("n2", 2)])],
            remembered.clone(),
        )
        .unwrap();
        assert_eq!(
            writes,
            [
                VoteWrite::SetStatus {
                    vote_id: "v1".into(),
                    status: VoteStatus::Revealed
                },
                VoteWrite::Decide(DecisionWrite {
                    vote_id: "v1".into(),
                    option_id: "n1".into(),
                    via: ResolvedBy::Vote,
                    revisions: remembered,
                })
            ]
        );
    }

    #[test]
    fn a_winner_of_a_runoff_is_decided_by_the_runoff() {
        let runoff = VoteFacts {
            round: 2,
            runoff_of: Some("v0".into()),
            ..dot_vote(VoteStatus::Closed)
        };
        let writes = reveal_vote(&runoff, &[dots(&[("n2", 1)])], BTreeMap::new()).unwrap();
        assert!(matches!(
            &writes[1],
            VoteWrite::Decide(DecisionWrite { via: ResolvedBy::Runoff, option_id, .. })
                if option_id == "n2"
        ));
    }

    #[test]
    fn a_tied_vote_is_revealed_without_a_decision() {
        let writes = reveal_vote(
            &dot_vote(VoteStatus::Closed),
            &[dots(&[("n1", 2)]), dots(&[("n2", 2)])],
            BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(writes.len(), 1, "{writes:?}");
    }
}
