//! The bundled example file is the one source of the example (the app opens it, the report
//! tests and the `render` example build on it), so it must stay a file the app itself would
//! write: canonical bytes and tidy ids, whether it was edited by hand or exported and tidied
//! with `cargo run -p lodestar-export --example tidy_example`.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_core::exchange::with_fresh_ids;
use lodestar_export::{read_workshop_file, write_workshop_file};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");

#[test]
fn the_example_file_reads_and_writes_back_byte_for_byte() {
    let file = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    assert!(
        write_workshop_file(&file) == EXAMPLE,
        "the example is not in the form the app writes: run it through tidy_example"
    );
}

#[test]
fn the_example_ids_are_numbered_in_the_files_order() {
    let file = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    let mut counter = 0;
    let tidy = with_fresh_ids(&file, || {
        counter += 1;
        format!("harbour-{counter:03}")
    });
    assert!(
        tidy == file,
        "the example's ids are not harbour-001… in order: run it through tidy_example"
    );
}
