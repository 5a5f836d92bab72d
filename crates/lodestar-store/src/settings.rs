//! Small preferences of this laptop, such as the last folder a file was saved to.

use rusqlite::{params, OptionalExtension};

use crate::connection::Store;
use crate::error::Result;

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Saves a preference in its own transaction (not recorded for undo).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = ?2",
                params![key, value],
            )?;
            Ok(())
        })
    }
}
