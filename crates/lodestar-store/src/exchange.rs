//! Export and import of whole workshops as `WorkshopFile`s. Import writes everything in one
//! transaction after the file was checked, so a bad file changes nothing; it always creates
//! a new workshop, giving the file fresh ids when its own are already in this store.

use std::collections::{HashMap, VecDeque};

use lodestar_core::exchange::{
    check_file, with_fresh_ids, ActionEntry, BallotEntry, CategoryEntry, DecisionEntry, NeedEntry,
    NorthStarEntry, StakeholderEntry, TimerEntry, VoteEntry, WorkshopEntry, WorkshopFile, FORMAT,
    VERSION,
};
use lodestar_core::{HistoryScope, Workshop};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{enum_column, enum_text, from_column, to_text};

impl Store {
    /// The whole workshop as a file, exactly as stored.
    pub fn export_workshop(&mut self, id: &str) -> Result<WorkshopFile> {
        let workshop = self.workshop(id)?;
        let tx = self.conn.transaction()?;
        let file = WorkshopFile {
            format: FORMAT.to_string(),
            version: VERSION,
            workshop: WorkshopEntry {
                id: workshop.id.clone(),
                title: workshop.title,
                organisation: workshop.organisation,
                date: workshop.date,
                facilitator: workshop.facilitator,
                current_step: workshop.current_step,
                created_at: workshop.created_at,
                updated_at: workshop.updated_at,
            },
            stakeholders: crate::stakeholders::list_stakeholders(&tx, id)?
                .into_iter()
                .map(|s| StakeholderEntry {
                    id: s.id,
                    position: s.position,
                    details: s.details,
                })
                .collect(),
            categories: crate::categories::list_categories(&tx, id)?
                .into_iter()
                .map(|c| CategoryEntry {
                    id: c.id,
                    position: c.position,
                    details: c.details,
                })
                .collect(),
            needs: read_needs(&tx, id)?,
            votes: read_votes(&tx, id)?,
            decisions: read_decisions(&tx, id)?,
            timers: read_timers(&tx, id)?,
            canvas: crate::scene_rows::read_scene(
                &tx,
                id,
                &crate::scene_rows::known_ids(&tx, id)?,
            )?,
            north_star: crate::north_star_rows::read_north_star(&tx, id)?.map(|n| NorthStarEntry {
                definition: n.definition,
                inputs: n.inputs,
            }),
            actions: crate::north_star::list_actions(&tx, id)?
                .into_iter()
                .map(|a| ActionEntry {
                    id: a.id,
                    position: a.position,
                    details: a.details,
                })
                .collect(),
        };
        tx.commit()?;
        Ok(file)
    }

    /// Imports a file as a new workshop in one transaction; returns the new workshop.
    pub fn import_workshop(&mut self, file: &WorkshopFile, now: i64) -> Result<Workshop> {
        check_file(file).map_err(|p| StoreError::BadFile {
            path: p.path,
            message: p.message,
        })?;
        let taken = self.any_id_taken(file)?;
        let file = if taken {
            with_fresh_ids(file, || uuid::Uuid::new_v4().to_string())
        } else {
            file.clone()
        };
        let id = file.workshop.id.clone();
        let label = format!("import workshop “{}”", file.workshop.title);
        self.action(&HistoryScope::Library, &label, now, |rec| {
            write_file(rec.tx(), &file)?;
            // Revealed inside the tracked change, as a created workshop is: undo hides it.
            rec.track("workshops", &id, |tx| {
                tx.execute(
                    "UPDATE workshops SET deleted_at = NULL WHERE id = ?1",
                    [&id],
                )?;
                Ok(())
            })
        })?;
        self.workshop(&id)
    }

