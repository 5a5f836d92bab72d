//! Reading the canvas: its items and links, and the ids their content may point at.

use std::collections::HashSet;

use lodestar_core::canvas::{CanvasItem, CanvasLink, CanvasScene, ItemContent, ItemKind};
use lodestar_core::references::KnownIds;
use rusqlite::Connection;

use crate::error::Result;
use crate::json::{enum_column, from_column};

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
