//! Workshop files: export, import as a new workshop, and refusing bad files whole.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{person, temp_store, workshop_with_agreed_needs};
use lodestar_core::needs::Agreement;
use lodestar_core::votes::{Allocation, BallotInput, VoteMethod, VoteRules, VoteSubject};
use lodestar_store::StoreError;

/// A workshop with people, categories, agreed needs and a decided vote.
fn busy_store() -> (common::TempStore, String) {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 3);
    let ann = t.store.add_stakeholder(&w.id, &person("Ann"), 5).unwrap();
    let ben = t.store.add_stakeholder(&w.id, &person("Ben"), 6).unwrap();
    t.store
        .set_need_agreement(
            &needs[2],
            &Agreement::Objections {
                objector_ids: vec![ben.id.clone()],
                note: "cost".into(),
            },
            7,
        )
        .unwrap();
    let rules = VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: 2,
            max_per_option: 2,
        },
        anonymous: false,
        hidden_until_revealed: true,
    };
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &rules, &needs[..2], 8)
        .unwrap();
    for (voter, option) in [(&ann.id, &needs[0]), (&ben.id, &needs[0])] {
        let ballot = BallotInput::Dot {
            allocations: vec![Allocation {
                option_id: option.clone(),
                amount: 2,
            }],
        };
        t.store
            .cast_ballot(&vote.id, voter, &ballot, false, 9)
            .unwrap();
    }
    t.store.close_vote(&vote.id, 10).unwrap();
    t.store.reveal_vote(&vote.id, 11).unwrap();
    (t, w.id)
}

#[test]
fn export_then_import_into_an_empty_store_then_export_gives_the_same_file() {
    let (mut t, id) = busy_store();
    let file = t.store.export_workshop(&id).unwrap();
    let mut other = temp_store();
    let imported = other.store.import_workshop(&file, 100).unwrap();
    assert_eq!(imported.id, id, "an empty store keeps the file's ids");
    let again = other.store.export_workshop(&id).unwrap();
    assert_eq!(
        serde_json::to_value(&again).unwrap(),
        serde_json::to_value(&file).unwrap(),
        "nothing was lost or changed on the way"
    );
}

#[test]
fn importing_into_the_same_store_creates_a_second_workshop_with_fresh_ids() {
    let (mut t, id) = busy_store();
    let file = t.store.export_workshop(&id).unwrap();
    let copy = t.store.import_workshop(&file, 100).unwrap();
    assert_ne!(copy.id, id, "never overwrites the original");
    assert_eq!(t.store.list_workshops().unwrap().len(), 2);
    let data = t.store.workshop_data(&copy.id, 101).unwrap();
    assert_eq!(data.stakeholders.len(), 2);
    assert_eq!(
        data.votes[0].voters.len(),
        2,
        "ballots point at the copied people"
    );
    let focus = data.focus.unwrap();
    assert!(
        data.needs.iter().any(|n| n.id == focus.need_id),
        "the decision points at a copied need"
    );
    assert!(!focus.stale, "revisions were carried over with the new ids");
}

#[test]
fn a_file_with_a_dangling_reference_is_refused_by_path_and_writes_nothing() {
    let (mut t, id) = busy_store();
    let mut file = t.store.export_workshop(&id).unwrap();
    file.needs[1].details.category_id = "no-such-category".into();
    let mut other = temp_store();
    let err = other.store.import_workshop(&file, 100).unwrap_err();
    assert!(
        matches!(err, StoreError::BadFile { ref path, .. } if path == "needs[1].details.categoryId"),
        "got {err:?}"
    );
    assert!(
        other.store.list_workshops().unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn an_over_budget_ballot_in_a_file_is_refused_with_its_path() {
    let (mut t, id) = busy_store();
    let mut file = t.store.export_workshop(&id).unwrap();
    let option = file.votes[0].options[0].clone();
    file.votes[0].ballots[1].ballot = BallotInput::Dot {
        allocations: vec![Allocation {
            option_id: option,
            amount: 7,
        }],
    };
    let err = temp_store().store.import_workshop(&file, 100).unwrap_err();
    assert!(
        err.to_string().starts_with("votes[0].ballots[1]"),
        "got {err}"
    );
    assert!(err.to_string().contains("exceed"), "got {err}");
}

#[test]
fn undoing_an_import_hides_the_imported_workshop() {
    let (mut t, id) = busy_store();
    let file = t.store.export_workshop(&id).unwrap();
    let mut other = temp_store();
    other.store.import_workshop(&file, 100).unwrap();
    other
        .store
        .undo(&lodestar_core::HistoryScope::Library, 101)
        .unwrap();
    assert!(other.store.list_workshops().unwrap().is_empty());
}
