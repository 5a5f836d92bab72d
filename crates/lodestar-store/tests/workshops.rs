//! The home screen's workshops, stored for real in a temporary SQLite file.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{temp_store, titled};
use lodestar_core::{HistoryScope, Step, WorkshopInput};
use lodestar_store::StoreError;

#[test]
fn a_created_workshop_is_listed_with_its_details_at_the_first_step() {
    let mut t = temp_store();
    let input = WorkshopInput {
        title: "  Growth offsite ".into(),
        organisation: "Acme".into(),
        date: "2026-11-23".into(),
        facilitator: "Ana".into(),
    };
    let created = t.store.create_workshop(&input, 1_000).unwrap();
    assert_eq!(created.title, "Growth offsite", "titles are trimmed");
    assert_eq!(created.current_step, Step::Stakeholders);
    assert_eq!(t.store.list_workshops().unwrap(), vec![created]);
}

#[test]
fn the_list_shows_the_most_recently_changed_workshop_first() {
    let mut t = temp_store();
    let older = t.store.create_workshop(&titled("Older"), 1_000).unwrap();
    let newer = t.store.create_workshop(&titled("Newer"), 2_000).unwrap();
    let titles: Vec<_> = t
        .store
        .list_workshops()
        .unwrap()
        .into_iter()
        .map(|w| w.title)
        .collect();
    assert_eq!(titles, vec!["Newer", "Older"]);

    t.store
        .rename_workshop(&HistoryScope::Library, &older.id, "Older, renamed", 3_000)
        .unwrap();
    let first = &t.store.list_workshops().unwrap()[0];
    assert_eq!(first.id, older.id, "a rename counts as a change");
    assert_ne!(first.id, newer.id);
}

#[test]
fn an_empty_title_is_refused_and_nothing_is_written() {
    let mut t = temp_store();
    let err = t.store.create_workshop(&titled("   "), 1_000).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref v) if v.field == "title"),
        "got {err:?}"
    );
    assert!(t.store.list_workshops().unwrap().is_empty());
    assert_eq!(
        t.store
            .history_state(&HistoryScope::Library)
            .unwrap()
            .undo_label,
        None
    );
}

#[test]
fn renaming_a_missing_workshop_says_it_does_not_exist() {
    let mut t = temp_store();
    let err = t
        .store
        .rename_workshop(&HistoryScope::Library, "nope", "X", 1)
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                entity: "workshop",
                ..
            }
        ),
        "got {err:?}"
    );
    assert_eq!(
        t.store
            .history_state(&HistoryScope::Library)
            .unwrap()
            .undo_label,
        None
    );
}

#[test]
fn a_deleted_workshop_leaves_the_list_and_can_no_longer_be_opened() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Doomed"), 1).unwrap();
    t.store.delete_workshop(&w.id, 2).unwrap();
    assert!(t.store.list_workshops().unwrap().is_empty());
    assert!(matches!(
        t.store.workshop(&w.id),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn the_current_step_is_stored_and_survives_a_reopen() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Steps"), 1).unwrap();
    t.store.set_current_step(&w.id, Step::Report, 2).unwrap();
    let t = t.reopen();
    assert_eq!(t.store.workshop(&w.id).unwrap().current_step, Step::Report);
}

#[test]
fn details_can_be_edited_together_and_are_validated() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Details"), 1).unwrap();
    let scope = HistoryScope::workshop(&w.id);
    let mut input = titled("Details");
    input.date = "2026-02-30".into();
    let err = t
        .store
        .update_workshop_details(&scope, &w.id, &input, 2)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref v) if v.field == "date"),
        "got {err:?}"
    );

    input.date = "2026-02-27".into();
    input.organisation = "Acme".into();
    let updated = t
        .store
        .update_workshop_details(&scope, &w.id, &input, 3)
        .unwrap();
    assert_eq!(
        (updated.date.as_str(), updated.organisation.as_str()),
        ("2026-02-27", "Acme")
    );
}
