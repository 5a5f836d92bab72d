//! Votes: among the agreed needs (step 4) or the candidate metrics on the canvas (step 5).
//! The rules of each step live in the core (`lodestar_core::votes`); this module loads the
//! facts they need, asks them, and writes what they decide as one undo step.

use std::collections::BTreeMap;

use lodestar_core::canvas::metric_candidates;
use lodestar_core::records::{Vote, VoterMark};
use lodestar_core::votes::{
    cast_ballot, close_vote, confirm_focus, decide_tie, discard_vote, open_vote,
    remembered_revisions, reveal_vote, start_runoff, BallotInput, BallotRef, VoteRules,
    VoteSubject,
};
use rusqlite::params;

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::enum_text;
use crate::vote_rows::{
    ballots_of, decision_id, list_votes, need_revisions, read_vote_rows, remembered_focus,
    shown_vote, VoteRow,
};

impl Store {
    /// Every vote of the workshop, oldest first, showing only what its rules allow.
    pub fn votes(&self, workshop_id: &str) -> Result<Vec<Vote>> {
        list_votes(&self.conn, workshop_id)
    }

    /// Opens a vote among agreed needs (focus need) or among stickies and KPIs on the canvas
    /// (North Star). Only one vote per subject can be under way at a time.
    /// The ballot `voter_id` cast on `vote_id`, if any: for that voter's own device only.
    pub fn ballot_of(&self, vote_id: &str, voter_id: &str) -> Result<Option<BallotInput>> {
        crate::vote_rows::ballot_of(&self.conn, vote_id, voter_id)
    }

    pub fn create_vote(
        &mut self,
        workshop_id: &str,
        subject: VoteSubject,
        rules: &VoteRules,
        option_ids: &[String],
        now: i64,
    ) -> Result<Vote> {
        let allowed = self.votable_options(workshop_id, subject)?;
        let under_way = self.vote_under_way(workshop_id, subject)?;
        let write = open_vote(subject, rules, option_ids, &allowed, under_way)?;
        let opened = self.write_votes(workshop_id, subject, "open the vote", now, &[write])?;
        self.vote(&opened_id(opened)?)
    }

    /// Records one person's ballot (replacing theirs if they vote again while it is open).
    pub fn cast_ballot(
        &mut self,
        vote_id: &str,
        voter_id: &str,
        ballot: &BallotInput,
        proxy: bool,
        now: i64,
    ) -> Result<VoterMark> {
        let row = self.vote_row(vote_id)?;
        let voter = self.owner_of("stakeholders", voter_id).ok();
        let in_workshop = voter.as_deref() == Some(row.workshop_id.as_str());
        let write = cast_ballot(&row.facts, voter_id, in_workshop, ballot, proxy)?;
        let label = if proxy {
            "cast a proxy ballot"
        } else {
            "cast a ballot"
        };
        self.write_votes(&row.workshop_id, row.facts.subject, label, now, &[write])?;
        Ok(VoterMark {
            voter_id: voter_id.to_string(),
            proxy,
        })
    }

    /// Stops the vote taking ballots. Results stay hidden until revealed if the rules say so.
    pub fn close_vote(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let row = self.vote_row(vote_id)?;
        let count = self.ids_where("SELECT id FROM ballots WHERE vote_id = ?1", vote_id)?;
        let write = close_vote(&row.facts, count.len())?;
        let subject = row.facts.subject;
        self.write_votes(&row.workshop_id, subject, "close the vote", now, &[write])?;
        self.vote(vote_id)
    }

    /// Shows the results; a clear winner becomes the workshop's focus need at once.
    pub fn reveal_vote(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let row = self.vote_row(vote_id)?;
        let ballots = ballots_of(&self.conn, vote_id)?;
        let writes = reveal_vote(&row.facts, &ballots, self.remembered(&row)?)?;
        let subject = row.facts.subject;
        self.write_votes(
            &row.workshop_id,
            subject,
            "reveal the results",
            now,
            &writes,
        )?;
        self.vote(vote_id)
    }

    /// Starts a run-off among the options tied for first place, with the same rules.
    pub fn start_runoff(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let row = self.vote_row(vote_id)?;
        let ballots = ballots_of(&self.conn, vote_id)?;
        let subject = row.facts.subject;
        let under_way = self.vote_under_way(&row.workshop_id, subject)?;
        let write = start_runoff(&row.facts, &ballots, under_way)?;
        let opened =
            self.write_votes(&row.workshop_id, subject, "start a run-off", now, &[write])?;
        self.vote(&opened_id(opened)?)
    }

