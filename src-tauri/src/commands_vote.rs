//! Commands of the votes (step 4's focus need, step 5's North Star candidates): thin doors
//! over the application layer.

use lodestar_core::records::{Vote, VoterMark};
use lodestar_core::votes::{BallotInput, VoteRules, VoteSubject};
use tauri::State;

use crate::commands::CommandResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn create_vote(
    state: State<'_, AppState>,
    workshop_id: String,
    subject: VoteSubject,
    rules: VoteRules,
    options: Vec<String>,
) -> CommandResult<Vote> {
    state
        .lodestar
        .create_vote(&workshop_id, subject, &rules, &options)
}

/// One person's ballot. `proxy` marks a ballot the facilitator entered for someone.
#[tauri::command]
#[specta::specta]
pub fn cast_ballot(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
    voter_id: String,
    ballot: BallotInput,
    proxy: bool,
) -> CommandResult<VoterMark> {
    state
        .lodestar
        .cast_ballot(&workshop_id, &vote_id, &voter_id, &ballot, proxy)
}

#[tauri::command]
#[specta::specta]
pub fn close_vote(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    state.lodestar.close_vote(&workshop_id, &vote_id)
}

#[tauri::command]
#[specta::specta]
pub fn reveal_vote(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    state.lodestar.reveal_vote(&workshop_id, &vote_id)
}

#[tauri::command]
#[specta::specta]
pub fn start_runoff(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    state.lodestar.start_runoff(&workshop_id, &vote_id)
}

#[tauri::command]
#[specta::specta]
pub fn decide_vote(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
    option_id: String,
) -> CommandResult<Vote> {
    state
        .lodestar
        .decide_vote(&workshop_id, &vote_id, &option_id)
}

#[tauri::command]
#[specta::specta]
pub fn discard_vote(
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<()> {
    state.lodestar.discard_vote(&workshop_id, &vote_id)
}

/// The room keeps its focus need although a need on the ballot changed after the vote.
#[tauri::command]
#[specta::specta]
pub fn confirm_focus(state: State<'_, AppState>, workshop_id: String) -> CommandResult<()> {
    state.lodestar.confirm_focus(&workshop_id)
}
