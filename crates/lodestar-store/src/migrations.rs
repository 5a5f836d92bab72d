//! Versioned schema migrations, applied in order and tracked in SQLite's `user_version`.
//!
//! A database whose version is higher than any migration here was written by a newer
//! Lodestar: it is refused before anything is written to it.

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// The migrations, oldest first. Never edit a released one: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_workshops_and_history.sql"),
    include_str!("../migrations/002_steps_one_to_four.sql"),
    include_str!("../migrations/003_settings.sql"),
    include_str!("../migrations/004_canvas.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the schema up to date, each migration in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
