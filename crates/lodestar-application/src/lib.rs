//! Lodestar's application layer: the use cases every door calls.
//!
//! The desktop commands (`src-tauri`), the `lodestar` CLI and the room server parse their
//! input, call one function of [`Lodestar`], and map the result to their world. This crate
//! owns what must not be written twice across doors: the clock, the data folder, opening the
//! store, file handling (reading with limits, writing atomically), the bundled example, the
//! refusal every failure becomes, and announcing each change after it is committed.

mod actions;
mod canvas;
mod clock;
pub mod data_dir;
mod files;
mod lodestar;
mod room;
mod votes;

pub use clock::{Clock, SystemClock};
pub use files::{
    canvas_picture, parse_workshop_file, read_workshop_bytes, report_pdf, write_file, PaperSize,
    PictureFormat, PictureView, EXAMPLE_WORKSHOP, PNG_PIXELS_PER_UNIT,
};
pub use lodestar::{Change, HistoryOutcome, Lodestar, Subscription, INSTANCE_LOCK_FILE};
pub use lodestar_core::{FieldPath, PathStep, Refusal, RefusalClass, RefusalCode};
/// The JSON Schema of workshop files, for `lodestar schema` and anyone writing files.
pub use lodestar_export::workshop_file_schema;

/// What every use case returns: its result, or why it was refused.
pub type Outcome<T> = Result<T, Refusal>;