    fn any_id_taken(&self, file: &WorkshopFile) -> Result<bool> {
        let mut ids: Vec<(&str, &str)> = vec![("workshops", file.workshop.id.as_str())];
        ids.extend(
            file.stakeholders
                .iter()
                .map(|s| ("stakeholders", s.id.as_str())),
        );
        ids.extend(
            file.categories
                .iter()
                .map(|c| ("categories", c.id.as_str())),
        );
        ids.extend(file.needs.iter().map(|n| ("needs", n.id.as_str())));
        for v in &file.votes {
            ids.push(("votes", v.id.as_str()));
            ids.extend(v.ballots.iter().map(|b| ("ballots", b.id.as_str())));
        }
        ids.extend(
            file.canvas
                .items
                .iter()
                .map(|i| ("canvas_items", i.id.as_str())),
        );
        ids.extend(
            file.canvas
                .links
                .iter()
                .map(|l| ("canvas_links", l.id.as_str())),
        );
        ids.extend(file.actions.iter().map(|a| ("actions", a.id.as_str())));
        for (table, id) in ids {
            let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
            if self
                .conn
                .query_row(&sql, [id], |_| Ok(()))
                .optional()?
                .is_some()
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

fn write_file(tx: &Transaction<'_>, file: &WorkshopFile) -> Result<()> {
    let w = &file.workshop;
    let id = &w.id;
    tx.execute(
        "INSERT INTO workshops (id, title, organisation, date, facilitator, current_step,
            created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id,
            w.title,
            w.organisation,
            w.date,
            w.facilitator,
            w.current_step.as_str(),
            w.created_at,
            w.updated_at
        ],
    )?;
    for s in &file.stakeholders {
        let d = s.details.validate()?;
        tx.execute(
            "INSERT INTO stakeholders (id, workshop_id, position, name, role, function, influence,
                interest, stance, present, colour) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![s.id, id, s.position, d.name, d.role, d.function, d.influence, d.interest,
                enum_text(&d.stance)?, d.present, d.colour],
        )?;
    }
    for c in &file.categories {
        let d = c.details.validate()?;
        tx.execute(
            "INSERT INTO categories (id, workshop_id, position, name, description, why_best,
                reasons, size, value, priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                c.id,
                id,
                c.position,
                d.name,
                d.description,
                d.why_best,
                to_text(&d.reasons)?,
                d.size,
                d.value,
                d.priority
            ],
        )?;
    }
    for n in &file.needs {
        let d = n.details.validate()?;
        tx.execute(
            "INSERT INTO needs (id, workshop_id, category_id, position, revision, details, agreement)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![n.id, id, d.category_id, n.position, n.revision, to_text(&d)?, to_text(&n.agreement)?],
        )?;
    }
    // Run-offs refer to earlier votes: insert parents first, in one pass over a child index
    // (retrying the whole list made 4,000 chained run-offs take a minute).
    let mut children: HashMap<&str, Vec<&VoteEntry>> = HashMap::new();
    let mut queue: VecDeque<&VoteEntry> = VecDeque::new();
    for v in &file.votes {
        match v.runoff_of.as_deref() {
            Some(parent) => children.entry(parent).or_default().push(v),
            None => queue.push_back(v),
        }
    }
    let mut inserted = 0;
    while let Some(v) = queue.pop_front() {
        insert_vote(tx, id, v)?;
        inserted += 1;
        queue.extend(children.remove(v.id.as_str()).unwrap_or_default());
    }
    if inserted < file.votes.len() {
        return Err(StoreError::BadFile {
            path: "votes".into(),
            message: "run-offs refer to each other in a circle".into(),
        });
    }
    for d in &file.decisions {
        tx.execute(
            "INSERT INTO decisions (id, workshop_id, subject, vote_id, option_id, resolved_by,
                revisions, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                format!("{id}:{}", enum_text(&d.subject)?),
                id,
                enum_text(&d.subject)?,
                d.vote_id,
                d.option_id,
                enum_text(&d.resolved_by)?,
                to_text(&d.revisions)?,
                d.decided_at
            ],
        )?;
    }
    for t in &file.timers {
        tx.execute(
            "INSERT INTO step_timers (workshop_id, step, duration_ms, elapsed_ms, running_since)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                t.step.as_str(),
                t.duration_ms,
                t.elapsed_ms,
                t.running_since
            ],
        )?;
    }
    write_canvas(tx, file)?;
    Ok(())
}

/// Step 5 of a file: canvas items and links, the North Star and the actions.
fn write_canvas(tx: &Transaction<'_>, file: &WorkshopFile) -> Result<()> {
    let id = &file.workshop.id;
    for item in &file.canvas.items {
        let item = item.validate()?;
        tx.execute(
            "INSERT INTO canvas_items (id, workshop_id, kind, x, y, width, height, z,
                parent_frame, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                item.id,
                id,
                enum_text(&item.kind)?,
                item.x,
                item.y,
                item.width,
                item.height,
                item.z,
                item.parent_frame,
                to_text(&item.content())?
            ],
        )?;
    }
    for link in &file.canvas.links {
        tx.execute(
            "INSERT INTO canvas_links (id, workshop_id, from_item, to_item, label)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![link.id, id, link.from, link.to, link.label.trim()],
        )?;
    }
    if let Some(star) = &file.north_star {
        let definition = star.definition.validate()?;
        let inputs = star
            .inputs
            .iter()
            .map(|i| i.validate())
            .collect::<std::result::Result<Vec<_>, _>>()?;
        tx.execute(
            "INSERT INTO north_stars (id, workshop_id, definition, inputs) VALUES (?1, ?2, ?3, ?4)",
            params![
                format!("{id}:north_star"),
                id,
                to_text(&definition)?,
                to_text(&inputs)?
            ],
        )?;
    }
    for action in &file.actions {
        tx.execute(
            "INSERT INTO actions (id, workshop_id, position, details) VALUES (?1, ?2, ?3, ?4)",
            params![
                action.id,
                id,
                action.position,
                to_text(&action.details.validate()?)?
            ],
        )?;
    }
    Ok(())
}

