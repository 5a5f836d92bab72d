//! The `lodestar` command line, run as a real process on a temporary data folder.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use predicates::prelude::*;

fn lodestar(data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("lodestar").unwrap();
    cmd.arg("--data-dir")
        .arg(data_dir)
        .env_remove("LODESTAR_DATA_DIR");
    cmd
}

const FILE: &str = r#"{
  "format": "lodestar.workshop", "version": 1,
  "workshop": {"id": "w1", "title": "Harbour Foods offsite", "organisation": "Harbour Foods",
               "date": "2026-11-23", "facilitator": "Ana", "currentStep": "needs",
               "createdAt": 1, "updatedAt": 2},
  "stakeholders": [{"id": "p1", "position": 0, "details": {"name": "Ana", "influence": 4,
                    "interest": 5, "stance": "supportive", "present": true}}]
}"#;

#[test]
fn import_then_list_then_export_round_trips_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(&input, FILE).unwrap();
    lodestar(dir.path())
        .arg("import")
        .arg(&input)
        .assert()
        .success()
        .stdout("w1\n");
    lodestar(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "w1\tHarbour Foods offsite\tHarbour Foods, 2026-11-23\tSMART needs",
        ));
    let output = dir.path().join("out.json");
    lodestar(dir.path())
        .args(["export", "w1", "-o"])
        .arg(&output)
        .assert()
        .success();
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(exported["stakeholders"][0]["details"]["name"], "Ana");
}

#[test]
fn a_bad_file_fails_with_its_path_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.json");
    std::fs::write(
        &input,
        FILE.replace("\"Ana\", \"influence\": 4", "\"\", \"influence\": 4"),
    )
    .unwrap();
    lodestar(dir.path())
        .arg("import")
        .arg(&input)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "stakeholders[0].details.name: must not be empty",
        ));
    lodestar(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout("No workshops yet.\n");
}

#[test]
fn exporting_an_unknown_workshop_says_so() {
    let dir = tempfile::tempdir().unwrap();
    lodestar(dir.path())
        .args(["export", "nope", "-o", "x.json"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("no workshop with id nope"));
}

#[test]
fn a_data_folder_that_cannot_be_used_exits_with_the_store_status() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, b"x").unwrap();
    lodestar(&not_a_folder)
        .arg("list")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("could not use the data folder"));
}

#[test]
fn a_missing_argument_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    lodestar(dir.path())
        .arg("export")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage"));
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["list", "import", "export", "report", "schema"] {
        lodestar(dir.path())
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
    }
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let dir = tempfile::tempdir().unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/workshop.schema.json"
    ))
    .unwrap();
    lodestar(dir.path())
        .arg("schema")
        .assert()
        .success()
        .stdout(committed);
}

#[test]
fn report_typesets_a_workshop_file_to_pdf_on_letter_paper() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    let output = dir.path().join("report.pdf");
    lodestar(dir.path())
        .args(["report", example, "--paper", "letter", "-o"])
        .arg(&output)
        .assert()
        .success();
    let pdf = std::fs::read(&output).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF was written");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("612"), "US Letter is 612 points wide");
}

#[test]
fn report_to_a_folder_that_does_not_exist_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    lodestar(dir.path())
        .args(["report", example, "-o", "/no/such/folder/report.pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "could not write /no/such/folder/report.pdf",
        ));
}

#[test]
fn picture_draws_the_canvas_as_png_or_svg_from_the_output_name() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    let png = dir.path().join("canvas.png");
    lodestar(dir.path())
        .args(["picture", example, "--scale", "1", "-o"])
        .arg(&png)
        .assert()
        .success();
    assert!(std::fs::read(&png)
        .unwrap()
        .starts_with(b"\x89PNG\r\n\x1a\n"));
    let svg = dir.path().join("canvas.svg");
    lodestar(dir.path())
        .args(["picture", example, "-o"])
        .arg(&svg)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    lodestar(dir.path())
        .args(["picture", example, "-o"])
        .arg(dir.path().join("canvas.gif"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("must end in .png or .svg"));
}

#[test]
fn the_hostile_file_corpus_is_refused_with_a_path_and_the_bad_input_status() {
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../lodestar-export/tests/bad_files"
    );
    let mut seen = 0;
    for entry in std::fs::read_dir(corpus).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        seen += 1;
        let dir = tempfile::tempdir().unwrap();
        let output = lodestar(dir.path())
            .arg("import")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        match output.status.code() {
            Some(0) => {}
            Some(3) => assert!(
                stderr.contains("votes[") || stderr.contains('.'),
                "{path:?}: {stderr}"
            ),
            other => panic!("{path:?} exited {other:?}: {stderr}"),
        }
    }
    assert!(seen > 0, "the corpus was found");
}
