//! Which cards the room can vote on as the North Star metric.
//!
//! One rule for the store (which refuses a ballot of anything else), the UI (which offers the
//! list) and the report (which lists the candidates): a sticky or a current KPI with words on
//! it. A frame is a cluster, not a metric. A blank card cannot be voted on: nobody could say
//! what they chose. The checklist score and the tags do not decide: the room often votes
//! before it has ticked every criterion, and the score only orders the ballot.

use super::items::{CanvasItem, ItemKind};

impl ItemKind {
    /// Whether the item stands for a metric (a sticky or a current KPI), not a frame.
    pub fn is_metric(self) -> bool {
        match self {
            ItemKind::Sticky | ItemKind::Kpi => true,
            ItemKind::Frame => false,
        }
    }
}

impl CanvasItem {
    /// Whether the room may put this card on the ballot of a metric vote.
    pub fn is_metric_candidate(&self) -> bool {
        self.kind.is_metric() && !self.text.trim().is_empty()
    }
}

/// The ids of the cards a metric vote may choose among, in the canvas's order.
pub fn metric_candidates(items: &[CanvasItem]) -> Vec<String> {
    items
        .iter()
        .filter(|item| item.is_metric_candidate())
        .map(|item| item.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, sticky};
    use super::super::Criterion;
    use super::*;

    fn kpi(id: &str) -> CanvasItem {
        CanvasItem {
            kind: ItemKind::Kpi,
            ..sticky(id, 0.0, 0.0)
        }
    }

    fn blank(item: CanvasItem, text: &str) -> CanvasItem {
        CanvasItem {
            text: text.into(),
            ..item
        }
    }

    #[test]
    fn stickies_and_current_kpis_with_words_are_candidates() {
        let items = vec![sticky("s", 0.0, 0.0), kpi("k")];
        assert_eq!(metric_candidates(&items), vec!["s", "k"]);
    }

    #[test]
    fn a_frame_is_never_a_candidate_even_with_a_title() {
        let items = vec![frame("f", 0.0, 0.0, 400.0, 300.0), sticky("s", 0.0, 0.0)];
        assert_eq!(metric_candidates(&items), vec!["s"]);
    }

    #[test]
    fn a_card_without_words_is_not_a_candidate() {
        let items = vec![
            blank(sticky("empty", 0.0, 0.0), ""),
            blank(kpi("spaces"), " \n\t "),
            sticky("s", 0.0, 0.0),
        ];
        assert_eq!(metric_candidates(&items), vec!["s"]);
    }

    #[test]
    fn neither_the_checklist_nor_the_tags_decide() {
        let unchecked = sticky("unchecked", 0.0, 0.0);
        let mut checked = sticky("checked", 0.0, 0.0);
        checked.checklist = checked.checklist.with(Criterion::Measurable, true);
        assert!(unchecked.tags.keys().is_empty());
        assert_eq!(
            metric_candidates(&[unchecked, checked]),
            vec!["unchecked", "checked"]
        );
    }

    #[test]
    fn candidates_keep_the_canvas_order() {
        let items = vec![kpi("b"), sticky("a", 0.0, 0.0), kpi("c")];
        assert_eq!(metric_candidates(&items), vec!["b", "a", "c"]);
    }
}
