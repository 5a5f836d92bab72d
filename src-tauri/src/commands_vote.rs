//! Commands of the votes (step 4's focus need, step 5's North Star candidates): open, cast (in person or by proxy), close, reveal, run-off,
//! the facilitator's tie-break, and discarding a vote.

use lodestar_core::records::{Vote, VoterMark};
use lodestar_core::votes::{BallotInput, VoteRules, VoteSubject};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{now, CommandResult};
use crate::commands_steps::in_workshop;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn create_vote<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    subject: VoteSubject,
    rules: VoteRules,
    options: Vec<String>,
) -> CommandResult<Vote> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.create_vote(&workshop_id, subject, &rules, &options, now())
    })
}

/// One person's ballot. `proxy` marks a ballot the facilitator entered for someone.
#[tauri::command]
#[specta::specta]
pub fn cast_ballot<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
    voter_id: String,
    ballot: BallotInput,
    proxy: bool,
) -> CommandResult<VoterMark> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.cast_ballot(&vote_id, &voter_id, &ballot, proxy, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn close_vote<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.close_vote(&vote_id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn reveal_vote<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.reveal_vote(&vote_id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn start_runoff<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<Vote> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.start_runoff(&vote_id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn decide_vote<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
    option_id: String,
) -> CommandResult<Vote> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.decide_vote(&vote_id, &option_id, now())
    })
}

#[tauri::command]
#[specta::specta]
pub fn discard_vote<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
    vote_id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.discard_vote(&vote_id, now())
    })
}

/// The room keeps its focus need although a need on the ballot changed after the vote.
#[tauri::command]
#[specta::specta]
pub fn confirm_focus<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    workshop_id: String,
) -> CommandResult<()> {
    in_workshop(&app, &state, &workshop_id, |s| {
        s.confirm_focus(&workshop_id, now())
    })
}
