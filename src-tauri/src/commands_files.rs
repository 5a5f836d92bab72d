//! Files in and out: choosing where (native dialogs, remembering the last folder), writing a
//! workshop file or a picture of the canvas, importing one as a new workshop, and opening the
//! bundled example.
//!
//! Dialogs run in async commands because they block until the person chooses. Setting
//! `LODESTAR_DIALOG_STUB_DIR` replaces the dialogs with that folder, for the end-to-end
//! tests (WebDriver cannot drive a native dialog).

use std::path::{Path, PathBuf};

use lodestar_core::{HistoryScope, Workshop};
use lodestar_export::{read_workshop_file, write_atomically, write_workshop_file};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{announce, now, CommandResult};
use crate::error::CommandError;
use crate::state::AppState;

const LAST_FOLDER: &str = "last_folder";
const DIALOG_STUB_ENV: &str = "LODESTAR_DIALOG_STUB_DIR";

/// The bundled example workshop (a fictional company, every step filled in).
const EXAMPLE_WORKSHOP: &str = include_str!("../../assets/example/harbour-foods.lodestar.json");

/// What kind of file is being saved, for the dialog's filter and extension.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Json,
    Pdf,
    Png,
    Svg,
}

impl FileKind {
    fn extension(self) -> &'static str {
        match self {
            FileKind::Json => "json",
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Svg => "svg",
        }
    }
    fn filter_name(self) -> &'static str {
        match self {
            FileKind::Json => "Lodestar workshop file",
            FileKind::Pdf => "PDF report",
            FileKind::Png => "PNG picture",
            FileKind::Svg => "SVG picture",
        }
    }
}

fn last_folder(state: &AppState) -> Option<PathBuf> {
    state
        .with_store(|s| Ok(s.setting(LAST_FOLDER)?))
        .ok()
        .flatten()
        .map(PathBuf::from)
}

fn remember_folder(state: &AppState, file: &Path) {
    if let Some(folder) = file.parent() {
        let folder = folder.display().to_string();
        // Forgetting the folder only costs a click next time; never fail the save for it.
        let _ = state.with_store(|s| Ok(s.set_setting(LAST_FOLDER, &folder)?));
    }
}

/// Writes `bytes` to `path` whole or not at all, and remembers its folder for the next dialog.
fn save_file(state: &AppState, path: String, bytes: &[u8]) -> CommandResult<()> {
    let path = PathBuf::from(path);
    write_atomically(&path, bytes).map_err(|e| CommandError::Storage {
        message: e.to_string(),
    })?;
    remember_folder(state, &path);
    Ok(())
}

/// A file name made from a workshop title: letters, digits and dashes only.
pub fn file_name_for(title: &str, kind: FileKind) -> String {
    let mut name: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if name.is_empty() {
        name = "workshop".into();
    }
    format!("{name}.{}", kind.extension())
}

/// Asks where to save; `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: FileKind,
    suggested_name: String,
) -> CommandResult<Option<String>> {
    if let Some(stub) = std::env::var_os(DIALOG_STUB_ENV) {
        return Ok(Some(
            PathBuf::from(stub)
                .join(suggested_name)
                .display()
                .to_string(),
        ));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save as")
        .add_filter(kind.filter_name(), &[kind.extension()])
        .set_file_name(suggested_name);
    if let Some(folder) = last_folder(&state) {
        dialog = dialog.set_directory(folder);
    }
    Ok(dialog
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// Asks which workshop file to open; `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<String>> {
    if let Some(stub) = std::env::var_os(DIALOG_STUB_ENV) {
        return Ok(newest_json(Path::new(&stub)));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Import a workshop file")
        .add_filter(FileKind::Json.filter_name(), &["json"]);
    if let Some(folder) = last_folder(&state) {
        dialog = dialog.set_directory(folder);
    }
    Ok(dialog
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// The most recently changed `.json` file in `folder` (the test stub's "choice").
fn newest_json(folder: &Path) -> Option<String> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path().display().to_string())
}

/// Writes the workshop's file to `path` (whole or not at all).
#[tauri::command]
#[specta::specta]
pub fn export_workshop_json<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
) -> CommandResult<()> {
    let file = state.with_store(|s| Ok(s.export_workshop(&id)?))?;
    save_file(&state, path, write_workshop_file(&file).as_bytes())
}

/// Paper sizes the report is typeset for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

/// Typesets the workshop's PDF report and writes it to `path` (whole or not at all).
#[tauri::command]
#[specta::specta]
pub async fn export_workshop_pdf<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    paper: PaperSize,
) -> CommandResult<()> {
    let file = state.with_store(|s| Ok(s.export_workshop(&id)?))?;
    let paper = match paper {
        PaperSize::A4 => lodestar_export::Paper::A4,
        PaperSize::Letter => lodestar_export::Paper::Letter,
    };
    // Typesetting takes a moment: it runs off the UI thread, with the store unlocked.
    let pdf = lodestar_export::render_report(&file, paper).map_err(|e| CommandError::Internal {
        message: format!("the report could not be typeset: {e}"),
    })?;
    save_file(&state, path, &pdf)
}

/// The picture formats the canvas can be saved in.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PictureFormat {
    Png,
    Svg,
}

