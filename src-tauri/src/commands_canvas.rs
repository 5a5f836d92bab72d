//! Commands of step 5: canvas operations, the North Star metric and the room's actions; thin
//! doors over the application layer.

use lodestar_core::canvas::{ActionInput, CanvasOp, InputMetric, NorthStarInput, SceneChange};
use lodestar_core::records::{Action, NorthStar};
use tauri::State;

use crate::commands::CommandResult;
use crate::state::AppState;

/// Applies canvas operations as one undo step and returns the records written and deleted.
#[tauri::command]
#[specta::specta]
pub fn apply_canvas_ops(
    state: State<'_, AppState>,
    workshop_id: String,
    ops: Vec<CanvasOp>,
) -> CommandResult<SceneChange> {
    state.lodestar.apply_canvas_ops(&workshop_id, &ops)
}

/// Promotes a sticky to the North Star metric, or rewrites its definition and inputs.
#[tauri::command]
#[specta::specta]
pub fn set_north_star(
    state: State<'_, AppState>,
    workshop_id: String,
    definition: NorthStarInput,
    inputs: Vec<InputMetric>,
) -> CommandResult<NorthStar> {
    state
        .lodestar
        .set_north_star(&workshop_id, &definition, &inputs)
}

#[tauri::command]
#[specta::specta]
pub fn clear_north_star(state: State<'_, AppState>, workshop_id: String) -> CommandResult<()> {
    state.lodestar.clear_north_star(&workshop_id)
}

#[tauri::command]
#[specta::specta]
pub fn add_action(
    state: State<'_, AppState>,
    workshop_id: String,
    input: ActionInput,
) -> CommandResult<Action> {
    state.lodestar.add_action(&workshop_id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn update_action(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: ActionInput,
) -> CommandResult<Action> {
    state.lodestar.update_action(&workshop_id, &id, &input)
}

#[tauri::command]
#[specta::specta]
pub fn remove_action(
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    state.lodestar.remove_action(&workshop_id, &id)
}

#[tauri::command]
#[specta::specta]
pub fn reorder_actions(
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    state.lodestar.reorder_actions(&workshop_id, &ids)
}
