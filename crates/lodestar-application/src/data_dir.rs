//! Where the database lives: `--data-dir`, then `LODESTAR_DATA_DIR`, then the OS app-data folder.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that overrides the data folder (tests and portable installs).
pub const ENV_VAR: &str = "LODESTAR_DATA_DIR";

/// The app's identifier (as in `tauri.conf.json`): the OS data folder is named after it, so
/// the desktop app and the CLI find the same store.
pub const APP_IDENTIFIER: &str = "app.lodestar.desktop";

/// The OS app-data folder, e.g. `~/.local/share/app.lodestar.desktop` on Linux (what Tauri's
/// `app_data_dir` names too).
pub fn os_default() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

/// The data folder from the command line and the environment of this process.
pub fn from_environment() -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    resolve(&args, std::env::var_os(ENV_VAR), os_default)
}

/// Picks the data folder. `None` only when no flag, no variable and no OS folder exist.
pub fn resolve(
    args: &[String],
    env_value: Option<OsString>,
    os_default: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    flag_value(args)
        .map(PathBuf::from)
        .or_else(|| env_value.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(os_default)
}

/// Reads `--data-dir PATH` or `--data-dir=PATH`.
fn flag_value(args: &[String]) -> Option<String> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--data-dir" {
            return iter.next().cloned();
        }
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(value.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_the_os_folder() {
        let dir = resolve(
            &args(&["app", "--data-dir", "/a"]),
            Some("/b".into()),
            || Some("/c".into()),
        );
        assert_eq!(dir, Some(PathBuf::from("/a")));
        let dir = resolve(&args(&["app", "--data-dir=/a2"]), None, || None);
        assert_eq!(dir, Some(PathBuf::from("/a2")));
    }

    #[test]
    fn the_environment_wins_over_the_os_folder_unless_empty() {
        let dir = resolve(&args(&["app"]), Some("/b".into()), || Some("/c".into()));
        assert_eq!(dir, Some(PathBuf::from("/b")));
        let dir = resolve(&args(&["app"]), Some("".into()), || Some("/c".into()));
        assert_eq!(dir, Some(PathBuf::from("/c")));
    }
}
