//! `assets/workshop.schema.json` is generated from the Rust types; this test fails when the
//! committed copy is stale. Refresh it with `UPDATE_SCHEMA=1 cargo test -p lodestar-export --test schema`.

use std::path::Path;

#[test]
fn the_committed_json_schema_matches_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/workshop.schema.json");
    let fresh = lodestar_export::workshop_file_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).expect("write schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "assets/workshop.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p lodestar-export \
         --test schema` and commit it"
    );
}

#[test]
fn the_schema_describes_the_format_and_its_sections() {
    let schema: serde_json::Value =
        serde_json::from_str(&lodestar_export::workshop_file_schema()).expect("schema is JSON");
    let properties = &schema["properties"];
    for key in [
        "format",
        "version",
        "workshop",
        "stakeholders",
        "categories",
        "needs",
        "votes",
    ] {
        assert!(
            properties.get(key).is_some(),
            "the schema documents `{key}`"
        );
    }
}
