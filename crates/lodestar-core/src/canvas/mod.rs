//! Step 5: the North Star canvas, where candidate metrics and current KPIs are brainstormed
//! as stickies, clustered in frames, linked, tagged and checked against the criteria.
//!
//! The canvas is flat records (items and links) in a [`CanvasScene`]. Every user action is
//! a [`CanvasOp`]; applying it to the scene returns a [`SceneChange`] (the records to write
//! and to delete) without changing anything, so the store can write it in one transaction and
//! record it as one undoable step. Ids come from the caller; nothing here reads a clock.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::Refusal;

mod balance;
mod candidates;
mod checklist;
mod delete;
mod duplicate;
mod frame_check;
mod frames;
mod items;
mod layers;
mod links;
mod north_star;
mod north_star_rules;
mod ops;
mod room_ideas;
mod scene;
mod tags;
#[cfg(test)]
mod test_support;
mod zindex;

pub use balance::{balance, Balance};
pub use candidates::metric_candidates;
pub use checklist::{Checklist, Criterion, SCORE_MAX};
pub use items::{
    check_coordinate, check_size, CanvasItem, CanvasLink, CardInk, Colour, ItemContent, ItemKind,
    NewItem, CARD_INK, MAX_ITEM_SIZE, MAX_ITEM_TEXT_CHARS, MAX_LINK_LABEL_CHARS,
};
pub use north_star::{
    check_inputs, ActionInput, InputMetric, NorthStarInput, MAX_DEFINITION_CHARS, MAX_INPUTS,
    MAX_METRIC_NAME_CHARS, MIN_INPUTS,
};
pub use north_star_rules::{check_north_star, refuse_deleting_north_star, MAX_STORED_INPUTS};
pub use ops::snap;
pub use room_ideas::{RoomIdea, ROOM_FRAME_TITLE};
pub use tags::{MetricTags, Nature, Timing};
pub use zindex::{is_z_key, z_between};

/// Space between a new frame's edge and the items it groups.
pub const FRAME_PADDING: f64 = 24.0;
/// How far right and down a duplicate lands from its original.
pub const DUPLICATE_OFFSET: f64 = 24.0;

/// One user action on the canvas. Ids of new records come from the caller of
/// [`CanvasScene::apply`], never from the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CanvasOp {
    /// A new sticky, KPI or frame; it goes on top (a frame at the back).
    Create {
        item: NewItem,
    },
    /// Rewrites what is on an item (text, colour, tags, checklist...), keeping its place.
    Edit {
        id: String,
        content: ItemContent,
    },
    /// Moves items by (dx, dy); a moved frame takes the items inside it along.
    Move {
        ids: Vec<String>,
        #[specta(type = specta_typescript::Number)]
        dx: f64,
        #[specta(type = specta_typescript::Number)]
        dy: f64,
    },
    /// Gives an item a new position and size (a resize from any corner).
    Resize {
        id: String,
        #[specta(type = specta_typescript::Number)]
        x: f64,
        #[specta(type = specta_typescript::Number)]
        y: f64,
        #[specta(type = specta_typescript::Number)]
        width: f64,
        #[specta(type = specta_typescript::Number)]
        height: f64,
    },
    /// Puts items into a frame (`None`: out of any frame), keeping where they are.
    SetFrame {
        ids: Vec<String>,
        frame_id: Option<String>,
    },
    /// Draws a new frame titled `title` around the items.
    Group {
        ids: Vec<String>,
        title: String,
    },
    /// Removes frames, leaving what was inside them where it is.
    Ungroup {
        ids: Vec<String>,
    },
    /// Copies items (and the links among them) a little down and to the right.
    Duplicate {
        ids: Vec<String>,
    },
    /// Deletes items and links; a deleted frame leaves its items on the canvas.
    Delete {
        ids: Vec<String>,
    },
    BringToFront {
        ids: Vec<String>,
    },
    SendToBack {
        ids: Vec<String>,
    },
    /// Draws a link between two stickies or KPIs.
    Link {
        from: String,
        to: String,
        label: String,
    },
    /// Changes the words on a link.
    Relabel {
        id: String,
        label: String,
    },
    /// An idea sent from a phone, put in the "From the room" frame.
    RoomIdea {
        idea: RoomIdea,
    },
}

