//! After a vote: what its decision remembers of the needs on the ballot, when that memory is
//! stale, keeping the result anyway, and throwing a vote away with all that came of it.

use std::collections::BTreeMap;

use super::{VoteSubject, VoteWrite};

/// A ballot as the discard rule sees it: its id and its vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotRef {
    pub id: String,
    pub vote_id: String,
}

/// What a decision remembers: the revision of every need on the first round's ballot, as
/// they are now (`current`: need id → revision). Stickies have no revisions, so a metric
/// vote remembers nothing.
pub fn remembered_revisions(
    subject: VoteSubject,
    first_round_options: &[String],
    current: &BTreeMap<String, i32>,
) -> BTreeMap<String, i32> {
    if subject != VoteSubject::FocusNeed {
        return BTreeMap::new();
    }
    first_round_options
        .iter()
        .filter_map(|id| current.get(id).map(|revision| (id.clone(), *revision)))
        .collect()
}

/// The needs on the ballot that were edited or removed since the decision: while any are,
/// the focus need is stale.
pub fn changed_needs(
    remembered: &BTreeMap<String, i32>,
    current: &BTreeMap<String, i32>,
) -> Vec<String> {
    remembered
        .iter()
        .filter(|(id, revision)| current.get(*id) != Some(*revision))
        .map(|(id, _)| id.clone())
        .collect()
}

/// The room keeps its focus need although needs changed: the decision remembers the needs
/// still there as they are now (a removed one is forgotten).
pub fn confirm_focus(
    remembered: &BTreeMap<String, i32>,
    current: &BTreeMap<String, i32>,
) -> VoteWrite {
    VoteWrite::RememberRevisions(remembered_revisions(
        VoteSubject::FocusNeed,
        &remembered.keys().cloned().collect::<Vec<_>>(),
        current,
    ))
}

/// Discarding a vote takes its run-offs (at any depth), their ballots and a decision any of
/// them made. `runoffs` are the workshop's (vote id, vote it is a run-off of) pairs.
/// Run-offs are deleted before the votes they replaced, so a row never outlives its parent.
pub fn discard_vote(
    vote_id: &str,
    runoffs: &[(String, String)],
    ballots: &[BallotRef],
    decided_by: Option<&str>,
) -> Vec<VoteWrite> {
    let mut chain = vec![vote_id.to_string()];
    let mut index = 0;
    while index < chain.len() {
        for (child, parent) in runoffs {
            if parent == &chain[index] && !chain.contains(child) {
                chain.push(child.clone());
            }
        }
        index += 1;
    }
    let mut writes = Vec::new();
    if decided_by.is_some_and(|v| chain.iter().any(|c| c == v)) {
        writes.push(VoteWrite::DeleteDecision);
    }
    for id in &chain {
        writes.extend(
            ballots
                .iter()
                .filter(|b| &b.vote_id == id)
                .map(|b| VoteWrite::DeleteBallot(b.id.clone())),
        );
    }
    writes.extend(chain.into_iter().rev().map(VoteWrite::DeleteVote));
    writes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revisions(given: &[(&str, i32)]) -> BTreeMap<String, i32> {
        given.iter().map(|(id, r)| (id.to_string(), *r)).collect()
    }

    fn ids(given: &[&str]) -> Vec<String> {
        given.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_focus_decision_remembers_the_first_ballots_needs_as_they_are() {
        let now = revisions(&[("n1", 3), ("n2", 1), ("n4", 7)]);
        assert_eq!(
            remembered_revisions(VoteSubject::FocusNeed, &ids(&["n1", "n2", "gone"]), &now),
            revisions(&[("n1", 3), ("n2", 1)])
        );
        assert!(
            remembered_revisions(VoteSubject::NorthStar, &ids(&["n1"]), &now).is_empty(),
            "stickies have no revisions"
        );
    }

    #[test]
    fn editing_or_removing_a_need_on_the_ballot_makes_the_focus_stale() {
        let remembered = revisions(&[("n1", 1), ("n2", 1), ("n3", 1)]);
        let now = revisions(&[("n1", 1), ("n2", 2)]);
        assert_eq!(changed_needs(&remembered, &now), ids(&["n2", "n3"]));
        assert!(changed_needs(&remembered, &remembered).is_empty());
    }

    #[test]
    fn keeping_the_result_remembers_the_needs_still_there() {
        let remembered = revisions(&[("n1", 1), ("n2", 1), ("n3", 1)]);
        let now = revisions(&[("n1", 1), ("n2", 2), ("n9", 1)]);
        assert_eq!(
            confirm_focus(&remembered, &now),
            VoteWrite::RememberRevisions(revisions(&[("n1", 1), ("n2", 2)]))
        );
    }

    #[test]
    fn discarding_a_vote_takes_its_runoffs_ballots_and_decision() {
        let runoffs = [
            ("v2".to_string(), "v1".to_string()),
            ("v3".to_string(), "v2".to_string()),
            ("other".to_string(), "v0".to_string()),
        ];
        let ballot = |id: &str, vote: &str| BallotRef {
            id: id.into(),
            vote_id: vote.into(),
        };
        let ballots = [
            ballot("b1", "v1"),
            ballot("b3", "v3"),
            ballot("bx", "other"),
        ];
        assert_eq!(
            discard_vote("v1", &runoffs, &ballots, Some("v3")),
            [
                VoteWrite::DeleteDecision,
                VoteWrite::DeleteBallot("b1".into()),
                VoteWrite::DeleteBallot("b3".into()),
                VoteWrite::DeleteVote("v3".into()),
                VoteWrite::DeleteVote("v2".into()),
                VoteWrite::DeleteVote("v1".into()),
            ]
        );
    }

    #[test]
    fn discarding_a_vote_keeps_a_decision_another_vote_made() {
        let writes = discard_vote("v1", &[], &[], Some("v0"));
        assert_eq!(writes, [VoteWrite::DeleteVote("v1".into())]);
    }
}
