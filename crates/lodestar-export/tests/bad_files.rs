//! A corpus of bad workshop files: each is refused with a message that names where the
//! problem is, and none of them can panic the reader.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_export::{read_workshop_file, FileError, MAX_FILE_BYTES};
use serde_json::{json, Value};

/// A small valid file to break in one place at a time.
fn good() -> Value {
    json!({
        "format": "lodestar.workshop",
        "version": 1,
        "workshop": {"id": "w", "title": "Offsite", "organisation": "Acme", "date": "2026-11-23",
                     "facilitator": "Ana", "currentStep": "vote", "createdAt": 1, "updatedAt": 2},
        "stakeholders": [
            {"id": "p1", "position": 0, "details": {"name": "Ana", "influence": 3, "interest": 4,
             "stance": "supportive", "present": true}},
            {"id": "p2", "position": 1, "details": {"name": "Ben", "influence": 2, "interest": 2,
             "stance": "neutral", "present": true}}
        ],
        "categories": [{"id": "c1", "position": 0, "details": {"name": "Families"}}],
        "needs": [
            {"id": "n1", "position": 0, "revision": 1, "agreement": {"kind": "consensus"},
             "details": {"categoryId": "c1", "statement": "Delivery on time"}},
            {"id": "n2", "position": 1, "revision": 1, "agreement": {"kind": "pending"},
             "details": {"categoryId": "c1", "statement": "Fresh produce"}}
        ],
        "votes": [{"id": "v1", "round": 1, "runoffOf": null, "status": "revealed", "createdAt": 5,
                   "options": ["n1", "n2"],
                   "rules": {"method": {"kind": "dot", "dotsPerVoter": 5, "maxPerOption": 5},
                             "anonymous": false, "hiddenUntilRevealed": true},
                   "ballots": [
                       {"id": "b1", "voterId": "p1", "proxy": false, "castAt": 6,
                        "ballot": {"kind": "dot", "allocations": [{"optionId": "n1", "amount": 3}]}},
                       {"id": "b2", "voterId": "p2", "proxy": true, "castAt": 7,
                        "ballot": {"kind": "dot", "allocations": [{"optionId": "n2", "amount": 2}]}},
                       {"id": "b3", "voterId": "p2x", "proxy": false, "castAt": 8,
                        "ballot": {"kind": "dot", "allocations": [{"optionId": "n1", "amount": 1}]}}
                   ]}],
        "decisions": [],
        "timers": []
    })
}

fn without_third_ballot(mut v: Value) -> Value {
    v["votes"][0]["ballots"].as_array_mut().unwrap().pop();
    v
}

fn read(v: &Value) -> Result<lodestar_core::exchange::WorkshopFile, FileError> {
    read_workshop_file(serde_json::to_string(v).unwrap().as_bytes())
}

fn refused(v: Value) -> String {
    read(&v).expect_err("this file must be refused").to_string()
}

#[test]
fn the_base_file_is_good_once_its_stray_ballot_is_gone() {
    let file = read(&without_third_ballot(good())).unwrap();
    // What the version 1 file left out reads as the schema's defaults.
    assert_eq!(file.stakeholders[0].details.role, "");
    assert!(file.categories[0].details.reasons.is_empty());
    assert_eq!(file.needs[0].details.time_bound, "");
}

#[test]
fn a_version_2_file_may_leave_out_what_the_schema_gives_a_default() {
    let mut v = without_third_ballot(good());
    v["version"] = json!(2);
    let item = |id: &str| {
        json!({"id": id, "kind": "sticky", "text": id, "colour": "yellow", "authorId": null,
               "x": 0.0, "y": 0.0, "width": 200.0, "height": 130.0, "parentFrame": null,
               "z": "a", "tags": {}, "linkedCategory": null, "linkedNeed": null, "checklist": {}})
    };
    v["canvas"] = json!({"items": [item("s1"), item("s2")],
                         "links": [{"id": "l1", "from": "s2", "to": "s1"}]});
    v["northStar"] = json!({"definition": {"itemId": "s1", "name": "Weekly teams",
                            "counted": "teams", "unit": "teams", "target": "9",
                            "timeFrame": "2027"},
                            "inputs": [{"name": "Plans shared"}]});
    v["actions"] = json!([{"id": "a1", "position": 0,
                           "details": {"what": "Pull the baseline", "owner": "Ana"}}]);
    let file = read(&v).unwrap();
    assert_eq!(file.canvas.links[0].label, "");
    assert!(file.canvas.items[0].checklist.met.is_empty());
    assert_eq!(file.canvas.items[0].tags.outcome_or_output, None);
    let star = file.north_star.unwrap();
    assert_eq!(star.definition.current_value, "");
    assert_eq!(
        (
            star.inputs[0].item_id.clone(),
            star.inputs[0].owner.as_str()
        ),
        (None, "")
    );
    assert_eq!(file.actions[0].details.due, "");
}

