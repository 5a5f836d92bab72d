//! Reading and writing workshop files. Reading never panics and never half-succeeds: the
//! bytes are checked for size, JSON syntax, format and version, shape (with the JSON path of
//! the first wrong value) and references, before anyone writes anything.

use lodestar_core::exchange::{
    check_file, fill_defaults, schema_of, WorkshopFile, FORMAT, VERSION,
};
use serde_json::Value;

/// Workshop files are small (a busy workshop is well under 1 MB); anything above this is
/// not a workshop file and is refused before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Why a file cannot be imported, with the JSON path of the problem when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is {size} bytes; workshop files are at most {MAX_FILE_BYTES} bytes")]
    TooLarge { size: usize },
    #[error("the file is not valid JSON: {message}")]
    NotJson { message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error(
        "this file is format version {found}, written by a newer Lodestar; this app reads up \
         to version {VERSION}. Update Lodestar to open it."
    )]
    NewerVersion { found: u64 },
}

impl FileError {
    /// The JSON path of the problem (`""` for the file as a whole).
    pub fn path(&self) -> &str {
        match self {
            FileError::Invalid { path, .. } => path,
            FileError::NewerVersion { .. } => "version",
            _ => "",
        }
    }
}

fn invalid(path: impl Into<String>, message: impl Into<String>) -> FileError {
    FileError::Invalid {
        path: path.into(),
        message: message.into(),
    }
}

/// Parses and checks a workshop file.
pub fn read_workshop_file(bytes: &[u8]) -> Result<WorkshopFile, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { size: bytes.len() });
    }
    // serde_json refuses nesting deeper than 128 levels, so a hostile file cannot overflow
    // the stack; its message is kept.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| FileError::NotJson {
        message: e.to_string(),
    })?;
    let Value::Object(root) = &value else {
        return Err(invalid("", "the file must be a JSON object"));
    };
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(invalid(
                "format",
                format!("must be \"{FORMAT}\", not {other}"),
            ));
        }
        None => {
            return Err(invalid(
                "format",
                format!("is missing: this is not a {FORMAT} file"),
            ))
        }
    }
    let version = match root.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| invalid("version", "must be a whole number"))?,
        _ => return Err(invalid("version", "must be a whole number")),
    };
    if version > u64::from(VERSION) {
        return Err(FileError::NewerVersion { found: version });
    }
    let mut value = migrate(value, version)?;
    // What the schema lets a file leave out is filled in here, not by serde defaults on the
    // types, which also cross to the UI and must stay whole there.
    fill_defaults(&mut value, &schema_of::<WorkshopFile>());
    let file: WorkshopFile = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        invalid(path, e.into_inner().to_string())
    })?;
    check_file(&file).map_err(|p| invalid(p.path, p.message))?;
    Ok(file)
}

/// Brings an older file up to the current version, one version step at a time, so a file
/// from any released Lodestar keeps opening.
fn migrate(mut value: Value, version: u64) -> Result<Value, FileError> {
    if version == 0 {
        return Err(invalid(
            "version",
            "version 0 was never a released format; the first is version 1",
        ));
    }
    let mut at = version;
    while at < u64::from(VERSION) {
        value = match at {
            1 => v1_to_v2(value),
            _ => value,
        };
        at += 1;
    }
    Ok(value)
}

/// Version 2 added step 5 (canvas, North Star, actions) and a subject on each vote. Every
/// vote of a version 1 file chose the focus need; the new sections start empty.
fn v1_to_v2(mut value: Value) -> Value {
    if let Some(root) = value.as_object_mut() {
        root.insert("version".into(), Value::from(2));
        if let Some(Value::Array(votes)) = root.get_mut("votes") {
            for vote in votes.iter_mut().filter_map(Value::as_object_mut) {
                vote.entry("subject")
                    .or_insert_with(|| Value::from("focus_need"));
            }
        }
        root.entry("canvas")
            .or_insert_with(|| serde_json::json!({ "items": [], "links": [] }));
        root.entry("northStar").or_insert(Value::Null);
        root.entry("actions")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    value
}

/// The file's bytes: pretty JSON with a final newline. Deterministic for the same workshop.
pub fn write_workshop_file(file: &WorkshopFile) -> String {
    // Serialising plain data to a String cannot fail; fall back to an empty object anyway.
    let mut text = serde_json::to_string_pretty(file).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
