//! The frames of a whole scene read from a file, checked in one pass with an index: every
//! parent exists and is a frame, no frame sits inside itself, and nesting stays within
//! [`MAX_FRAME_DEPTH`]. (Looking each parent up in the list, level by level, made a file of
//! 3,000 nested frames take minutes.)

use std::collections::{HashMap, HashSet};

use super::{CanvasItem, ItemKind};
use crate::refusal::{Refusal, RefusalCode};

/// How deep frames may nest: far beyond any board a room builds, and shallow enough that
/// every walk up a frame's ancestors stays short.
pub const MAX_FRAME_DEPTH: usize = 100;

pub(super) fn check_frames(items: &[CanvasItem]) -> Result<(), Refusal> {
    let by_id: HashMap<&str, &CanvasItem> = items.iter().map(|i| (i.id.as_str(), i)).collect();
    let refuse = |i: usize, code, message: String| {
        Err(Refusal::new(code, "parentFrame", message).within("items", i))
    };
    for (i, item) in items.iter().enumerate() {
        let Some(frame_id) = item.parent_frame.as_deref() else {
            continue;
        };
        match by_id.get(frame_id) {
            None => {
                return refuse(
                    i,
                    RefusalCode::UnknownReference,
                    format!("there is no frame “{frame_id}” on the canvas; choose another"),
                )
            }
            Some(frame) if frame.kind != ItemKind::Frame => {
                return refuse(
                    i,
                    RefusalCode::WrongKind,
                    format!("“{frame_id}” is not a frame; only frames can hold items"),
                )
            }
            Some(_) => {}
        }
    }
    // Depth of each item (1 = on the board itself), filled in as each chain is walked once.
    let mut depth: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut chain: Vec<&str> = Vec::new();
        let mut on_chain: HashSet<&str> = HashSet::new();
        let mut at = item;
        let base = loop {
            if let Some(&known) = depth.get(at.id.as_str()) {
                break known;
            }
            if !on_chain.insert(at.id.as_str()) {
                return refuse(
                    i,
                    RefusalCode::FrameInsideItself,
                    "a frame cannot go inside itself or a frame it contains".into(),
                );
            }
            chain.push(at.id.as_str());
            match at.parent_frame.as_deref().and_then(|p| by_id.get(p)) {
                Some(parent) => at = parent,
                None => break 0,
            }
        };
        for (k, id) in chain.iter().rev().enumerate() {
            depth.insert(id, base + k + 1);
        }
        if depth.get(item.id.as_str()).copied().unwrap_or(0) > MAX_FRAME_DEPTH + 1 {
            return refuse(
                i,
                RefusalCode::OutOfRange,
                format!("sits inside more than {MAX_FRAME_DEPTH} frames nested in each other"),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, sticky};
    use super::*;

    fn nested(levels: usize) -> Vec<CanvasItem> {
        let mut items: Vec<CanvasItem> = (0..levels)
            .map(|i| {
                let mut f = frame(&format!("f{i}"), 0.0, 0.0, 400.0, 300.0);
                if i > 0 {
                    f.parent_frame = Some(format!("f{}", i - 1));
                }
                f
            })
            .collect();
        let mut card = sticky("s", 0.0, 0.0);
        card.parent_frame = Some(format!("f{}", levels - 1));
        items.push(card);
        items
    }

    #[test]
    fn thousands_of_frames_are_checked_in_one_pass_and_deep_nesting_is_refused() {
        assert!(check_frames(&nested(MAX_FRAME_DEPTH)).is_ok());
        let refused = check_frames(&nested(3_000)).unwrap_err();
        assert_eq!(refused.code, RefusalCode::OutOfRange);
        assert_eq!(
            refused.field, "items[101].parentFrame",
            "the first frame too deep"
        );
    }

    #[test]
    fn a_frame_inside_itself_is_found_wherever_the_circle_starts() {
        let mut a = frame("a", 0.0, 0.0, 400.0, 300.0);
        let mut b = frame("b", 0.0, 0.0, 400.0, 300.0);
        a.parent_frame = Some("b".into());
        b.parent_frame = Some("a".into());
        let refused = check_frames(&[sticky("s", 0.0, 0.0), a, b]).unwrap_err();
        assert_eq!(refused.code, RefusalCode::FrameInsideItself);
        assert_eq!(refused.field, "items[1].parentFrame");
    }

    #[test]
    fn a_missing_or_non_frame_parent_is_named() {
        let mut s = sticky("s", 0.0, 0.0);
        s.parent_frame = Some("nope".into());
        assert_eq!(
            check_frames(&[s.clone()]).unwrap_err().code,
            RefusalCode::UnknownReference
        );
        s.parent_frame = Some("t".into());
        assert_eq!(
            check_frames(&[s, sticky("t", 0.0, 0.0)]).unwrap_err().code,
            RefusalCode::WrongKind
        );
    }
}