/// A part of the canvas, in canvas units (what is on screen, for "export the current view").
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
pub struct PictureView {
    #[specta(type = specta_typescript::Number)]
    pub x: f64,
    #[specta(type = specta_typescript::Number)]
    pub y: f64,
    #[specta(type = specta_typescript::Number)]
    pub width: f64,
    #[specta(type = specta_typescript::Number)]
    pub height: f64,
}

/// Pixels per canvas unit in an exported PNG: sharp on a projector and in a slide deck.
const PNG_PIXELS_PER_UNIT: f64 = 2.0;

/// Draws the workshop's canvas (all of it, or `view`) and writes it to `path` as PNG or SVG,
/// whole or not at all.
#[tauri::command]
#[specta::specta]
pub async fn export_canvas_picture<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    path: String,
    format: PictureFormat,
    view: Option<PictureView>,
) -> CommandResult<()> {
    let view = view.map(checked_view).transpose()?;
    let file = state.with_store(|s| Ok(s.export_workshop(&workshop_id)?))?;
    let picture = lodestar_export::canvas_picture(&file, view, true);
    // Drawing takes a moment on a busy board: it runs off the UI thread, with the store unlocked.
    let bytes = match format {
        PictureFormat::Png => lodestar_export::render_canvas_png(&picture, PNG_PIXELS_PER_UNIT),
        PictureFormat::Svg => lodestar_export::render_canvas_svg(&picture).map(String::into_bytes),
    }
    .map_err(|e| CommandError::Internal {
        message: format!("the canvas picture could not be drawn: {e}"),
    })?;
    save_file(&state, path, &bytes)
}

/// A view must be a real, non-empty rectangle; anything else is a bug in the caller.
fn checked_view(view: PictureView) -> CommandResult<lodestar_export::PictureRect> {
    let numbers = [view.x, view.y, view.width, view.height];
    if numbers.iter().any(|n| !n.is_finite()) || view.width <= 0.0 || view.height <= 0.0 {
        return Err(CommandError::Invalid {
            field: "view".into(),
            message: "the part of the canvas to export must have a position and a size above zero"
                .into(),
        });
    }
    Ok(lodestar_export::PictureRect {
        x: view.x,
        y: view.y,
        width: view.width,
        height: view.height,
    })
}

/// Imports the file at `path` as a new workshop; a bad file changes nothing.
#[tauri::command]
#[specta::specta]
pub fn import_workshop_json<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<Workshop> {
    let path = PathBuf::from(path);
    let bytes = std::fs::read(&path).map_err(|e| CommandError::Storage {
        message: format!("could not read {}: {e}", path.display()),
    })?;
    let workshop = import_bytes(&state, &bytes)?;
    remember_folder(&state, &path);
    announce(&app, HistoryScope::Library, Some(workshop.id.clone()));
    Ok(workshop)
}

/// Opens a fresh copy of the bundled example workshop.
#[tauri::command]
#[specta::specta]
pub fn open_example<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Workshop> {
    let workshop = import_bytes(&state, EXAMPLE_WORKSHOP.as_bytes())?;
    announce(&app, HistoryScope::Library, Some(workshop.id.clone()));
    Ok(workshop)
}

fn import_bytes(state: &AppState, bytes: &[u8]) -> CommandResult<Workshop> {
    let file = read_workshop_file(bytes).map_err(|e| CommandError::BadFile {
        path: e.path().to_string(),
        message: match &e {
            lodestar_export::FileError::Invalid { message, .. } => message.clone(),
            other => other.to_string(),
        },
    })?;
    state.with_store(|s| Ok(s.import_workshop(&file, now())?))
}

/// Opens a saved file in the system's viewer (the PDF reader, a text editor).
#[tauri::command]
#[specta::specta]
pub fn open_in_system_viewer<R: Runtime>(app: AppHandle<R>, path: String) -> CommandResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(path.clone(), None::<String>)
        .map_err(|e| CommandError::Internal {
            message: format!("could not open {path}: {e}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles_without_odd_characters() {
        assert_eq!(
            file_name_for("Q3 North Star / offsite!", FileKind::Pdf),
            "Q3-North-Star-offsite.pdf"
        );
        assert_eq!(file_name_for("  ", FileKind::Json), "workshop.json");
    }

    #[test]
    fn the_bundled_example_is_a_valid_workshop_file() {
        let file = read_workshop_file(EXAMPLE_WORKSHOP.as_bytes()).unwrap();
        assert!(!file.stakeholders.is_empty() && !file.needs.is_empty() && !file.votes.is_empty());
    }
}
