//! Putting things on the canvas: create, edit, move, resize and snap to the grid. Each action
//! is checked against the scene and returns the records it changes, leaving the scene as it is.

use super::items::{check_coordinate, check_size};
use super::{z_between, CanvasItem, CanvasScene, ItemContent, ItemKind, NewItem};
use super::{Refusal, SceneChange};
use crate::refusal::RefusalCode;

/// `value` rounded to the nearest multiple of `grid`; unchanged when the grid is not a
/// positive number.
pub fn snap(value: f64, grid: f64) -> f64 {
    if grid.is_finite() && grid > 0.0 && value.is_finite() {
        // Adding 0.0 turns -0.0 into 0.0, so a snapped position never prints as "-0".
        (value / grid).round() * grid + 0.0
    } else {
        value
    }
}

impl CanvasScene {
    /// A new item with id `id`: stickies and KPIs on top; a frame at the back (so the items
    /// put in it show), or just above the frame it is put in.
    pub fn create(&self, id: &str, new: &NewItem) -> Result<SceneChange, Refusal> {
        if self.item(id).is_some() {
            return Err(Refusal::new(
                RefusalCode::AlreadyExists,
                "id",
                format!("“{id}” is already on the canvas; try again"),
            ));
        }
        let parent = new
            .parent_frame
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if let Some(frame) = parent {
            self.check_frame(id, frame)?;
        }
        let z = match (new.kind, parent.and_then(|p| self.item(p)), self.z_range()) {
            (ItemKind::Frame, Some(frame), _) => self.z_just_above(&frame.z),
            (ItemKind::Frame, None, Some((low, _))) => z_between(None, Some(low)),
            (_, _, Some((_, high))) => z_between(Some(high), None),
            (_, _, None) => z_between(None, None),
        };
        let item = CanvasItem {
            parent_frame: parent.map(str::to_string),
            ..CanvasItem::from_new(id, new, z)
        }
        .validate()?;
        Ok(SceneChange {
            upserts: vec![item],
            ..SceneChange::default()
        })
    }

    /// Rewrites what is on item `id`, keeping its position, size, frame and layer.
    pub fn edit(&self, id: &str, content: &ItemContent) -> Result<SceneChange, Refusal> {
        let item = self.require("id", id)?;
        let edited = item.with_content(content.validate()?);
        Ok(upsert_if_changed(item, edited))
    }

    /// Moves the items by (dx, dy); items inside a moved frame move with it, once.
    pub fn move_by(&self, ids: &[String], dx: f64, dy: f64) -> Result<SceneChange, Refusal> {
        check_coordinate("dx", dx)?;
        check_coordinate("dy", dy)?;
        let moving = self.with_contents(ids)?;
        if dx == 0.0 && dy == 0.0 {
            return Ok(SceneChange::default());
        }
        let mut upserts = Vec::with_capacity(moving.len());
        for item in moving {
            upserts.push(CanvasItem {
                x: check_coordinate("dx", item.x + dx)?,
                y: check_coordinate("dy", item.y + dy)?,
                ..item.clone()
            });
        }
        Ok(SceneChange {
            upserts,
            ..SceneChange::default()
        })
    }

    /// Gives item `id` a new position and size. Resizing a frame leaves its items in place.
    pub fn resize(
        &self,
        id: &str,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
    ) -> Result<SceneChange, Refusal> {
        let item = self.require("id", id)?;
        let resized = CanvasItem {
            x: check_coordinate("x", x)?,
            y: check_coordinate("y", y)?,
            width: check_size("width", width)?,
            height: check_size("height", height)?,
            ..item.clone()
        };
        Ok(upsert_if_changed(item, resized))
    }
}

