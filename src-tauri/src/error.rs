//! The one error type every command returns: a tagged union the UI can switch on, each
//! variant carrying a message written for the facilitator.

use lodestar_store::StoreError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", content = "data", rename_all = "camelCase")]
pub enum CommandError {
    /// A field the facilitator typed is not acceptable.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// The thing acted on no longer exists (deleted elsewhere, or undone).
    #[error("{message}")]
    NotFound {
        entity: String,
        id: String,
        message: String,
    },
    /// A file to import is wrong at `path` (a JSON path); nothing was written.
    #[error("{path}: {message}")]
    BadFile { path: String, message: String },
    /// The database could not be opened at start-up.
    #[error("{message}")]
    StoreUnavailable { message: String },
    #[error("{message}")]
    NothingToUndo { message: String },
    #[error("{message}")]
    NothingToRedo { message: String },
    /// SQLite or the disk failed; nothing was half-written.
    #[error("{message}")]
    Storage { message: String },
    #[error("{message}")]
    Internal { message: String },
}

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        let message = error.to_string();
        match error {
            StoreError::Invalid(v) => CommandError::Invalid {
                field: v.field,
                message: v.message,
            },
            StoreError::NotFound { entity, id } => CommandError::NotFound {
                entity: entity.to_string(),
                id,
                message,
            },
            StoreError::NothingToUndo => CommandError::NothingToUndo { message },
            StoreError::NothingToRedo => CommandError::NothingToRedo { message },
            StoreError::NewerSchema { .. } | StoreError::DataDir { .. } => {
                CommandError::StoreUnavailable { message }
            }
            StoreError::BadFile { path, message } => CommandError::BadFile { path, message },
            StoreError::Sqlite(_) | StoreError::History(_) => CommandError::Storage {
                message: format!("{message}. Nothing was changed."),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lodestar_core::ValidationError;

    #[test]
    fn a_validation_error_serializes_as_a_tagged_union_naming_the_field() {
        let error = CommandError::from(StoreError::Invalid(ValidationError::new(
            "title",
            "must not be empty",
        )));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "invalid", "data": {"field": "title", "message": "must not be empty"}})
        );
    }
}
