//! The app's state: the application layer over the open store, and the files this run of the
//! app has written (the only ones it will hand to the system's viewer).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use lodestar_application::Lodestar;

use crate::dialogs::FilePicker;

/// Managed by Tauri.
pub struct AppState {
    pub lodestar: Lodestar,
    saved: Mutex<HashMap<String, PathBuf>>,
    picker: FilePicker,
}

impl AppState {
    /// Opens the store in `dir`, as the only app on that folder. A failure (another window
    /// already has it) is kept and reported to the UI by every command.
    pub fn open(dir: Option<PathBuf>) -> AppState {
        let lodestar = Lodestar::open_exclusive(dir);
        if let Some(refusal) = lodestar.startup_error() {
            eprintln!("Lodestar: {}", refusal.message);
        }
        AppState {
            lodestar,
            saved: Mutex::new(HashMap::new()),
            picker: FilePicker::Native,
        }
    }

    /// The same state with another source of file choices (a folder, in tests).
    pub fn with_file_picker(mut self, picker: FilePicker) -> AppState {
        self.picker = picker;
        self
    }

    pub fn file_picker(&self) -> FilePicker {
        self.picker.clone()
    }

    /// Remembers a file the app just wrote and returns the token that names it to the UI.
    pub fn remember_saved(&self, path: PathBuf) -> String {
        let token = uuid::Uuid::new_v4().to_string();
        let mut saved = self.saved.lock().unwrap_or_else(PoisonError::into_inner);
        saved.insert(token.clone(), path);
        token
    }

    /// The file a token names, if this run of the app wrote it.
    pub fn saved(&self, token: &str) -> Option<PathBuf> {
        let saved = self.saved.lock().unwrap_or_else(PoisonError::into_inner);
        saved.get(token).cloned()
    }
}
