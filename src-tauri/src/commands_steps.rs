//! Commands of steps 1–3 and the step timers: thin doors over the application layer.

use lodestar_core::categories::CategoryInput;
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::records::{Category, Need, Stakeholder, StepTimer, WorkshopData};
use lodestar_core::stakeholders::StakeholderInput;
use lodestar_core::timers::TimerAction;
use lodestar_core::Step;
use tauri::State;

use crate::commands::CommandResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn get_workshop_data(state: State<'_, AppState>, id: String) -> CommandResult<WorkshopData> {
    state.lodestar.workshop_data(&id)
}

#[tauri::command]
#[specta::specta]
pub fn add_stakeholder(
    state: State<'_, AppState>,
    workshop_id: String,
    input: StakeholderInput,
) -> CommandResult<Stakeholder> {
    state.lodestar.add_stakeholder(&workshop_id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn update_stakeholder(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: StakeholderInput,
) -> CommandResult<Stakeholder> {
    state.lodestar.update_stakeholder(&workshop_id, &id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn remove_stakeholder(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    state.lodestar.remove_stakeholder(&workshop_id, &id)
}

#[tauri::command]
#[specta::specta]
pub fn reorder_stakeholders(
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    state.lodestar.reorder_stakeholders(&workshop_id, &ids)
}

#[tauri::command]
#[specta::specta]
pub fn add_category(
    state: State<'_, AppState>,
    workshop_id: String,
    input: CategoryInput,
) -> CommandResult<Category> {
    state.lodestar.add_category(&workshop_id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn update_category(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: CategoryInput,
) -> CommandResult<Category> {
    state.lodestar.update_category(&workshop_id, &id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn remove_category(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    state.lodestar.remove_category(&workshop_id, &id)
}

#[tauri::command]
#[specta::specta]
pub fn reorder_categories(
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    state.lodestar.reorder_categories(&workshop_id, &ids)
}

#[tauri::command]
#[specta::specta]
pub fn add_need(
    state: State<'_, AppState>,
    workshop_id: String,
    input: NeedInput,
) -> CommandResult<Need> {
    state.lodestar.add_need(&workshop_id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn update_need(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: NeedInput,
) -> CommandResult<Need> {
    state.lodestar.update_need(&workshop_id, &id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn set_need_agreement(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    agreement: Agreement,
) -> CommandResult<Need> {
    state
        .lodestar
        .set_need_agreement(&workshop_id, &id, &agreement)
}

#[tauri::command]
#[specta::specta]
pub fn remove_need(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    state.lodestar.remove_need(&workshop_id, &id)
}

#[tauri::command]
#[specta::specta]
pub fn update_timer(
    state: State<'_, AppState>,
    workshop_id: String,
    step: Step,
    action: TimerAction,
) -> CommandResult<StepTimer> {
    state.lodestar.update_timer(&workshop_id, step, &action)
}
