//! Writing output files safely: the bytes go to a temporary file beside the target, which is
//! then renamed over it, so a failed write never leaves a half-written report or export.
//!
//! The temporary file has a name no one can guess and is created new (`create_new`: it fails
//! on anything already there, a symlink included, so nothing planted beside the target is
//! written through). After the rename the folder itself is synced, so the new name survives
//! a power cut as well as the bytes do.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be written, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` all at once (temporary file + rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.lodestar-partial", unique_suffix()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(error));
    }
    sync_folder(dir);
    Ok(())
}

/// A suffix no other writer (in this process or another) uses at the same time.
fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{nanos:x}-{count}", std::process::id())
}

/// Makes the rename durable. Where a folder cannot be opened or synced (Windows), the file
/// itself was synced already; that is the best the platform offers.
fn sync_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_beside_the_target_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        // The old, predictable temporary name, pointing at someone else's file.
        std::os::unix::fs::symlink(&victim, dir.path().join(".out.json.lodestar-partial")).unwrap();
        write_atomically(&dir.path().join("out.json"), b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"new");
    }

    #[test]
    fn two_writes_never_share_a_temporary_file() {
        assert_ne!(unique_suffix(), unique_suffix());
    }

    #[test]
    fn a_folder_that_does_not_exist_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.pdf");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("missing/out.pdf"), "{err}");
    }
}
