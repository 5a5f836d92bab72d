//! Where file dialogs come from: the system's, or in end-to-end tests one folder that stands
//! in for every choice. The commands in `commands_files` ask here, then do the writing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Runtime};

/// What kind of file is being saved, for the dialog's filter and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Json,
    Pdf,
    Png,
    Svg,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
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

/// Where file dialogs come from: the system's, or (in tests, which cannot drive a native
/// dialog) one folder that stands in for every choice.
#[derive(Debug, Clone)]
pub enum FilePicker {
    Native,
    /// Saves go to `folder/<suggested name>`; an import picks the newest `.json` there.
    Folder(PathBuf),
}

/// Asks where to save `suggested_name`; `None` when the person cancels.
pub(crate) fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    picker: &FilePicker,
    last_folder: Option<PathBuf>,
    kind: FileKind,
    suggested_name: String,
) -> Option<PathBuf> {
    match picker {
        FilePicker::Folder(folder) => Some(folder.join(suggested_name)),
        FilePicker::Native => {
            use tauri_plugin_dialog::DialogExt;
            let mut dialog = app
                .dialog()
                .file()
                .set_title("Save as")
                .add_filter(kind.filter_name(), &[kind.extension()])
                .set_file_name(suggested_name);
            if let Some(folder) = last_folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.blocking_save_file().and_then(|p| p.into_path().ok())
        }
    }
}

/// Asks which workshop file to open; `None` when the person cancels.
pub(crate) fn choose_import_path<R: Runtime>(
    app: &AppHandle<R>,
    picker: &FilePicker,
    last_folder: Option<PathBuf>,
) -> Option<PathBuf> {
    match picker {
        FilePicker::Folder(folder) => newest_json(folder),
        FilePicker::Native => {
            use tauri_plugin_dialog::DialogExt;
            let mut dialog = app
                .dialog()
                .file()
                .set_title("Import a workshop file")
                .add_filter(FileKind::Json.filter_name(), &["json"]);
            if let Some(folder) = last_folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
        }
    }
}

/// The most recently changed `.json` file in `folder` (the stand-in dialog's "choice").
fn newest_json(folder: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}