    /// The facilitator settles a tie, as the room decided; recorded as their decision.
    pub fn decide_vote(&mut self, vote_id: &str, option_id: &str, now: i64) -> Result<Vote> {
        let row = self.vote_row(vote_id)?;
        let ballots = ballots_of(&self.conn, vote_id)?;
        let replaced = !self
            .ids_where("SELECT id FROM votes WHERE runoff_of = ?1", vote_id)?
            .is_empty();
        let revisions = self.remembered(&row)?;
        let write = decide_tie(&row.facts, &ballots, replaced, option_id, revisions)?;
        let subject = row.facts.subject;
        self.write_votes(&row.workshop_id, subject, "settle the tie", now, &[write])?;
        self.vote(vote_id)
    }

    /// Throws a vote away with its ballots, its run-offs and any decision it made.
    pub fn discard_vote(&mut self, vote_id: &str, now: i64) -> Result<()> {
        let row = self.vote_row(vote_id)?;
        let workshop_id = row.workshop_id.as_str();
        let runoffs: Vec<(String, String)> =
            read_vote_rows(&self.conn, "workshop_id = ?1", workshop_id)?
                .into_iter()
                .filter_map(|r| r.facts.runoff_of.map(|parent| (r.facts.id, parent)))
                .collect();
        let mut statement = self.conn.prepare(
            "SELECT b.id, b.vote_id FROM ballots b JOIN votes v ON v.id = b.vote_id
             WHERE v.workshop_id = ?1 ORDER BY b.rowid",
        )?;
        let ballots = statement
            .query_map([workshop_id], |r| {
                Ok(BallotRef {
                    id: r.get(0)?,
                    vote_id: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(statement);
        let decided_by = self.ids_where(
            "SELECT vote_id FROM decisions WHERE id = ?1",
            &decision_id(workshop_id, row.facts.subject),
        )?;
        let writes = discard_vote(
            vote_id,
            &runoffs,
            &ballots,
            decided_by.first().map(String::as_str),
        );
        let workshop_id = row.workshop_id.clone();
        self.write_votes(
            &workshop_id,
            row.facts.subject,
            "discard the vote",
            now,
            &writes,
        )?;
        Ok(())
    }

    /// The room keeps its focus need although needs on the ballot changed since the vote:
    /// the decision now remembers the needs as they are.
    pub fn confirm_focus(&mut self, workshop_id: &str, now: i64) -> Result<()> {
        let subject = VoteSubject::FocusNeed;
        let remembered =
            remembered_focus(&self.conn, workshop_id)?.ok_or_else(|| StoreError::NotFound {
                entity: "decision",
                id: decision_id(workshop_id, subject),
            })?;
        let current = need_revisions(&self.needs(workshop_id)?);
        let write = confirm_focus(&remembered, &current);
        self.write_votes(
            workshop_id,
            subject,
            "keep the vote's result",
            now,
            &[write],
        )?;
        Ok(())
    }

    /// The ids a vote on `subject` may choose among right now.
    fn votable_options(&self, workshop_id: &str, subject: VoteSubject) -> Result<Vec<String>> {
        Ok(match subject {
            VoteSubject::FocusNeed => self
                .needs(workshop_id)?
                .into_iter()
                .filter(|n| n.eligible)
                .map(|n| n.id)
                .collect(),
            VoteSubject::NorthStar => metric_candidates(&self.canvas_scene(workshop_id)?.items),
        })
    }

    /// Whether a vote on `subject` is open or closed but not yet revealed.
    fn vote_under_way(&self, workshop_id: &str, subject: VoteSubject) -> Result<bool> {
        let under_way: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM votes WHERE workshop_id = ?1 AND subject = ?2
                AND status != 'revealed'",
            params![workshop_id, enum_text(&subject)?],
            |row| row.get(0),
        )?;
        Ok(under_way > 0)
    }

    /// What a decision by this vote remembers of the needs on its chain's first ballot.
    fn remembered(&self, row: &VoteRow) -> Result<BTreeMap<String, i32>> {
        let mut first = self.vote_row(&row.facts.id)?;
        while let Some(parent) = first.facts.runoff_of.clone() {
            first = self.vote_row(&parent)?;
        }
        let current = need_revisions(&self.needs(&row.workshop_id)?);
        Ok(remembered_revisions(
            row.facts.subject,
            &first.facts.options,
            &current,
        ))
    }

    fn vote_row(&self, id: &str) -> Result<VoteRow> {
        read_vote_rows(&self.conn, "id = ?1", id)?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "vote",
                id: id.to_string(),
            })
    }

    fn vote(&self, id: &str) -> Result<Vote> {
        let row = self.vote_row(id)?;
        shown_vote(&self.conn, row)
    }
}

/// The id of the vote an opening step wrote (the core always opens one when it accepts).
fn opened_id(opened: Option<String>) -> Result<String> {
    opened.ok_or_else(|| StoreError::NotFound {
        entity: "vote",
        id: String::new(),
    })
}
