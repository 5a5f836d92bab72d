//! The persisted undo/redo history.
//!
//! Each user action runs in one transaction through a [`Recorder`], which snapshots every row
//! the action touches before and after. Undo writes the "before" snapshots back (newest change
//! first); redo writes the "after" ones. Because the snapshots live in SQLite next to the data,
//! Ctrl+Z still works after a restart or a crash.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

pub use lodestar_core::HistoryScope as Scope;

use crate::connection::Store;
use crate::error::{Result, StoreError};

/// Tables whose rows may be recorded and restored. Each has a `TEXT` primary key `id`.
const RECORDED_TABLES: &[&str] = &[
    "workshops",
    "stakeholders",
    "categories",
    "needs",
    "votes",
    "ballots",
    "decisions",
    "canvas_items",
    "canvas_links",
    "north_stars",
    "actions",
];

/// How many actions each scope keeps; older ones can no longer be undone.
const HISTORY_LIMIT_PER_SCOPE: i64 = 500;

type Row = Map<String, Value>;

/// One row's state before and after an action (`None` means the row did not exist).
/// For an update, both sides hold only the columns that changed.
#[derive(Debug, Serialize, Deserialize)]
struct RowChange {
    table: String,
    id: String,
    before: Option<Row>,
    after: Option<Row>,
}

/// What the UI needs to label and enable its Undo and Redo buttons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryState {
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

/// Collects the row changes of one action inside its transaction.
pub(crate) struct Recorder<'a, 't> {
    tx: &'a Transaction<'t>,
    changes: Vec<RowChange>,
}

impl<'a, 't> Recorder<'a, 't> {
    pub(crate) fn tx(&self) -> &'a Transaction<'t> {
        self.tx
    }

    /// Runs `write` and records the row `table`/`id` as it was before and after it.
    pub(crate) fn track<T>(
        &mut self,
        table: &'static str,
        id: &str,
        write: impl FnOnce(&Transaction<'t>) -> Result<T>,
    ) -> Result<T> {
        debug_assert!(
            RECORDED_TABLES.contains(&table),
            "{table} must be in RECORDED_TABLES"
        );
        let before = snapshot(self.tx, table, id)?;
        let value = write(self.tx)?;
        let after = snapshot(self.tx, table, id)?;
        let (before, after) = match (before, after) {
            // An update keeps only the columns it changed, so undoing it cannot revert
            // columns that a later action in another scope changed (e.g. the current step).
            (Some(before), Some(after)) => changed_columns(before, after),
            other => other,
        };
        if before != after {
            self.changes.push(RowChange {
                table: table.to_string(),
                id: id.to_string(),
                before,
                after,
            });
        }
        Ok(value)
    }
}

impl<'a, 't> Recorder<'a, 't> {
    /// Runs one statement on the row `table`/`id`, recording it; returns the rows changed.
    pub(crate) fn exec(
        &mut self,
        table: &'static str,
        id: &str,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<usize> {
        self.track(table, id, |tx| Ok(tx.execute(sql, params)?))
    }

    /// Deletes the row `table`/`id`, recording it so undo can put it back.
    pub(crate) fn delete(&mut self, table: &'static str, id: &str) -> Result<()> {
        let sql = format!("DELETE FROM {} WHERE id = ?1", checked_table(table)?);
        self.exec(table, id, &sql, [id])?;
        Ok(())
    }
}

impl Store {
    /// Runs one user action: a single transaction whose row changes become one undo step.
    pub(crate) fn action<T>(
        &mut self,
        scope: &Scope,
        label: &str,
        now: i64,
        work: impl FnOnce(&mut Recorder<'_, '_>) -> Result<T>,
    ) -> Result<T> {
        self.with_tx(|tx| {
            let mut recorder = Recorder {
                tx,
                changes: Vec::new(),
            };
            let value = work(&mut recorder)?;
            if !recorder.changes.is_empty() {
                record(tx, scope, label, now, &recorder.changes)?;
                touch(tx, scope, now)?;
            }
            Ok(value)
        })
    }

