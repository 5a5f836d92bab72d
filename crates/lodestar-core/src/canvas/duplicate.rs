//! Duplicating a selection: copies land [`DUPLICATE_OFFSET`] down and to the right, on top of
//! everything, with what is inside copied frames and the links among the copies.

use crate::refusal::RefusalCode;
use std::collections::HashMap;

use super::DUPLICATE_OFFSET;
use super::{z_between, CanvasItem, CanvasLink, CanvasScene, Refusal, SceneChange};

impl CanvasScene {
    /// Copies of the items (and of what is inside the frames among them) and of the links
    /// between two copied items. `new_id` gives each copy its id. A copy stays in its
    /// original's frame unless that frame is copied too; then it goes in the copy.
    pub fn duplicate(
        &self,
        ids: &[String],
        new_id: &mut dyn FnMut() -> String,
    ) -> Result<SceneChange, Refusal> {
        let originals = self.with_contents(ids)?;
        let mut renamed: HashMap<&str, String> = HashMap::new();
        for item in &originals {
            let id = new_id();
            let taken = self.item(&id).is_some() || self.link_by_id(&id).is_some();
            if taken || renamed.values().any(|given| given == &id) {
                return Err(Refusal::new(
                    RefusalCode::AlreadyExists,
                    "id",
                    format!("“{id}” is already on the canvas; try again"),
                ));
            }
            renamed.insert(item.id.as_str(), id);
        }
        let mut by_paint: Vec<&&CanvasItem> = originals.iter().collect();
        by_paint.sort_by(|a, b| (&a.z, &a.id).cmp(&(&b.z, &b.id)));
        let mut key = self.z_range().map(|(_, high)| high.to_string());
        let mut keys: HashMap<&str, String> = HashMap::new();
        for item in by_paint {
            let z = z_between(key.as_deref(), None);
            key = Some(z.clone());
            keys.insert(item.id.as_str(), z);
        }
        let mut upserts = Vec::with_capacity(originals.len());
        for item in &originals {
            let (Some(id), Some(z)) = (renamed.get(item.id.as_str()), keys.get(item.id.as_str()))
            else {
                continue;
            };
            let parent_frame = item.parent_frame.as_deref().map(|parent| {
                renamed
                    .get(parent)
                    .cloned()
                    .unwrap_or_else(|| parent.to_string())
            });
            upserts.push(
                CanvasItem {
                    id: id.clone(),
                    x: item.x + DUPLICATE_OFFSET,
                    y: item.y + DUPLICATE_OFFSET,
                    parent_frame,
                    z: z.clone(),
                    ..(*item).clone()
                }
                .validate()?,
            );
        }
        let mut link_upserts = Vec::new();
        for link in &self.links {
            if let (Some(from), Some(to)) = (
                renamed.get(link.from.as_str()),
                renamed.get(link.to.as_str()),
            ) {
                link_upserts.push(CanvasLink {
                    id: new_id(),
                    from: from.clone(),
                    to: to.clone(),
                    label: link.label.clone(),
                });
            }
        }
        Ok(SceneChange {
            upserts,
            link_upserts,
            ..SceneChange::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        after, frame, ids, inside, link, paint_order, scene, sticky, strings,
    };

    #[test]
    fn a_duplicate_lands_down_and_to_the_right_on_top() {
        let canvas = scene(vec![sticky("a", 10.0, 10.0), sticky("b", 0.0, 0.0)], vec![]);
        let change = canvas.duplicate(&strings(&["a"]), &mut ids()).unwrap();
        let copy = &change.upserts[0];
        assert_eq!((copy.id.as_str(), copy.x, copy.y), ("new1", 34.0, 34.0));
        assert_eq!(copy.text, "metric a");
        assert_eq!(paint_order(&after(&canvas, &change)), ["a", "b", "new1"]);
    }

    #[test]
    fn links_between_duplicated_stickies_are_duplicated_too() {
        let canvas = scene(
            vec![
                sticky("a", 0.0, 0.0),
                sticky("b", 0.0, 0.0),
                sticky("c", 0.0, 0.0),
            ],
            vec![link("ab", "a", "b"), link("bc", "b", "c")],
        );
        let change = canvas.duplicate(&strings(&["a", "b"]), &mut ids()).unwrap();
        assert_eq!(
            change.link_upserts,
            [link("new3", "new1", "new2")],
            "b–c leads outside the copy and is not duplicated"
        );
    }

    #[test]
    fn a_duplicated_frame_holds_copies_of_its_stickies() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "f"),
            ],
            vec![],
        );
        let change = canvas.duplicate(&strings(&["f"]), &mut ids()).unwrap();
        let copies: Vec<(&str, Option<&str>)> = change
            .upserts
            .iter()
            .map(|i| (i.id.as_str(), i.parent_frame.as_deref()))
            .collect();
        assert_eq!(
            copies,
            [("new1", None), ("new2", Some("new1"))],
            "frame first"
        );
    }

    #[test]
    fn a_sticky_duplicated_alone_stays_in_its_frame() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 10.0, 10.0), "f"),
            ],
            vec![],
        );
        let change = canvas.duplicate(&strings(&["a"]), &mut ids()).unwrap();
        assert_eq!(change.upserts[0].parent_frame.as_deref(), Some("f"));
    }

    #[test]
    fn a_new_id_already_on_the_canvas_is_refused() {
        let canvas = scene(vec![sticky("a", 0.0, 0.0)], vec![]);
        let err = canvas
            .duplicate(&strings(&["a"]), &mut || "a".to_string())
            .unwrap_err();
        assert_eq!(err.field, "id");
    }
}
