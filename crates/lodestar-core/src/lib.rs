//! Lodestar's domain core: the workshop model and the rules of the North Star method.
//!
//! Plain Rust with no SQL, no Tauri and no clock: callers pass time in, so every rule here
//! is a pure function with its tests beside it.

pub mod canvas;
pub mod categories;
pub mod exchange;
pub mod facts;
pub mod gating;
pub mod history;
pub mod limits;
pub mod needs;
pub mod records;
pub mod references;
pub mod refusal;
pub mod room;
pub mod smart;
pub mod stakeholders;
pub mod steps;
pub mod timers;
pub mod validation;
pub mod votes;
pub mod workshop;

pub use history::HistoryScope;
pub use refusal::{FieldPath, PathStep, Refusal, RefusalClass, RefusalCode};
pub use steps::Step;
pub use workshop::{Workshop, WorkshopInput, WorkshopSummary};