    /// Reverts the newest not-yet-undone action of `scope`; returns its label.
    pub fn undo(&mut self, scope: &Scope, now: i64) -> Result<String> {
        self.with_tx(|tx| {
            let entry: Option<(i64, String, String)> = tx
                .query_row(
                    "SELECT seq, label, changes FROM history
                     WHERE scope = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1",
                    [scope.key()],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let (seq, label, changes) = entry.ok_or(StoreError::NothingToUndo)?;
            for change in parse_changes(&changes)?.iter().rev() {
                restore(tx, change, change.before.as_ref())?;
            }
            tx.execute("UPDATE history SET undone = 1 WHERE seq = ?1", [seq])?;
            touch(tx, scope, now)?;
            Ok(label)
        })
    }

    /// Re-applies the oldest undone action of `scope`; returns its label.
    pub fn redo(&mut self, scope: &Scope, now: i64) -> Result<String> {
        self.with_tx(|tx| {
            let entry: Option<(i64, String, String)> = tx
                .query_row(
                    "SELECT seq, label, changes FROM history
                     WHERE scope = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1",
                    [scope.key()],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let (seq, label, changes) = entry.ok_or(StoreError::NothingToRedo)?;
            for change in parse_changes(&changes)? {
                restore(tx, &change, change.after.as_ref())?;
            }
            tx.execute("UPDATE history SET undone = 0 WHERE seq = ?1", [seq])?;
            touch(tx, scope, now)?;
            Ok(label)
        })
    }

    /// The labels of what Undo and Redo would do now in `scope`.
    pub fn history_state(&self, scope: &Scope) -> Result<HistoryState> {
        let label = |undone: i64, order: &str| -> Result<Option<String>> {
            let sql = format!(
                "SELECT label FROM history WHERE scope = ?1 AND undone = ?2
                 ORDER BY seq {order} LIMIT 1"
            );
            Ok(self
                .conn
                .query_row(&sql, params![scope.key(), undone], |row| row.get(0))
                .optional()?)
        };
        Ok(HistoryState {
            undo_label: label(0, "DESC")?,
            redo_label: label(1, "ASC")?,
        })
    }
}

/// Marks the workshop a scope belongs to as changed now, for the home screen's order.
/// Not recorded: undo restores the data, while "last changed" stays the real last change.
fn touch(tx: &Transaction<'_>, scope: &Scope, now: i64) -> Result<()> {
    if let Scope::Workshop { id } = scope {
        tx.execute(
            "UPDATE workshops SET updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
    }
    Ok(())
}

/// Stores one action; a new action discards whatever could have been redone in its scope.
fn record(
    tx: &Transaction<'_>,
    scope: &Scope,
    label: &str,
    now: i64,
    changes: &[RowChange],
) -> Result<()> {
    let key = scope.key();
    let json = serde_json::to_string(changes).map_err(|e| StoreError::History(e.to_string()))?;
    tx.execute(
        "DELETE FROM history WHERE scope = ?1 AND undone = 1",
        [&key],
    )?;
    tx.execute(
        "INSERT INTO history (scope, label, changes, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![key, label, json, now],
    )?;
    tx.execute(
        "DELETE FROM history WHERE scope = ?1 AND seq <= (
             SELECT seq FROM history WHERE scope = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
        params![key, HISTORY_LIMIT_PER_SCOPE],
    )?;
    Ok(())
}

fn parse_changes(json: &str) -> Result<Vec<RowChange>> {
    serde_json::from_str(json).map_err(|e| StoreError::History(e.to_string()))
}

/// Reads one row as a JSON object of column name to value, or `None` when it is absent.
fn snapshot(tx: &Transaction<'_>, table: &str, id: &str) -> Result<Option<Row>> {
    let sql = format!("SELECT * FROM {} WHERE id = ?1", checked_table(table)?);
    let mut statement = tx.prepare(&sql)?;
    let names: Vec<String> = statement.column_names().map(|n| n.to_string()).collect();
    let row = statement
        .query_row([id], |row| {
            let mut map = Row::new();
            for (index, name) in names.iter().enumerate() {
                map.insert(name.clone(), json_from_sql(row.get_ref(index)?));
            }
            Ok(map)
        })
        .optional()?;
    Ok(row)
}

/// Keeps only the columns whose values differ between the two snapshots.
fn changed_columns(before: Row, mut after: Row) -> (Option<Row>, Option<Row>) {
    let before: Row = before
        .into_iter()
        .filter(|(k, v)| after.get(k) != Some(v))
        .collect();
    after.retain(|k, _| before.contains_key(k));
    (Some(before), Some(after))
}

/// Puts a row into one recorded side of `change`: deleted when `None`, re-inserted when the
/// change created or deleted it, else only the changed columns are written back.
fn restore(tx: &Transaction<'_>, change: &RowChange, state: Option<&Row>) -> Result<()> {
    let table = checked_table(&change.table)?;
    let Some(row) = state else {
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [&change.id])?;
        return Ok(());
    };
    let columns: Vec<&str> = row.keys().map(String::as_str).collect();
    if let Some(bad) = columns.iter().find(|c| !is_identifier(c)) {
        return Err(StoreError::History(format!(
            "unexpected column name {bad:?}"
        )));
    }
    let mut values: Vec<SqlValue> = row.values().map(sql_from_json).collect::<Result<_>>()?;
    let is_update = change.before.is_some() && change.after.is_some();
    let sql = if is_update {
        let sets: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect();
        values.push(SqlValue::Text(change.id.clone()));
        format!(
            "UPDATE {table} SET {} WHERE id = ?{}",
            sets.join(", "),
            columns.len() + 1
        )
    } else {
        // A plain insert, not INSERT OR REPLACE: replacing would cascade-delete children.
        let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            placeholders.join(", ")
        )
    };
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

fn checked_table(table: &str) -> Result<&'static str> {
    RECORDED_TABLES
        .iter()
        .find(|known| **known == table)
        .copied()
        .ok_or_else(|| StoreError::History(format!("unknown table {table:?}")))
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn json_from_sql(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        // No recorded table stores blobs; keep the bytes rather than lose them.
        ValueRef::Blob(b) => Value::from(b.to_vec()),
    }
}

fn sql_from_json(value: &Value) -> Result<SqlValue> {
    Ok(match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => {
            return Err(StoreError::History(format!(
                "unexpected stored value {other}"
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lodestar_core::WorkshopInput;

    #[test]
    fn an_action_that_fails_half_way_writes_nothing_and_records_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_dir(dir.path()).unwrap();
        let input = WorkshopInput {
            title: "Kept".into(),
            ..WorkshopInput::default()
        };
        let w = store.create_workshop(&input, 1).unwrap();

        let result: Result<()> = store.action(&Scope::Library, "half", 2, |rec| {
            rec.track("workshops", &w.id, |tx| {
                tx.execute("UPDATE workshops SET title = 'Half' WHERE id = ?1", [&w.id])?;
                Ok(())
            })?;
            Err(StoreError::History(
                "simulated failure after the first write".into(),
            ))
        });

        assert!(result.is_err());
        assert_eq!(
            store.workshop(&w.id).unwrap().title,
            "Kept",
            "the write was rolled back"
        );
        let state = store.history_state(&Scope::Library).unwrap();
        assert_eq!(state.undo_label.as_deref(), Some("create workshop “Kept”"));
    }
}
