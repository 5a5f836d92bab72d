//! Step 1: the people in the room.

use lodestar_core::records::Stakeholder;
use lodestar_core::references::Removal;
use lodestar_core::stakeholders::{initials, quadrant, StakeholderInput};
use lodestar_core::HistoryScope;
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{enum_column, enum_text};
use crate::removals::write_removal_changes;

const TABLE: &str = "stakeholders";
const COLUMNS: &str =
    "id, position, name, role, function, influence, interest, stance, present, colour";

impl Store {
    pub fn stakeholders(&self, workshop_id: &str) -> Result<Vec<Stakeholder>> {
        list_stakeholders(&self.conn, workshop_id)
    }

    /// Adds a person at the end of the list.
    pub fn add_stakeholder(
        &mut self,
        workshop_id: &str,
        input: &StakeholderInput,
        now: i64,
    ) -> Result<Stakeholder> {
        let clean = input.validate()?;
        self.workshop(workshop_id)?;
        let count = self.count_in_workshop("stakeholders", workshop_id)?;
        lodestar_core::limits::refuse_past_limit(
            "stakeholders",
            count,
            1,
            lodestar_core::limits::MAX_STAKEHOLDERS,
        )?;
        let id = uuid::Uuid::new_v4().to_string();
        let label = format!("add stakeholder “{}”", clean.name);
        self.action(&HistoryScope::workshop(workshop_id), &label, now, |rec| {
            let position: i32 = rec.tx().query_row(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM stakeholders WHERE workshop_id = ?1",
                [workshop_id],
                |row| row.get(0),
            )?;
            rec.exec(
                TABLE,
                &id,
                "INSERT INTO stakeholders (id, workshop_id, position, name, role, function,
                    influence, interest, stance, present, colour)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    id,
                    workshop_id,
                    position,
                    clean.name,
                    clean.role,
                    clean.function,
                    clean.influence,
                    clean.interest,
                    enum_text(&clean.stance)?,
                    clean.present,
                    clean.colour
                ],
            )?;
            Ok(())
        })?;
        self.stakeholder(&id)
    }

    pub fn update_stakeholder(
        &mut self,
        id: &str,
        input: &StakeholderInput,
        now: i64,
    ) -> Result<Stakeholder> {
        let clean = input.validate()?;
        let workshop_id = self.owner_of(TABLE, id)?;
        let label = format!("edit stakeholder “{}”", clean.name);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            rec.exec(
                TABLE,
                id,
                "UPDATE stakeholders SET name = ?2, role = ?3, function = ?4, influence = ?5,
                    interest = ?6, stance = ?7, present = ?8, colour = ?9 WHERE id = ?1",
                params![
                    id,
                    clean.name,
                    clean.role,
                    clean.function,
                    clean.influence,
                    clean.interest,
                    enum_text(&clean.stance)?,
                    clean.present,
                    clean.colour
                ],
            )?;
            Ok(())
        })?;
        self.stakeholder(id)
    }

    /// Removes a person with any ballot they cast, their name from objections and from the
    /// cards they wrote (all come back on undo).
    pub fn remove_stakeholder(&mut self, id: &str, now: i64) -> Result<()> {
        let person = self.stakeholder(id)?;
        let workshop_id = self.owner_of(TABLE, id)?;
        let changes = self.removal_changes(&workshop_id, &Removal::Stakeholder(id.to_string()))?;
        let label = format!("remove stakeholder “{}”", person.details.name);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            write_removal_changes(rec, &workshop_id, &changes)?;
            rec.delete(TABLE, id)
        })
    }

    /// Puts the workshop's stakeholders in the order of `ids` (all of them, each once).
    pub fn reorder_stakeholders(
        &mut self,
        workshop_id: &str,
        ids: &[String],
        now: i64,
    ) -> Result<()> {
        self.reorder(TABLE, workshop_id, ids, "reorder stakeholders", now)
    }

    fn stakeholder(&self, id: &str) -> Result<Stakeholder> {
        let sql = format!("SELECT {COLUMNS} FROM stakeholders WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], read_stakeholder)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "stakeholder",
                id: id.to_string(),
            })
    }
}

pub(crate) fn list_stakeholders(conn: &Connection, workshop_id: &str) -> Result<Vec<Stakeholder>> {
    let sql =
        format!("SELECT {COLUMNS} FROM stakeholders WHERE workshop_id = ?1 ORDER BY position, id");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([workshop_id], read_stakeholder)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn read_stakeholder(row: &rusqlite::Row<'_>) -> rusqlite::Result<Stakeholder> {
    let details = StakeholderInput {
        name: row.get(2)?,
        role: row.get(3)?,
        function: row.get(4)?,
        influence: row.get(5)?,
        interest: row.get(6)?,
        stance: enum_column(row, 7)?,
        present: row.get(8)?,
        colour: row.get(9)?,
    };
    Ok(Stakeholder {
        id: row.get(0)?,
        position: row.get(1)?,
        initials: initials(&details.name),
        quadrant: quadrant(details.influence, details.interest),
        details,
    })
}