impl CanvasOp {
    /// The action as the Undo button names it ("Undo move 3 items").
    pub fn label(&self) -> String {
        fn items(n: usize) -> String {
            if n == 1 {
                "an item".to_string()
            } else {
                format!("{n} items")
            }
        }
        match self {
            CanvasOp::Create { item } => format!("add a {}", item.kind.noun()),
            CanvasOp::Edit { .. } => "edit an item".to_string(),
            CanvasOp::Move { ids, .. } => format!("move {}", items(ids.len())),
            CanvasOp::Resize { .. } => "resize an item".to_string(),
            CanvasOp::SetFrame { ids, frame_id } => match frame_id {
                Some(_) => format!("put {} in a frame", items(ids.len())),
                None => format!("take {} out of a frame", items(ids.len())),
            },
            CanvasOp::Group { title, .. } if title.trim().is_empty() => "group items".to_string(),
            CanvasOp::Group { title, .. } => format!("group items as “{}”", title.trim()),
            CanvasOp::Ungroup { .. } => "ungroup a frame".to_string(),
            CanvasOp::Duplicate { ids } => format!("duplicate {}", items(ids.len())),
            CanvasOp::Delete { ids } => format!("delete {}", items(ids.len())),
            CanvasOp::BringToFront { .. } => "bring to front".to_string(),
            CanvasOp::SendToBack { .. } => "send to back".to_string(),
            CanvasOp::Link { .. } => "link two items".to_string(),
            CanvasOp::Relabel { .. } => "relabel a link".to_string(),
            CanvasOp::RoomIdea { .. } => "add an idea from the room".to_string(),
        }
    }
}

/// What an action changes: records to write (whole, as they should be afterwards) and ids to
/// delete. Write upserts in order (a frame comes before the items put in it), then delete.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SceneChange {
    pub upserts: Vec<CanvasItem>,
    pub deletes: Vec<String>,
    pub link_upserts: Vec<CanvasLink>,
    pub link_deletes: Vec<String>,
}

impl SceneChange {
    /// Nothing to write: the action would change nothing, so no undo step is needed.
    pub fn is_empty(&self) -> bool {
        self.upserts.is_empty()
            && self.deletes.is_empty()
            && self.link_upserts.is_empty()
            && self.link_deletes.is_empty()
    }

    /// This change followed by `later` (computed on the scene after this one), as one change:
    /// e.g. a drag that moves stickies and drops them into a frame is one undo step.
    pub fn then(mut self, later: SceneChange) -> SceneChange {
        self.upserts.retain(|i| !later.deletes.contains(&i.id));
        self.deletes
            .retain(|id| !later.upserts.iter().any(|i| &i.id == id));
        for item in later.upserts {
            match self.upserts.iter_mut().find(|i| i.id == item.id) {
                Some(slot) => *slot = item,
                None => self.upserts.push(item),
            }
        }
        self.deletes.extend(later.deletes);
        self.link_upserts
            .retain(|l| !later.link_deletes.contains(&l.id));
        self.link_deletes
            .retain(|id| !later.link_upserts.iter().any(|l| &l.id == id));
        for link in later.link_upserts {
            match self.link_upserts.iter_mut().find(|l| l.id == link.id) {
                Some(slot) => *slot = link,
                None => self.link_upserts.push(link),
            }
        }
        self.link_deletes.extend(later.link_deletes);
        self
    }
}

/// The canvas of one workshop as the store holds it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CanvasScene {
    pub items: Vec<CanvasItem>,
    pub links: Vec<CanvasLink>,
}

impl CanvasScene {
    pub fn new(items: Vec<CanvasItem>, links: Vec<CanvasLink>) -> CanvasScene {
        CanvasScene { items, links }
    }

    /// Refuses an operation that would take the board past what a workshop may hold.
    fn refuse_past_limits(&self, op: &CanvasOp) -> Result<(), Refusal> {
        use crate::limits::{refuse_past_limit, MAX_CANVAS_ITEMS, MAX_CANVAS_LINKS};
        let adding = match op {
            CanvasOp::Create { .. } | CanvasOp::Group { .. } => 1,
            CanvasOp::Duplicate { ids } => ids.len(),
            _ => 0,
        };
        refuse_past_limit(
            "cards and frames",
            self.items.len(),
            adding,
            MAX_CANVAS_ITEMS,
        )?;
        let linking = usize::from(matches!(op, CanvasOp::Link { .. }));
        refuse_past_limit("links", self.links.len(), linking, MAX_CANVAS_LINKS)
    }

