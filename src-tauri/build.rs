// Every app command gets an `allow-…` permission (the app manifest), so a window may call only
// the commands its capability grants (`capabilities/`, `permissions/`).
include!("src/command_names.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    let attributes = tauri_build::Attributes::new().app_manifest(manifest);
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
