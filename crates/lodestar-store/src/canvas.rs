//! Step 5: the canvas. The core works out what an action changes ([`CanvasScene::apply`]);
//! this module writes that change in one recorded transaction, so every canvas action is one
//! undo step that survives a restart.

use std::collections::HashSet;

use lodestar_core::canvas::{
    CanvasItem, CanvasLink, CanvasOp, CanvasScene, ItemContent, ItemKind, SceneChange,
};
use lodestar_core::{HistoryScope, Refusal, RefusalCode};
use rusqlite::{params, Connection};

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::history::Recorder;
use crate::json::{enum_column, enum_text, from_column, to_text};
use crate::north_star::forget_deleted_inputs;

/// Most actions sent as one step (a drag that also drops into a frame is two).
const MAX_OPS_PER_STEP: usize = 20;

/// The ids an item's content may point at: the workshop's people, categories and needs.
pub(crate) struct KnownIds {
    pub stakeholders: HashSet<String>,
    pub categories: HashSet<String>,
    pub needs: HashSet<String>,
}

impl KnownIds {
    /// The content with links to removed people, categories or needs dropped, so a removed
    /// stakeholder never leaves a sticky pointing nowhere (in the app or in an export).
    fn tidy(&self, item: CanvasItem) -> CanvasItem {
        let keep = |id: Option<String>, known: &HashSet<String>| id.filter(|i| known.contains(i));
        CanvasItem {
            author_id: keep(item.author_id, &self.stakeholders),
            linked_category: keep(item.linked_category, &self.categories),
            linked_need: keep(item.linked_need, &self.needs),
            ..item
        }
    }

    fn check(&self, content: &ItemContent) -> Result<()> {
        let unknown = |field: &str, what: &str| {
            Err(StoreError::Invalid(Refusal::new(
                RefusalCode::UnknownReference,
                field,
                format!("is not {what} of this workshop (it may have been removed)"),
            )))
        };
        if let Some(id) = &content.author_id {
            if !self.stakeholders.contains(id) {
                return unknown("authorId", "a stakeholder");
            }
        }
        if let Some(id) = &content.linked_category {
            if !self.categories.contains(id) {
                return unknown("linkedCategory", "a customer category");
            }
        }
        if let Some(id) = &content.linked_need {
            if !self.needs.contains(id) {
                return unknown("linkedNeed", "a need");
            }
        }
        Ok(())
    }
}

impl Store {
    /// The workshop's canvas: items in paint order and links.
    pub fn canvas_scene(&self, workshop_id: &str) -> Result<CanvasScene> {
        let known = known_ids(&self.conn, workshop_id)?;
        read_scene(&self.conn, workshop_id, &known)
    }

    /// Applies canvas actions as one undo step (e.g. a drag that moves stickies and drops them
    /// into a frame) and returns what changed. An action that changes nothing records nothing.
    pub fn apply_canvas_ops(
        &mut self,
        workshop_id: &str,
        ops: &[CanvasOp],
        now: i64,
    ) -> Result<SceneChange> {
        let Some(first) = ops.first() else {
            return Ok(SceneChange::default());
        };
        if ops.len() > MAX_OPS_PER_STEP {
            return Err(StoreError::Invalid(Refusal::new(
                RefusalCode::TooMany,
                "ops",
                format!("at most {MAX_OPS_PER_STEP} canvas actions can be one step"),
            )));
        }
        self.workshop(workshop_id)?;
        let known = known_ids(&self.conn, workshop_id)?;
        let mut scene = read_scene(&self.conn, workshop_id, &known)?;
        let north_star_item = self.north_star_item(workshop_id)?;
        let mut total = SceneChange::default();
        let mut new_id = || uuid::Uuid::new_v4().to_string();
        for op in ops {
            match op {
                CanvasOp::Create { item } => known.check(&item.content)?,
                CanvasOp::Edit { content, .. } => known.check(content)?,
                _ => {}
            }
            let change = scene.apply(op, &mut new_id)?;
            if let Some(star) = &north_star_item {
                if change.deletes.contains(star) {
                    return Err(StoreError::Invalid(Refusal::new(
                        RefusalCode::NorthStarInUse,
                        "ids",
                        "this sticky is the North Star metric: clear the North Star before \
                         deleting it",
                    )));
                }
            }
            scene.apply_change(&change);
            total = total.then(change);
        }
        if total.is_empty() {
            return Ok(total);
        }
        let scope = HistoryScope::workshop(workshop_id);
        let label = if ops.len() == 1 {
            first.label()
        } else {
            format!("{} and more", first.label())
        };
        self.action(&scope, &label, now, |rec| {
            write_change(rec, workshop_id, &total)?;
            forget_deleted_inputs(rec, workshop_id, &total.deletes)
        })?;
        Ok(total)
    }
}