#[test]
fn a_ballot_from_someone_not_in_the_file_is_a_dangling_reference() {
    let message = refused(good());
    assert_eq!(
        message,
        "votes[0].ballots[2].voterId: “p2x” is not a stakeholder in this file"
    );
}

#[test]
fn an_empty_stakeholder_name_is_named_by_its_path() {
    let mut v = without_third_ballot(good());
    v["stakeholders"][1]["details"]["name"] = json!("  ");
    assert_eq!(
        refused(v),
        "stakeholders[1].details.name: must not be empty"
    );
}

#[test]
fn a_ballot_over_its_dot_budget_says_by_how_much() {
    let mut v = without_third_ballot(good());
    v["votes"][0]["ballots"][1]["ballot"]["allocations"] =
        json!([{"optionId": "n1", "amount": 4}, {"optionId": "n2", "amount": 3}]);
    let message = refused(v);
    assert!(message.starts_with("votes[0].ballots[1]"), "{message}");
    assert!(
        message.contains("7 dots exceed the budget of 5"),
        "{message}"
    );
}

#[test]
fn a_wrong_type_names_the_field_and_the_expected_type() {
    let mut v = without_third_ballot(good());
    v["stakeholders"][0]["details"]["influence"] = json!("high");
    let message = refused(v);
    assert!(
        message.starts_with("stakeholders[0].details.influence: invalid type"),
        "{message}"
    );
}

#[test]
fn a_need_in_a_missing_category_is_a_dangling_reference() {
    let mut v = without_third_ballot(good());
    v["needs"][1]["details"]["categoryId"] = json!("c9");
    assert_eq!(
        refused(v),
        "needs[1].details.categoryId: “c9” is not a category in this file"
    );
}

#[test]
fn a_truncated_file_is_not_json() {
    let text = serde_json::to_string(&good()).unwrap();
    let err = read_workshop_file(&text.as_bytes()[..text.len() / 2]).unwrap_err();
    assert!(matches!(err, FileError::NotJson { .. }), "{err}");
    assert!(
        err.to_string().contains("EOF"),
        "says where it ended: {err}"
    );
}

#[test]
fn a_file_from_a_newer_lodestar_is_refused_with_what_to_do() {
    let mut v = without_third_ballot(good());
    v["version"] = json!(7);
    v["somethingNew"] = json!({"field": 1});
    let err = read(&v).unwrap_err();
    assert_eq!(err, FileError::NewerVersion { found: 7 });
    assert!(err.to_string().contains("Update Lodestar"), "{err}");
}

#[test]
fn another_kind_of_json_file_is_refused_by_its_format() {
    let message = refused(json!({"name": "package", "version": "1.0.0"}));
    assert_eq!(
        message,
        "format: is missing: this is not a lodestar.workshop file"
    );
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let huge = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(
        read_workshop_file(&huge),
        Err(FileError::TooLarge { .. })
    ));
}

#[test]
fn a_huge_string_is_refused_by_the_field_limit() {
    let mut v = without_third_ballot(good());
    v["workshop"]["title"] = json!("x".repeat(100_000));
    let message = refused(v);
    assert!(
        message.starts_with("workshop.title: is 100000 characters long"),
        "{message}"
    );
}

#[test]
fn deep_nesting_is_refused_without_crashing() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = read_workshop_file(deep.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("recursion limit"), "{err}");
}

#[test]
fn an_unknown_field_is_named_rather_than_silently_dropped() {
    let mut v = without_third_ballot(good());
    v["workshop"]["titel"] = json!("typo");
    let message = refused(v);
    assert!(
        message.starts_with("workshop.titel: unknown field `titel`"),
        "{message}"
    );
}

#[test]
fn script_tags_in_text_are_kept_as_text() {
    let mut v = without_third_ballot(good());
    v["workshop"]["title"] = json!("<script>alert('x')</script>");
    let file = read(&v).unwrap();
    assert_eq!(
        file.workshop.title, "<script>alert('x')</script>",
        "text stays text, unchanged"
    );
}

#[test]
fn the_same_id_twice_is_refused() {
    let mut v = without_third_ballot(good());
    v["categories"][0]["id"] = json!("p1");
    assert_eq!(
        refused(v),
        "categories[0].id: “p1” is used twice in this file"
    );
}
