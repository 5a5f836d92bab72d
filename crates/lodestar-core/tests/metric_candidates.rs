//! The candidate rule and the UI must agree. The fixture is shared with the UI's tests
//! (ui/src/steps/canvas/CanvasStep.test.tsx), which check that the ballot offers exactly its
//! `candidates`; this test checks that the Rust rule gives them. If the rule changes, this
//! fails until the fixture is updated, and then the UI's test checks the new list.

use lodestar_core::canvas::{metric_candidates, CanvasItem};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    items: Vec<CanvasItem>,
    candidates: Vec<String>,
}

#[test]
fn the_rule_gives_the_candidates_the_ui_is_tested_against() {
    let text = include_str!("../../../ui/src/test/fixtures/metric-candidates.json");
    let fixture: Fixture = serde_json::from_str(text).unwrap();
    assert_eq!(metric_candidates(&fixture.items), fixture.candidates);
}
