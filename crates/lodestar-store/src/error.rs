//! Errors the store reports. Each says what went wrong in words a facilitator can act on, and
//! becomes a [`Refusal`] with a code at the application layer.

use lodestar_core::{Refusal, RefusalCode};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Invalid(#[from] Refusal),

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

    #[error(
        "this folder cannot hold a Lodestar database safely (SQLite could only use journal mode \
         \"{mode}\", not WAL): choose a folder on this computer's own disk with --data-dir"
    )]
    NotWal { mode: String },
}

impl From<StoreError> for Refusal {
    fn from(error: StoreError) -> Refusal {
        let message = error.to_string();
        match error {
            StoreError::Invalid(refusal) => refusal,
            StoreError::NotFound { .. } => Refusal::general(RefusalCode::NotFound, message),
            StoreError::NewerSchema { .. } => {
                Refusal::general(RefusalCode::StoreFromNewerVersion, message)
            }
            StoreError::NothingToUndo => Refusal::general(RefusalCode::NothingToUndo, message),
            StoreError::NothingToRedo => Refusal::general(RefusalCode::NothingToRedo, message),
            StoreError::DataDir { .. } | StoreError::NotWal { .. } => {
                Refusal::general(RefusalCode::StoreUnavailable, message)
            }
            StoreError::BadFile { path, message } => {
                Refusal::new(RefusalCode::FileInvalid, path.as_str(), message)
            }
            StoreError::Sqlite(_) | StoreError::History(_) => Refusal::general(
                RefusalCode::StorageFailed,
                format!("{message}. Nothing was changed."),
            ),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_error_becomes_a_refusal_with_its_code() {
        let missing = StoreError::NotFound {
            entity: "need",
            id: "n1".into(),
        };
        assert_eq!(Refusal::from(missing).code, RefusalCode::NotFound);
        let newer = StoreError::NewerSchema {
            found: 9,
            supported: 4,
        };
        assert_eq!(
            Refusal::from(newer).code,
            RefusalCode::StoreFromNewerVersion
        );
        let bad = StoreError::BadFile {
            path: "votes[2].options".into(),
            message: "names an unknown need".into(),
        };
        let refusal = Refusal::from(bad);
        assert_eq!(
            (refusal.code, refusal.field.to_string()),
            (RefusalCode::FileInvalid, "votes[2].options".to_string())
        );
    }
}
