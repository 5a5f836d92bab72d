//! Votes: among the agreed needs (step 4) or the candidate metrics on the canvas (step 5).
//! Ballots cast on the facilitator's laptop, the reveal, run-offs, and the decision that
//! makes one need the workshop's focus or one candidate its chosen metric.

use std::collections::BTreeMap;

use lodestar_core::canvas::metric_candidates;
use lodestar_core::records::{
    BallotRecord, FocusDecision, MetricChoice, Need, Vote, VoteStatus, VoterMark,
};
use lodestar_core::votes::{
    tally, validate_ballot, BallotInput, ResolvedBy, TallyOutcome, VoteRules, VoteSubject,
};
use lodestar_core::{HistoryScope, Refusal, RefusalCode};
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{enum_column, enum_text, from_column, to_text};

const VOTE_COLUMNS: &str = "id, round, runoff_of, rules, options, status, subject";

/// A vote as stored, before deciding what of it may be shown.
struct VoteRow {
    id: String,
    subject: VoteSubject,
    workshop_id: String,
    round: i32,
    runoff_of: Option<String>,
    rules: VoteRules,
    options: Vec<String>,
    status: VoteStatus,
}

fn invalid(code: RefusalCode, field: &str, message: impl Into<String>) -> StoreError {
    StoreError::Invalid(Refusal::new(code, field, message))
}

impl Store {
    /// Every vote of the workshop, oldest first, showing only what its rules allow.
    pub fn votes(&self, workshop_id: &str) -> Result<Vec<Vote>> {
        list_votes(&self.conn, workshop_id)
    }

    /// Opens a vote among agreed needs (focus need) or among stickies and KPIs on the canvas
    /// (North Star). Only one vote per subject can be under way at a time.
    pub fn create_vote(
        &mut self,
        workshop_id: &str,
        subject: VoteSubject,
        rules: &VoteRules,
        option_ids: &[String],
        now: i64,
    ) -> Result<Vote> {
        let rules = rules.validate()?;
        let allowed = self.votable_options(workshop_id, subject)?;
        let mut options: Vec<String> = Vec::new();
        for (index, id) in option_ids.iter().enumerate() {
            if !allowed.contains(id) {
                let what = match subject {
                    VoteSubject::FocusNeed => "is not an agreed SMART need of this workshop",
                    VoteSubject::NorthStar => {
                        "is not a sticky or KPI with words on this workshop's canvas"
                    }
                };
                return Err(invalid(
                    RefusalCode::UnknownReference,
                    &format!("options[{index}]"),
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
                VoteSubject::NorthStar => {
                    "a vote needs at least two candidate metrics to choose from"
                }
            };
            return Err(invalid(RefusalCode::TooFewOptions, "options", what));
        }
        self.refuse_if_vote_under_way(workshop_id, subject)?;
        let id = uuid::Uuid::new_v4().to_string();
        self.action(
            &HistoryScope::workshop(workshop_id),
            "open the vote",
            now,
            |rec| {
                rec.exec(
                    "votes",
                    &id,
                    "INSERT INTO votes (id, workshop_id, subject, round, rules, options, status,
                    created_at) VALUES (?1, ?2, ?3, 1, ?4, ?5, 'open', ?6)",
                    params![
                        id,
                        workshop_id,
                        enum_text(&subject)?,
                        to_text(&rules)?,
                        to_text(&options)?,
                        now
                    ],
                )?;
                Ok(())
            },
        )?;
        self.vote(&id)
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
        let vote = self.vote_row(vote_id)?;
        if vote.status != VoteStatus::Open {
            return Err(invalid(
                RefusalCode::VoteClosed,
                "vote",
                "this vote is closed: ballots can no longer be cast",
            ));
        }
        let voter = self.owner_of("stakeholders", voter_id).ok();
        if voter.as_deref() != Some(vote.workshop_id.as_str()) {
            return Err(invalid(
                RefusalCode::NotAVoter,
                "voterId",
                "is not a stakeholder of this workshop",
            ));
        }
        validate_ballot(&vote.rules, &vote.options, ballot)?;
        let existing: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM ballots WHERE vote_id = ?1 AND voter_id = ?2",
                params![vote_id, voter_id],
                |row| row.get(0),
            )
            .optional()?;
        let label = if proxy {
            "cast a proxy ballot"
        } else {
            "cast a ballot"
        };
        let scope = HistoryScope::workshop(&vote.workshop_id);
        self.action(&scope, label, now, |rec| {
            let id = existing.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            rec.exec(
                "ballots",
                &id,
                "INSERT INTO ballots (id, vote_id, voter_id, proxy, ballot, cast_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET proxy = ?4, ballot = ?5, cast_at = ?6",
                params![id, vote_id, voter_id, proxy, to_text(ballot)?, now],
            )?;
            Ok(())
        })?;
        Ok(VoterMark {
            voter_id: voter_id.to_string(),
            proxy,
        })
    }

