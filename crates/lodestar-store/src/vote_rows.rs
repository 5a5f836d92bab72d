//! Reading votes, ballots and decisions, and showing a vote with only what its rules allow.

use std::collections::BTreeMap;

use lodestar_core::records::{
    BallotRecord, FocusDecision, MetricChoice, Need, Vote, VoteStatus, VoterMark,
};
use lodestar_core::votes::{changed_needs, tally, BallotInput, ResolvedBy, VoteFacts, VoteSubject};
use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::json::{enum_column, from_column};

/// A vote as stored: its facts for the rules, and the workshop it belongs to.
pub(crate) struct VoteRow {
    pub workshop_id: String,
    pub facts: VoteFacts,
}

/// The one decision of a workshop on a subject.
pub(crate) fn decision_id(workshop_id: &str, subject: VoteSubject) -> String {
    let subject = match subject {
        VoteSubject::FocusNeed => "focus_need",
        VoteSubject::NorthStar => "north_star",
    };
    format!("{workshop_id}:{subject}")
}

/// Need id → revision of the workshop's needs as they are now.
pub(crate) fn need_revisions(needs: &[Need]) -> BTreeMap<String, i32> {
    needs.iter().map(|n| (n.id.clone(), n.revision)).collect()
}

pub(crate) fn read_vote_rows(conn: &Connection, filter: &str, param: &str) -> Result<Vec<VoteRow>> {
    let sql = format!(
        "SELECT id, round, runoff_of, rules, options, status, subject, workshop_id FROM votes
         WHERE {filter} ORDER BY created_at, round, id"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([param], |row| {
        Ok(VoteRow {
            facts: VoteFacts {
                id: row.get(0)?,
                round: row.get(1)?,
                runoff_of: row.get(2)?,
                rules: from_column(row, 3)?,
                options: from_column(row, 4)?,
                status: enum_column(row, 5)?,
                subject: enum_column(row, 6)?,
            },
            workshop_id: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn ballot_records(conn: &Connection, vote_id: &str) -> Result<Vec<BallotRecord>> {
    let mut statement = conn.prepare(
        "SELECT voter_id, proxy, ballot FROM ballots WHERE vote_id = ?1 ORDER BY cast_at, id",
    )?;
    let rows = statement.query_map([vote_id], |row| {
        Ok(BallotRecord {
            voter_id: row.get(0)?,
            proxy: row.get(1)?,
            ballot: from_column(row, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn ballots_of(conn: &Connection, vote_id: &str) -> Result<Vec<BallotInput>> {
    Ok(ballot_records(conn, vote_id)?
        .into_iter()
        .map(|b| b.ballot)
        .collect())
}

pub(crate) fn ballot_of(
    conn: &Connection,
    vote_id: &str,
    voter_id: &str,
) -> Result<Option<BallotInput>> {
    let mut statement = conn.prepare(
        "SELECT ballot FROM ballots WHERE vote_id = ?1 AND voter_id = ?2 ORDER BY cast_at DESC",
    )?;
    Ok(statement
        .query_row([vote_id, voter_id], |row| from_column(row, 0))
        .optional()?)
}

/// A vote with only what may be seen: who voted always; the tally once it may be shown; the
/// ballots themselves only when revealed and named.
pub(crate) fn shown_vote(conn: &Connection, row: VoteRow) -> Result<Vote> {
    let vote = row.facts;
    let records = ballot_records(conn, &vote.id)?;
    let revealed = vote.status == VoteStatus::Revealed;
    let voters = records
        .iter()
        .map(|b| VoterMark {
            voter_id: b.voter_id.clone(),
            proxy: b.proxy,
        })
        .collect();
    let tally = vote.rules.may_show_results(revealed).then(|| {
        let ballots: Vec<BallotInput> = records.iter().map(|b| b.ballot.clone()).collect();
        tally(&vote.rules, &vote.options, &ballots)
    });
    let ballots = (revealed && !vote.rules.anonymous).then_some(records);
    Ok(Vote {
        id: vote.id,
        subject: vote.subject,
        round: vote.round,
        runoff_of: vote.runoff_of,
        rules: vote.rules,
        options: vote.options,
        status: vote.status,
        voters,
        tally,
        ballots,
    })
}

pub(crate) fn list_votes(conn: &Connection, workshop_id: &str) -> Result<Vec<Vote>> {
    read_vote_rows(conn, "workshop_id = ?1", workshop_id)?
        .into_iter()
        .map(|row| shown_vote(conn, row))
        .collect()
}

/// The revisions the workshop's focus decision remembers, if it has one.
pub(crate) fn remembered_focus(
    conn: &Connection,
    workshop_id: &str,
) -> Result<Option<BTreeMap<String, i32>>> {
    Ok(conn
        .query_row(
            "SELECT revisions FROM decisions WHERE id = ?1",
            [decision_id(workshop_id, VoteSubject::FocusNeed)],
            |row| from_column(row, 0),
        )
        .optional()?)
}

/// The workshop's focus need, and whether needs on its ballot changed since.
pub(crate) fn focus_decision(
    conn: &Connection,
    workshop_id: &str,
    needs: &[Need],
) -> Result<Option<FocusDecision>> {
    let row = conn
        .query_row(
            "SELECT vote_id, option_id, resolved_by, revisions FROM decisions WHERE id = ?1",
            [decision_id(workshop_id, VoteSubject::FocusNeed)],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    enum_column::<ResolvedBy>(row, 2)?,
                    from_column::<BTreeMap<String, i32>>(row, 3)?,
                ))
            },
        )
        .optional()?;
    Ok(row.map(|(vote_id, need_id, resolved_by, revisions)| {
        let changed_needs = changed_needs(&revisions, &need_revisions(needs));
        let stale = !changed_needs.is_empty();
        FocusDecision {
            vote_id,
            need_id,
            resolved_by,
            changed_needs,
            stale,
        }
    }))
}

/// The candidate metric the room's vote on the canvas chose, if one is decided.
pub(crate) fn metric_choice(conn: &Connection, workshop_id: &str) -> Result<Option<MetricChoice>> {
    Ok(conn
        .query_row(
            "SELECT vote_id, option_id, resolved_by FROM decisions WHERE id = ?1",
            [decision_id(workshop_id, VoteSubject::NorthStar)],
            |row| {
                Ok(MetricChoice {
                    vote_id: row.get(0)?,
                    item_id: row.get(1)?,
                    resolved_by: enum_column(row, 2)?,
                })
            },
        )
        .optional()?)
}
