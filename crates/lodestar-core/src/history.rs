//! Where an undoable action belongs. Undo and redo walk one scope's actions only, so
//! Ctrl+Z inside a workshop never reverts something done in another workshop.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The undo history an action is recorded in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum HistoryScope {
    /// The home screen: creating, renaming and deleting workshops.
    Library,
    /// Everything done inside one open workshop.
    Workshop { id: String },
}

impl HistoryScope {
    /// The key stored beside each recorded action.
    pub fn key(&self) -> String {
        match self {
            HistoryScope::Library => "library".to_string(),
            HistoryScope::Workshop { id } => format!("workshop:{id}"),
        }
    }

    pub fn workshop(id: impl Into<String>) -> HistoryScope {
        HistoryScope::Workshop { id: id.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_have_distinct_keys() {
        assert_eq!(HistoryScope::Library.key(), "library");
        assert_eq!(HistoryScope::workshop("w1").key(), "workshop:w1");
    }

    #[test]
    fn scopes_serialize_as_a_tagged_union_for_typescript() {
        let json = serde_json::to_value(HistoryScope::workshop("w1")).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "workshop", "id": "w1"}));
    }
}
