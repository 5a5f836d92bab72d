//! Typed events the backend emits so every view refreshes from the store, not from guesses.

use lodestar_application::Change;
use lodestar_core::HistoryScope;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Something in `scope` changed (an action, an undo or a redo); views showing it reload.
#[derive(Debug, Clone, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    pub scope: HistoryScope,
    /// The workshop affected, when there is one (a library action names the workshop too).
    pub workshop_id: Option<String>,
}

impl From<&Change> for DataChanged {
    fn from(change: &Change) -> DataChanged {
        DataChanged {
            scope: change.scope.clone(),
            workshop_id: change.workshop_id.clone(),
        }
    }
}
