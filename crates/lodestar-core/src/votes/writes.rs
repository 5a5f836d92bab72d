//! The facts a vote step reads and the writes it asks for: plain data, so the rules stay
//! pure and the store only loads and persists.

use std::collections::BTreeMap;

use super::{BallotInput, ResolvedBy, VoteRules, VoteStatus, VoteSubject};

/// What the rules need to know about one stored vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteFacts {
    pub id: String,
    pub subject: VoteSubject,
    /// 1 for the first vote, 2 for its run-off, and so on.
    pub round: i32,
    pub runoff_of: Option<String>,
    pub rules: VoteRules,
    pub options: Vec<String>,
    pub status: VoteStatus,
}

/// A vote to insert (the store gives it its id): a first round or a run-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVote {
    pub subject: VoteSubject,
    pub round: i32,
    pub runoff_of: Option<String>,
    pub rules: VoteRules,
    pub options: Vec<String>,
}

/// The subject's one decision, written (or replaced) by a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionWrite {
    pub vote_id: String,
    pub option_id: String,
    pub via: ResolvedBy,
    /// Need id → revision, so a later edit of a need on the ballot shows as stale.
    pub revisions: BTreeMap<String, i32>,
}

/// One write a vote step asks for, in the order it must be made.
#[derive(Debug, Clone, PartialEq)]
pub enum VoteWrite {
    Open(NewVote),
    /// Records a person's ballot, replacing theirs in the same vote.
    Ballot {
        vote_id: String,
        voter_id: String,
        proxy: bool,
        ballot: BallotInput,
    },
    SetStatus {
        vote_id: String,
        status: VoteStatus,
    },
    Decide(DecisionWrite),
    /// The subject's decision keeps its choice but remembers these revisions.
    RememberRevisions(BTreeMap<String, i32>),
    /// The subject's decision goes.
    DeleteDecision,
    DeleteBallot(String),
    DeleteVote(String),
}
