//! The open store and the one path every action takes through it: lock the store, run one
//! transaction, turn any failure into a refusal, and announce the change once committed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use lodestar_core::{HistoryScope, Refusal, RefusalCode, Step, Workshop, WorkshopInput};
use lodestar_store::{HistoryState, Store, StoreError};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clock::{Clock, SystemClock};
use crate::Outcome;

/// Something changed in `scope` (an action, an undo, a redo): every view showing it reloads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub scope: HistoryScope,
    /// The workshop affected, when there is one (a library action names the workshop too).
    pub workshop_id: Option<String>,
}

impl Change {
    pub fn library(workshop_id: &str) -> Change {
        Change {
            scope: HistoryScope::Library,
            workshop_id: Some(workshop_id.to_string()),
        }
    }

    pub fn workshop(workshop_id: &str) -> Change {
        Change {
            scope: HistoryScope::workshop(workshop_id),
            workshop_id: Some(workshop_id.to_string()),
        }
    }

    fn of_scope(scope: &HistoryScope) -> Change {
        Change {
            scope: scope.clone(),
            workshop_id: match scope {
                HistoryScope::Library => None,
                HistoryScope::Workshop { id } => Some(id.clone()),
            },
        }
    }
}

/// What Undo or Redo just did, and what they would do next.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryOutcome {
    /// The action that was undone or redone, e.g. `rename workshop to “Q3 offsite”`.
    pub label: String,
    pub state: HistoryState,
}

type Listener = Arc<dyn Fn(&Change) + Send + Sync>;

/// A listener's ticket, to stop hearing of changes (a room that closes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscription(u64);

/// The application: one store (or why there is none), the clock, and who hears of changes.
/// Shared by every door; each action holds the store only for its one transaction.
pub struct Lodestar {
    store: Mutex<Result<Store, Refusal>>,
    data_dir: Option<PathBuf>,
    clock: Box<dyn Clock>,
    listeners: RwLock<Vec<(Subscription, Listener)>>,
    next_subscription: AtomicU64,
    /// Held for as long as this app has the folder open (see [`Lodestar::open_exclusive`]).
    _instance_lock: Option<std::fs::File>,
}

/// The file a running desktop app keeps locked in its data folder.
pub const INSTANCE_LOCK_FILE: &str = "lodestar.lock";

impl Lodestar {
    /// Opens the store in `dir` (creating it on first use). A failure is kept and returned by
    /// every action, so a window can explain it instead of the app vanishing.
    pub fn open(dir: Option<PathBuf>) -> Lodestar {
        Lodestar::open_with_clock(dir, Box::new(SystemClock))
    }

    /// As [`Lodestar::open`], with another clock (tests pin time with it).
    pub fn open_with_clock(dir: Option<PathBuf>, clock: Box<dyn Clock>) -> Lodestar {
        let store = match &dir {
            Some(dir) => Store::open_in_dir(dir).map_err(Refusal::from),
            None => Err(Refusal::general(
                RefusalCode::StoreUnavailable,
                "no data folder could be found; start Lodestar with --data-dir PATH",
            )),
        };
        Lodestar::assemble(store, dir, clock, None)
    }

    fn assemble(
        store: Result<Store, Refusal>,
        data_dir: Option<PathBuf>,
        clock: Box<dyn Clock>,
        instance_lock: Option<std::fs::File>,
    ) -> Lodestar {
        Lodestar {
            store: Mutex::new(store),
            data_dir,
            clock,
            listeners: RwLock::new(Vec::new()),
            next_subscription: AtomicU64::new(1),
            _instance_lock: instance_lock,
        }
    }

    /// Opens the store for the desktop app, which must be the only app on its data folder: two
    /// windows each believing they hold the workshop would undo each other's work. A second
    /// app on the same folder gets a `StoreInUse` refusal instead of the store. (The CLI does
    /// not take the lock: its actions are transactions of their own, safe beside the app.)
    pub fn open_exclusive(dir: Option<PathBuf>) -> Lodestar {
        let clock = Box::new(SystemClock);
        match dir.as_deref().map(lock_folder).transpose() {
            Err(refusal) => Lodestar::assemble(Err(refusal), dir, clock, None),
            Ok(lock) => {
                let store = Lodestar::open_with_clock(dir, clock);
                Lodestar {
                    _instance_lock: lock,
                    ..store
                }
            }
        }
    }

