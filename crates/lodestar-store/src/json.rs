//! JSON-in-a-column helpers: structured details (SMART parts, rules, ballots) are stored as
//! JSON text, so a new optional field needs no migration.

use rusqlite::types::Type as SqlType;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Result, StoreError};

pub(crate) fn to_text<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::History(format!("could not encode: {e}")))
}

/// Reads a JSON column inside a row mapper; a damaged value becomes a conversion error.
pub(crate) fn from_column<T: DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, SqlType::Text, Box::new(e)))
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
