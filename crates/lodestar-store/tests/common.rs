//! Shared helpers for the store's integration tests: a fresh database in a temporary folder.

#![allow(dead_code)]
// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_core::WorkshopInput;
use lodestar_store::Store;

pub struct TempStore {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_dir(dir.path()).expect("open store");
    TempStore { dir, store }
}

impl TempStore {
    /// Closes the database and opens it again, as a restart of the app would.
    pub fn reopen(self) -> TempStore {
        let TempStore { dir, store } = self;
        drop(store);
        let store = Store::open_in_dir(dir.path()).expect("reopen store");
        TempStore { dir, store }
    }
}

pub fn titled(title: &str) -> WorkshopInput {
    WorkshopInput {
        title: title.to_string(),
        ..WorkshopInput::default()
    }
}

use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::stakeholders::StakeholderInput;
use lodestar_core::Workshop;

pub fn person(name: &str) -> StakeholderInput {
    StakeholderInput {
        name: name.to_string(),
        role: String::new(),
        function: String::new(),
        influence: 3,
        interest: 3,
        stance: Default::default(),
        present: true,
        colour: String::new(),
    }
}

/// A need that passes every SMART check once the room confirms A and R.
pub fn smart_need(category_id: &str, statement: &str) -> NeedInput {
    NeedInput {
        category_id: category_id.to_string(),
        statement: statement.to_string(),
        specific_who: "Store managers".into(),
        specific_what: "restock shelves before opening".into(),
        measure: "shelves restocked before 8:00".into(),
        unit: "%".into(),
        baseline: "60".into(),
        target: "95%".into(),
        achievable_how: "night shift with handheld scanners".into(),
        owner: "Operations".into(),
        relevant_link: "empty shelves lose sales".into(),
        time_bound: "by 2027-06-30".into(),
        achievable_confirmed: true,
        achievable_reason: "pilot store did it".into(),
        relevant_confirmed: true,
        relevant_reason: "top complaint".into(),
    }
}

/// A workshop with one category and `n` agreed SMART needs; returns the need ids.
pub fn workshop_with_agreed_needs(t: &mut TempStore, n: usize) -> (Workshop, Vec<String>) {
    let w = t.store.create_workshop(&titled("Vote"), 1).unwrap();
    let category = t
        .store
        .add_category(
            &w.id,
            &lodestar_core::categories::CategoryInput {
                name: "Shops".into(),
                ..Default::default()
            },
            2,
        )
        .unwrap();
    let ids = (0..n)
        .map(|i| {
            let need = t
                .store
                .add_need(&w.id, &smart_need(&category.id, &format!("Need {i}")), 3)
                .unwrap();
            t.store
                .set_need_agreement(&need.id, &Agreement::Consensus, 4)
                .unwrap();
            need.id
        })
        .collect();
    (w, ids)
}
