//! Links between candidate metrics ("drives", "is part of"): only between two different
//! stickies or KPIs, and at most one between the same two.

use super::items::MAX_LINK_LABEL_CHARS;
use super::{CanvasLink, CanvasScene, ItemKind, Refusal, SceneChange};
use crate::refusal::RefusalCode;
use crate::validation::optional_text;

impl CanvasScene {
    /// A new link `id` from `from` to `to`.
    pub fn link(
        &self,
        id: &str,
        from: &str,
        to: &str,
        label: &str,
    ) -> Result<SceneChange, Refusal> {
        if self.link_by_id(id).is_some() {
            return Err(Refusal::new(
                RefusalCode::AlreadyExists,
                "id",
                format!("“{id}” is already a link on the canvas; try again"),
            ));
        }
        let link = CanvasLink {
            id: id.to_string(),
            from: from.trim().to_string(),
            to: to.trim().to_string(),
            label: label.to_string(),
        };
        let link = self.check_link(&link, &self.links)?;
        Ok(SceneChange {
            link_upserts: vec![link],
            ..SceneChange::default()
        })
    }

    /// New words on link `id`.
    pub fn relabel(&self, id: &str, label: &str) -> Result<SceneChange, Refusal> {
        let link = self.link_by_id(id).ok_or_else(|| {
            Refusal::new(
                RefusalCode::NotFound,
                "id",
                format!("link “{id}” is not on the canvas (it may have been deleted)"),
            )
        })?;
        let label = optional_text("label", label, MAX_LINK_LABEL_CHARS)?;
        if label == link.label {
            return Ok(SceneChange::default());
        }
        Ok(SceneChange {
            link_upserts: vec![CanvasLink {
                label,
                ..link.clone()
            }],
            ..SceneChange::default()
        })
    }

    /// Checks a link against the items and the `existing` links: two different stickies or
    /// KPIs on the canvas, not already linked. Returns it with its label trimmed.
    pub fn check_link(
        &self,
        link: &CanvasLink,
        existing: &[CanvasLink],
    ) -> Result<CanvasLink, Refusal> {
        let label = optional_text("label", &link.label, MAX_LINK_LABEL_CHARS)?;
        for (field, end) in [("from", &link.from), ("to", &link.to)] {
            let item = self.require(field, end)?;
            if item.kind == ItemKind::Frame {
                return Err(Refusal::new(
                    RefusalCode::NotAMetric,
                    field,
                    "frames cannot be linked; link the stickies inside them",
                ));
            }
        }
        if link.from == link.to {
            return Err(Refusal::new(
                RefusalCode::SameItem,
                "to",
                "a link joins two different items; choose another end",
            ));
        }
        if existing
            .iter()
            .any(|l| l.id != link.id && l.joins(&link.from, &link.to))
        {
            return Err(Refusal::new(
                RefusalCode::Duplicate,
                "to",
                "these two items are already linked; edit that link's label instead",
            ));
        }
        Ok(CanvasLink {
            label,
            ..link.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, link, scene, sticky};
    use super::*;

    fn two_stickies() -> CanvasScene {
        scene(
            vec![
                sticky("a", 0.0, 0.0),
                sticky("b", 200.0, 0.0),
                frame("f", 0.0, 0.0, 9.0, 9.0),
            ],
            vec![],
        )
    }

    #[test]
    fn two_stickies_can_be_linked_with_a_label() {
        let change = two_stickies().link("l1", "a", "b", " drives ").unwrap();
        assert_eq!(
            change.link_upserts,
            [CanvasLink {
                label: "drives".into(),
                ..link("l1", "a", "b")
            }]
        );
    }

    #[test]
    fn a_sticky_cannot_be_linked_to_itself() {
        let err = two_stickies().link("l1", "a", "a", "").unwrap_err();
        assert_eq!(err.field, "to");
        assert_eq!(
            err.message,
            "a link joins two different items; choose another end"
        );
    }

    #[test]
    fn a_link_to_a_sticky_that_is_gone_is_refused() {
        let err = two_stickies().link("l1", "a", "zz", "").unwrap_err();
        assert_eq!(err.field, "to");
        assert!(
            err.message.starts_with("“zz” is not on the canvas"),
            "{}",
            err.message
        );
    }

    #[test]
    fn frames_cannot_be_linked() {
        let err = two_stickies().link("l1", "f", "a", "").unwrap_err();
        assert_eq!(err.field, "from");
        assert!(
            err.message.contains("link the stickies inside"),
            "{}",
            err.message
        );
    }

    #[test]
    fn the_same_two_stickies_are_linked_once_whichever_way_round() {
        let mut canvas = two_stickies();
        canvas.links.push(link("l1", "a", "b"));
        let err = canvas.link("l2", "b", "a", "").unwrap_err();
        assert!(err.message.contains("already linked"), "{}", err.message);
    }

    #[test]
    fn relabelling_a_link_changes_only_its_words() {
        let mut canvas = two_stickies();
        canvas.links.push(link("l1", "a", "b"));
        let change = canvas.relabel("l1", "feeds").unwrap();
        assert_eq!(
            change.link_upserts,
            [CanvasLink {
                label: "feeds".into(),
                ..link("l1", "a", "b")
            }]
        );
        assert!(
            canvas.relabel("l1", "").unwrap().is_empty(),
            "the same label changes nothing"
        );
    }

    #[test]
    fn an_over_long_link_label_is_refused() {
        let err = two_stickies()
            .link("l1", "a", "b", &"x".repeat(121))
            .unwrap_err();
        assert_eq!(err.field, "label");
    }
}