    /// What `op` changes, checked against the scene; the scene itself is not touched.
    /// `new_id` is called once for each record the action creates.
    pub fn apply(
        &self,
        op: &CanvasOp,
        new_id: &mut dyn FnMut() -> String,
    ) -> Result<SceneChange, Refusal> {
        self.refuse_past_limits(op)?;
        match op {
            CanvasOp::Create { item } => self.create(&new_id(), item),
            CanvasOp::Edit { id, content } => self.edit(id, content),
            CanvasOp::Move { ids, dx, dy } => self.move_by(ids, *dx, *dy),
            CanvasOp::Resize {
                id,
                x,
                y,
                width,
                height,
            } => self.resize(id, *x, *y, *width, *height),
            CanvasOp::SetFrame { ids, frame_id } => self.set_frame(ids, frame_id.as_deref()),
            CanvasOp::Group { ids, title } => self.group(&new_id(), ids, title),
            CanvasOp::Ungroup { ids } => self.ungroup(ids),
            CanvasOp::Duplicate { ids } => self.duplicate(ids, new_id),
            CanvasOp::Delete { ids } => self.delete(ids),
            CanvasOp::BringToFront { ids } => self.bring_to_front(ids),
            CanvasOp::SendToBack { ids } => self.send_to_back(ids),
            CanvasOp::Link { from, to, label } => self.link(&new_id(), from, to, label),
            CanvasOp::Relabel { id, label } => self.relabel(id, label),
            CanvasOp::RoomIdea { idea } => self.add_room_idea(idea, new_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{frame, ids, scene, sticky};
    use super::*;

    #[test]
    fn a_full_board_refuses_one_more_card_but_still_edits_and_deletes() {
        use crate::limits::MAX_CANVAS_ITEMS;
        let scene = CanvasScene {
            items: (0..MAX_CANVAS_ITEMS)
                .map(|i| sticky(&format!("s{i}"), 0.0, 0.0))
                .collect(),
            links: Vec::new(),
        };
        let create = CanvasOp::Create {
            item: NewItem {
                kind: ItemKind::Sticky,
                x: 0.0,
                y: 0.0,
                width: 180.0,
                height: 120.0,
                parent_frame: None,
                content: ItemContent::default(),
            },
        };
        let refused = scene.apply(&create, &mut || "new".into()).unwrap_err();
        assert_eq!(refused.code, crate::refusal::RefusalCode::TooMany);
        let delete = CanvasOp::Delete {
            ids: vec!["s1".into()],
        };
        assert!(scene.apply(&delete, &mut || "new".into()).is_ok());
    }

    #[test]
    fn an_action_from_the_ui_gets_its_ids_from_the_caller() {
        let op = CanvasOp::Link {
            from: "a".into(),
            to: "b".into(),
            label: String::new(),
        };
        let canvas = scene(vec![sticky("a", 0.0, 0.0), sticky("b", 0.0, 0.0)], vec![]);
        let change = canvas.apply(&op, &mut ids()).unwrap();
        assert_eq!(change.link_upserts[0].id, "new1");
    }

    #[test]
    fn applying_a_change_gives_the_scene_the_store_will_hold() {
        let mut canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let op = CanvasOp::Move {
            ids: vec!["a".into()],
            dx: 10.0,
            dy: 0.0,
        };
        let change = canvas.apply(&op, &mut ids()).unwrap();
        canvas.apply_change(&change);
        assert_eq!(canvas.item("a").map(|a| a.x), Some(10.0));
        assert_eq!(canvas.items.len(), 1, "an upsert of a known id replaces it");
    }

    #[test]
    fn a_drag_into_a_frame_is_one_undo_step() {
        let canvas = scene(
            vec![frame("f", 0.0, 0.0, 500.0, 500.0), sticky("a", 900.0, 0.0)],
            vec![],
        );
        let a = vec!["a".to_string()];
        let moved = canvas.move_by(&a, -800.0, 50.0).unwrap();
        let mut then = canvas.clone();
        then.apply_change(&moved);
        let dropped = then.set_frame(&a, Some("f")).unwrap();
        let both = moved.then(dropped);
        assert_eq!(
            both.upserts.len(),
            1,
            "the later record of a replaces the first"
        );
        let a = &both.upserts[0];
        assert_eq!(
            (a.x, a.y, a.parent_frame.as_deref()),
            (100.0, 50.0, Some("f"))
        );
    }

    #[test]
    fn a_change_then_a_delete_of_the_same_item_is_just_the_delete() {
        let created = SceneChange {
            upserts: vec![sticky("a", 0.0, 0.0)],
            ..SceneChange::default()
        };
        let deleted = SceneChange {
            deletes: vec!["a".into()],
            ..SceneChange::default()
        };
        let both = created.then(deleted);
        assert!(both.upserts.is_empty());
        assert_eq!(both.deletes, ["a"]);
    }

    #[test]
    fn an_action_names_itself_for_the_undo_button() {
        let moved = CanvasOp::Move {
            ids: vec!["a".into(), "b".into()],
            dx: 1.0,
            dy: 0.0,
        };
        assert_eq!(moved.label(), "move 2 items");
        let grouped = CanvasOp::Group {
            ids: vec!["a".into()],
            title: " Retention ".into(),
        };
        assert_eq!(grouped.label(), "group items as “Retention”");
        let deleted = CanvasOp::Delete {
            ids: vec!["a".into()],
        };
        assert_eq!(deleted.label(), "delete an item");
    }

    #[test]
    fn canvas_actions_serialize_as_a_tagged_union_for_typescript() {
        let op = CanvasOp::SetFrame {
            ids: vec!["a".into()],
            frame_id: Some("f".into()),
        };
        assert_eq!(
            serde_json::to_value(&op).unwrap(),
            serde_json::json!({"kind": "setFrame", "ids": ["a"], "frameId": "f"})
        );
        let parsed: CanvasOp = serde_json::from_value(serde_json::json!({
            "kind": "bringToFront", "ids": ["a", "b"]
        }))
        .unwrap();
        assert_eq!(
            parsed,
            CanvasOp::BringToFront {
                ids: vec!["a".into(), "b".into()]
            }
        );
    }
}
