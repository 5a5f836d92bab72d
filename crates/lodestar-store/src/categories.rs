//! Step 2: customer categories, and why the best ones are the best.

use lodestar_core::categories::CategoryInput;
use lodestar_core::records::Category;
use lodestar_core::references::Removal;
use lodestar_core::HistoryScope;
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{from_column, to_text};
use crate::removals::write_removal_changes;

const TABLE: &str = "categories";
const COLUMNS: &str = "id, position, name, description, why_best, reasons, size, value, priority";

impl Store {
    pub fn categories(&self, workshop_id: &str) -> Result<Vec<Category>> {
        list_categories(&self.conn, workshop_id)
    }

    pub fn add_category(
        &mut self,
        workshop_id: &str,
        input: &CategoryInput,
        now: i64,
    ) -> Result<Category> {
        let clean = input.validate()?;
        self.workshop(workshop_id)?;
        let count = self.count_in_workshop("categories", workshop_id)?;
        lodestar_core::limits::refuse_past_limit(
            "customer categories",
            count,
            1,
            lodestar_core::limits::MAX_CATEGORIES,
        )?;
        let id = uuid::Uuid::new_v4().to_string();
        let label = format!("add category “{}”", clean.name);
        self.action(&HistoryScope::workshop(workshop_id), &label, now, |rec| {
            let position: i32 = rec.tx().query_row(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM categories WHERE workshop_id = ?1",
                [workshop_id],
                |row| row.get(0),
            )?;
            rec.exec(
                TABLE,
                &id,
                "INSERT INTO categories (id, workshop_id, position, name, description, why_best,
                    reasons, size, value, priority)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    workshop_id,
                    position,
                    clean.name,
                    clean.description,
                    clean.why_best,
                    to_text(&clean.reasons)?,
                    clean.size,
                    clean.value,
                    clean.priority
                ],
            )?;
            Ok(())
        })?;
        self.category(&id)
    }

    pub fn update_category(
        &mut self,
        id: &str,
        input: &CategoryInput,
        now: i64,
    ) -> Result<Category> {
        let clean = input.validate()?;
        let workshop_id = self.owner_of(TABLE, id)?;
        let label = format!("edit category “{}”", clean.name);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            rec.exec(
                TABLE,
                id,
                "UPDATE categories SET name = ?2, description = ?3, why_best = ?4, reasons = ?5,
                    size = ?6, value = ?7, priority = ?8 WHERE id = ?1",
                params![
                    id,
                    clean.name,
                    clean.description,
                    clean.why_best,
                    to_text(&clean.reasons)?,
                    clean.size,
                    clean.value,
                    clean.priority
                ],
            )?;
            Ok(())
        })?;
        self.category(id)
    }

    /// Removes a category with its needs, and the cards' links to them (all restored
    /// together on undo).
    pub fn remove_category(&mut self, id: &str, now: i64) -> Result<()> {
        let category = self.category(id)?;
        let workshop_id = self.owner_of(TABLE, id)?;
        let changes = self.removal_changes(&workshop_id, &Removal::Category(id.to_string()))?;
        let label = format!("remove category “{}”", category.details.name);
        self.action(&HistoryScope::workshop(&workshop_id), &label, now, |rec| {
            write_removal_changes(rec, &workshop_id, &changes)?;
            rec.delete(TABLE, id)
        })
    }

    pub fn reorder_categories(
        &mut self,
        workshop_id: &str,
        ids: &[String],
        now: i64,
    ) -> Result<()> {
        self.reorder(TABLE, workshop_id, ids, "reorder categories", now)
    }

    fn category(&self, id: &str) -> Result<Category> {
        let sql = format!("SELECT {COLUMNS} FROM categories WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], read_category)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "category",
                id: id.to_string(),
            })
    }
}

pub(crate) fn list_categories(conn: &Connection, workshop_id: &str) -> Result<Vec<Category>> {
    let sql =
        format!("SELECT {COLUMNS} FROM categories WHERE workshop_id = ?1 ORDER BY position, id");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([workshop_id], read_category)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn read_category(row: &rusqlite::Row<'_>) -> rusqlite::Result<Category> {
    Ok(Category {
        id: row.get(0)?,
        position: row.get(1)?,
        details: CategoryInput {
            name: row.get(2)?,
            description: row.get(3)?,
            why_best: row.get(4)?,
            reasons: from_column(row, 5)?,
            size: row.get(6)?,
            value: row.get(7)?,
            priority: row.get(8)?,
        },
    })
}
