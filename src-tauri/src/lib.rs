//! The Lodestar desktop shell: wires the window, the typed commands and events, and the store.
//!
//! Everything here is thin. Rules live in `lodestar-core`, SQL in `lodestar-store`.

pub mod commands;
pub mod commands_canvas;
pub mod commands_files;
pub mod commands_steps;
pub mod commands_vote;
pub mod data_dir;
pub mod error;
pub mod events;
pub mod state;

use tauri::{Manager, Runtime};

pub use error::CommandError;
pub use state::AppState;

/// The typed command and event registry; also what writes `ui/src/bindings.ts`.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        // `Wry` only names a runtime for type collection; the handler is generic over `R`.
        .commands(tauri_specta::collect_commands![
            commands::app_info::<tauri::Wry>,
            commands::list_workshops::<tauri::Wry>,
            commands::get_workshop::<tauri::Wry>,
            commands::create_workshop::<tauri::Wry>,
            commands::rename_workshop::<tauri::Wry>,
            commands::update_workshop_details::<tauri::Wry>,
            commands::delete_workshop::<tauri::Wry>,
            commands::set_current_step::<tauri::Wry>,
            commands::undo::<tauri::Wry>,
            commands::redo::<tauri::Wry>,
            commands::history_state::<tauri::Wry>,
            commands_steps::get_workshop_data::<tauri::Wry>,
            commands_steps::add_stakeholder::<tauri::Wry>,
            commands_steps::update_stakeholder::<tauri::Wry>,
            commands_steps::remove_stakeholder::<tauri::Wry>,
            commands_steps::reorder_stakeholders::<tauri::Wry>,
            commands_steps::add_category::<tauri::Wry>,
            commands_steps::update_category::<tauri::Wry>,
            commands_steps::remove_category::<tauri::Wry>,
            commands_steps::reorder_categories::<tauri::Wry>,
            commands_steps::add_need::<tauri::Wry>,
            commands_steps::update_need::<tauri::Wry>,
            commands_steps::set_need_agreement::<tauri::Wry>,
            commands_steps::remove_need::<tauri::Wry>,
            commands_steps::update_timer::<tauri::Wry>,
            commands_vote::create_vote::<tauri::Wry>,
            commands_vote::cast_ballot::<tauri::Wry>,
            commands_vote::close_vote::<tauri::Wry>,
            commands_vote::reveal_vote::<tauri::Wry>,
            commands_vote::start_runoff::<tauri::Wry>,
            commands_vote::decide_vote::<tauri::Wry>,
            commands_vote::discard_vote::<tauri::Wry>,
            commands_vote::confirm_focus::<tauri::Wry>,
            commands_canvas::apply_canvas_ops::<tauri::Wry>,
            commands_canvas::set_north_star::<tauri::Wry>,
            commands_canvas::clear_north_star::<tauri::Wry>,
            commands_canvas::add_action::<tauri::Wry>,
            commands_canvas::update_action::<tauri::Wry>,
            commands_canvas::remove_action::<tauri::Wry>,
            commands_canvas::reorder_actions::<tauri::Wry>,
            commands_files::choose_save_path::<tauri::Wry>,
            commands_files::choose_import_path::<tauri::Wry>,
            commands_files::export_workshop_json::<tauri::Wry>,
            commands_files::export_workshop_pdf::<tauri::Wry>,
            commands_files::export_canvas_picture::<tauri::Wry>,
            commands_files::import_workshop_json::<tauri::Wry>,
            commands_files::open_example::<tauri::Wry>,
            commands_files::open_in_system_viewer::<tauri::Wry>,
        ])
        .events(tauri_specta::collect_events![events::DataChanged])
        // The steps, card colours and checklist, so the UI keeps no copy of its own.
        .constant("FACTS", lodestar_core::facts::facts())
}

/// Adds Lodestar's commands to a Tauri builder (the real one or a mock).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Gives a built app its state and its typed events.
pub fn install<R: Runtime, M: Manager<R>>(app: &M, state: AppState) {
    app.manage(state);
    specta_builder::<R>().mount_events(app);
}

/// Starts the desktop app.
pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let builder = with_commands(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let dir = data_dir::resolve(&args, std::env::var_os(data_dir::ENV_VAR), || {
                app.path().app_data_dir().ok()
            });
            install(app, AppState::open(dir));
            Ok(())
        });
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("Lodestar could not start: {error}");
        std::process::exit(1);
    }
}
