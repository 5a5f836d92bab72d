//! The hostile-file corpus (`crates/lodestar-export/tests/bad_files`, found by the fuzzer)
//! through the application layer, the way the desktop's import and the CLI's import both take
//! it: each file is refused with the JSON path of what is wrong and nothing is written, or it
//! imports and can still be exported, imported again and typeset.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use lodestar_application::{report_pdf, Lodestar, PaperSize, RefusalClass};

fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../lodestar-export/tests/bad_files");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_hostile_file_is_refused_by_path_or_imports_and_still_exports_and_reports() {
    let files = corpus();
    assert!(!files.is_empty(), "the corpus was found");
    for file in files {
        let dir = tempfile::tempdir().unwrap();
        let app = Lodestar::open(Some(dir.path().to_path_buf()));
        match app.import_workshop_file(&file) {
            Err(refusal) => {
                assert_eq!(
                    refusal.class(),
                    RefusalClass::BadInput,
                    "{file:?}: {refusal}"
                );
                assert!(
                    !refusal.field.is_empty(),
                    "{file:?} is refused with the path of what is wrong: {refusal}"
                );
                assert!(
                    app.list_workshops().unwrap().is_empty(),
                    "{file:?}: nothing written"
                );
            }
            Ok(workshop) => {
                let out = dir.path().join("again.json");
                app.export_workshop_file(&workshop.id, &out).unwrap();
                app.import_workshop_file(&out).unwrap();
                let exported = app.workshop_file(&workshop.id).unwrap();
                assert!(report_pdf(&exported, PaperSize::A4)
                    .unwrap()
                    .starts_with(b"%PDF"));
            }
        }
    }
}
