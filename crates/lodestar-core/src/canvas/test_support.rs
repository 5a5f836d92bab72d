//! Small canvases for the tests of this module.

use super::{
    z_between, CanvasItem, CanvasLink, CanvasScene, Checklist, Colour, ItemKind, MetricTags,
};

/// A 100 × 80 sticky at (x, y).
pub fn sticky(id: &str, x: f64, y: f64) -> CanvasItem {
    CanvasItem {
        id: id.into(),
        kind: ItemKind::Sticky,
        text: format!("metric {id}"),
        colour: Colour::Yellow,
        author_id: None,
        x,
        y,
        width: 100.0,
        height: 80.0,
        parent_frame: None,
        z: "V".into(),
        tags: MetricTags::default(),
        linked_category: None,
        linked_need: None,
        checklist: Checklist::default(),
    }
}

pub fn frame(id: &str, x: f64, y: f64, width: f64, height: f64) -> CanvasItem {
    CanvasItem {
        kind: ItemKind::Frame,
        text: format!("frame {id}"),
        colour: Colour::Grey,
        width,
        height,
        ..sticky(id, x, y)
    }
}

/// The item placed inside `frame_id`.
pub fn inside(item: CanvasItem, frame_id: &str) -> CanvasItem {
    CanvasItem {
        parent_frame: Some(frame_id.into()),
        ..item
    }
}

pub fn link(id: &str, from: &str, to: &str) -> CanvasLink {
    CanvasLink {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        label: String::new(),
    }
}

/// A scene whose paint order is the order the items are given in.
pub fn scene(items: Vec<CanvasItem>, links: Vec<CanvasLink>) -> CanvasScene {
    let mut z: Option<String> = None;
    let items = items
        .into_iter()
        .map(|item| {
            let key = z_between(z.as_deref(), None);
            z = Some(key.clone());
            CanvasItem { z: key, ..item }
        })
        .collect();
    CanvasScene::new(items, links)
}

/// New ids `new1`, `new2`... as the store would hand them out.
pub fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new{n}")
    }
}

/// The ids of the scene's items in paint order.
pub fn paint_order(scene: &CanvasScene) -> Vec<String> {
    scene.stacked().into_iter().map(|i| i.id.clone()).collect()
}

/// The scene after `change`.
pub fn after(scene: &CanvasScene, change: &super::SceneChange) -> CanvasScene {
    let mut next = scene.clone();
    next.apply_change(change);
    next
}

/// Owned ids from string literals, as operations take them.
pub fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
