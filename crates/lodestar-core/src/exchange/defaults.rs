//! What an older file or stored row may leave out, filled in before the strict parse.
//!
//! The types that cross to the UI carry no serde defaults, so the UI's bindings are one plain
//! type each and the UI always sends whole values. Files (and the JSON the store keeps in its
//! columns) are more forgiving: their JSON Schema says which properties may be left out and
//! what they are then (`#[schemars(default)]` on the field), and [`fill_defaults`] puts those
//! values in from that same schema, so the schema and the reader cannot disagree.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

/// Deeper than any workshop file or stored value; stops a self-referring schema.
const MAX_DEPTH: usize = 64;

/// The JSON Schema of `T`, made once per type (reading a board fills hundreds of rows).
pub fn schema_of<T: schemars::JsonSchema + 'static>() -> Arc<Value> {
    static SCHEMAS: OnceLock<Mutex<HashMap<TypeId, Arc<Value>>>> = OnceLock::new();
    let cache = SCHEMAS.get_or_init(Default::default);
    // A panic elsewhere while holding the lock leaves the cache usable: it only holds schemas.
    let mut schemas = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    schemas
        .entry(TypeId::of::<T>())
        .or_insert_with(|| {
            Arc::new(serde_json::to_value(schemars::schema_for!(T)).unwrap_or(Value::Null))
        })
        .clone()
}

/// Puts into `value`, at any depth, every object property that `schema` gives a default for
/// and `value` leaves out. Everything else is left for the parse to accept or refuse.
pub fn fill_defaults(value: &mut Value, schema: &Value) {
    fill(value, schema, schema, 0);
}

fn fill(value: &mut Value, schema: &Value, root: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let schema = resolve(schema, root, depth);
    if let (Value::Object(map), Some(Value::Object(properties))) =
        (&mut *value, schema.get("properties"))
    {
        for (key, property) in properties {
            match map.get_mut(key) {
                Some(inner) => fill(inner, property, root, depth + 1),
                None => {
                    if let Some(default) = property.get("default") {
                        map.insert(key.clone(), default.clone());
                    }
                }
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (&mut *value, schema.get("items")) {
        for item in items {
            fill(item, item_schema, root, depth + 1);
        }
    }
    // `Option<T>` is `anyOf [T, null]`; a tagged enum is `oneOf` one branch per variant.
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(branches)) = schema.get(key) {
            for branch in branches {
                if tags_match(value, resolve(branch, root, depth)) {
                    fill(value, branch, root, depth + 1);
                }
            }
        }
    }
}

/// Follows `$ref`s into the schema's `$defs`.
fn resolve<'s>(mut schema: &'s Value, root: &'s Value, depth: usize) -> &'s Value {
    for _ in depth..MAX_DEPTH {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => match reference.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(target) => schema = target,
                None => break,
            },
            None => break,
        }
    }
    schema
}

/// Whether `value` is the variant `branch` describes: every constant property (a tag such as
/// `"kind": "dot"`) is the same in the value. A branch without constants matches any value.
fn tags_match(value: &Value, branch: &Value) -> bool {
    let Some(Value::Object(properties)) = branch.get("properties") else {
        return true;
    };
    properties
        .iter()
        .all(|(key, property)| match property.get("const") {
            Some(constant) => value.get(key) == Some(constant),
            None => true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::ItemContent;
    use crate::needs::NeedInput;
    use crate::stakeholders::StakeholderInput;
    use serde_json::json;

    fn filled<T: schemars::JsonSchema + serde::de::DeserializeOwned + 'static>(
        mut value: Value,
    ) -> Result<T, serde_json::Error> {
        fill_defaults(&mut value, &schema_of::<T>());
        serde_json::from_value(value)
    }

    #[test]
    fn what_a_file_may_leave_out_is_filled_in_and_what_it_must_say_is_not() {
        let person: StakeholderInput =
            filled(json!({ "name": "Ada", "influence": 3, "interest": 4 })).unwrap();
        assert_eq!(person.role, "");
        assert!(!person.present);
        let missing = filled::<StakeholderInput>(json!({ "influence": 3, "interest": 4 }));
        assert!(missing.unwrap_err().to_string().contains("name"));
    }

    #[test]
    fn defaults_reach_nested_values() {
        let content: ItemContent =
            filled(json!({ "text": "Weekly active teams", "tags": {} })).unwrap();
        assert_eq!(content.tags, Default::default());
        assert!(content.checklist.met.is_empty());
        let needs: Vec<NeedInput> =
            filled(json!([{ "categoryId": "c", "statement": "s" }])).unwrap();
        assert_eq!(needs[0].time_bound, "");
    }

    #[test]
    fn the_view_types_themselves_accept_only_whole_values() {
        let partial = json!({ "name": "Ada", "influence": 3, "interest": 4 });
        assert!(serde_json::from_value::<StakeholderInput>(partial).is_err());
    }
}