    /// Opens the store or says why it cannot: for doors with nothing to show without one.
    pub fn open_or_refuse(dir: Option<PathBuf>) -> Outcome<Lodestar> {
        let app = Lodestar::open(dir);
        match app.startup_error() {
            Some(refusal) => Err(refusal),
            None => Ok(app),
        }
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Why the store could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<Refusal> {
        let guard = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        guard.as_ref().err().cloned()
    }

    /// Calls `listener` after every committed change, from whichever door made it.
    pub fn subscribe(&self, listener: impl Fn(&Change) + Send + Sync + 'static) -> Subscription {
        let ticket = Subscription(self.next_subscription.fetch_add(1, Ordering::Relaxed));
        let mut listeners = self
            .listeners
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        listeners.push((ticket, Arc::new(listener)));
        ticket
    }

    /// Stops calling the listener `ticket` was given for.
    pub fn unsubscribe(&self, ticket: Subscription) {
        let mut listeners = self
            .listeners
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        listeners.retain(|(t, _)| *t != ticket);
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Runs `work` with the store. A panic inside becomes an `Internal` refusal: its
    /// transaction was rolled back when it unwound, and the store stays usable for every
    /// later action (the lock is never left poisoned).
    pub(crate) fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Outcome<T> {
        let mut guard = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match &mut *guard {
            Ok(store) => store,
            Err(refusal) => return Err(refusal.clone()),
        };
        match catch_unwind(AssertUnwindSafe(|| work(store))) {
            Ok(result) => result.map_err(Refusal::from),
            Err(_) => Err(Refusal::general(
                RefusalCode::Internal,
                "Lodestar hit an internal error during this action; nothing was changed. \
                 Please report what you were doing.",
            )),
        }
    }

    /// Runs one action (one transaction) and, once it is committed, announces `change`.
    pub(crate) fn act<T>(
        &self,
        change: Change,
        work: impl FnOnce(&mut Store, i64) -> Result<T, StoreError>,
    ) -> Outcome<T> {
        self.act_then(work, |_| change)
    }

    /// As [`Lodestar::act`], for an action whose change names what it made (a new workshop).
    pub(crate) fn act_then<T>(
        &self,
        work: impl FnOnce(&mut Store, i64) -> Result<T, StoreError>,
        change_of: impl FnOnce(&T) -> Change,
    ) -> Outcome<T> {
        let now = self.now();
        let value = self.with_store(|store| work(store, now))?;
        self.announce(&change_of(&value));
        Ok(value)
    }

    pub(crate) fn announce(&self, change: &Change) {
        let listeners = self
            .listeners
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        for (_, listener) in listeners.iter() {
            listener(change);
        }
    }

    // The library of workshops.

    pub fn list_workshops(&self) -> Outcome<Vec<Workshop>> {
        self.with_store(|s| s.list_workshops())
    }

    pub fn workshop(&self, id: &str) -> Outcome<Workshop> {
        self.with_store(|s| s.workshop(id))
    }

    pub fn create_workshop(&self, input: &WorkshopInput) -> Outcome<Workshop> {
        self.act_then(
            |s, now| s.create_workshop(input, now),
            |workshop| Change::library(&workshop.id),
        )
    }

    /// Renames a workshop; `scope` says whose undo history records it (the library's list
    /// or the workshop's own).
    pub fn rename_workshop(
        &self,
        scope: &HistoryScope,
        id: &str,
        title: &str,
    ) -> Outcome<Workshop> {
        let change = Change {
            scope: scope.clone(),
            workshop_id: Some(id.to_string()),
        };
        self.act(change, |s, now| s.rename_workshop(scope, id, title, now))
    }

    pub fn update_workshop_details(
        &self,
        scope: &HistoryScope,
        id: &str,
        input: &WorkshopInput,
    ) -> Outcome<Workshop> {
        let change = Change {
            scope: scope.clone(),
            workshop_id: Some(id.to_string()),
        };
        self.act(change, |s, now| {
            s.update_workshop_details(scope, id, input, now)
        })
    }

    pub fn delete_workshop(&self, id: &str) -> Outcome<()> {
        self.act(Change::library(id), |s, now| s.delete_workshop(id, now))
    }

    pub fn set_current_step(&self, id: &str, step: Step) -> Outcome<Workshop> {
        self.act(Change::workshop(id), |s, now| {
            s.set_current_step(id, step, now)
        })
    }

    // History.

    pub fn undo(&self, scope: &HistoryScope) -> Outcome<HistoryOutcome> {
        self.walk_history(scope, Store::undo)
    }

    pub fn redo(&self, scope: &HistoryScope) -> Outcome<HistoryOutcome> {
        self.walk_history(scope, Store::redo)
    }

    pub fn history_state(&self, scope: &HistoryScope) -> Outcome<HistoryState> {
        self.with_store(|s| s.history_state(scope))
    }

    fn walk_history(
        &self,
        scope: &HistoryScope,
        step: fn(&mut Store, &HistoryScope, i64) -> Result<String, StoreError>,
    ) -> Outcome<HistoryOutcome> {
        self.act(Change::of_scope(scope), |store, now| {
            let label = step(store, scope, now)?;
            Ok(HistoryOutcome {
                label,
                state: store.history_state(scope)?,
            })
        })
    }

    // Settings: remembered choices, never part of a workshop's undo history.

    pub fn setting(&self, key: &str) -> Outcome<Option<String>> {
        self.with_store(|s| s.setting(key))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Outcome<()> {
        self.with_store(|s| s.set_setting(key, value))
    }
}

/// Takes the instance lock of `dir` (creating the folder), or says another app holds it.
fn lock_folder(dir: &Path) -> Outcome<std::fs::File> {
    let unavailable = |e: std::io::Error| {
        Refusal::general(
            RefusalCode::StoreUnavailable,
            format!("could not use the data folder {}: {e}", dir.display()),
        )
    };
    std::fs::create_dir_all(dir).map_err(unavailable)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(INSTANCE_LOCK_FILE))
        .map_err(unavailable)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Refusal::general(
            RefusalCode::StoreInUse,
            format!(
                "Lodestar is already open with the data folder {}: switch to that window, or \
                 start this one with --data-dir and another folder",
                dir.display()
            ),
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(unavailable(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_app_on_the_same_folder_is_refused_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let first = Lodestar::open_exclusive(Some(dir.path().to_path_buf()));
        assert!(first.startup_error().is_none());
        let second = Lodestar::open_exclusive(Some(dir.path().to_path_buf()));
        assert_eq!(
            second.startup_error().unwrap().code,
            RefusalCode::StoreInUse
        );
        assert_eq!(
            second.list_workshops().unwrap_err().code,
            RefusalCode::StoreInUse
        );
        // The CLI works beside the app.
        assert!(Lodestar::open(Some(dir.path().to_path_buf()))
            .list_workshops()
            .is_ok());
        drop(first);
        let third = Lodestar::open_exclusive(Some(dir.path().to_path_buf()));
        assert!(
            third.startup_error().is_none(),
            "the lock goes with the app"
        );
    }

    fn app() -> (tempfile::TempDir, Lodestar) {
        let dir = tempfile::tempdir().unwrap();
        let app = Lodestar::open(Some(dir.path().to_path_buf()));
        (dir, app)
    }

    fn titled(title: &str) -> WorkshopInput {
        WorkshopInput {
            title: title.into(),
            ..WorkshopInput::default()
        }
    }

    #[test]
    fn a_panic_in_one_action_leaves_every_later_action_working() {
        let (_dir, app) = app();
        let refused =
            app.with_store(|_| -> Result<(), StoreError> { panic!("a bug in one action") });
        assert_eq!(refused.unwrap_err().code, RefusalCode::Internal);
        let created = app.create_workshop(&titled("After the panic")).unwrap();
        assert_eq!(app.list_workshops().unwrap()[0].id, created.id);
    }

    #[test]
    fn every_committed_action_is_announced_once_and_a_refused_one_never() {
        let (_dir, app) = app();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let sink = heard.clone();
        app.subscribe(move |change| sink.lock().unwrap().push(change.clone()));
        let workshop = app.create_workshop(&titled("Heard")).unwrap();
        let refused = app.rename_workshop(&HistoryScope::Library, &workshop.id, "  ");
        assert_eq!(refused.unwrap_err().code, RefusalCode::Empty);
        app.set_current_step(&workshop.id, Step::Stakeholders)
            .unwrap();
        let heard = heard.lock().unwrap();
        assert_eq!(
            *heard,
            vec![
                Change::library(&workshop.id),
                Change::workshop(&workshop.id)
            ]
        );
    }

    #[test]
    fn no_data_folder_makes_every_action_say_so() {
        let app = Lodestar::open(None);
        assert_eq!(
            app.list_workshops().unwrap_err().code,
            RefusalCode::StoreUnavailable
        );
        assert!(Lodestar::open_or_refuse(None).is_err());
    }

    struct Fixed;
    impl Clock for Fixed {
        fn now(&self) -> i64 {
            1_700_000_000_000
        }
    }

    #[test]
    fn the_clock_is_the_applications() {
        let dir = tempfile::tempdir().unwrap();
        let app = Lodestar::open_with_clock(Some(dir.path().to_path_buf()), Box::new(Fixed));
        let workshop = app.create_workshop(&titled("Pinned")).unwrap();
        assert_eq!(workshop.created_at, 1_700_000_000_000);
    }
}
