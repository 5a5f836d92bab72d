//! Files in and out. The backend owns every path: each command asks where (the native
//! dialog) and does the writing or reading itself, so the webview can never name a path.
//! What was written is returned as a token; only files this run of the app wrote can be
//! opened in the system's viewer, and only with the extension they were written with.
//!
//! Dialogs run in async commands because they block until the person chooses; heavy work
//! (typesetting, drawing, importing) therefore runs off the main thread too.

use std::path::Path;

use lodestar_application::{PaperSize, PictureFormat, PictureView};
use lodestar_core::{Refusal, RefusalCode, Workshop};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

use crate::commands::CommandResult;
use crate::dialogs::{choose_import_path, choose_save_path, FileKind};
use crate::state::AppState;

impl From<PictureFormat> for FileKind {
    fn from(format: PictureFormat) -> FileKind {
        match format {
            PictureFormat::Png => FileKind::Png,
            PictureFormat::Svg => FileKind::Svg,
        }
    }
}

/// A file the app wrote: where it went (to tell the facilitator), and the token that opens it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    pub name: String,
    pub path: String,
    pub token: String,
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

/// Asks where, writes with `write`, and returns the saved file's token.
fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    kind: FileKind,
    suggested_name: String,
    write: impl FnOnce(&Path) -> CommandResult<()>,
) -> CommandResult<Option<SavedFile>> {
    let last_folder = state.lodestar.last_folder();
    let Some(path) = choose_save_path(app, &state.file_picker(), last_folder, kind, suggested_name)
    else {
        return Ok(None);
    };
    write(&path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let shown = path.display().to_string();
    let token = state.remember_saved(path);
    Ok(Some(SavedFile {
        name,
        path: shown,
        token,
    }))
}

fn title_of(state: &AppState, id: &str) -> CommandResult<String> {
    Ok(state.lodestar.workshop(id)?.title)
}

/// Asks where and writes the workshop's file there (whole or not at all).
#[tauri::command]
#[specta::specta]
pub async fn export_workshop_json<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<Option<SavedFile>> {
    let name = file_name_for(&title_of(&state, &id)?, FileKind::Json);
    save_as(&app, &state, FileKind::Json, name, |path| {
        state.lodestar.export_workshop_file(&id, path)
    })
}

/// Asks where and writes the workshop's PDF report there.
#[tauri::command]
#[specta::specta]
pub async fn export_workshop_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    paper: PaperSize,
) -> CommandResult<Option<SavedFile>> {
    let name = file_name_for(&title_of(&state, &id)?, FileKind::Pdf);
    save_as(&app, &state, FileKind::Pdf, name, |path| {
        state.lodestar.export_report(&id, path, paper)
    })
}

/// Asks where and draws the workshop's canvas there (all of it, or `view`) as PNG or SVG.
#[tauri::command]
#[specta::specta]
pub async fn export_canvas_picture<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    format: PictureFormat,
    view: Option<PictureView>,
) -> CommandResult<Option<SavedFile>> {
    let kind = FileKind::from(format);
    let name = format!("north-star-canvas.{}", kind.extension());
    save_as(&app, &state, kind, name, |path| {
        state
            .lodestar
            .export_canvas_picture(&workshop_id, path, format, view)
    })
}

/// Asks which workshop file to import and imports it as a new workshop; `None` when the
/// person cancels. A bad file changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_workshop_json<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<Workshop>> {
    match choose_import_path(&app, &state.file_picker(), state.lodestar.last_folder()) {
        Some(path) => state.lodestar.import_workshop_file(&path).map(Some),
        None => Ok(None),
    }
}

/// Opens a fresh copy of the bundled example workshop.
#[tauri::command]
#[specta::specta]
pub async fn open_example(state: State<'_, AppState>) -> CommandResult<Workshop> {
    state.lodestar.open_example()
}

/// Opens a file this run of the app saved in the system's viewer (the PDF reader, an image
/// viewer). Any other token, or a file whose extension changed, is refused.
#[tauri::command]
#[specta::specta]
pub fn open_saved_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<()> {
    let path = state
        .saved(&token)
        .filter(|p| has_saved_extension(p))
        .ok_or_else(|| {
            Refusal::general(
                RefusalCode::NotFound,
                "Lodestar only opens files it saved since it started; save the file again",
            )
        })?;
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(path.display().to_string(), None::<String>)
        .map_err(|e| {
            Refusal::general(
                RefusalCode::Internal,
                format!("could not open {}: {e}", path.display()),
            )
        })
}

/// Only the kinds of file Lodestar writes may be handed to the system's viewer.
fn has_saved_extension(path: &Path) -> bool {
    let kinds = [FileKind::Json, FileKind::Pdf, FileKind::Png, FileKind::Svg];
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| kinds.iter().any(|k| k.extension() == e))
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
        assert_eq!(
            file_name_for("../../etc/passwd", FileKind::Json),
            "etc-passwd.json"
        );
        assert_eq!(file_name_for("  ", FileKind::Json), "workshop.json");
    }

    #[test]
    fn only_the_kinds_lodestar_writes_may_be_opened() {
        assert!(has_saved_extension(Path::new("/tmp/report.pdf")));
        assert!(!has_saved_extension(Path::new("/usr/bin/xterm")));
        assert!(!has_saved_extension(Path::new("/tmp/run.sh")));
    }
}