fn write_change(rec: &mut Recorder<'_, '_>, workshop_id: &str, change: &SceneChange) -> Result<()> {
    for item in &change.upserts {
        let content = to_text(&item.content())?;
        rec.exec(
            "canvas_items",
            &item.id,
            "INSERT INTO canvas_items (id, workshop_id, kind, x, y, width, height, z,
                parent_frame, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET kind = ?3, x = ?4, y = ?5, width = ?6,
                height = ?7, z = ?8, parent_frame = ?9, content = ?10",
            params![
                item.id,
                workshop_id,
                enum_text(&item.kind)?,
                item.x,
                item.y,
                item.width,
                item.height,
                item.z,
                item.parent_frame,
                content
            ],
        )?;
    }
    for id in &change.deletes {
        rec.delete("canvas_items", id)?;
    }
    for link in &change.link_upserts {
        rec.exec(
            "canvas_links",
            &link.id,
            "INSERT INTO canvas_links (id, workshop_id, from_item, to_item, label)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET from_item = ?3, to_item = ?4, label = ?5",
            params![link.id, workshop_id, link.from, link.to, link.label],
        )?;
    }
    for id in &change.link_deletes {
        rec.delete("canvas_links", id)?;
    }
    Ok(())
}

pub(crate) fn known_ids(conn: &Connection, workshop_id: &str) -> Result<KnownIds> {
    let ids = |table: &str| -> Result<HashSet<String>> {
        let sql = format!("SELECT id FROM {table} WHERE workshop_id = ?1");
        let mut statement = conn.prepare(&sql)?;
        let rows = statement.query_map([workshop_id], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<HashSet<String>>>()?)
    };
    Ok(KnownIds {
        stakeholders: ids("stakeholders")?,
        categories: ids("categories")?,
        needs: ids("needs")?,
    })
}

/// The canvas as stored, items in paint order, with dangling links to people, categories
/// and needs dropped.
pub(crate) fn read_scene(
    conn: &Connection,
    workshop_id: &str,
    known: &KnownIds,
) -> Result<CanvasScene> {
    let mut statement = conn.prepare(
        "SELECT id, kind, x, y, width, height, z, parent_frame, content FROM canvas_items
         WHERE workshop_id = ?1 ORDER BY z, id",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        let id: String = row.get(0)?;
        let content: ItemContent = from_column(row, 8)?;
        let kind: ItemKind = enum_column(row, 1)?;
        let placed = CanvasItem {
            id: id.clone(),
            kind,
            x: row.get(2)?,
            y: row.get(3)?,
            width: row.get(4)?,
            height: row.get(5)?,
            z: row.get(6)?,
            parent_frame: row.get(7)?,
            text: String::new(),
            colour: Default::default(),
            author_id: None,
            tags: Default::default(),
            linked_category: None,
            linked_need: None,
            checklist: Default::default(),
        };
        Ok(placed.with_content(content))
    })?;
    let items = rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|item| known.tidy(item))
        .collect();
    let mut statement = conn.prepare(
        "SELECT id, from_item, to_item, label FROM canvas_links WHERE workshop_id = ?1
         ORDER BY id",
    )?;
    let rows = statement.query_map([workshop_id], |row| {
        Ok(CanvasLink {
            id: row.get(0)?,
            from: row.get(1)?,
            to: row.get(2)?,
            label: row.get(3)?,
        })
    })?;
    let links = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CanvasScene::new(items, links))
}
