//! Steps 1 and 2 in the store: people and customer categories, each action undoable.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{person, temp_store, titled};
use lodestar_core::categories::{BestReason, CategoryInput};
use lodestar_core::stakeholders::GridQuadrant;
use lodestar_core::HistoryScope;
use lodestar_store::StoreError;

#[test]
fn people_are_listed_in_the_order_they_were_added_with_their_initials() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    t.store
        .add_stakeholder(&w.id, &person("Ana María López"), 2)
        .unwrap();
    t.store.add_stakeholder(&w.id, &person("Bob"), 3).unwrap();
    let people = t.store.stakeholders(&w.id).unwrap();
    let names: Vec<_> = people.iter().map(|p| p.details.name.as_str()).collect();
    assert_eq!(names, ["Ana María López", "Bob"]);
    assert_eq!(people[0].initials, "AL");
}

#[test]
fn an_empty_name_is_refused_and_nothing_is_added() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    let err = t
        .store
        .add_stakeholder(&w.id, &person("  "), 2)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref v) if v.field == "name"),
        "got {err:?}"
    );
    assert!(t.store.stakeholders(&w.id).unwrap().is_empty());
}

#[test]
fn moving_a_person_on_the_grid_changes_their_quadrant_and_undo_moves_them_back() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    let p = t.store.add_stakeholder(&w.id, &person("Cleo"), 2).unwrap();
    let mut moved = person("Cleo");
    moved.influence = 5;
    moved.interest = 1;
    let updated = t.store.update_stakeholder(&p.id, &moved, 3).unwrap();
    assert_eq!(updated.quadrant, GridQuadrant::KeepSatisfied);

    t.store.undo(&HistoryScope::workshop(&w.id), 4).unwrap();
    assert_eq!(
        t.store.stakeholders(&w.id).unwrap()[0].quadrant,
        GridQuadrant::ManageClosely
    );
}

#[test]
fn removing_a_person_is_undone_with_everything_they_had() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    let p = t.store.add_stakeholder(&w.id, &person("Dee"), 2).unwrap();
    t.store.remove_stakeholder(&p.id, 3).unwrap();
    assert!(t.store.stakeholders(&w.id).unwrap().is_empty());
    let mut t = t.reopen();
    t.store.undo(&HistoryScope::workshop(&w.id), 4).unwrap();
    assert_eq!(
        t.store.stakeholders(&w.id).unwrap(),
        vec![p],
        "restored exactly, after a restart"
    );
}

#[test]
fn reordering_puts_people_in_the_given_order_and_refuses_a_stale_list() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    let a = t.store.add_stakeholder(&w.id, &person("A"), 2).unwrap();
    let b = t.store.add_stakeholder(&w.id, &person("B"), 3).unwrap();
    t.store
        .reorder_stakeholders(&w.id, &[b.id.clone(), a.id.clone()], 4)
        .unwrap();
    let names: Vec<_> = t
        .store
        .stakeholders(&w.id)
        .unwrap()
        .into_iter()
        .map(|p| p.details.name)
        .collect();
    assert_eq!(names, ["B", "A"]);
    let err = t
        .store
        .reorder_stakeholders(&w.id, std::slice::from_ref(&a.id), 5)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref v) if v.field == "ids"),
        "got {err:?}"
    );
}

#[test]
fn a_category_keeps_why_its_customers_are_among_the_best() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("W"), 1).unwrap();
    let input = CategoryInput {
        name: "Young families".into(),
        why_best: "Loyal for a decade".into(),
        reasons: vec![BestReason::Loyalty, BestReason::Growth],
        priority: true,
        ..Default::default()
    };
    let c = t.store.add_category(&w.id, &input, 2).unwrap();
    let t = t.reopen();
    let stored = &t.store.categories(&w.id).unwrap()[0];
    assert_eq!(stored.id, c.id);
    assert_eq!(
        stored.details.reasons,
        vec![BestReason::Loyalty, BestReason::Growth]
    );
    assert!(stored.details.priority);
}

#[test]
fn removing_a_category_takes_its_needs_and_undo_brings_both_back() {
    let mut t = temp_store();
    let (w, needs) = common::workshop_with_agreed_needs(&mut t, 2);
    let category = t.store.categories(&w.id).unwrap()[0].id.clone();
    t.store.remove_category(&category, 10).unwrap();
    assert!(t.store.needs(&w.id).unwrap().is_empty());
    t.store.undo(&HistoryScope::workshop(&w.id), 11).unwrap();
    let back: Vec<_> = t
        .store
        .needs(&w.id)
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(back, needs);
}
