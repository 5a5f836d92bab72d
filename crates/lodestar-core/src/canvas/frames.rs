//! Frames: how the room clusters candidate metrics. Grouping draws a frame around items,
//! ungrouping removes it and leaves them where they are, and items can be put into or taken
//! out of a frame. Positions are absolute, so none of this moves anything.

use crate::refusal::RefusalCode;
use std::collections::HashSet;

use super::{
    z_between, CanvasItem, CanvasScene, Checklist, Colour, ItemKind, MetricTags, Refusal,
    SceneChange, FRAME_PADDING, MAX_ITEM_SIZE, MAX_ITEM_TEXT_CHARS,
};
use crate::validation::optional_text;

impl CanvasScene {
    /// A new frame `frame_id` titled `title` around the items (and what is inside them), with
    /// [`FRAME_PADDING`] on every side. The items go into it; items inside a frame that is
    /// itself grouped stay in theirs. When the items shared a frame, the new one goes in it.
    pub fn group(
        &self,
        frame_id: &str,
        ids: &[String],
        title: &str,
    ) -> Result<SceneChange, Refusal> {
        if ids.is_empty() {
            return Err(Refusal::new(
                RefusalCode::NothingSelected,
                "ids",
                "select the items to group first",
            ));
        }
        if self.item(frame_id).is_some() {
            return Err(Refusal::new(
                RefusalCode::AlreadyExists,
                "id",
                format!("“{frame_id}” is already on the canvas; try again"),
            ));
        }
        let title = optional_text("title", title, MAX_ITEM_TEXT_CHARS)?;
        let all = self.with_contents(ids)?;
        let tops: Vec<&CanvasItem> = all
            .iter()
            .copied()
            .filter(|i| {
                !i.parent_frame
                    .as_deref()
                    .is_some_and(|p| all.iter().any(|a| a.id == p))
            })
            .collect();
        let left = all.iter().map(|i| i.x).fold(f64::INFINITY, f64::min) - FRAME_PADDING;
        let top = all.iter().map(|i| i.y).fold(f64::INFINITY, f64::min) - FRAME_PADDING;
        let right = all
            .iter()
            .map(|i| i.right())
            .fold(f64::NEG_INFINITY, f64::max)
            + FRAME_PADDING;
        let bottom = all
            .iter()
            .map(|i| i.bottom())
            .fold(f64::NEG_INFINITY, f64::max)
            + FRAME_PADDING;
        let (width, height) = (right - left, bottom - top);
        if width > MAX_ITEM_SIZE || height > MAX_ITEM_SIZE {
            return Err(Refusal::new(
                RefusalCode::OutOfRange,
                "ids",
                format!(
                    "these items span {width} × {height}; a frame can be at most \
                     {MAX_ITEM_SIZE} across: group fewer items"
                ),
            ));
        }
        let shared = tops.first().and_then(|first| {
            let parent = first.parent_frame.clone();
            tops.iter()
                .all(|i| i.parent_frame == parent)
                .then_some(parent)?
        });
        let z = match all.iter().map(|i| i.z.as_str()).min() {
            Some(lowest) => self.z_just_below(lowest),
            None => z_between(None, None),
        };
        let frame = CanvasItem {
            id: frame_id.to_string(),
            kind: ItemKind::Frame,
            text: title,
            colour: Colour::Grey,
            author_id: None,
            x: left,
            y: top,
            width,
            height,
            parent_frame: shared,
            z,
            tags: MetricTags::default(),
            linked_category: None,
            linked_need: None,
            checklist: Checklist::default(),
        }
        .validate()?;
        let mut upserts = vec![frame];
        upserts.extend(tops.into_iter().map(|item| CanvasItem {
            parent_frame: Some(frame_id.to_string()),
            ..item.clone()
        }));
        Ok(SceneChange {
            upserts,
            ..SceneChange::default()
        })
    }

    /// Removes the frames `ids`; what was inside them stays where it is, in the frame around
    /// the removed one if there is one.
    pub fn ungroup(&self, ids: &[String]) -> Result<SceneChange, Refusal> {
        let mut frames: HashSet<&str> = HashSet::new();
        for id in ids {
            let item = self.require("ids", id)?;
            if item.kind != ItemKind::Frame {
                return Err(Refusal::new(
                    RefusalCode::WrongKind,
                    "ids",
                    format!(
                        "“{id}” is a {}, not a frame; only frames can be ungrouped",
                        item.kind.noun()
                    ),
                ));
            }
            frames.insert(item.id.as_str());
        }
        let mut change = self.release_contents(&frames);
        change.deletes = self
            .stacked()
            .into_iter()
            .filter(|i| frames.contains(i.id.as_str()))
            .map(|i| i.id.clone())
            .collect();
        Ok(change)
    }

