//! Commands of steps 1–3 and the step timers. Same shape as every command: parse, one store
//! call, announce the change, return the record or a typed error.

use lodestar_core::categories::CategoryInput;
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::records::{Category, Need, Stakeholder, StepTimer, WorkshopData};
use lodestar_core::stakeholders::StakeholderInput;
use lodestar_core::timers::TimerAction;
use lodestar_core::{HistoryScope, Step};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{announce, now, CommandResult};
use crate::state::AppState;

/// Runs a store action for `workshop_id` and tells the views of that workshop.
pub(crate) fn in_workshop<R: Runtime, T>(
    app: &AppHandle<R>,
    state: &AppState,
    workshop_id: &str,
    work: impl FnOnce(&mut lodestar_store::Store) -> Result<T, lodestar_store::StoreError>,
) -> CommandResult<T> {
    let value = state.with_store(|store| Ok(work(store)?))?;
    announce(
        app,
        HistoryScope::workshop(workshop_id),
        Some(workshop_id.to_string()),
    );
    Ok(value)
}

#[tauri::command]
#[specta::specta]
pub fn get_workshop_data<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<WorkshopData> {
    state.with_store(|store| Ok(store.workshop_data(&id, now())?))
}

#[tauri::command]
#[specta::specta]
pub fn add_stakeholder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    input: StakeholderInput,
) -> CommandResult<Stakeholder> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.add_stakeholder(&workshop_id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn update_stakeholder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: StakeholderInput,
) -> CommandResult<Stakeholder> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.update_stakeholder(&id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn remove_stakeholder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.remove_stakeholder(&id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn reorder_stakeholders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.reorder_stakeholders(&workshop_id, &ids, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn add_category<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    input: CategoryInput,
) -> CommandResult<Category> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.add_category(&workshop_id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn update_category<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: CategoryInput,
) -> CommandResult<Category> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.update_category(&id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn remove_category<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.remove_category(&id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn reorder_categories<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.reorder_categories(&workshop_id, &ids, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn add_need<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    input: NeedInput,
) -> CommandResult<Need> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.add_need(&workshop_id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn update_need<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: NeedInput,
) -> CommandResult<Need> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.update_need(&id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn set_need_agreement<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    agreement: Agreement,
) -> CommandResult<Need> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.set_need_agreement(&id, &agreement, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn remove_need<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| s.remove_need(&id, now()))
}

#[tauri::command]
#[specta::specta]
pub fn update_timer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    step: Step,
    action: TimerAction,
) -> CommandResult<StepTimer> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.update_timer(&workshop_id, step, &action, now())
    })
}
