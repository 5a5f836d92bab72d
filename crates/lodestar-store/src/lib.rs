//! Lodestar's SQLite store.
//!
//! Owns the SQL and the migrations. Every user action is one immediate transaction that also
//! records the before/after of each row it touched, so undo/redo survives a restart.

mod canvas;
mod categories;
mod connection;
mod error;
mod exchange;
mod history;
mod json;
mod migrations;
mod needs;
mod north_star;
mod north_star_rows;
mod ordering;
mod removals;
mod scene_rows;
mod settings;
mod stakeholders;
mod timers;
mod vote_rows;
mod vote_writes;
mod votes;
mod workshop_data;
mod workshops;

pub use connection::{Store, DATABASE_FILE_NAME};
pub use error::StoreError;
pub use history::{HistoryState, Scope};
pub use lodestar_core::canvas::MAX_STORED_INPUTS;
pub use migrations::SCHEMA_VERSION;
