//! What points at what in a workshop, and the one rule for references left dangling when
//! something is removed: canvas cards name their author, category and need; needs name their
//! objectors; ballots their voter; the North Star's inputs their cards.

use std::collections::HashSet;

use crate::canvas::{CanvasItem, ItemContent};
use crate::refusal::{Refusal, RefusalCode};

mod ballots;
mod removal;

pub use ballots::refuse_removing_vote_options;
pub use removal::{removal_changes, BallotOf, NeedRefs, Removal, RemovalChanges, WorkshopRefs};

/// The ids a card's content may point at: the workshop's people, categories and needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownIds {
    pub stakeholders: HashSet<String>,
    pub categories: HashSet<String>,
    pub needs: HashSet<String>,
}

impl KnownIds {
    /// The card with links to removed people, categories or needs dropped, so a card never
    /// points nowhere (in the app or in an export).
    pub fn tidy(&self, item: CanvasItem) -> CanvasItem {
        let keep = |id: Option<String>, known: &HashSet<String>| id.filter(|i| known.contains(i));
        CanvasItem {
            author_id: keep(item.author_id, &self.stakeholders),
            linked_category: keep(item.linked_category, &self.categories),
            linked_need: keep(item.linked_need, &self.needs),
            ..item
        }
    }

    /// New content may only point at what the workshop has now.
    pub fn check(&self, content: &ItemContent) -> Result<(), Refusal> {
        let unknown = |field: &str, what: &str| {
            Err(Refusal::new(
                RefusalCode::UnknownReference,
                field,
                format!("is not {what} of this workshop (it may have been removed)"),
            ))
        };
        if let Some(id) = &content.author_id {
            if !self.stakeholders.contains(id) {
                return unknown("authorId", "a stakeholder");
            }
        }
        if let Some(id) = &content.linked_category {
            if !self.categories.contains(id) {
                return unknown("linkedCategory", "a customer category");
            }
        }
        if let Some(id) = &content.linked_need {
            if !self.needs.contains(id) {
                return unknown("linkedNeed", "a need");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownIds {
        KnownIds {
            stakeholders: ["ann".to_string()].into(),
            ..KnownIds::default()
        }
    }

    #[test]
    fn a_new_card_cannot_name_a_person_who_was_removed() {
        let content = ItemContent {
            author_id: Some("ben".into()),
            ..ItemContent::default()
        };
        let refused = known().check(&content).unwrap_err();
        assert_eq!(refused.code, RefusalCode::UnknownReference);
        assert_eq!(refused.field, "authorId");
        assert_eq!(
            refused.message,
            "is not a stakeholder of this workshop (it may have been removed)"
        );
        let by_ann = ItemContent {
            author_id: Some("ann".into()),
            ..ItemContent::default()
        };
        assert!(known().check(&by_ann).is_ok());
    }
}
