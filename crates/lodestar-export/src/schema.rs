//! The JSON Schema of the workshop file, generated from the Rust types so it cannot drift.
//! A test keeps `assets/workshop.schema.json` equal to it.

use lodestar_core::exchange::WorkshopFile;

/// The schema as pretty JSON with a final newline.
pub fn workshop_file_schema() -> String {
    let schema = schemars::schema_for!(WorkshopFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
