//! Reading a scene: lookups, paint order, what is inside a frame, and the checks every
//! action relies on (items that exist, frames that can hold an item). Also the whole-scene
//! check for a canvas read from a file.

use crate::refusal::RefusalCode;
use std::collections::{HashMap, HashSet};

use super::{z_between, CanvasItem, CanvasLink, CanvasScene, ItemKind, Refusal, SceneChange};

impl CanvasScene {
    /// Writes `change` into this scene (what the store does to its tables).
    pub fn apply_change(&mut self, change: &SceneChange) {
        for item in &change.upserts {
            match self.items.iter_mut().find(|i| i.id == item.id) {
                Some(slot) => *slot = item.clone(),
                None => self.items.push(item.clone()),
            }
        }
        self.items.retain(|i| !change.deletes.contains(&i.id));
        for link in &change.link_upserts {
            match self.links.iter_mut().find(|l| l.id == link.id) {
                Some(slot) => *slot = link.clone(),
                None => self.links.push(link.clone()),
            }
        }
        self.links.retain(|l| !change.link_deletes.contains(&l.id));
    }

    pub fn item(&self, id: &str) -> Option<&CanvasItem> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn link_by_id(&self, id: &str) -> Option<&CanvasLink> {
        self.links.iter().find(|l| l.id == id)
    }

    /// The items in paint order (back to front); equal keys fall back to the id.
    pub fn stacked(&self) -> Vec<&CanvasItem> {
        let mut items: Vec<&CanvasItem> = self.items.iter().collect();
        items.sort_by(|a, b| (&a.z, &a.id).cmp(&(&b.z, &b.id)));
        items
    }

    /// The items directly inside a frame, in paint order.
    pub fn children(&self, frame_id: &str) -> Vec<&CanvasItem> {
        self.stacked()
            .into_iter()
            .filter(|i| i.parent_frame.as_deref() == Some(frame_id))
            .collect()
    }

    /// The items named by `ids` (each must be on the canvas) and everything inside the frames
    /// among them, at any depth, each once, parents before the items inside them.
    pub fn with_contents(&self, ids: &[String]) -> Result<Vec<&CanvasItem>, Refusal> {
        let mut inside: HashMap<&str, Vec<&CanvasItem>> = HashMap::new();
        for item in self.stacked() {
            if let Some(parent) = item.parent_frame.as_deref() {
                inside.entry(parent).or_default().push(item);
            }
        }
        let mut seen = HashSet::new();
        let mut queue: Vec<&CanvasItem> = Vec::new();
        for id in ids {
            let item = self.require("ids", id)?;
            if is_inside_any(self, item, ids) {
                continue; // it comes along with its frame
            }
            if seen.insert(item.id.as_str()) {
                queue.push(item);
            }
        }
        let mut next = 0;
        while let Some(item) = queue.get(next).copied() {
            next += 1;
            for child in inside.get(item.id.as_str()).into_iter().flatten() {
                if seen.insert(child.id.as_str()) {
                    queue.push(child);
                }
            }
        }
        Ok(queue)
    }

    /// The item `id`, or an error on `field` saying it is gone.
    pub(super) fn require(&self, field: &str, id: &str) -> Result<&CanvasItem, Refusal> {
        self.item(id).ok_or_else(|| {
            Refusal::new(
                RefusalCode::UnknownReference,
                field,
                format!(
                    "“{id}” is not on the canvas (it may have been deleted); reload the canvas"
                ),
            )
        })
    }

    /// The frames `item` sits in, innermost first (stops at a loop in damaged data).
    pub(super) fn ancestors(&self, item: &CanvasItem) -> Vec<&CanvasItem> {
        let mut chain: Vec<&CanvasItem> = Vec::new();
        let mut parent = item.parent_frame.as_deref();
        while let Some(frame) = parent.and_then(|id| self.item(id)) {
            if frame.id == item.id || chain.iter().any(|f| f.id == frame.id) {
                break;
            }
            chain.push(frame);
            parent = frame.parent_frame.as_deref();
        }
        chain
    }

    /// Checks that `frame_id` can hold `item_id`: it exists, is a frame, and is not the item
    /// or inside it.
    pub(super) fn check_frame(&self, item_id: &str, frame_id: &str) -> Result<(), Refusal> {
        let frame = self.item(frame_id).ok_or_else(|| {
            Refusal::new(
                RefusalCode::UnknownReference,
                "parentFrame",
                format!("there is no frame “{frame_id}” on the canvas; choose another"),
            )
        })?;
        if frame.kind != ItemKind::Frame {
            return Err(Refusal::new(
                RefusalCode::WrongKind,
                "parentFrame",
                format!("“{frame_id}” is not a frame; only frames can hold items"),
            ));
        }
        if frame.id == item_id || self.ancestors(frame).iter().any(|f| f.id == item_id) {
            return Err(Refusal::new(
                RefusalCode::FrameInsideItself,
                "parentFrame",
                "a frame cannot go inside itself or a frame it contains",
            ));
        }
        Ok(())
    }

