//! Reading the North Star row, and keeping its inputs pointing only at cards still there.

use lodestar_core::canvas::{check_inputs, InputMetric, NorthStarInput};
use lodestar_core::records::NorthStar;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::history::Recorder;
use crate::json::{from_column, to_text};

/// The one North Star row of a workshop.
pub(crate) fn north_star_id(workshop_id: &str) -> String {
    format!("{workshop_id}:north_star")
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
