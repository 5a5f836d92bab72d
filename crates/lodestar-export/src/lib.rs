//! Lodestar's shareable outputs, the same for the app and the CLI: the JSON workshop file
//! (read with clear, path-specific errors and size limits; written byte-for-byte stable) and
//! its JSON Schema, the PDF report and the picture of the canvas.

mod files;
mod json;
mod picture;
mod report;
mod schema;

pub use files::{write_atomically, WriteError};
pub use json::{read_workshop_file, write_workshop_file, FileError, MAX_FILE_BYTES};
pub use lodestar_report::Paper;
pub use lodestar_report::{render_canvas_png, render_canvas_svg, CanvasPicture, PictureRect};
pub use picture::canvas_picture;
pub use report::{render_report, report_model};
pub use schema::workshop_file_schema;
