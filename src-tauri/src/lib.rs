//! The Lodestar desktop shell: wires the window, the typed commands and events, and the store.
//!
//! Everything here is thin: each command calls one function of `lodestar-application`.

pub mod command_names;
pub mod commands;
pub mod commands_canvas;
pub mod commands_files;
pub mod commands_steps;
pub mod commands_vote;
pub mod dialogs;
pub mod events;
pub mod state;

use lodestar_application::data_dir;
use tauri::{Manager, Runtime};
use tauri_specta::Event;

pub use state::AppState;

// A build without the embedded UI loads the Vite dev server (`devUrl`): fine while developing,
// never what a facilitator may run. Release builds must embed it.
#[cfg(all(not(debug_assertions), not(feature = "custom-protocol")))]
compile_error!(
    "a release build of Lodestar must embed the UI: build with `--features custom-protocol` \
     after `vite build` (scripts/run.sh does)"
);

/// The typed command and event registry; also what writes `ui/src/bindings.ts`.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        // One TypeScript type per Rust type: the types that cross carry no serde defaults (a
        // file's leniency lives in lodestar-core's exchange), so the two directions agree.
        .disable_serde_phases()
        // `Wry` only names a runtime for type collection; the handler is generic over `R`.
        .commands(tauri_specta::collect_commands![
            commands::app_info,
            commands::list_workshops,
            commands::get_workshop,
            commands::create_workshop,
            commands::rename_workshop,
            commands::update_workshop_details,
            commands::delete_workshop,
            commands::set_current_step,
            commands::undo,
            commands::redo,
            commands::history_state,
            commands_steps::get_workshop_data,
            commands_steps::add_stakeholder,
            commands_steps::update_stakeholder,
            commands_steps::remove_stakeholder,
            commands_steps::reorder_stakeholders,
            commands_steps::add_category,
            commands_steps::update_category,
            commands_steps::remove_category,
            commands_steps::reorder_categories,
            commands_steps::add_need,
            commands_steps::update_need,
            commands_steps::set_need_agreement,
            commands_steps::remove_need,
            commands_steps::update_timer,
            commands_vote::create_vote,
            commands_vote::cast_ballot,
            commands_vote::close_vote,
            commands_vote::reveal_vote,
            commands_vote::start_runoff,
            commands_vote::decide_vote,
            commands_vote::discard_vote,
            commands_vote::confirm_focus,
            commands_canvas::apply_canvas_ops,
            commands_canvas::set_north_star,
            commands_canvas::clear_north_star,
            commands_canvas::add_action,
            commands_canvas::update_action,
            commands_canvas::remove_action,
            commands_canvas::reorder_actions,
            commands_files::export_workshop_json::<tauri::Wry>,
            commands_files::export_workshop_pdf::<tauri::Wry>,
            commands_files::export_canvas_picture::<tauri::Wry>,
            commands_files::import_workshop_json::<tauri::Wry>,
            commands_files::open_example,
            commands_files::open_saved_file::<tauri::Wry>,
        ])
        .events(tauri_specta::collect_events![events::DataChanged])
        // The steps, card colours and checklist, so the UI keeps no copy of its own.
        .constant("FACTS", lodestar_core::facts::facts())
}

/// Adds Lodestar's commands to a Tauri builder (the real one or a mock).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Gives a built app its state and its typed events: every change the application layer
/// commits, from any door, reaches every window as a `DataChanged` event.
pub fn install<R: Runtime, M: Manager<R>>(app: &M, state: AppState) {
    let handle = app.app_handle().clone();
    state.lodestar.subscribe(move |change| {
        // A failed emit only delays a refresh: the action itself did succeed.
        if let Err(error) = events::DataChanged::from(change).emit(&handle) {
            eprintln!("Lodestar: could not announce a change: {error}");
        }
    });
    app.manage(state);
    specta_builder::<R>().mount_events(app);
}

/// End-to-end test builds (feature `dialog-stub`) let `LODESTAR_DIALOG_STUB_DIR` stand in for
/// the native dialogs, which WebDriver cannot drive. A user's build has no such door.
#[cfg(feature = "dialog-stub")]
fn with_test_dialogs(state: AppState) -> AppState {
    match std::env::var_os("LODESTAR_DIALOG_STUB_DIR") {
        Some(dir) => state.with_file_picker(dialogs::FilePicker::Folder(dir.into())),
        None => state,
    }
}

#[cfg(not(feature = "dialog-stub"))]
fn with_test_dialogs(state: AppState) -> AppState {
    state
}

/// Starts the desktop app.
pub fn run() {
    let builder = with_commands(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            // The same folder the CLI uses: --data-dir, LODESTAR_DATA_DIR, or the OS default.
            let dir = data_dir::from_environment();
            install(app, with_test_dialogs(AppState::open(dir)));
            Ok(())
        });
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("Lodestar could not start: {error}");
        std::process::exit(1);
    }
}