    /// Stops the vote taking ballots. Results stay hidden until revealed if the rules say so.
    pub fn close_vote(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let vote = self.vote_row(vote_id)?;
        if vote.status != VoteStatus::Open {
            return Err(invalid(
                RefusalCode::VoteClosed,
                "vote",
                "this vote is already closed",
            ));
        }
        if ballot_count(&self.conn, vote_id)? == 0 {
            return Err(invalid(
                RefusalCode::NoBallots,
                "vote",
                "no ballot has been cast yet",
            ));
        }
        self.set_status(&vote, VoteStatus::Closed, "close the vote", now)?;
        self.vote(vote_id)
    }

    /// Shows the results; a clear winner becomes the workshop's focus need at once.
    pub fn reveal_vote(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let vote = self.vote_row(vote_id)?;
        if vote.status != VoteStatus::Closed {
            return Err(invalid(
                RefusalCode::VoteStillOpen,
                "vote",
                "close the vote before revealing its results",
            ));
        }
        let result = tally(
            &vote.rules,
            &vote.options,
            &ballots_of(&self.conn, vote_id)?,
        );
        let revisions = self.option_revisions(&vote)?;
        let scope = HistoryScope::workshop(&vote.workshop_id);
        self.action(&scope, "reveal the results", now, |rec| {
            rec.exec(
                "votes",
                vote_id,
                "UPDATE votes SET status = 'revealed' WHERE id = ?1",
                [vote_id],
            )?;
            if let TallyOutcome::Winner { option_id } = &result.outcome {
                let via = if vote.round > 1 {
                    ResolvedBy::Runoff
                } else {
                    ResolvedBy::Vote
                };
                write_decision(rec, &vote, option_id, via, &revisions, now)?;
            }
            Ok(())
        })?;
        self.vote(vote_id)
    }

