//! Undo and redo are part of the stored model: they work per scope and across a restart.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{temp_store, titled};
use lodestar_core::{HistoryScope, Step};
use lodestar_store::StoreError;

#[test]
fn undoing_a_rename_brings_the_old_title_back_and_redo_reapplies_it() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Before"), 1).unwrap();
    t.store
        .rename_workshop(&HistoryScope::Library, &w.id, "After", 2)
        .unwrap();

    let label = t.store.undo(&HistoryScope::Library, 99).unwrap();
    assert_eq!(label, "rename workshop to “After”");
    assert_eq!(t.store.workshop(&w.id).unwrap().title, "Before");

    t.store.redo(&HistoryScope::Library, 99).unwrap();
    assert_eq!(t.store.workshop(&w.id).unwrap().title, "After");
}

#[test]
fn undo_and_redo_work_after_the_database_is_reopened() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Before"), 1).unwrap();
    t.store
        .rename_workshop(&HistoryScope::Library, &w.id, "After", 2)
        .unwrap();

    let mut t = t.reopen();
    t.store.undo(&HistoryScope::Library, 99).unwrap();
    assert_eq!(
        t.store.workshop(&w.id).unwrap().title,
        "Before",
        "undo survives a restart"
    );

    let mut t = t.reopen();
    t.store.redo(&HistoryScope::Library, 99).unwrap();
    assert_eq!(
        t.store.workshop(&w.id).unwrap().title,
        "After",
        "redo survives a restart"
    );
}

#[test]
fn undoing_a_delete_restores_the_workshop_as_it_was() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Keep me"), 1).unwrap();
    t.store.set_current_step(&w.id, Step::Report, 2).unwrap();
    let before = t.store.workshop(&w.id).unwrap();
    t.store.delete_workshop(&w.id, 3).unwrap();

    assert_eq!(
        t.store.undo(&HistoryScope::Library, 99).unwrap(),
        "delete workshop “Keep me”"
    );
    assert_eq!(t.store.workshop(&w.id).unwrap(), before);
}

#[test]
fn undoing_a_create_hides_the_workshop_and_redo_shows_it_again() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Oops"), 1).unwrap();
    t.store.set_current_step(&w.id, Step::Report, 2).unwrap();

    t.store.undo(&HistoryScope::Library, 99).unwrap();
    assert!(t.store.list_workshops().unwrap().is_empty());

    t.store.redo(&HistoryScope::Library, 99).unwrap();
    let back = t.store.workshop(&w.id).unwrap();
    assert_eq!(
        back.current_step,
        Step::Report,
        "work done inside it was kept while hidden"
    );
}

#[test]
fn each_workshop_has_its_own_undo_history() {
    let mut t = temp_store();
    let a = t.store.create_workshop(&titled("A"), 1).unwrap();
    let b = t.store.create_workshop(&titled("B"), 2).unwrap();
    t.store.set_current_step(&a.id, Step::Report, 3).unwrap();
    t.store.set_current_step(&b.id, Step::Report, 4).unwrap();

    t.store.undo(&HistoryScope::workshop(&a.id), 99).unwrap();
    assert_eq!(
        t.store.workshop(&a.id).unwrap().current_step,
        Step::Stakeholders
    );
    assert_eq!(
        t.store.workshop(&b.id).unwrap().current_step,
        Step::Report,
        "B is untouched"
    );
}

#[test]
fn a_new_action_clears_what_could_have_been_redone() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("One"), 1).unwrap();
    t.store
        .rename_workshop(&HistoryScope::Library, &w.id, "Two", 2)
        .unwrap();
    t.store.undo(&HistoryScope::Library, 99).unwrap();
    assert!(t
        .store
        .history_state(&HistoryScope::Library)
        .unwrap()
        .redo_label
        .is_some());

    t.store
        .rename_workshop(&HistoryScope::Library, &w.id, "Three", 3)
        .unwrap();
    let state = t.store.history_state(&HistoryScope::Library).unwrap();
    assert_eq!(state.redo_label, None);
    assert_eq!(
        state.undo_label.as_deref(),
        Some("rename workshop to “Three”")
    );
    assert!(matches!(
        t.store.redo(&HistoryScope::Library, 99),
        Err(StoreError::NothingToRedo)
    ));
}

#[test]
fn undo_with_an_empty_history_says_so() {
    let mut t = temp_store();
    assert!(matches!(
        t.store.undo(&HistoryScope::Library, 99),
        Err(StoreError::NothingToUndo)
    ));
}
