//! Every command the app registers has a name in `command_names.rs` (so `build.rs` gives it a
//! permission) and is granted to the main window by its permission set; nothing else is.

use lodestar_app::command_names::COMMANDS;

fn registered_commands() -> Vec<String> {
    let lib = include_str!("../src/lib.rs");
    let start = lib
        .find("collect_commands![")
        .map(|i| i + "collect_commands![".len());
    let block = start.map_or("", |start| {
        let end = lib[start..].find("])").map_or(lib.len(), |e| start + e);
        &lib[start..end]
    });
    block
        .split(',')
        .filter_map(|entry| {
            let path = entry.trim().split("::<").next()?;
            path.rsplit("::").next().map(str::to_string)
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn every_registered_command_has_a_permission_and_no_permission_lacks_a_command() {
    let registered = registered_commands();
    assert_eq!(
        registered.len(),
        46,
        "the registry was read: {registered:?}"
    );
    let mut named: Vec<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
    let mut sorted = registered.clone();
    sorted.sort();
    named.sort();
    assert_eq!(
        sorted, named,
        "command_names.rs lists exactly the registered commands"
    );
}

#[test]
fn the_main_window_is_granted_each_command_by_name() {
    let set = include_str!("../permissions/main-window.toml");
    let granted: Vec<&str> = set
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"allow-"))
        .filter_map(|l| l.strip_suffix("\","))
        .collect();
    let mut expected: Vec<String> = COMMANDS.iter().map(|c| c.replace('_', "-")).collect();
    let mut granted: Vec<String> = granted.into_iter().map(str::to_string).collect();
    expected.sort();
    granted.sort();
    assert_eq!(granted, expected);
}
