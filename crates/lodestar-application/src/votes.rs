//! The votes: the focus need (step 4) and the North Star candidates (step 5). Open, cast (in
//! person, by proxy, or later from a phone), close, reveal, run-off, decide, discard.

use lodestar_core::records::{Vote, VoterMark};
use lodestar_core::votes::{BallotInput, VoteRules, VoteSubject};

use crate::lodestar::{Change, Lodestar};
use crate::Outcome;

impl Lodestar {
    pub fn create_vote(
        &self,
        workshop_id: &str,
        subject: VoteSubject,
        rules: &VoteRules,
        options: &[String],
    ) -> Outcome<Vote> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.create_vote(workshop_id, subject, rules, options, now)
        })
    }

    /// One person's ballot; casting again while the vote is open replaces it. `proxy` marks
    /// a ballot the facilitator entered for someone.
    pub fn cast_ballot(
        &self,
        workshop_id: &str,
        vote_id: &str,
        voter_id: &str,
        ballot: &BallotInput,
        proxy: bool,
    ) -> Outcome<VoterMark> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.cast_ballot(vote_id, voter_id, ballot, proxy, now)
        })
    }

    pub fn close_vote(&self, workshop_id: &str, vote_id: &str) -> Outcome<Vote> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.close_vote(vote_id, now)
        })
    }

    pub fn reveal_vote(&self, workshop_id: &str, vote_id: &str) -> Outcome<Vote> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.reveal_vote(vote_id, now)
        })
    }

    pub fn start_runoff(&self, workshop_id: &str, vote_id: &str) -> Outcome<Vote> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.start_runoff(vote_id, now)
        })
    }

    pub fn decide_vote(&self, workshop_id: &str, vote_id: &str, option_id: &str) -> Outcome<Vote> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.decide_vote(vote_id, option_id, now)
        })
    }

    pub fn discard_vote(&self, workshop_id: &str, vote_id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.discard_vote(vote_id, now)
        })
    }

    /// The room keeps its focus need although a need on the ballot changed after the vote.
    pub fn confirm_focus(&self, workshop_id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.confirm_focus(workshop_id, now)
        })
    }
}