    /// Puts the items into frame `frame_id` (or, with `None`, out of any frame) without moving
    /// them. Items already there are left alone.
    pub fn set_frame(
        &self,
        ids: &[String],
        frame_id: Option<&str>,
    ) -> Result<SceneChange, Refusal> {
        let mut upserts = Vec::new();
        for id in ids {
            let item = self.require("ids", id)?;
            if item.parent_frame.as_deref() == frame_id {
                continue;
            }
            if let Some(frame) = frame_id {
                self.check_frame(&item.id, frame)?;
            }
            upserts.push(CanvasItem {
                parent_frame: frame_id.map(str::to_string),
                ..item.clone()
            });
        }
        Ok(SceneChange {
            upserts,
            ..SceneChange::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, frame, inside, paint_order, scene, sticky, strings};
    use super::*;

    fn two_apart() -> CanvasScene {
        // a: 100 × 80 at (0, 0); b: 100 × 80 at (300, 200).
        scene(
            vec![sticky("a", 0.0, 0.0), sticky("b", 300.0, 200.0)],
            vec![],
        )
    }

    #[test]
    fn grouping_draws_a_frame_around_the_stickies_with_padding() {
        let change = two_apart()
            .group("f", &strings(&["a", "b"]), "Engagement")
            .unwrap();
        let f = &change.upserts[0];
        assert_eq!(f.kind, ItemKind::Frame);
        assert_eq!(f.text, "Engagement");
        assert_eq!((f.x, f.y), (-24.0, -24.0));
        assert_eq!((f.width, f.height), (400.0 + 48.0, 280.0 + 48.0));
    }

    #[test]
    fn grouped_stickies_go_into_the_new_frame_without_moving() {
        let canvas = two_apart();
        let next = after(
            &canvas,
            &canvas.group("f", &strings(&["a", "b"]), "").unwrap(),
        );
        for id in ["a", "b"] {
            assert_eq!(next.item(id).unwrap().parent_frame.as_deref(), Some("f"));
        }
        assert_eq!(next.item("b").map(|b| (b.x, b.y)), Some((300.0, 200.0)));
    }

    #[test]
    fn a_new_frame_sits_behind_the_stickies_it_groups() {
        let canvas = scene(
            vec![
                sticky("x", 0.0, 0.0),
                sticky("a", 0.0, 0.0),
                sticky("b", 0.0, 0.0),
            ],
            vec![],
        );
        let next = after(
            &canvas,
            &canvas.group("f", &strings(&["a", "b"]), "").unwrap(),
        );
        assert_eq!(
            paint_order(&next),
            ["x", "f", "a", "b"],
            "x keeps its place"
        );
    }

    #[test]
    fn grouping_inside_a_frame_nests_the_new_frame_there() {
        let canvas = scene(
            vec![
                frame("outer", -100.0, -100.0, 900.0, 900.0),
                inside(sticky("a", 0.0, 0.0), "outer"),
                inside(sticky("b", 0.0, 0.0), "outer"),
            ],
            vec![],
        );
        let change = canvas.group("f", &strings(&["a", "b"]), "").unwrap();
        assert_eq!(change.upserts[0].parent_frame.as_deref(), Some("outer"));
    }

    #[test]
    fn grouping_a_frame_keeps_its_stickies_in_it() {
        let canvas = scene(
            vec![
                frame("g", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "g"),
            ],
            vec![],
        );
        let change = canvas.group("f", &strings(&["g", "a"]), "").unwrap();
        let moved: Vec<&str> = change.upserts.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(moved, ["f", "g"], "only g goes into f; a stays in g");
    }

    #[test]
    fn grouping_nothing_is_refused() {
        let err = two_apart().group("f", &[], "").unwrap_err();
        assert_eq!(err.message, "select the items to group first");
    }

    #[test]
    fn a_group_wider_than_a_frame_can_be_is_refused() {
        let canvas = scene(
            vec![sticky("a", 0.0, 0.0), sticky("b", 6000.0, 0.0)],
            vec![],
        );
        let err = canvas.group("f", &strings(&["a", "b"]), "").unwrap_err();
        assert_eq!(err.field, "ids");
        assert!(err.message.contains("group fewer items"), "{}", err.message);
    }

    #[test]
    fn ungrouping_removes_the_frame_and_leaves_the_stickies_where_they_are() {
        let canvas = two_apart();
        let grouped = after(
            &canvas,
            &canvas.group("f", &strings(&["a", "b"]), "").unwrap(),
        );
        let change = grouped.ungroup(&strings(&["f"])).unwrap();
        assert_eq!(change.deletes, ["f"]);
        assert_eq!(
            after(&grouped, &change),
            canvas,
            "ungroup undoes the grouping"
        );
    }

    #[test]
    fn only_frames_can_be_ungrouped() {
        let err = two_apart().ungroup(&strings(&["a"])).unwrap_err();
        assert!(
            err.message.contains("only frames can be ungrouped"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_sticky_dropped_on_a_frame_goes_into_it() {
        let canvas = scene(
            vec![frame("f", 0.0, 0.0, 500.0, 500.0), sticky("a", 9.0, 9.0)],
            vec![],
        );
        let change = canvas.set_frame(&strings(&["a"]), Some("f")).unwrap();
        assert_eq!(change.upserts[0].parent_frame.as_deref(), Some("f"));
        assert_eq!(change.upserts[0].x, 9.0, "it is not moved");
    }

    #[test]
    fn a_sticky_dragged_out_of_its_frame_leaves_it() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 9.0, 9.0), "f"),
            ],
            vec![],
        );
        let change = canvas.set_frame(&strings(&["a"]), None).unwrap();
        assert_eq!(change.upserts[0].parent_frame, None);
        assert!(canvas
            .set_frame(&strings(&["a"]), Some("f"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_frame_cannot_go_inside_a_frame_it_contains() {
        let canvas = scene(
            vec![
                frame("outer", 0.0, 0.0, 900.0, 900.0),
                inside(frame("inner", 0.0, 0.0, 400.0, 400.0), "outer"),
            ],
            vec![],
        );
        let err = canvas
            .set_frame(&strings(&["outer"]), Some("inner"))
            .unwrap_err();
        assert_eq!(err.field, "parentFrame");
        assert!(canvas
            .set_frame(&strings(&["outer"]), Some("outer"))
            .is_err());
    }
}
