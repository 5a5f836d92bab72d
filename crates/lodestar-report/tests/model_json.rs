//! A report model saved as JSON reads back the same, with camelCase keys, so the app (or a
//! script) can keep and re-render a report.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_report::{example_model, ReportModel};
use serde_json::Value;

#[test]
fn a_saved_report_model_reads_back_the_same() {
    let model = example_model();
    let json = serde_json::to_string(&model).unwrap();
    let back: ReportModel = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn the_json_uses_camel_case_for_every_part_including_the_canvas() {
    let value = serde_json::to_value(example_model()).unwrap();
    assert!(value.get("northStar").is_some());
    assert!(value["northStar"].get("currentValue").is_some());
    assert!(value["categories"][0].get("whyBest").is_some());
    assert!(value["needs"][0].get("timeBound").is_some());
    let item = &value["canvas"]["items"][0];
    assert_eq!(item["kind"], "frame");
    assert_eq!(value["canvas"]["items"][2]["role"], "north_star");
}

#[test]
fn an_empty_object_reads_as_an_empty_model_without_a_canvas() {
    let model = ReportModel::default();
    let back: ReportModel = serde_json::from_value(Value::Object(Default::default())).unwrap();
    assert_eq!(back, model);
}
