//! Reading the North Star row.

use lodestar_core::canvas::{check_inputs, InputMetric, NorthStarInput};
use lodestar_core::records::NorthStar;
use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::json::from_column;

/// The one North Star row of a workshop.
pub(crate) fn north_star_id(workshop_id: &str) -> String {
    format!("{workshop_id}:north_star")
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
