//! Step 3: SMART needs per category, and the room's agreement on each.

use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::records::{Category, Need};
use lodestar_core::references::Removal;
use lodestar_core::smart::check_smart;
use lodestar_core::smart::eligible_for_vote;
use lodestar_core::HistoryScope;
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::json::{from_column, to_text};
use crate::removals::write_removal_changes;

const TABLE: &str = "needs";
const COLUMNS: &str = "id, position, revision, details, agreement";

impl Store {
    pub fn needs(&self, workshop_id: &str) -> Result<Vec<Need>> {
        let categories = self.categories(workshop_id)?;
        list_needs(&self.conn, workshop_id, &categories)
    }

    /// Adds a need to a category of the same workshop.
    pub fn add_need(&mut self, workshop_id: &str, input: &NeedInput, now: i64) -> Result<Need> {
        let clean = input.validate()?;
        let count = self.count_in_workshop("needs", workshop_id)?;
        lodestar_core::limits::refuse_past_limit(
            "needs",
            count,
            1,
            lodestar_core::limits::MAX_NEEDS,
        )?;
        self.check_category(workshop_id, &clean.category_id)?;
        let id = uuid::Uuid::new_v4().to_string();
        self.action(
            &HistoryScope::workshop(workshop_id),
            "add need",
            now,
            |rec| {
                let position: i32 = rec.tx().query_row(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM needs WHERE workshop_id = ?1",
                    [workshop_id],
                    |row| row.get(0),
                )?;
                rec.exec(
                    TABLE,
                    &id,
                    "INSERT INTO needs (id, workshop_id, category_id, position, details)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        id,
                        workshop_id,
                        clean.category_id,
                        position,
                        to_text(&clean)?
                    ],
                )?;
                Ok(())
            },
        )?;
        self.need(&id)
    }

    /// Rewrites a need's statement and SMART parts. Its revision goes up, so a vote decided
    /// on the old wording shows as stale.
    pub fn update_need(&mut self, id: &str, input: &NeedInput, now: i64) -> Result<Need> {
        let clean = input.validate()?;
        let workshop_id = self.owner_of(TABLE, id)?;
        self.check_category(&workshop_id, &clean.category_id)?;
        self.action(
            &HistoryScope::workshop(&workshop_id),
            "edit need",
            now,
            |rec| {
                rec.exec(
                    TABLE,
                    id,
                    "UPDATE needs SET details = ?2, category_id = ?3, revision = MIN(revision + 1, 2147483647)
                 WHERE id = ?1 AND details != ?2",
                    params![id, to_text(&clean)?, clean.category_id],
                )?;
                Ok(())
            },
        )?;
        self.need(id)
    }

    /// Records what the room said about a need: consensus, objections, or rejection.
    pub fn set_need_agreement(
        &mut self,
        id: &str,
        agreement: &Agreement,
        now: i64,
    ) -> Result<Need> {
        let workshop_id = self.owner_of(TABLE, id)?;
        let people = self.ids_where(
            "SELECT id FROM stakeholders WHERE workshop_id = ?1",
            &workshop_id,
        )?;
        let agreement = agreement.validate(&people.iter().map(String::as_str).collect())?;
        self.action(
            &HistoryScope::workshop(&workshop_id),
            "record agreement",
            now,
            |rec| {
                rec.exec(
                    TABLE,
                    id,
                    "UPDATE needs SET agreement = ?2 WHERE id = ?1",
                    params![id, to_text(&agreement)?],
                )?;
                Ok(())
            },
        )?;
        self.need(id)
    }

    /// Removes a need, and the cards' links to it (both come back on undo).
    pub fn remove_need(&mut self, id: &str, now: i64) -> Result<()> {
        let workshop_id = self.owner_of(TABLE, id)?;
        let changes = self.removal_changes(&workshop_id, &Removal::Need(id.to_string()))?;
        let scope = HistoryScope::workshop(&workshop_id);
        self.action(&scope, "remove need", now, |rec| {
            write_removal_changes(rec, &workshop_id, &changes)?;
            rec.delete(TABLE, id)
        })
    }

    pub fn reorder_needs(&mut self, workshop_id: &str, ids: &[String], now: i64) -> Result<()> {
        self.reorder(TABLE, workshop_id, ids, "reorder needs", now)
    }

    fn need(&self, id: &str) -> Result<Need> {
        let workshop_id = self.owner_of(TABLE, id)?;
        self.needs(&workshop_id)?
            .into_iter()
            .find(|need| need.id == id)
            .ok_or_else(|| StoreError::NotFound {
                entity: "need",
                id: id.to_string(),
            })
    }

    fn check_category(&self, workshop_id: &str, category_id: &str) -> Result<()> {
        let owner: Option<String> = self
            .conn
            .query_row(
                "SELECT workshop_id FROM categories WHERE id = ?1",
                [category_id],
                |r| r.get(0),
            )
            .optional()?;
        match owner {
            Some(owner) if owner == workshop_id => Ok(()),
            _ => Err(lodestar_core::Refusal::new(
                lodestar_core::RefusalCode::UnknownReference,
                "categoryId",
                "must name a customer category of this workshop",
            )
            .into()),
        }
    }
}

/// Every need of a workshop with its SMART check and vote eligibility worked out.
pub(crate) fn list_needs(
    conn: &Connection,
    workshop_id: &str,
    categories: &[Category],
) -> Result<Vec<Need>> {
    let sql = format!("SELECT {COLUMNS} FROM needs WHERE workshop_id = ?1 ORDER BY position, id");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([workshop_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i32>(1)?,
            row.get::<_, i32>(2)?,
            from_column::<NeedInput>(row, 3)?,
            from_column::<Agreement>(row, 4)?,
        ))
    })?;
    let mut needs = Vec::new();
    for row in rows {
        let (id, position, revision, details, agreement) = row?;
        let category_name = categories
            .iter()
            .find(|c| c.id == details.category_id)
            .map(|c| c.details.name.as_str());
        let smart = check_smart(&details, category_name);
        let eligible = eligible_for_vote(&smart, &agreement);
        needs.push(Need {
            id,
            position,
            revision,
            details,
            agreement,
            smart,
            eligible,
        });
    }
    Ok(needs)
}
