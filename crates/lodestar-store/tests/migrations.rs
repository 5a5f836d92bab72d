//! Opening databases: from empty, again, and refusing one written by a newer Lodestar.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{temp_store, titled};
use lodestar_store::{Store, StoreError, DATABASE_FILE_NAME, SCHEMA_VERSION};
use rusqlite::Connection;

#[test]
fn an_empty_folder_gets_a_database_at_the_current_schema_in_wal_mode() {
    let t = temp_store();
    let path = t.dir.path().join(DATABASE_FILE_NAME);
    assert!(path.exists(), "the database file is created on first open");
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL keeps committed work safe if the app dies");
}

#[test]
fn reopening_keeps_the_data_and_does_not_migrate_twice() {
    let mut t = temp_store();
    t.store.create_workshop(&titled("Persisted"), 1).unwrap();
    let t = t.reopen();
    assert_eq!(t.store.list_workshops().unwrap().len(), 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path)
        .err()
        .expect("a newer database must be refused");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 999, .. }),
        "got {err:?}"
    );
    assert!(
        err.to_string().contains("newer version of Lodestar"),
        "message: {err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file's bytes are unchanged"
    );
    assert!(
        !dir.path()
            .join(format!("{DATABASE_FILE_NAME}-wal"))
            .exists(),
        "no WAL created"
    );
}

#[test]
fn a_data_folder_that_cannot_be_created_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open_in_dir(&file.join("inside"))
        .err()
        .expect("must fail");
    assert!(matches!(err, StoreError::DataDir { .. }), "got {err:?}");
    assert!(
        err.to_string().contains("not-a-folder"),
        "message names the path: {err}"
    );
}

#[test]
fn every_committed_action_is_visible_to_another_connection_at_once() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Committed"), 1).unwrap();
    let other = Connection::open(t.dir.path().join(DATABASE_FILE_NAME)).unwrap();
    let title: String = other
        .query_row("SELECT title FROM workshops WHERE id = ?1", [&w.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        title, "Committed",
        "the action was committed before create returned"
    );
}

#[test]
fn a_database_that_cannot_use_wal_is_refused() {
    // An in-memory database stands in for a folder where SQLite silently falls back to
    // another journal mode: the store must not pretend its commits are safe there.
    let refused = lodestar_store::Store::open(std::path::Path::new(":memory:"));
    match refused {
        Err(lodestar_store::StoreError::NotWal { mode }) => assert_eq!(mode, "memory"),
        Err(other) => panic!("refused for the wrong reason: {other}"),
        Ok(_) => panic!("a database without WAL was accepted"),
    }
}
