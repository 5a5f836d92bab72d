//! Reading the canvas: its items and links, and the ids their content may point at.

use std::collections::HashSet;

use lodestar_core::canvas::{CanvasItem, CanvasLink, CanvasScene, ItemContent, ItemKind};
use lodestar_core::{Refusal, RefusalCode};
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::json::{enum_column, from_column};

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

    pub(crate) fn check(&self, content: &ItemContent) -> Result<()> {
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
