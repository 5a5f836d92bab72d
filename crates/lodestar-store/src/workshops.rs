//! Workshops: the rows behind the home screen and the step rail.

use lodestar_core::workshop::validate_title;
use lodestar_core::{Refusal, RefusalCode, Step, Workshop, WorkshopInput};
use rusqlite::{params, OptionalExtension, Row};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::history::Scope;

const TABLE: &str = "workshops";
const COLUMNS: &str =
    "id, title, organisation, date, facilitator, current_step, created_at, updated_at";

impl Store {
    /// Live (not deleted) workshops, most recently changed first.
    pub fn list_workshops(&self) -> Result<Vec<Workshop>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM workshops WHERE deleted_at IS NULL
             ORDER BY updated_at DESC, created_at DESC, id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], read_workshop)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One live workshop, or `NotFound`.
    pub fn workshop(&self, id: &str) -> Result<Workshop> {
        let sql = format!("SELECT {COLUMNS} FROM workshops WHERE id = ?1 AND deleted_at IS NULL");
        self.conn
            .query_row(&sql, [id], read_workshop)
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Creates a workshop at the first step. Undoing it hides the workshop again.
    pub fn create_workshop(&mut self, input: &WorkshopInput, now: i64) -> Result<Workshop> {
        let clean = input.validate()?;
        let id = uuid::Uuid::new_v4().to_string();
        let label = format!("create workshop “{}”", clean.title);
        self.action(&Scope::Library, &label, now, |rec| {
            // Inserted as deleted, then revealed inside the tracked change: undo hides the
            // workshop (soft delete) instead of erasing it, so nothing filed under it is lost.
            rec.tx().execute(
                "INSERT INTO workshops (id, title, organisation, date, facilitator, current_step,
                                        created_at, updated_at, deleted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)",
                params![
                    id,
                    clean.title,
                    clean.organisation,
                    clean.date,
                    clean.facilitator,
                    Step::Stakeholders.as_str(),
                    now
                ],
            )?;
            rec.track(TABLE, &id, |tx| {
                tx.execute(
                    "UPDATE workshops SET deleted_at = NULL WHERE id = ?1",
                    [&id],
                )?;
                Ok(())
            })
        })?;
        self.workshop(&id)
    }

    /// Changes a workshop's title only.
    pub fn rename_workshop(
        &mut self,
        scope: &Scope,
        id: &str,
        title: &str,
        now: i64,
    ) -> Result<Workshop> {
        let title = validate_title(title)?;
        let label = format!("rename workshop to “{title}”");
        self.action(scope, &label, now, |rec| {
            rec.track(TABLE, id, |tx| {
                let changed = tx.execute(
                    "UPDATE workshops SET title = ?2, updated_at = ?3
                     WHERE id = ?1 AND deleted_at IS NULL",
                    params![id, title, now],
                )?;
                ensure_found(changed, id)
            })
        })?;
        self.workshop(id)
    }

    /// Changes a workshop's title, organisation, date and facilitator together.
    pub fn update_workshop_details(
        &mut self,
        scope: &Scope,
        id: &str,
        input: &WorkshopInput,
        now: i64,
    ) -> Result<Workshop> {
        let clean = input.validate()?;
        self.action(scope, "edit workshop details", now, |rec| {
            rec.track(TABLE, id, |tx| {
                let changed = tx.execute(
                    "UPDATE workshops SET title = ?2, organisation = ?3, date = ?4,
                                          facilitator = ?5, updated_at = ?6
                     WHERE id = ?1 AND deleted_at IS NULL",
                    params![
                        id,
                        clean.title,
                        clean.organisation,
                        clean.date,
                        clean.facilitator,
                        now
                    ],
                )?;
                ensure_found(changed, id)
            })
        })?;
        self.workshop(id)
    }

    /// Hides a workshop (soft delete) so the deletion can be undone.
    pub fn delete_workshop(&mut self, id: &str, now: i64) -> Result<()> {
        let title = self.workshop(id)?.title;
        let label = format!("delete workshop “{title}”");
        self.action(&Scope::Library, &label, now, |rec| {
            rec.track(TABLE, id, |tx| {
                let changed = tx.execute(
                    "UPDATE workshops SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                    params![id, now],
                )?;
                ensure_found(changed, id)
            })
        })
    }

    /// Moves the workshop to `step`; the step the room is at is part of the workshop.
    /// Going back is always allowed; going forward only into a step whose gate is open.
    pub fn set_current_step(&mut self, id: &str, step: Step, now: i64) -> Result<Workshop> {
        let data = self.workshop_data(id, now)?;
        if step > data.workshop.current_step {
            if let Some(closed) = data.gates.iter().find(|g| g.step == step && !g.gate.open) {
                let reasons = closed.gate.reasons.join(" ");
                return Err(Refusal::new(RefusalCode::StepLocked, "step", reasons).into());
            }
        }
        let label = format!("go to {}", step.title());
        self.action(&Scope::workshop(id), &label, now, |rec| {
            rec.track(TABLE, id, |tx| {
                let changed = tx.execute(
                    "UPDATE workshops SET current_step = ?2, updated_at = ?3
                     WHERE id = ?1 AND deleted_at IS NULL",
                    params![id, step.as_str(), now],
                )?;
                ensure_found(changed, id)
            })
        })?;
        self.workshop(id)
    }
}

fn read_workshop(row: &Row<'_>) -> rusqlite::Result<Workshop> {
    let step_text: String = row.get(5)?;
    Ok(Workshop {
        id: row.get(0)?,
        title: row.get(1)?,
        organisation: row.get(2)?,
        date: row.get(3)?,
        facilitator: row.get(4)?,
        // Only this app writes the column; an unknown value falls back to the first step.
        current_step: Step::parse(&step_text).unwrap_or(Step::Stakeholders),
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

fn ensure_found(changed: usize, id: &str) -> Result<()> {
    if changed == 0 {
        Err(not_found(id))
    } else {
        Ok(())
    }
}

fn not_found(id: &str) -> StoreError {
    StoreError::NotFound {
        entity: "workshop",
        id: id.to_string(),
    }
}
