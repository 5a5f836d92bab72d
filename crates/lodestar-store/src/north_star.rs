//! The end of step 5: the North Star metric promoted from a sticky, its input metrics, and
//! the actions the room commits to.

use lodestar_core::canvas::{check_north_star, ActionInput, InputMetric, NorthStarInput};
use lodestar_core::records::{Action, NorthStar};
use lodestar_core::HistoryScope;
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{from_column, to_text};
use crate::north_star_rows::{north_star_id, read_north_star};
use crate::scene_rows::{known_ids, read_scene};

impl Store {
    pub fn north_star(&self, workshop_id: &str) -> Result<Option<NorthStar>> {
        read_north_star(&self.conn, workshop_id)
    }

    /// Promotes a sticky to the North Star metric (or rewrites its definition and inputs).
    pub fn set_north_star(
        &mut self,
        workshop_id: &str,
        definition: &NorthStarInput,
        inputs: &[InputMetric],
        now: i64,
    ) -> Result<NorthStar> {
        self.workshop(workshop_id)?;
        let known = known_ids(&self.conn, workshop_id)?;
        let scene = read_scene(&self.conn, workshop_id, &known)?;
        let (definition, clean) = check_north_star(definition, inputs, &scene)?;
        let id = north_star_id(workshop_id);
        let label = match self.north_star(workshop_id)? {
            Some(_) => "edit the North Star metric",
            None => "choose the North Star metric",
        };
        self.action(&HistoryScope::workshop(workshop_id), label, now, |rec| {
            rec.exec(
                "north_stars",
                &id,
                "INSERT INTO north_stars (id, workshop_id, definition, inputs)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET definition = ?3, inputs = ?4",
                params![id, workshop_id, to_text(&definition)?, to_text(&clean)?],
            )?;
            Ok(())
        })?;
        self.north_star(workshop_id)?
            .ok_or_else(|| StoreError::NotFound {
                entity: "North Star",
                id,
            })
    }

    /// Takes the North Star back to a candidate (its sticky stays on the canvas).
    pub fn clear_north_star(&mut self, workshop_id: &str, now: i64) -> Result<()> {
        let id = north_star_id(workshop_id);
        if self.north_star(workshop_id)?.is_none() {
            return Err(StoreError::NotFound {
                entity: "North Star",
                id,
            });
        }
        let scope = HistoryScope::workshop(workshop_id);
        self.action(&scope, "clear the North Star metric", now, |rec| {
            rec.delete("north_stars", &id)
        })
    }

    pub fn actions(&self, workshop_id: &str) -> Result<Vec<Action>> {
        list_actions(&self.conn, workshop_id)
    }

    /// Adds a next action at the end of the list.
    pub fn add_action(
        &mut self,
        workshop_id: &str,
        input: &ActionInput,
        now: i64,
    ) -> Result<Action> {
        let clean = input.validate()?;
        self.workshop(workshop_id)?;
        let count = self.count_in_workshop("actions", workshop_id)?;
        lodestar_core::limits::refuse_past_limit(
            "actions",
            count,
            1,
            lodestar_core::limits::MAX_ACTIONS,
        )?;
        let id = uuid::Uuid::new_v4().to_string();
        let label = format!("add action “{}”", clean.what);
        self.action(&HistoryScope::workshop(workshop_id), &label, now, |rec| {
            let position: i32 = rec.tx().query_row(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM actions WHERE workshop_id = ?1",
                [workshop_id],
                |row| row.get(0),
            )?;
            rec.exec(
                "actions",
                &id,
                "INSERT INTO actions (id, workshop_id, position, details) VALUES (?1, ?2, ?3, ?4)",
                params![id, workshop_id, position, to_text(&clean)?],
            )?;
            Ok(())
        })?;
        self.action_by_id(&id)
    }

    pub fn update_action(&mut self, id: &str, input: &ActionInput, now: i64) -> Result<Action> {
        let clean = input.validate()?;
        let workshop_id = self.owner_of("actions", id)?;
        let label = format!("edit action “{}”", clean.what);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            rec.exec(
                "actions",
                id,
                "UPDATE actions SET details = ?2 WHERE id = ?1",
                params![id, to_text(&clean)?],
            )?;
            Ok(())
        })?;
        self.action_by_id(id)
    }

    pub fn remove_action(&mut self, id: &str, now: i64) -> Result<()> {
        let action = self.action_by_id(id)?;
        let workshop_id = self.owner_of("actions", id)?;
        let label = format!("remove action “{}”", action.details.what);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            rec.delete("actions", id)
        })
    }

    pub fn reorder_actions(&mut self, workshop_id: &str, ids: &[String], now: i64) -> Result<()> {
        self.reorder("actions", workshop_id, ids, "reorder actions", now)
    }

    fn action_by_id(&self, id: &str) -> Result<Action> {
        self.conn
            .query_row(
                "SELECT id, position, details FROM actions WHERE id = ?1",
                [id],
                read_action,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "action",
                id: id.to_string(),
            })
    }
}

pub(crate) fn list_actions(conn: &Connection, workshop_id: &str) -> Result<Vec<Action>> {
    let mut statement = conn.prepare(
        "SELECT id, position, details FROM actions WHERE workshop_id = ?1 ORDER BY position, id",
    )?;
    let rows = statement.query_map([workshop_id], read_action)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn read_action(row: &rusqlite::Row<'_>) -> rusqlite::Result<Action> {
    Ok(Action {
        id: row.get(0)?,
        position: row.get(1)?,
        details: from_column(row, 2)?,
    })
}
