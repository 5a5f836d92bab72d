//! What a removal does to what refers to it. The rule is written once: take the removed
//! things out of the known ids, then everything still pointing at them changes — ballots of
//! a removed person go, they are no longer an objector, cards forget their author, category
//! or need, and North Star inputs keep their name but no longer point at a deleted card.

use crate::canvas::{CanvasItem, InputMetric};
use crate::needs::Agreement;

use super::KnownIds;

/// What is being removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    Stakeholder(String),
    /// A customer category, with the needs written for it.
    Category(String),
    Need(String),
    /// Cards deleted from the canvas (the canvas itself tidies its links and frames).
    CanvasItems(Vec<String>),
}

/// A ballot and who cast it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotOf {
    pub id: String,
    pub voter_id: String,
}

/// A need and what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRefs {
    pub id: String,
    pub category_id: String,
    pub agreement: Agreement,
}

/// The workshop's data that may point at something removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkshopRefs {
    pub known: KnownIds,
    pub ballots: Vec<BallotOf>,
    pub needs: Vec<NeedRefs>,
    pub items: Vec<CanvasItem>,
    pub north_star_inputs: Option<Vec<InputMetric>>,
}

/// What must change so nothing points at what is removed (besides removing it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RemovalChanges {
    pub delete_ballots: Vec<String>,
    /// Needs that go with their category.
    pub delete_needs: Vec<String>,
    /// Needs whose agreement no longer names a removed objector: (need id, new agreement).
    pub agreements: Vec<(String, Agreement)>,
    /// Cards with their links to removed things cleared.
    pub items: Vec<CanvasItem>,
    /// The North Star's new inputs, when any pointed at a deleted card.
    pub north_star_inputs: Option<Vec<InputMetric>>,
}