    /// Starts a run-off among the options tied for first place, with the same rules.
    pub fn start_runoff(&mut self, vote_id: &str, now: i64) -> Result<Vote> {
        let tied = self.tied_options(vote_id)?;
        let vote = self.vote_row(vote_id)?;
        self.refuse_if_vote_under_way(&vote.workshop_id, vote.subject)?;
        let id = uuid::Uuid::new_v4().to_string();
        let scope = HistoryScope::workshop(&vote.workshop_id);
        self.action(&scope, "start a run-off", now, |rec| {
            rec.exec(
                "votes",
                &id,
                "INSERT INTO votes (id, workshop_id, subject, round, runoff_of, rules, options,
                    status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8)",
                params![
                    id,
                    vote.workshop_id,
                    enum_text(&vote.subject)?,
                    vote.round + 1,
                    vote.id,
                    to_text(&vote.rules)?,
                    to_text(&tied)?,
                    now
                ],
            )?;
            Ok(())
        })?;
        self.vote(&id)
    }

    /// The facilitator settles a tie, as the room decided; recorded as their decision.
    pub fn decide_vote(&mut self, vote_id: &str, option_id: &str, now: i64) -> Result<Vote> {
        let tied = self.tied_options(vote_id)?;
        if !self
            .ids_where("SELECT id FROM votes WHERE runoff_of = ?1", vote_id)?
            .is_empty()
        {
            return Err(invalid(
                RefusalCode::RunoffReplaced,
                "vote",
                "a run-off already replaced this round: decide the latest one",
            ));
        }
        let vote = self.vote_row(vote_id)?;
        if !tied.iter().any(|o| o == option_id) {
            return Err(invalid(
                RefusalCode::NotAmongTied,
                "optionId",
                format!(
                    "the facilitator can only choose among the tied {}s",
                    vote.subject.option_noun()
                ),
            ));
        }
        let revisions = self.option_revisions(&vote)?;
        let scope = HistoryScope::workshop(&vote.workshop_id);
        self.action(&scope, "settle the tie", now, |rec| {
            write_decision(
                rec,
                &vote,
                option_id,
                ResolvedBy::FacilitatorDecision,
                &revisions,
                now,
            )
        })?;
        self.vote(vote_id)
    }

    /// Throws a vote away with its ballots, its run-offs and any decision it made.
    pub fn discard_vote(&mut self, vote_id: &str, now: i64) -> Result<()> {
        let vote = self.vote_row(vote_id)?;
        let mut chain = vec![vote.id.clone()];
        let mut index = 0;
        while index < chain.len() {
            let children =
                self.ids_where("SELECT id FROM votes WHERE runoff_of = ?1", &chain[index])?;
            chain.extend(children);
            index += 1;
        }
        let scope = HistoryScope::workshop(&vote.workshop_id);
        let decision = decision_id(&vote.workshop_id, vote.subject);
        let decided_by: Option<String> = self
            .conn
            .query_row(
                "SELECT vote_id FROM decisions WHERE id = ?1",
                [&decision],
                |r| r.get(0),
            )
            .optional()?;
        let mut ballots = Vec::new();
        for id in &chain {
            ballots.extend(self.ids_where("SELECT id FROM ballots WHERE vote_id = ?1", id)?);
        }
        self.action(&scope, "discard the vote", now, |rec| {
            if decided_by.is_some_and(|v| chain.contains(&v)) {
                rec.delete("decisions", &decision)?;
            }
            for ballot in &ballots {
                rec.delete("ballots", ballot)?;
            }
            for id in chain.iter().rev() {
                rec.delete("votes", id)?;
            }
            Ok(())
        })
    }

    /// The room keeps its focus need although needs on the ballot changed since the vote:
    /// the decision now remembers the needs as they are.
    pub fn confirm_focus(&mut self, workshop_id: &str, now: i64) -> Result<()> {
        let id = decision_id(workshop_id, VoteSubject::FocusNeed);
        let revisions: Option<BTreeMap<String, i32>> = self
            .conn
            .query_row(
                "SELECT revisions FROM decisions WHERE id = ?1",
                [&id],
                |row| from_column(row, 0),
            )
            .optional()?;
        let revisions = revisions.ok_or_else(|| StoreError::NotFound {
            entity: "decision",
            id: id.clone(),
        })?;
        let needs = self.needs(workshop_id)?;
        let current: BTreeMap<String, i32> = revisions
            .keys()
            .filter_map(|k| {
                needs
                    .iter()
                    .find(|n| &n.id == k)
                    .map(|n| (k.clone(), n.revision))
            })
            .collect();
        let scope = HistoryScope::workshop(workshop_id);
        self.action(&scope, "keep the vote's result", now, |rec| {
            rec.exec(
                "decisions",
                &id,
                "UPDATE decisions SET revisions = ?2 WHERE id = ?1",
                params![id, to_text(&current)?],
            )?;
            Ok(())
        })
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

    fn refuse_if_vote_under_way(&self, workshop_id: &str, subject: VoteSubject) -> Result<()> {
        let under_way: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM votes WHERE workshop_id = ?1 AND subject = ?2
                AND status != 'revealed'",
            params![workshop_id, enum_text(&subject)?],
            |row| row.get(0),
        )?;
        if under_way > 0 {
            return Err(invalid(
                RefusalCode::VoteUnderWay,
                "vote",
                "a vote is already under way: reveal its results or discard it first",
            ));
        }
        Ok(())
    }

    fn tied_options(&self, vote_id: &str) -> Result<Vec<String>> {
        let vote = self.vote_row(vote_id)?;
        if vote.status != VoteStatus::Revealed {
            return Err(invalid(
                RefusalCode::VoteNotRevealed,
                "vote",
                "reveal the results first",
            ));
        }
        match tally(
            &vote.rules,
            &vote.options,
            &ballots_of(&self.conn, vote_id)?,
        )
        .outcome
        {
            TallyOutcome::Tie { option_ids } => Ok(option_ids),
            _ => Err(invalid(
                RefusalCode::VoteNotTied,
                "vote",
                "this vote is not tied",
            )),
        }
    }

    /// The revision of every need on the first ballot of this vote's chain (none for a
    /// metric vote: stickies have no revisions).
    fn option_revisions(&self, vote: &VoteRow) -> Result<BTreeMap<String, i32>> {
        if vote.subject != VoteSubject::FocusNeed {
            return Ok(BTreeMap::new());
        }
        let mut root = self.vote_row(&vote.id)?;
        while let Some(parent) = root.runoff_of.clone() {
            root = self.vote_row(&parent)?;
        }
        let needs = self.needs(&vote.workshop_id)?;
        Ok(root
            .options
            .iter()
            .filter_map(|id| {
                needs
                    .iter()
                    .find(|n| &n.id == id)
                    .map(|n| (id.clone(), n.revision))
            })
            .collect())
    }

    fn set_status(
        &mut self,
        vote: &VoteRow,
        status: VoteStatus,
        label: &str,
        now: i64,
    ) -> Result<()> {
        let scope = HistoryScope::workshop(&vote.workshop_id);
        let status = enum_text(&status)?;
        self.action(&scope, label, now, |rec| {
            rec.exec(
                "votes",
                &vote.id,
                "UPDATE votes SET status = ?2 WHERE id = ?1",
                params![vote.id, status],
            )?;
            Ok(())
        })
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

fn decision_id(workshop_id: &str, subject: VoteSubject) -> String {
    let subject = match subject {
        VoteSubject::FocusNeed => "focus_need",
        VoteSubject::NorthStar => "north_star",
    };
    format!("{workshop_id}:{subject}")
}

fn write_decision(
    rec: &mut crate::history::Recorder<'_, '_>,
    vote: &VoteRow,
    option_id: &str,
    via: ResolvedBy,
    revisions: &BTreeMap<String, i32>,
    now: i64,
) -> Result<()> {
    let id = decision_id(&vote.workshop_id, vote.subject);
    rec.exec(
        "decisions",
        &id,
        "INSERT INTO decisions (id, workshop_id, subject, vote_id, option_id, resolved_by,
            revisions, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET vote_id = ?4, option_id = ?5, resolved_by = ?6,
            revisions = ?7, decided_at = ?8",
        params![
            id,
            vote.workshop_id,
            enum_text(&vote.subject)?,
            vote.id,
            option_id,
            enum_text(&via)?,
            to_text(revisions)?,
            now
        ],
    )?;
    Ok(())
}

fn read_vote_rows(conn: &Connection, filter: &str, param: &str) -> Result<Vec<VoteRow>> {
    let sql = format!(
        "SELECT {VOTE_COLUMNS}, workshop_id FROM votes WHERE {filter} ORDER BY created_at, round, id"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([param], |row| {
        Ok(VoteRow {
            id: row.get(0)?,
            round: row.get(1)?,
            runoff_of: row.get(2)?,
            rules: from_column(row, 3)?,
            options: from_column(row, 4)?,
            status: enum_column(row, 5)?,
            subject: enum_column(row, 6)?,
            workshop_id: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn ballot_count(conn: &Connection, vote_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM ballots WHERE vote_id = ?1",
        [vote_id],
        |r| r.get(0),
    )?)
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

fn ballots_of(conn: &Connection, vote_id: &str) -> Result<Vec<BallotInput>> {
    Ok(ballot_records(conn, vote_id)?
        .into_iter()
        .map(|b| b.ballot)
        .collect())
}

/// A vote with only what may be seen: who voted always; the tally once it may be shown; the
/// ballots themselves only when revealed and named.
fn shown_vote(conn: &Connection, row: VoteRow) -> Result<Vote> {
    let records = ballot_records(conn, &row.id)?;
    let revealed = row.status == VoteStatus::Revealed;
    let voters = records
        .iter()
        .map(|b| VoterMark {
            voter_id: b.voter_id.clone(),
            proxy: b.proxy,
        })
        .collect();
    let tally = row.rules.may_show_results(revealed).then(|| {
        let ballots: Vec<BallotInput> = records.iter().map(|b| b.ballot.clone()).collect();
        tally(&row.rules, &row.options, &ballots)
    });
    let ballots = (revealed && !row.rules.anonymous).then_some(records);
    Ok(Vote {
        id: row.id,
        subject: row.subject,
        round: row.round,
        runoff_of: row.runoff_of,
        rules: row.rules,
        options: row.options,
        status: row.status,
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
        let changed_needs: Vec<String> = revisions
            .iter()
            .filter(|(id, revision)| {
                needs
                    .iter()
                    .find(|n| &n.id == *id)
                    .is_none_or(|n| n.revision != **revision)
            })
            .map(|(id, _)| id.clone())
            .collect();
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
