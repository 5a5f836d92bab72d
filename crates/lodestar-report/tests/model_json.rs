//! A report model read from JSON: an empty object is an empty model. (The example's model
//! reading back the same, with camelCase keys, is tested in lodestar-export, which builds it
//! from the example workshop file.)

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_report::ReportModel;
use serde_json::Value;

#[test]
fn an_empty_object_reads_as_an_empty_model_without_a_canvas() {
    let model = ReportModel::default();
    let back: ReportModel = serde_json::from_value(Value::Object(Default::default())).unwrap();
    assert_eq!(back, model);
}