pub(super) fn upsert_if_changed(before: &CanvasItem, after: CanvasItem) -> SceneChange {
    if &after == before {
        return SceneChange::default();
    }
    SceneChange {
        upserts: vec![after],
        ..SceneChange::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, frame, inside, paint_order, scene, sticky, strings};
    use super::*;

    fn new_sticky(x: f64, y: f64) -> NewItem {
        NewItem {
            kind: ItemKind::Sticky,
            x,
            y,
            width: 160.0,
            height: 120.0,
            parent_frame: None,
            content: ItemContent {
                text: " Nights booked ".into(),
                ..ItemContent::default()
            },
        }
    }

    fn new_frame() -> NewItem {
        NewItem {
            kind: ItemKind::Frame,
            ..new_sticky(0.0, 0.0)
        }
    }

    #[test]
    fn a_sticky_on_an_empty_canvas_is_created_as_typed() {
        let change = CanvasScene::default()
            .create("s1", &new_sticky(10.0, 20.0))
            .unwrap();
        let [item] = change.upserts.as_slice() else {
            panic!("one item is created: {change:?}");
        };
        assert_eq!((item.id.as_str(), item.x, item.y), ("s1", 10.0, 20.0));
        assert_eq!(item.text, "Nights booked", "the text is trimmed");
        assert!(super::super::is_z_key(&item.z));
    }

    #[test]
    fn a_new_sticky_lands_on_top_of_the_others() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0), sticky("b", 0.0, 0.0)], vec![]);
        let change = canvas.create("c", &new_sticky(0.0, 0.0)).unwrap();
        assert_eq!(paint_order(&after(&canvas, &change)), ["a", "b", "c"]);
    }

    #[test]
    fn a_new_frame_goes_behind_the_stickies() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let change = canvas.create("f", &new_frame()).unwrap();
        assert_eq!(paint_order(&after(&canvas, &change)), ["f", "a"]);
    }

    #[test]
    fn a_frame_created_inside_a_frame_sits_just_above_it() {
        let canvas = scene(
            vec![
                frame("outer", 0.0, 0.0, 900.0, 900.0),
                sticky("a", 0.0, 0.0),
            ],
            vec![],
        );
        let nested = NewItem {
            parent_frame: Some("outer".into()),
            ..new_frame()
        };
        let change = canvas.create("inner", &nested).unwrap();
        assert_eq!(
            paint_order(&after(&canvas, &change)),
            ["outer", "inner", "a"]
        );
    }

    #[test]
    fn a_sticky_cannot_be_created_in_a_frame_that_is_gone() {
        let new = NewItem {
            parent_frame: Some("f9".into()),
            ..new_sticky(0.0, 0.0)
        };
        let err = CanvasScene::default().create("s1", &new).unwrap_err();
        assert_eq!(err.field, "parentFrame");
        assert!(err.message.contains("no frame “f9”"), "{}", err.message);
    }

    #[test]
    fn only_a_frame_can_hold_items() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let new = NewItem {
            parent_frame: Some("a".into()),
            ..new_sticky(0.0, 0.0)
        };
        let err = canvas.create("s1", &new).unwrap_err();
        assert_eq!(
            err.message,
            "“a” is not a frame; only frames can hold items"
        );
    }

    #[test]
    fn a_sticky_of_impossible_size_is_refused() {
        let new = NewItem {
            width: -5.0,
            ..new_sticky(0.0, 0.0)
        };
        let err = CanvasScene::default().create("s1", &new).unwrap_err();
        assert_eq!(err.field, "width");
    }

    #[test]
    fn editing_a_sticky_keeps_it_where_it_is() {
        let canvas = scene(vec![sticky("a", 30.0, 40.0)], vec![]);
        let content = ItemContent {
            text: "Weekly active teams".into(),
            ..canvas.items[0].content()
        };
        let change = canvas.edit("a", &content).unwrap();
        let edited = &change.upserts[0];
        assert_eq!(edited.text, "Weekly active teams");
        assert_eq!(
            (edited.x, edited.y, &edited.z),
            (30.0, 40.0, &canvas.items[0].z)
        );
    }

    #[test]
    fn an_edit_that_changes_nothing_records_nothing() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let same = canvas.items[0].content();
        assert!(
            canvas.edit("a", &same).unwrap().is_empty(),
            "no empty undo steps"
        );
    }

    #[test]
    fn moving_a_sticky_shifts_it_by_the_drag() {
        let canvas = scene(vec![sticky("a", 10.0, 10.0), sticky("b", 0.0, 0.0)], vec![]);
        let change = canvas.move_by(&strings(&["a"]), 5.0, -20.0).unwrap();
        assert_eq!(
            change.upserts.len(),
            1,
            "only the dragged sticky is written"
        );
        assert_eq!((change.upserts[0].x, change.upserts[0].y), (15.0, -10.0));
    }

    #[test]
    fn moving_a_frame_takes_everything_inside_it_along() {
        let canvas = scene(
            vec![
                frame("outer", 0.0, 0.0, 900.0, 900.0),
                inside(frame("inner", 10.0, 10.0, 400.0, 400.0), "outer"),
                inside(sticky("deep", 20.0, 20.0), "inner"),
                sticky("outside", 2000.0, 0.0),
            ],
            vec![],
        );
        let moved = after(
            &canvas,
            &canvas.move_by(&strings(&["outer"]), 100.0, 0.0).unwrap(),
        );
        let x = |id: &str| moved.item(id).map(|i| i.x);
        assert_eq!(x("outer"), Some(100.0));
        assert_eq!(x("inner"), Some(110.0));
        assert_eq!(x("deep"), Some(120.0), "items in nested frames move too");
        assert_eq!(x("outside"), Some(2000.0));
    }

    #[test]
    fn a_sticky_selected_with_its_frame_moves_once() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "f"),
            ],
            vec![],
        );
        let change = canvas.move_by(&strings(&["a", "f"]), 50.0, 50.0).unwrap();
        assert_eq!(change.upserts.len(), 2);
        assert_eq!(after(&canvas, &change).item("a").map(|i| i.x), Some(60.0));
    }

    #[test]
    fn moving_a_sticky_someone_deleted_is_refused() {
        let err = CanvasScene::default()
            .move_by(&strings(&["gone"]), 1.0, 1.0)
            .unwrap_err();
        assert_eq!(err.field, "ids");
        assert!(err.message.contains("reload the canvas"), "{}", err.message);
    }

    #[test]
    fn a_drag_back_to_the_start_records_nothing() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        assert!(canvas
            .move_by(&strings(&["a"]), 0.0, 0.0)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_move_by_a_number_that_is_not_finite_is_refused() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        assert_eq!(
            canvas
                .move_by(&strings(&["a"]), f64::NAN, 0.0)
                .unwrap_err()
                .field,
            "dx"
        );
    }

    #[test]
    fn resizing_a_frame_leaves_its_items_in_place() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "f"),
            ],
            vec![],
        );
        let change = canvas.resize("f", -50.0, 0.0, 800.0, 600.0).unwrap();
        assert_eq!(change.upserts.len(), 1, "only the frame changes");
        let f = &change.upserts[0];
        assert_eq!((f.x, f.y, f.width, f.height), (-50.0, 0.0, 800.0, 600.0));
    }

    #[test]
    fn a_resize_to_nothing_is_refused() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let err = canvas.resize("a", 0.0, 0.0, 100.0, 0.0).unwrap_err();
        assert_eq!(err.field, "height");
    }

    #[test]
    fn positions_snap_to_the_nearest_grid_line() {
        assert_eq!(snap(37.0, 20.0), 40.0);
        assert_eq!(snap(29.9, 20.0), 20.0);
        assert_eq!(snap(-31.0, 20.0), -40.0);
        assert_eq!(snap(-4.0, 20.0).to_string(), "0", "never -0");
    }

    #[test]
    fn without_a_grid_positions_do_not_snap() {
        assert_eq!(snap(37.5, 0.0), 37.5);
        assert_eq!(snap(37.5, -8.0), 37.5);
        assert_eq!(snap(37.5, f64::NAN), 37.5);
    }
}
