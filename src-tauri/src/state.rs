//! The app's state: the open store, or why it could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use lodestar_store::Store;

use crate::error::CommandError;

/// Managed by Tauri. The store sits behind a mutex: SQLite wants one writer at a time, and
/// each command holds the lock only for its one transaction.
pub struct AppState {
    store: Mutex<Result<Store, String>>,
    data_dir: Option<PathBuf>,
}

impl AppState {
    /// Opens the store in `dir`. A failure is kept and reported to the UI by every command,
    /// so the window can explain it instead of the app vanishing.
    pub fn open(dir: Option<PathBuf>) -> AppState {
        let store = match &dir {
            Some(dir) => Store::open_in_dir(dir).map_err(|e| e.to_string()),
            None => {
                Err("no data folder could be found; start Lodestar with --data-dir PATH".into())
            }
        };
        if let Err(message) = &store {
            eprintln!("Lodestar: {message}");
        }
        AppState {
            store: Mutex::new(store),
            data_dir: dir,
        }
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    /// Runs `work` with the store, or reports why there is none.
    pub fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        let mut guard: MutexGuard<'_, Result<Store, String>> =
            self.store.lock().map_err(|_| CommandError::Internal {
                message: "an earlier command failed while holding the database; restart Lodestar"
                    .into(),
            })?;
        match &mut *guard {
            Ok(store) => work(store),
            Err(message) => Err(CommandError::StoreUnavailable {
                message: message.clone(),
            }),
        }
    }

    /// Why the store could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<String> {
        match self.store.lock() {
            Ok(guard) => guard.as_ref().err().cloned(),
            Err(_) => Some("the database lock is poisoned; restart Lodestar".into()),
        }
    }
}
