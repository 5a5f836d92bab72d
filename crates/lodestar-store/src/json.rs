//! JSON-in-a-column helpers: structured details (SMART parts, rules, ballots) are stored as
//! JSON text, so a new optional field needs no migration (give it `#[schemars(default)]`).

use lodestar_core::exchange::{fill_defaults, schema_of};
use rusqlite::types::Type as SqlType;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Result, StoreError};

pub(crate) fn to_text<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::History(format!("could not encode: {e}")))
}

/// Reads a JSON column inside a row mapper; a damaged value becomes a conversion error. A
/// field added since the row was written reads as its schema default (see
/// [`lodestar_core::exchange::fill_defaults`]), as in a workshop file.
pub(crate) fn from_column<T: DeserializeOwned + JsonSchema + 'static>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    let damaged = |e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(index, SqlType::Text, Box::new(e))
    };
    // Rows this app wrote are whole: read them directly, and fill in defaults only for a row
    // written before a field existed (this runs for every card on every canvas action).
    if let Ok(whole) = serde_json::from_str(&text) {
        return Ok(whole);
    }
    let mut value: serde_json::Value = serde_json::from_str(&text).map_err(damaged)?;
    fill_defaults(&mut value, &schema_of::<T>());
    serde_json::from_value(value).map_err(damaged)
}

/// A unit-only enum as the plain text serde gives it (e.g. `"sceptical"`).
pub(crate) fn enum_text<T: Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        _ => Err(StoreError::History("expected a unit enum".into())),
    }
}

/// Reads a unit-only enum stored by [`enum_text`].
pub(crate) fn enum_column<T: DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, SqlType::Text, Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lodestar_core::needs::NeedInput;

    #[test]
    fn a_row_written_before_a_field_existed_reads_it_as_its_default() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let need: NeedInput = conn
            .query_row(
                r#"SELECT '{"categoryId": "c1", "statement": "Delivery on time"}'"#,
                [],
                |row| from_column(row, 0),
            )
            .unwrap();
        assert_eq!(need.statement, "Delivery on time");
        assert_eq!(need.time_bound, "");
        assert!(!need.achievable_confirmed);
    }

    #[test]
    fn a_damaged_row_is_still_an_error() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = conn.query_row(r#"SELECT '{"statement": 3}'"#, [], |row| {
            from_column::<NeedInput>(row, 0)
        });
        assert!(read.is_err());
    }
}
