//! Deleting from the canvas. A deleted frame leaves its items on the canvas (they were the
//! room's work; the frame was only a grouping), and a deleted item takes its links along.

use std::collections::HashSet;

use super::{CanvasItem, CanvasScene, Refusal, SceneChange};

impl CanvasScene {
    /// Deletes items and links (`ids` may name either). The items in a deleted frame stay on
    /// the canvas, in the frame around it if any; links to deleted items go with them.
    pub fn delete(&self, ids: &[String]) -> Result<SceneChange, Refusal> {
        let mut gone: HashSet<&str> = HashSet::new();
        let mut links: HashSet<&str> = HashSet::new();
        for id in ids {
            if self.item(id).is_some() {
                gone.insert(id);
            } else if self.link_by_id(id).is_some() {
                links.insert(id);
            } else {
                self.require("ids", id)?;
            }
        }
        let mut change = self.release_contents(&gone);
        change.deletes = self
            .stacked()
            .into_iter()
            .filter(|i| gone.contains(i.id.as_str()))
            .map(|i| i.id.clone())
            .collect();
        change.link_deletes = self
            .links
            .iter()
            .filter(|l| {
                links.contains(l.id.as_str())
                    || gone.contains(l.from.as_str())
                    || gone.contains(l.to.as_str())
            })
            .map(|l| l.id.clone())
            .collect();
        Ok(change)
    }

    /// The items whose frame is in `removed`, moved to the nearest frame around it that stays
    /// (or to no frame). Items that are themselves removed are left out.
    pub(super) fn release_contents(&self, removed: &HashSet<&str>) -> SceneChange {
        let mut upserts = Vec::new();
        for item in self.stacked() {
            if removed.contains(item.id.as_str()) {
                continue;
            }
            let Some(parent) = item.parent_frame.as_deref() else {
                continue;
            };
            if !removed.contains(parent) {
                continue;
            }
            let kept = self
                .ancestors(item)
                .into_iter()
                .find(|f| !removed.contains(f.id.as_str()))
                .map(|f| f.id.clone());
            upserts.push(CanvasItem {
                parent_frame: kept,
                ..item.clone()
            });
        }
        SceneChange {
            upserts,
            ..SceneChange::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, frame, inside, link, scene, sticky, strings};
    use super::*;

    #[test]
    fn deleting_a_sticky_takes_its_links_along() {
        let canvas = scene(
            vec![
                sticky("a", 0.0, 0.0),
                sticky("b", 0.0, 0.0),
                sticky("c", 0.0, 0.0),
            ],
            vec![link("ab", "a", "b"), link("bc", "b", "c")],
        );
        let change = canvas.delete(&strings(&["a"])).unwrap();
        assert_eq!(change.deletes, ["a"]);
        assert_eq!(
            change.link_deletes,
            ["ab"],
            "b–c does not touch a and stays"
        );
    }

    #[test]
    fn deleting_a_frame_keeps_the_stickies_inside_on_the_canvas() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 20.0), "f"),
            ],
            vec![],
        );
        let next = after(&canvas, &canvas.delete(&strings(&["f"])).unwrap());
        let a = next.item("a").cloned().unwrap();
        assert_eq!(a.parent_frame, None, "released from the deleted frame");
        assert_eq!((a.x, a.y), (10.0, 20.0), "and left where it was");
        assert!(next.item("f").is_none());
    }

    #[test]
    fn stickies_of_a_deleted_inner_frame_stay_in_the_outer_frame() {
        let canvas = scene(
            vec![
                frame("outer", 0.0, 0.0, 900.0, 900.0),
                inside(frame("inner", 10.0, 10.0, 400.0, 400.0), "outer"),
                inside(sticky("a", 20.0, 20.0), "inner"),
            ],
            vec![],
        );
        let change = canvas.delete(&strings(&["inner"])).unwrap();
        assert_eq!(change.upserts[0].parent_frame.as_deref(), Some("outer"));
    }

    #[test]
    fn deleting_a_frame_and_its_sticky_deletes_both() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "f"),
            ],
            vec![],
        );
        let change = canvas.delete(&strings(&["a", "f"])).unwrap();
        assert!(
            change.upserts.is_empty(),
            "nothing is released: all of it goes"
        );
        assert_eq!(change.deletes, ["f", "a"]);
    }

    #[test]
    fn a_link_can_be_deleted_on_its_own() {
        let canvas = scene(
            vec![sticky("a", 0.0, 0.0), sticky("b", 0.0, 0.0)],
            vec![link("ab", "a", "b")],
        );
        let change = canvas.delete(&strings(&["ab"])).unwrap();
        assert!(change.deletes.is_empty());
        assert_eq!(change.link_deletes, ["ab"]);
    }

    #[test]
    fn deleting_something_already_gone_is_refused() {
        let err = CanvasScene::default().delete(&strings(&["x"])).unwrap_err();
        assert_eq!(err.field, "ids");
    }
}
