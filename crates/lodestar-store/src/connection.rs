//! Opening the database: the file, its pragmas, and the migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Result, StoreError};
use crate::migrations;

/// The database file's name inside the data folder.
pub const DATABASE_FILE_NAME: &str = "lodestar.db";

/// An open Lodestar database. One per process; callers serialise access (e.g. a mutex).
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database in `dir`, creating the folder too.
    pub fn open_in_dir(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
            path: dir.display().to_string(),
            source,
        })?;
        Store::open(&dir.join(DATABASE_FILE_NAME))
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    ///
    /// A database from a newer Lodestar is refused without writing to it.
    pub fn open(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        // Check the version before switching to WAL, so a newer file is not touched at all.
        let found = migrations::schema_version(&conn)?;
        if found > migrations::SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: migrations::SCHEMA_VERSION,
            });
        }
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Where the database file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one immediate transaction: all of it is committed, or none of it.
    pub(crate) fn with_tx<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// WAL keeps committed work safe if the laptop dies; `synchronous=FULL` makes each commit
/// durable before the UI is told it is saved. Foreign keys are off by default in SQLite.
///
/// SQLite quietly keeps another journal mode where WAL cannot work (some network folders, a
/// database in memory): that is refused, since the promise "saved means saved" rests on it.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::NotWal { mode });
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
