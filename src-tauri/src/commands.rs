//! The commands of the library, history and steps. Each is a thin door: it takes the IPC
//! arguments, calls one function of the application layer, and returns its result or its
//! refusal. The application announces the change to every window once it is committed.

use lodestar_application::HistoryOutcome;
use lodestar_core::{HistoryScope, Refusal, Step, Workshop, WorkshopInput};
use lodestar_store::HistoryState;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

pub(crate) type CommandResult<T> = Result<T, Refusal>;

/// Facts about this running app, for the About line and the start-up error screen.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: Option<String>,
    /// Set when the database could not be opened; the UI shows it instead of the home screen.
    pub startup_error: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let app = &state.lodestar;
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: app.data_dir().map(|d| d.display().to_string()),
        startup_error: app.startup_error().map(|r| r.message),
    }
}

#[tauri::command]
#[specta::specta]
pub fn list_workshops(state: State<'_, AppState>) -> CommandResult<Vec<Workshop>> {
    state.lodestar.list_workshops()
}

#[tauri::command]
#[specta::specta]
pub fn get_workshop(state: State<'_, AppState>, id: String) -> CommandResult<Workshop> {
    state.lodestar.workshop(&id)
}

#[tauri::command]
#[specta::specta]
pub fn create_workshop(
    state: State<'_, AppState>,
    input: WorkshopInput,
) -> CommandResult<Workshop> {
    state.lodestar.create_workshop(&input)
}

#[tauri::command]
#[specta::specta]
pub fn rename_workshop(
    state: State<'_, AppState>,
    scope: HistoryScope,
    id: String,
    title: String,
) -> CommandResult<Workshop> {
    state.lodestar.rename_workshop(&scope, &id, &title)
}

#[tauri::command]
#[specta::specta]
pub fn update_workshop_details(
    state: State<'_, AppState>,
    scope: HistoryScope,
    id: String,
    input: WorkshopInput,
) -> CommandResult<Workshop> {
    state.lodestar.update_workshop_details(&scope, &id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn delete_workshop(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.lodestar.delete_workshop(&id)
}

#[tauri::command]
#[specta::specta]
pub fn set_current_step(
    state: State<'_, AppState>,
    id: String,
    step: Step,
) -> CommandResult<Workshop> {
    state.lodestar.set_current_step(&id, step)
}

#[tauri::command]
#[specta::specta]
pub fn undo(state: State<'_, AppState>, scope: HistoryScope) -> CommandResult<HistoryOutcome> {
    state.lodestar.undo(&scope)
}

#[tauri::command]
#[specta::specta]
pub fn redo(state: State<'_, AppState>, scope: HistoryScope) -> CommandResult<HistoryOutcome> {
    state.lodestar.redo(&scope)
}

#[tauri::command]
#[specta::specta]
pub fn history_state(
    state: State<'_, AppState>,
    scope: HistoryScope,
) -> CommandResult<HistoryState> {
    state.lodestar.history_state(&scope)
}