fn insert_vote(tx: &Transaction<'_>, workshop_id: &str, v: &VoteEntry) -> Result<()> {
    tx.execute(
        "INSERT INTO votes (id, workshop_id, subject, round, runoff_of, rules, options, status,
            created_at) VALUES (?1, ?2, ?9, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            v.id,
            workshop_id,
            v.round,
            v.runoff_of,
            to_text(&v.rules)?,
            to_text(&v.options)?,
            enum_text(&v.status)?,
            v.created_at,
            enum_text(&v.subject)?
        ],
    )?;
    for b in &v.ballots {
        tx.execute(
            "INSERT INTO ballots (id, vote_id, voter_id, proxy, ballot, cast_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                b.id,
                v.id,
                b.voter_id,
                b.proxy,
                to_text(&b.ballot)?,
                b.cast_at
            ],
        )?;
    }
    Ok(())
}

fn read_needs(tx: &Transaction<'_>, workshop_id: &str) -> Result<Vec<NeedEntry>> {
    let mut statement = tx.prepare(
        "SELECT id, position, revision, details, agreement FROM needs WHERE workshop_id = ?1
         ORDER BY position, id",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        Ok(NeedEntry {
            id: row.get(0)?,
            position: row.get(1)?,
            revision: row.get(2)?,
            details: from_column(row, 3)?,
            agreement: from_column(row, 4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn read_votes(tx: &Transaction<'_>, workshop_id: &str) -> Result<Vec<VoteEntry>> {
    let mut statement = tx.prepare(
        "SELECT id, round, runoff_of, rules, options, status, created_at, subject FROM votes
         WHERE workshop_id = ?1 ORDER BY created_at, round, id",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        Ok(VoteEntry {
            id: row.get(0)?,
            round: row.get(1)?,
            runoff_of: row.get(2)?,
            rules: from_column(row, 3)?,
            options: from_column(row, 4)?,
            status: enum_column(row, 5)?,
            created_at: row.get(6)?,
            subject: enum_column(row, 7)?,
            ballots: Vec::new(),
        })
    })?;
    let mut votes = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut ballots = tx.prepare(
        "SELECT id, voter_id, proxy, ballot, cast_at FROM ballots WHERE vote_id = ?1
         ORDER BY cast_at, id",
    )?;
    for vote in &mut votes {
        let rows = ballots.query_map([&vote.id], |row| {
            Ok(BallotEntry {
                id: row.get(0)?,
                voter_id: row.get(1)?,
                proxy: row.get(2)?,
                ballot: from_column(row, 3)?,
                cast_at: row.get(4)?,
            })
        })?;
        vote.ballots = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(votes)
}

fn read_decisions(tx: &Transaction<'_>, workshop_id: &str) -> Result<Vec<DecisionEntry>> {
    let mut statement = tx.prepare(
        "SELECT subject, vote_id, option_id, resolved_by, revisions, decided_at FROM decisions
         WHERE workshop_id = ?1 ORDER BY subject",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        Ok(DecisionEntry {
            subject: enum_column(row, 0)?,
            vote_id: row.get(1)?,
            option_id: row.get(2)?,
            resolved_by: enum_column(row, 3)?,
            revisions: from_column(row, 4)?,
            decided_at: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn read_timers(tx: &Transaction<'_>, workshop_id: &str) -> Result<Vec<TimerEntry>> {
    let mut statement = tx.prepare(
        "SELECT step, duration_ms, elapsed_ms, running_since FROM step_timers
         WHERE workshop_id = ?1 ORDER BY step",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        let step: String = row.get(0)?;
        Ok((step, row.get(1)?, row.get(2)?, row.get(3)?))
    })?;
    let mut timers = Vec::new();
    for row in rows {
        let (step, duration_ms, elapsed_ms, running_since) = row?;
        // Only this app writes the column; skip a step name it does not know.
        if let Some(step) = lodestar_core::Step::parse(&step) {
            timers.push(TimerEntry {
                step,
                duration_ms,
                elapsed_ms,
                running_since,
            });
        }
    }
    Ok(timers)
}
