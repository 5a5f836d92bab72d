//! A report model saved as JSON reads back the same, with camelCase keys and the canvas picture
//! as one base64 string, so the app (or a script) can keep and re-render a report.

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
fn the_json_uses_camel_case_and_base64_for_the_canvas() {
    let value = serde_json::to_value(example_model()).unwrap();
    assert!(value.get("northStar").is_some());
    assert!(value["northStar"].get("currentValue").is_some());
    assert!(value["categories"][0].get("whyBest").is_some());
    assert!(value["needs"][0].get("timeBound").is_some());
    let canvas = value["canvasPng"].as_str().expect("canvasPng is a string");
    assert!(canvas.starts_with("iVBORw0KGgo"), "PNG signature in base64");
}

#[test]
fn a_model_without_a_canvas_leaves_the_key_out_and_reads_back_none() {
    let model = ReportModel::default();
    let value = serde_json::to_value(&model).unwrap();
    assert!(value.get("canvasPng").is_none());
    let back: ReportModel = serde_json::from_value(Value::Object(Default::default())).unwrap();
    assert_eq!(back, model);
}

#[test]
fn a_canvas_that_is_not_base64_is_refused_with_a_clear_message() {
    let err = serde_json::from_str::<ReportModel>(r#"{"canvasPng": "not base64!"}"#).unwrap_err();
    assert!(err.to_string().contains("canvasPng is not base64"), "{err}");
}
