//! What a removal does to what refers to it, written with the removal as one undo step.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{person, temp_store, workshop_with_agreed_needs};
use lodestar_core::canvas::{CanvasOp, ItemContent, ItemKind, NewItem};
use lodestar_core::needs::Agreement;
use lodestar_core::HistoryScope;

fn card_by(author: Option<String>, need: Option<String>) -> CanvasOp {
    CanvasOp::Create {
        item: NewItem {
            kind: ItemKind::Sticky,
            x: 0.0,
            y: 0.0,
            width: 160.0,
            height: 120.0,
            parent_frame: None,
            content: ItemContent {
                text: "Baskets per week".into(),
                author_id: author,
                linked_need: need,
                ..ItemContent::default()
            },
        },
    }
}

#[test]
fn a_removed_objector_leaves_the_objection_on_record_and_the_file_still_imports() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let ann = t.store.add_stakeholder(&w.id, &person("Ann"), 5).unwrap();
    let ben = t.store.add_stakeholder(&w.id, &person("Ben"), 6).unwrap();
    let objections = Agreement::Objections {
        objector_ids: vec![ann.id.clone(), ben.id.clone()],
        note: "cost".into(),
    };
    t.store
        .set_need_agreement(&needs[1], &objections, 7)
        .unwrap();

    t.store.remove_stakeholder(&ben.id, 8).unwrap();
    let need = t.store.needs(&w.id).unwrap().remove(1);
    assert_eq!(
        need.agreement,
        Agreement::Objections {
            objector_ids: vec![ann.id.clone()],
            note: "cost".into(),
        }
    );
    // Before, Ben's id stayed behind and the exported file was refused on import.
    let file = t.store.export_workshop(&w.id).unwrap();
    let mut other = temp_store();
    other.store.import_workshop(&file, 9).unwrap();

    t.store.undo(&HistoryScope::workshop(&w.id), 10).unwrap();
    let need = t.store.needs(&w.id).unwrap().remove(1);
    assert_eq!(
        need.agreement, objections,
        "undo brings Ben's objection back"
    );
}

#[test]
fn a_removed_author_or_need_is_cleared_from_the_card_and_undo_brings_it_back() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let ann = t.store.add_stakeholder(&w.id, &person("Ann"), 5).unwrap();
    let op = card_by(Some(ann.id.clone()), Some(needs[0].clone()));
    t.store.apply_canvas_ops(&w.id, &[op], 6).unwrap();

    t.store.remove_stakeholder(&ann.id, 7).unwrap();
    t.store.remove_need(&needs[0], 8).unwrap();
    let file = t.store.export_workshop(&w.id).unwrap();
    let card = &file.canvas.items[0];
    assert_eq!(
        (card.author_id.as_deref(), card.linked_need.as_deref()),
        (None, None)
    );

    let scope = HistoryScope::workshop(&w.id);
    t.store.undo(&scope, 9).unwrap();
    t.store.undo(&scope, 10).unwrap();
    let card = t.store.canvas_scene(&w.id).unwrap().items.remove(0);
    assert_eq!(card.author_id, Some(ann.id));
    assert_eq!(card.linked_need, Some(needs[0].clone()));
}
