//! The end of step 5: the North Star metric promoted from a sticky, its input metrics, and
//! the actions the room commits to.

use lodestar_core::canvas::{check_inputs, ActionInput, InputMetric, ItemKind, NorthStarInput};
use lodestar_core::records::{Action, NorthStar};
use lodestar_core::{HistoryScope, Refusal, RefusalCode};
use rusqlite::{params, Connection, OptionalExtension};

use crate::canvas::{known_ids, read_scene};
use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::history::Recorder;
use crate::json::{from_column, to_text};

/// Most input metrics stored; the method asks for 3 to 5 and warns outside that.
pub const MAX_STORED_INPUTS: usize = 10;

fn north_star_id(workshop_id: &str) -> String {
    format!("{workshop_id}:north_star")
}

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
        let definition = definition.validate_on(&scene)?;
        if inputs.len() > MAX_STORED_INPUTS {
            return Err(invalid(
                RefusalCode::TooMany,
                "inputs",
                format!(
                    "{} input metrics is too many to act on: keep at most {MAX_STORED_INPUTS}",
                    inputs.len()
                ),
            ));
        }
        let mut clean = Vec::with_capacity(inputs.len());
        for (index, input) in inputs.iter().enumerate() {
            let input = input
                .validate()
                .map_err(|e| StoreError::Invalid(e.within("inputs", index)))?;
            if let Some(item_id) = &input.item_id {
                match scene.item(item_id) {
                    Some(item) if item.kind != ItemKind::Frame => {}
                    _ => {
                        return Err(invalid(
                            RefusalCode::NotAMetric,
                            &format!("inputs[{index}].itemId"),
                            "is not a sticky or KPI on the canvas",
                        ))
                    }
                }
                if item_id == &definition.item_id {
                    return Err(invalid(
                        RefusalCode::NorthStarAsInput,
                        &format!("inputs[{index}].itemId"),
                        "the North Star cannot be one of its own inputs",
                    ));
                }
            }
            clean.push(input);
        }
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

    /// The sticky promoted to the North Star, if any.
    pub(crate) fn north_star_item(&self, workshop_id: &str) -> Result<Option<String>> {
        Ok(self.north_star(workshop_id)?.map(|n| n.definition.item_id))
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

/// Inside a canvas action that deletes items: inputs that pointed at them keep their name
/// but no longer point at the canvas.
pub(crate) fn forget_deleted_inputs(
    rec: &mut Recorder<'_, '_>,
    workshop_id: &str,
    deleted: &[String],
) -> Result<()> {
    let Some(star) = read_north_star(rec.tx(), workshop_id)? else {
        return Ok(());
    };
    let points_at_deleted =
        |i: &InputMetric| i.item_id.as_ref().is_some_and(|id| deleted.contains(id));
    if !star.inputs.iter().any(points_at_deleted) {
        return Ok(());
    }
    let inputs: Vec<InputMetric> = star
        .inputs
        .into_iter()
        .map(|input| {
            if points_at_deleted(&input) {
                InputMetric {
                    item_id: None,
                    ..input
                }
            } else {
                input
            }
        })
        .collect();
    let id = north_star_id(workshop_id);
    rec.exec(
        "north_stars",
        &id,
        "UPDATE north_stars SET inputs = ?2 WHERE id = ?1",
        params![id, to_text(&inputs)?],
    )?;
    Ok(())
}

fn invalid(code: RefusalCode, field: &str, message: impl Into<String>) -> StoreError {
    StoreError::Invalid(Refusal::new(code, field, message))
}

pub(crate) fn read_north_star(conn: &Connection, workshop_id: &str) -> Result<Option<NorthStar>> {
    let row = conn
        .query_row(
            "SELECT definition, inputs FROM north_stars WHERE id = ?1",
            [north_star_id(workshop_id)],
            |row| {
                Ok((
                    from_column::<NorthStarInput>(row, 0)?,
                    from_column::<Vec<InputMetric>>(row, 1)?,
                ))
            },
        )
        .optional()?;
    Ok(row.map(|(definition, inputs)| NorthStar {
        warnings: check_inputs(&inputs),
        definition,
        inputs,
    }))
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
