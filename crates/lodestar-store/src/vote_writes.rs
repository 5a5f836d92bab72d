//! Persisting what a vote step decided ([`VoteWrite`]s from the core) in one recorded action.

use lodestar_core::votes::{VoteSubject, VoteWrite};
use lodestar_core::HistoryScope;
use rusqlite::{params, OptionalExtension};

use crate::connection::Store;
use crate::error::Result;
use crate::history::Recorder;
use crate::json::{enum_text, to_text};
use crate::vote_rows::decision_id;

impl Store {
    /// Makes `writes` as one undo step labelled `label`; returns the id of a vote it opened.
    pub(crate) fn write_votes(
        &mut self,
        workshop_id: &str,
        subject: VoteSubject,
        label: &str,
        now: i64,
        writes: &[VoteWrite],
    ) -> Result<Option<String>> {
        let scope = HistoryScope::workshop(workshop_id);
        self.action(&scope, label, now, |rec| {
            let mut opened = None;
            for write in writes {
                if let Some(id) = write_one(rec, workshop_id, subject, now, write)? {
                    opened = Some(id);
                }
            }
            Ok(opened)
        })
    }
}

fn write_one(
    rec: &mut Recorder<'_, '_>,
    workshop_id: &str,
    subject: VoteSubject,
    now: i64,
    write: &VoteWrite,
) -> Result<Option<String>> {
    let decision = decision_id(workshop_id, subject);
    match write {
        VoteWrite::Open(vote) => {
            let id = uuid::Uuid::new_v4().to_string();
            rec.exec(
                "votes",
                &id,
                "INSERT INTO votes (id, workshop_id, subject, round, runoff_of, rules, options,
                    status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8)",
                params![
                    id,
                    workshop_id,
                    enum_text(&vote.subject)?,
                    vote.round,
                    vote.runoff_of,
                    to_text(&vote.rules)?,
                    to_text(&vote.options)?,
                    now
                ],
            )?;
            return Ok(Some(id));
        }
        VoteWrite::Ballot {
            vote_id,
            voter_id,
            proxy,
            ballot,
        } => {
            // A second ballot from the same person replaces theirs (one row per voter).
            let existing: Option<String> = rec
                .tx()
                .query_row(
                    "SELECT id FROM ballots WHERE vote_id = ?1 AND voter_id = ?2",
                    params![vote_id, voter_id],
                    |row| row.get(0),
                )
                .optional()?;
            let id = existing.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            rec.exec(
                "ballots",
                &id,
                "INSERT INTO ballots (id, vote_id, voter_id, proxy, ballot, cast_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET proxy = ?4, ballot = ?5, cast_at = ?6",
                params![id, vote_id, voter_id, proxy, to_text(ballot)?, now],
            )?;
        }
        VoteWrite::SetStatus { vote_id, status } => {
            rec.exec(
                "votes",
                vote_id,
                "UPDATE votes SET status = ?2 WHERE id = ?1",
                params![vote_id, enum_text(status)?],
            )?;
        }
        VoteWrite::Decide(decided) => {
            rec.exec(
                "decisions",
                &decision,
                "INSERT INTO decisions (id, workshop_id, subject, vote_id, option_id, resolved_by,
                    revisions, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET vote_id = ?4, option_id = ?5, resolved_by = ?6,
                    revisions = ?7, decided_at = ?8",
                params![
                    decision,
                    workshop_id,
                    enum_text(&subject)?,
                    decided.vote_id,
                    decided.option_id,
                    enum_text(&decided.via)?,
                    to_text(&decided.revisions)?,
                    now
                ],
            )?;
        }
        VoteWrite::RememberRevisions(revisions) => {
            rec.exec(
                "decisions",
                &decision,
                "UPDATE decisions SET revisions = ?2 WHERE id = ?1",
                params![decision, to_text(revisions)?],
            )?;
        }
        VoteWrite::DeleteDecision => rec.delete("decisions", &decision)?,
        VoteWrite::DeleteBallot(id) => rec.delete("ballots", id)?,
        VoteWrite::DeleteVote(id) => rec.delete("votes", id)?,
    }
    Ok(None)
}