    /// The lowest and highest stacking keys, if the canvas has items.
    pub(super) fn z_range(&self) -> Option<(&str, &str)> {
        let low = self.items.iter().map(|i| i.z.as_str()).min()?;
        let high = self.items.iter().map(|i| i.z.as_str()).max()?;
        Some((low, high))
    }

    /// A key just above `z`, below the next key up (so nothing else changes place).
    pub(super) fn z_just_above(&self, z: &str) -> String {
        let next = self
            .items
            .iter()
            .map(|i| i.z.as_str())
            .filter(|k| *k > z)
            .min();
        z_between(Some(z), next)
    }

    /// A key just below `z`, above the next key down.
    pub(super) fn z_just_below(&self, z: &str) -> String {
        let next = self
            .items
            .iter()
            .map(|i| i.z.as_str())
            .filter(|k| *k < z)
            .max();
        z_between(next, Some(z))
    }

    /// Checks the whole scene, e.g. one read from a file: every item valid, ids unique,
    /// frames that exist and do not contain themselves, every link valid. The error's field
    /// says which record is wrong, e.g. `items[3].width` or `links[0].to`.
    pub fn check(&self) -> Result<(), Refusal> {
        let mut ids = HashSet::new();
        for (i, item) in self.items.iter().enumerate() {
            item.validate().map_err(at("items", i))?;
            if !ids.insert(item.id.as_str()) {
                let message = format!("“{}” is used by two items", item.id);
                return Err(Refusal::new(
                    RefusalCode::Duplicate,
                    format!("items[{i}].id"),
                    message,
                ));
            }
        }
        super::frame_check::check_frames(&self.items)?;
        let mut links = HashSet::new();
        for (i, link) in self.links.iter().enumerate() {
            if !links.insert(link.id.as_str()) {
                let message = format!("“{}” is used by two links", link.id);
                return Err(Refusal::new(
                    RefusalCode::Duplicate,
                    format!("links[{i}].id"),
                    message,
                ));
            }
            let earlier = self.links.get(..i).unwrap_or_default();
            self.check_link(link, earlier).map_err(at("links", i))?;
        }
        Ok(())
    }
}

/// The error `e` of record `i` of `list`, with the field named by its path.
fn at(list: &'static str, i: usize) -> impl Fn(Refusal) -> Refusal {
    move |e| e.within(list, i)
}

/// Whether `item` sits (at any depth) in a frame that is also among `ids`.
fn is_inside_any(scene: &CanvasScene, item: &CanvasItem, ids: &[String]) -> bool {
    scene.ancestors(item).iter().any(|f| ids.contains(&f.id))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, inside, link, scene, sticky};
    use super::*;

    fn nested() -> CanvasScene {
        scene(
            vec![
                frame("outer", 0.0, 0.0, 900.0, 900.0),
                inside(frame("inner", 0.0, 0.0, 400.0, 400.0), "outer"),
                inside(sticky("a", 0.0, 0.0), "inner"),
                inside(sticky("b", 0.0, 0.0), "outer"),
                sticky("c", 0.0, 0.0),
            ],
            vec![link("ab", "a", "b")],
        )
    }

    #[test]
    fn a_selected_frame_brings_everything_inside_it_parents_first() {
        let canvas = nested();
        let picked = canvas.with_contents(&["outer".to_string()]).unwrap();
        let ids: Vec<&str> = picked.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["outer", "inner", "b", "a"]);
    }

    #[test]
    fn a_frame_lists_only_the_items_directly_inside_it() {
        let canvas = nested();
        let ids: Vec<&str> = canvas
            .children("outer")
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["inner", "b"]);
    }

    #[test]
    fn a_well_formed_canvas_passes_the_check() {
        assert_eq!(nested().check(), Ok(()));
    }

    #[test]
    fn a_canvas_with_two_items_of_the_same_id_fails_the_check() {
        let mut canvas = nested();
        canvas.items.push(sticky("c", 5.0, 5.0));
        assert!(canvas
            .check()
            .unwrap_err()
            .message
            .contains("used by two items"));
    }

    #[test]
    fn a_canvas_whose_frames_contain_each_other_fails_the_check() {
        let canvas = scene(
            vec![
                inside(frame("f", 0.0, 0.0, 9.0, 9.0), "g"),
                inside(frame("g", 0.0, 0.0, 9.0, 9.0), "f"),
            ],
            vec![],
        );
        assert_eq!(canvas.check().unwrap_err().field, "items[0].parentFrame");
    }

    #[test]
    fn a_canvas_with_a_link_to_a_missing_item_fails_the_check() {
        let mut canvas = nested();
        canvas.links.push(link("cz", "c", "z"));
        assert_eq!(canvas.check().unwrap_err().field, "links[1].to");
    }

    #[test]
    fn a_canvas_with_the_same_pair_linked_twice_fails_the_check() {
        let mut canvas = nested();
        canvas.links.push(link("ba", "b", "a"));
        assert!(canvas
            .check()
            .unwrap_err()
            .message
            .contains("already linked"));
    }
}
