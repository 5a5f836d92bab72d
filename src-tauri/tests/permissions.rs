//! Every command the app registers has a name in `command_names.rs` (so `build.rs` gives it a
//! permission) and is granted to the main window by its permission set; nothing else is.

// A test that cannot read its files must fail loudly.
#![allow(clippy::expect_used)]

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

#[test]
fn the_content_security_policy_allows_no_remote_origin_and_no_inline_code_or_style() {
    let config: serde_json::Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json is JSON");
    let csp = &config["app"]["security"]["csp"];
    for directive in ["default-src", "script-src", "style-src"] {
        let value = csp[directive].as_str().unwrap_or_default();
        assert_eq!(value, "'self'", "{directive} is the app's own files only");
    }
    let all = csp.to_string();
    assert!(
        !all.contains("unsafe-inline") && !all.contains("unsafe-eval"),
        "{all}"
    );
    assert!(
        !all.contains("http:") || all.contains("http://ipc.localhost"),
        "{all}"
    );
    assert!(!all.contains("https:"), "no remote origin: {all}");
}
