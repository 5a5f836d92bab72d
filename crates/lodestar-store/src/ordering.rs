//! Shared pieces of list entities: who owns a row, and reordering a workshop's list.

use rusqlite::{params, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use lodestar_core::{HistoryScope, Refusal, RefusalCode};

/// Tables whose rows belong to a workshop and have a `position` (never user input).
const ORDERED: &[&str] = &["stakeholders", "categories", "needs", "actions"];

impl Store {
    /// The workshop a row of `table` belongs to, or `NotFound`.
    pub(crate) fn owner_of(&self, table: &'static str, id: &str) -> Result<String> {
        let sql = format!("SELECT workshop_id FROM {table} WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], |row| row.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: table.trim_end_matches('s'),
                id: id.to_string(),
            })
    }

    /// The ids a one-parameter query returns.
    /// How many rows of `table` (one of the workshop's lists) the workshop has.
    pub(crate) fn count_in_workshop(&self, table: &str, workshop_id: &str) -> Result<usize> {
        let count: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM {table} WHERE workshop_id = ?1"),
            [workshop_id],
            |row| row.get(0),
        )?;
        Ok(usize::try_from(count).unwrap_or(usize::MAX))
    }

    pub(crate) fn ids_where(&self, sql: &str, param: &str) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare(sql)?;
        let rows = statement.query_map([param], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Renumbers a workshop's rows of `table` to follow `ids`; only moved rows are recorded.
    pub(crate) fn reorder(
        &mut self,
        table: &'static str,
        workshop_id: &str,
        ids: &[String],
        label: &str,
        now: i64,
    ) -> Result<()> {
        debug_assert!(ORDERED.contains(&table));
        let sql = format!("SELECT id FROM {table} WHERE workshop_id = ?1 ORDER BY position, id");
        let mut current = self.ids_where(&sql, workshop_id)?;
        let mut wanted = ids.to_vec();
        current.sort();
        wanted.sort();
        wanted.dedup();
        if current != wanted || wanted.len() != ids.len() {
            return Err(Refusal::new(
                RefusalCode::ListChanged,
                "ids",
                "must list every item of this workshop exactly once (the list changed meanwhile?)",
            )
            .into());
        }
        let update = format!("UPDATE {table} SET position = ?2 WHERE id = ?1 AND position != ?2");
        self.action(&HistoryScope::workshop(workshop_id), label, now, |rec| {
            for (position, id) in ids.iter().enumerate() {
                rec.exec(table, id, &update, params![id, position as i64])?;
            }
            Ok(())
        })
    }
}
