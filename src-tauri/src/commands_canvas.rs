//! Commands of step 5: canvas actions, the North Star metric and the room's actions. Each
//! parses, makes one store call (one undo step), announces the change and returns the result.

use lodestar_core::canvas::{ActionInput, CanvasOp, InputMetric, NorthStarInput, SceneChange};
use lodestar_core::records::{Action, NorthStar};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{now, CommandResult};
use crate::commands_steps::in_workshop;
use crate::state::AppState;

/// Applies canvas actions as one undo step (a drag that also drops stickies into a frame is
/// a move and a set-frame) and returns the records written and deleted.
#[tauri::command]
#[specta::specta]
pub fn apply_canvas_ops<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    ops: Vec<CanvasOp>,
) -> CommandResult<SceneChange> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.apply_canvas_ops(&workshop_id, &ops, now())
    })
}

/// Promotes a sticky to the North Star metric, or rewrites its definition and inputs.
#[tauri::command]
#[specta::specta]
pub fn set_north_star<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    definition: NorthStarInput,
    inputs: Vec<InputMetric>,
) -> CommandResult<NorthStar> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.set_north_star(&workshop_id, &definition, &inputs, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn clear_north_star<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.clear_north_star(&workshop_id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn add_action<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    input: ActionInput,
) -> CommandResult<Action> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.add_action(&workshop_id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn update_action<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
    input: ActionInput,
) -> CommandResult<Action> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.update_action(&id, &input, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn remove_action<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| s.remove_action(&id, now()))
}

#[tauri::command]
#[specta::specta]
pub fn reorder_actions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    ids: Vec<String>,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.reorder_actions(&workshop_id, &ids, now())
    })
}
