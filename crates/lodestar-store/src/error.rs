//! Errors the store reports. Each says what went wrong in words a facilitator can act on.

use lodestar_core::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),

    #[error("no {entity} with id {id} exists (it may have been deleted)")]
    NotFound { entity: &'static str, id: String },

    #[error(
        "this database was written by a newer version of Lodestar (schema {found}; this app \
         knows up to {supported}). It was left untouched: open it with the newer app."
    )]
    NewerSchema { found: i64, supported: i64 },

    #[error("nothing to undo")]
    NothingToUndo,

    #[error("nothing to redo")]
    NothingToRedo,

    #[error("could not use the data folder {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// An imported file is wrong at `path`; nothing was written.
    #[error("{path}: {message}")]
    BadFile { path: String, message: String },

    #[error("the history record is damaged: {0}")]
    History(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;
