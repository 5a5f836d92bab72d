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