/// The one rule for dangling references: given a removal and the workshop's data, what
/// must change with it.
pub fn removal_changes(removal: &Removal, data: &WorkshopRefs) -> RemovalChanges {
    let mut left = data.known.clone();
    let mut gone_items: &[String] = &[];
    let mut changes = RemovalChanges::default();
    match removal {
        Removal::Stakeholder(id) => {
            left.stakeholders.remove(id);
        }
        Removal::Category(id) => {
            left.categories.remove(id);
            for need in data.needs.iter().filter(|n| &n.category_id == id) {
                left.needs.remove(&need.id);
                changes.delete_needs.push(need.id.clone());
            }
        }
        Removal::Need(id) => {
            left.needs.remove(id);
        }
        Removal::CanvasItems(ids) => gone_items = ids,
    }
    // Only what this removal leaves dangling changes; older data is not rewritten on the way.
    let person_gone =
        |id: &String| data.known.stakeholders.contains(id) && !left.stakeholders.contains(id);
    changes.delete_ballots = data
        .ballots
        .iter()
        .filter(|b| person_gone(&b.voter_id))
        .map(|b| b.id.clone())
        .collect();
    for need in data.needs.iter().filter(|n| left.needs.contains(&n.id)) {
        if let Agreement::Objections { objector_ids, note } = &need.agreement {
            let kept: Vec<String> = objector_ids
                .iter()
                .filter(|id| !person_gone(id))
                .cloned()
                .collect();
            // The objection stays on record (its note too) even when no objector is left.
            if kept.len() != objector_ids.len() {
                let agreement = Agreement::Objections {
                    objector_ids: kept,
                    note: note.clone(),
                };
                changes.agreements.push((need.id.clone(), agreement));
            }
        }
    }
    changes.items = data
        .items
        .iter()
        .filter(|item| !gone_items.contains(&item.id))
        .filter_map(|item| {
            let tidied = left.tidy(item.clone());
            (&tidied != item).then_some(tidied)
        })
        .collect();
    if let Some(inputs) = &data.north_star_inputs {
        let points_at_gone =
            |i: &InputMetric| i.item_id.as_ref().is_some_and(|id| gone_items.contains(id));
        if inputs.iter().any(points_at_gone) {
            changes.north_star_inputs = Some(
                inputs
                    .iter()
                    .map(|input| InputMetric {
                        item_id: input.item_id.clone().filter(|_| !points_at_gone(input)),
                        ..input.clone()
                    })
                    .collect(),
            );
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::{CanvasItem, Checklist, Colour, ItemKind, MetricTags};

    fn set(ids: &[&str]) -> std::collections::HashSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn card(
        id: &str,
        author: Option<&str>,
        category: Option<&str>,
        need: Option<&str>,
    ) -> CanvasItem {
        CanvasItem {
            id: id.into(),
            kind: ItemKind::Sticky,
            x: 0.0,
            y: 0.0,
            width: 100.0,
            height: 80.0,
            z: "V".into(),
            parent_frame: None,
            text: format!("metric {id}"),
            colour: Colour::Yellow,
            author_id: author.map(str::to_string),
            tags: MetricTags::default(),
            linked_category: category.map(str::to_string),
            linked_need: need.map(str::to_string),
            checklist: Checklist::default(),
        }
    }

    fn objections(ids: &[&str]) -> Agreement {
        Agreement::Objections {
            objector_ids: ids.iter().map(|s| s.to_string()).collect(),
            note: "too vague".into(),
        }
    }

    fn need(id: &str, category: &str, agreement: Agreement) -> NeedRefs {
        NeedRefs {
            id: id.into(),
            category_id: category.into(),
            agreement,
        }
    }

    fn input(item: Option<&str>, name: &str) -> InputMetric {
        InputMetric {
            item_id: item.map(str::to_string),
            name: name.into(),
            owner: "Ops".into(),
        }
    }

    /// Ann and Ben are in the room; two categories; n1 and n2 for shoppers, n3 for staff.
    fn harbour() -> WorkshopRefs {
        WorkshopRefs {
            known: KnownIds {
                stakeholders: set(&["ann", "ben"]),
                categories: set(&["shoppers", "staff"]),
                needs: set(&["n1", "n2", "n3"]),
            },
            ballots: vec![
                BallotOf {
                    id: "b-ann".into(),
                    voter_id: "ann".into(),
                },
                BallotOf {
                    id: "b-ben".into(),
                    voter_id: "ben".into(),
                },
                BallotOf {
                    id: "b-old".into(),
                    voter_id: "left-long-ago".into(),
                },
            ],
            needs: vec![
                need("n1", "shoppers", objections(&["ann", "ben"])),
                need("n2", "shoppers", Agreement::Consensus),
                need("n3", "staff", objections(&["ann"])),
            ],
            items: vec![
                card("s1", Some("ann"), Some("shoppers"), Some("n1")),
                card("s2", Some("ben"), Some("staff"), Some("n3")),
            ],
            north_star_inputs: Some(vec![input(Some("s2"), "Basket size"), input(None, "NPS")]),
        }
    }

    #[test]
    fn removing_a_person_takes_their_ballots_objections_and_authorship() {
        let changes = removal_changes(&Removal::Stakeholder("ann".into()), &harbour());
        assert_eq!(changes.delete_ballots, ["b-ann"], "other ballots stay");
        assert_eq!(
            changes.agreements,
            [
                ("n1".to_string(), objections(&["ben"])),
                ("n3".to_string(), objections(&[])),
            ],
            "an objection stays on record with its note when its last objector leaves"
        );
        assert_eq!(
            changes.items,
            [card("s1", None, Some("shoppers"), Some("n1"))]
        );
        assert!(changes.delete_needs.is_empty() && changes.north_star_inputs.is_none());
    }

    #[test]
    fn removing_a_category_takes_its_needs_and_the_cards_links_to_both() {
        let changes = removal_changes(&Removal::Category("shoppers".into()), &harbour());
        assert_eq!(changes.delete_needs, ["n1", "n2"]);
        assert_eq!(changes.items, [card("s1", Some("ann"), None, None)]);
        assert!(
            changes.agreements.is_empty(),
            "removed needs are not rewritten"
        );
        assert!(changes.delete_ballots.is_empty());
    }

    #[test]
    fn removing_a_need_unlinks_the_cards_that_named_it() {
        let changes = removal_changes(&Removal::Need("n3".into()), &harbour());
        assert_eq!(
            changes.items,
            [card("s2", Some("ben"), Some("staff"), None)]
        );
        assert!(changes.delete_needs.is_empty() && changes.agreements.is_empty());
    }

    #[test]
    fn deleting_a_card_keeps_its_input_by_name_only() {
        let changes = removal_changes(&Removal::CanvasItems(vec!["s2".into()]), &harbour());
        assert_eq!(
            changes.north_star_inputs,
            Some(vec![input(None, "Basket size"), input(None, "NPS")])
        );
        assert!(
            changes.items.is_empty(),
            "the deleted card itself is not rewritten"
        );
    }

    #[test]
    fn deleting_a_card_that_no_input_names_changes_nothing() {
        let changes = removal_changes(&Removal::CanvasItems(vec!["s1".into()]), &harbour());
        assert_eq!(changes, RemovalChanges::default());
    }
}
