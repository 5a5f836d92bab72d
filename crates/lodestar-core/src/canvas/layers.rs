//! Bring to front and send to back. Only the moved items get new stacking keys, so the undo
//! step holds those items and nothing else. A frame takes what is inside it along, keeping
//! the order among them (its items stay above it).

use super::{z_between, CanvasItem, CanvasScene, Refusal, SceneChange};

impl CanvasScene {
    /// Puts the items (and what is inside the frames among them) above everything else,
    /// keeping their order among themselves. Nothing changes if they are on top already.
    pub fn bring_to_front(&self, ids: &[String]) -> Result<SceneChange, Refusal> {
        let moving = self.in_paint_order(ids)?;
        let rest_top = self.others(&moving).map(|i| i.z.as_str()).max();
        let moving_bottom = moving.first().map(|i| i.z.as_str());
        if rest_top.is_none() || rest_top < moving_bottom {
            return Ok(SceneChange::default());
        }
        let mut key = self.z_range().map(|(_, high)| high.to_string());
        let upserts = moving
            .into_iter()
            .map(|item| {
                let z = z_between(key.as_deref(), None);
                key = Some(z.clone());
                CanvasItem { z, ..item.clone() }
            })
            .collect();
        Ok(SceneChange {
            upserts,
            ..SceneChange::default()
        })
    }

    /// Puts the items (and what is inside the frames among them) below everything else,
    /// keeping their order among themselves. Nothing changes if they are at the back already.
    pub fn send_to_back(&self, ids: &[String]) -> Result<SceneChange, Refusal> {
        let moving = self.in_paint_order(ids)?;
        let rest_bottom = self.others(&moving).map(|i| i.z.as_str()).min();
        let moving_top = moving.last().map(|i| i.z.as_str());
        if rest_bottom.is_none() || moving_top < rest_bottom {
            return Ok(SceneChange::default());
        }
        let mut key = self.z_range().map(|(low, _)| low.to_string());
        let mut upserts: Vec<CanvasItem> = moving
            .into_iter()
            .rev()
            .map(|item| {
                let z = z_between(None, key.as_deref());
                key = Some(z.clone());
                CanvasItem { z, ..item.clone() }
            })
            .collect();
        upserts.reverse();
        Ok(SceneChange {
            upserts,
            ..SceneChange::default()
        })
    }

    /// The items and their contents, back to front.
    fn in_paint_order(&self, ids: &[String]) -> Result<Vec<&CanvasItem>, Refusal> {
        let mut items = self.with_contents(ids)?;
        items.sort_by(|a, b| (&a.z, &a.id).cmp(&(&b.z, &b.id)));
        Ok(items)
    }

    fn others<'a>(&'a self, moving: &'a [&CanvasItem]) -> impl Iterator<Item = &'a CanvasItem> {
        self.items
            .iter()
            .filter(move |i| !moving.iter().any(|m| m.id == i.id))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, frame, inside, paint_order, scene, sticky, strings};
    use super::*;

    fn abc() -> CanvasScene {
        scene(
            vec![
                sticky("a", 0.0, 0.0),
                sticky("b", 0.0, 0.0),
                sticky("c", 0.0, 0.0),
            ],
            vec![],
        )
    }

    #[test]
    fn a_sticky_brought_to_front_paints_last() {
        let canvas = abc();
        let change = canvas.bring_to_front(&strings(&["a"])).unwrap();
        assert_eq!(
            change.upserts.len(),
            1,
            "only the moved sticky gets a new key"
        );
        assert_eq!(paint_order(&after(&canvas, &change)), ["b", "c", "a"]);
    }

    #[test]
    fn a_sticky_sent_to_back_paints_first() {
        let canvas = abc();
        let change = canvas.send_to_back(&strings(&["c"])).unwrap();
        assert_eq!(paint_order(&after(&canvas, &change)), ["c", "a", "b"]);
    }

    #[test]
    fn several_stickies_keep_their_order_when_moved_to_the_front_or_back() {
        let canvas = abc();
        let front = canvas.bring_to_front(&strings(&["b", "a"])).unwrap();
        assert_eq!(paint_order(&after(&canvas, &front)), ["c", "a", "b"]);
        let back = canvas.send_to_back(&strings(&["c", "b"])).unwrap();
        assert_eq!(paint_order(&after(&canvas, &back)), ["b", "c", "a"]);
    }

    #[test]
    fn a_sticky_already_in_front_records_nothing() {
        let canvas = abc();
        assert!(canvas.bring_to_front(&strings(&["c"])).unwrap().is_empty());
        assert!(canvas.send_to_back(&strings(&["a"])).unwrap().is_empty());
    }

    #[test]
    fn a_frame_brought_to_front_keeps_its_stickies_above_it() {
        let canvas = scene(
            vec![
                frame("f", 0.0, 0.0, 500.0, 500.0),
                inside(sticky("a", 0.0, 0.0), "f"),
                sticky("x", 0.0, 0.0),
            ],
            vec![],
        );
        let change = canvas.bring_to_front(&strings(&["f"])).unwrap();
        assert_eq!(paint_order(&after(&canvas, &change)), ["x", "f", "a"]);
    }

    #[test]
    fn many_trips_to_the_front_keep_a_consistent_order() {
        let mut canvas = abc();
        for round in 0..300 {
            let id = ["a", "b", "c"][round % 3];
            let change = canvas.bring_to_front(&strings(&[id])).unwrap();
            canvas.apply_change(&change);
            assert_eq!(paint_order(&canvas).last().map(String::as_str), Some(id));
        }
        assert!(
            canvas.items.iter().all(|i| i.z.len() < 12),
            "keys stay short"
        );
    }
}
