//! Removals: load what may point at the thing removed, ask the core's one rule for dangling
//! references what must change with it, and write that inside the removal's own action.

use lodestar_core::references::{
    refuse_removing_vote_options, removal_changes, BallotOf, NeedRefs, Removal, RemovalChanges,
    WorkshopRefs,
};
use rusqlite::params;

use crate::connection::Store;
use crate::error::Result;
use crate::history::Recorder;
use crate::json::{from_column, to_text};
use crate::north_star_rows::{north_star_id, read_north_star};
use crate::scene_rows::{known_ids, read_scene};

impl Store {
    /// What `removal` changes in the workshop besides the removed row itself.
    pub(crate) fn removal_changes(
        &self,
        workshop_id: &str,
        removal: &Removal,
    ) -> Result<RemovalChanges> {
        let known = known_ids(&self.conn, workshop_id)?;
        let items = read_scene(&self.conn, workshop_id, &known)?.items;
        let mut statement = self.conn.prepare(
            "SELECT b.id, b.voter_id FROM ballots b JOIN votes v ON v.id = b.vote_id
             WHERE v.workshop_id = ?1 ORDER BY b.rowid",
        )?;
        let ballots = statement
            .query_map([workshop_id], |row| {
                Ok(BallotOf {
                    id: row.get(0)?,
                    voter_id: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut statement = self.conn.prepare(
            "SELECT id, category_id, agreement FROM needs WHERE workshop_id = ?1
             ORDER BY position, id",
        )?;
        let needs = statement
            .query_map([workshop_id], |row| {
                Ok(NeedRefs {
                    id: row.get(0)?,
                    category_id: row.get(1)?,
                    agreement: from_column(row, 2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        refuse_removing_vote_options(removal, &needs, &self.vote_options(workshop_id)?)?;
        let north_star_inputs = read_north_star(&self.conn, workshop_id)?.map(|n| n.inputs);
        let data = WorkshopRefs {
            known,
            ballots,
            needs,
            items,
            north_star_inputs,
        };
        Ok(removal_changes(removal, &data))
    }
}

impl Store {
    /// Every option id of every vote of the workshop.
    fn vote_options(&self, workshop_id: &str) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare("SELECT options FROM votes WHERE workshop_id = ?1")?;
        let lists = statement
            .query_map([workshop_id], |row| from_column::<Vec<String>>(row, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lists.into_iter().flatten().collect())
    }
}

/// Writes what a removal changes; the caller then deletes the removed row.
pub(crate) fn write_removal_changes(
    rec: &mut Recorder<'_, '_>,
    workshop_id: &str,
    changes: &RemovalChanges,
) -> Result<()> {
    for id in &changes.delete_ballots {
        rec.delete("ballots", id)?;
    }
    for (id, agreement) in &changes.agreements {
        rec.exec(
            "needs",
            id,
            "UPDATE needs SET agreement = ?2 WHERE id = ?1",
            params![id, to_text(agreement)?],
        )?;
    }
    for item in &changes.items {
        rec.exec(
            "canvas_items",
            &item.id,
            "UPDATE canvas_items SET content = ?2 WHERE id = ?1",
            params![item.id, to_text(&item.content())?],
        )?;
    }
    if let Some(inputs) = &changes.north_star_inputs {
        let id = north_star_id(workshop_id);
        rec.exec(
            "north_stars",
            &id,
            "UPDATE north_stars SET inputs = ?2 WHERE id = ?1",
            params![id, to_text(inputs)?],
        )?;
    }
    for id in &changes.delete_needs {
        rec.delete("needs", id)?;
    }
    Ok(())
}
