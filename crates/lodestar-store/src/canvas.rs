//! Step 5: the canvas. The core works out what an action changes ([`CanvasScene::apply`]);
//! this module writes that change in one recorded transaction, so every canvas action is one
//! undo step that survives a restart.

use lodestar_core::canvas::{
    refuse_deleting_north_star, CanvasOp, CanvasScene, ItemContent, SceneChange,
};
use lodestar_core::references::{Removal, RemovalChanges};
use lodestar_core::{HistoryScope, Refusal, RefusalCode};
use rusqlite::params;

use crate::connection::Store;
use crate::error::{Result, StoreError};
use crate::history::Recorder;
use crate::json::{enum_text, to_text};
use crate::north_star_rows::read_north_star;
use crate::removals::write_removal_changes;
use crate::scene_rows::{known_ids, read_scene};

/// Most actions sent as one step (a drag that also drops into a frame is two).
const MAX_OPS_PER_STEP: usize = 20;

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
        let north_star_item =
            read_north_star(&self.conn, workshop_id)?.map(|n| n.definition.item_id);
        let mut total = SceneChange::default();
        let mut new_id = || uuid::Uuid::new_v4().to_string();
        for op in ops {
            match op {
                CanvasOp::Create { item } => known.check(&item.content)?,
                CanvasOp::Edit { content, .. } => known.check(content)?,
                CanvasOp::RoomIdea { idea } => known.check(&ItemContent {
                    author_id: idea.author_id.clone(),
                    ..ItemContent::default()
                })?,
                _ => {}
            }
            let change = scene.apply(op, &mut new_id)?;
            refuse_deleting_north_star(&change.deletes, north_star_item.as_deref())?;
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
        // Most canvas actions (drags, edits) delete nothing: skip loading what could refer.
        let removed = if total.deletes.is_empty() {
            RemovalChanges::default()
        } else {
            self.removal_changes(workshop_id, &Removal::CanvasItems(total.deletes.clone()))?
        };
        self.action(&scope, &label, now, |rec| {
            write_change(rec, workshop_id, &total)?;
            write_removal_changes(rec, workshop_id, &removed)
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
