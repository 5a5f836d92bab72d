//! The commands the UI calls. Each parses its arguments, calls the store once, emits a
//! `DataChanged` event when something changed, and returns the result or a typed error.

use lodestar_core::{HistoryScope, Step, Workshop, WorkshopInput};
use lodestar_store::{HistoryState, StoreError};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};
use tauri_specta::Event;

use crate::error::CommandError;
use crate::events::DataChanged;
use crate::state::AppState;

pub(crate) type CommandResult<T> = Result<T, CommandError>;

/// Milliseconds since the Unix epoch: the shell owns the clock, the core stays pure.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Tells every window that `scope` changed. A failed emit only delays a refresh, so it is
/// logged rather than turned into an error for an action that did succeed.
pub(crate) fn announce<R: Runtime>(
    app: &AppHandle<R>,
    scope: HistoryScope,
    workshop_id: Option<String>,
) {
    if let Err(error) = (DataChanged { scope, workshop_id }).emit(app) {
        eprintln!("Lodestar: could not announce a change: {error}");
    }
}

fn workshop_of(scope: &HistoryScope) -> Option<String> {
    match scope {
        HistoryScope::Library => None,
        HistoryScope::Workshop { id } => Some(id.clone()),
    }
}

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
pub fn app_info<R: Runtime>(_app: AppHandle<R>, state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.data_dir().map(|d| d.display().to_string()),
        startup_error: state.startup_error(),
    }
}

#[tauri::command]
#[specta::specta]
pub fn list_workshops<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Vec<Workshop>> {
    state.with_store(|store| Ok(store.list_workshops()?))
}

#[tauri::command]
#[specta::specta]
pub fn get_workshop<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<Workshop> {
    state.with_store(|store| Ok(store.workshop(&id)?))
}

#[tauri::command]
#[specta::specta]
pub fn create_workshop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: WorkshopInput,
) -> CommandResult<Workshop> {
    let workshop = state.with_store(|store| Ok(store.create_workshop(&input, now())?))?;
    announce(&app, HistoryScope::Library, Some(workshop.id.clone()));
    Ok(workshop)
}

#[tauri::command]
#[specta::specta]
pub fn rename_workshop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: HistoryScope,
    id: String,
    title: String,
) -> CommandResult<Workshop> {
    let workshop =
        state.with_store(|store| Ok(store.rename_workshop(&scope, &id, &title, now())?))?;
    announce(&app, scope, Some(id));
    Ok(workshop)
}

#[tauri::command]
#[specta::specta]
pub fn update_workshop_details<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: HistoryScope,
    id: String,
    input: WorkshopInput,
) -> CommandResult<Workshop> {
    let workshop = state
        .with_store(|store| Ok(store.update_workshop_details(&scope, &id, &input, now())?))?;
    announce(&app, scope, Some(id));
    Ok(workshop)
}

#[tauri::command]
#[specta::specta]
pub fn delete_workshop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<()> {
    state.with_store(|store| Ok(store.delete_workshop(&id, now())?))?;
    announce(&app, HistoryScope::Library, Some(id));
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub fn set_current_step<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    step: Step,
) -> CommandResult<Workshop> {
    let workshop = state.with_store(|store| Ok(store.set_current_step(&id, step, now())?))?;
    announce(&app, HistoryScope::workshop(&id), Some(id));
    Ok(workshop)
}

/// What Undo or Redo just did, and what they would do next.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryOutcome {
    /// The action that was undone or redone, e.g. `rename workshop to “Q3 offsite”`.
    pub label: String,
    pub state: HistoryState,
}

/// Walks the history of `scope` one step (undo or redo) and announces the change.
fn walk_history<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    scope: HistoryScope,
    step: fn(&mut lodestar_store::Store, &HistoryScope, i64) -> Result<String, StoreError>,
) -> CommandResult<HistoryOutcome> {
    let outcome = state.with_store(|store| {
        let label = step(store, &scope, now())?;
        Ok(HistoryOutcome {
            label,
            state: store.history_state(&scope)?,
        })
    })?;
    announce(app, scope.clone(), workshop_of(&scope));
    Ok(outcome)
}

#[tauri::command]
#[specta::specta]
pub fn undo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: HistoryScope,
) -> CommandResult<HistoryOutcome> {
    walk_history(&app, &state, scope, lodestar_store::Store::undo)
}

#[tauri::command]
#[specta::specta]
pub fn redo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: HistoryScope,
) -> CommandResult<HistoryOutcome> {
    walk_history(&app, &state, scope, lodestar_store::Store::redo)
}

#[tauri::command]
#[specta::specta]
pub fn history_state<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: HistoryScope,
) -> CommandResult<HistoryState> {
    state.with_store(|store| Ok(store.history_state(&scope)?))
}
