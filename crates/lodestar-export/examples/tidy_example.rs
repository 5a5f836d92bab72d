//! Turns a workshop file exported from the app into the bundled example,
//! `assets/example/harbour-foods.lodestar.json`.
//!
//! The example file is the one source of the example. To change it, open the example in the
//! app (**Open the example** on the home screen), edit it, save the workshop file from the
//! Report step, then run
//!
//! `cargo run -p lodestar-export --example tidy_example -- exported.lodestar.json`
//!
//! This adds only what an export cannot say: ids that read well and stay the same from one
//! edit to the next (`harbour-001`, `harbour-002`… instead of random ones), and a fixed clock
//! (the workshop was created at 09:01 UTC on 23 November 2026; every other time keeps its
//! distance from that), so a change to the example is a small diff.

use std::process::ExitCode;

use lodestar_core::exchange::{with_fresh_ids, WorkshopFile};
use lodestar_export::{read_workshop_file, write_atomically, write_workshop_file};

/// 2026-11-23 09:01 UTC in milliseconds: when the example workshop was created.
const CREATED_AT: i64 = 1_795_424_460_000;

fn main() -> ExitCode {
    let Some(input) = std::env::args().nth(1) else {
        eprintln!("usage: tidy_example EXPORTED.lodestar.json");
        return ExitCode::from(2);
    };
    let file = match std::fs::read(&input)
        .map_err(|err| err.to_string())
        .and_then(|bytes| read_workshop_file(&bytes).map_err(|err| err.to_string()))
    {
        Ok(file) => file,
        Err(err) => {
            eprintln!("could not read {input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    let text = write_workshop_file(&tidy(&file));
    if let Err(err) = write_atomically(std::path::Path::new(out), text.as_bytes()) {
        eprintln!("{err}");
        return ExitCode::FAILURE;
    }
    println!("wrote {out}");
    ExitCode::SUCCESS
}

/// Readable ids in the file's own order and every time moved by the same amount.
fn tidy(file: &WorkshopFile) -> WorkshopFile {
    let mut counter = 0;
    let mut file = with_fresh_ids(file, || {
        counter += 1;
        format!("harbour-{counter:03}")
    });
    let shift = CREATED_AT - file.workshop.created_at;
    file.workshop.created_at += shift;
    file.workshop.updated_at += shift;
    for vote in &mut file.votes {
        vote.created_at += shift;
        for ballot in &mut vote.ballots {
            ballot.cast_at += shift;
        }
    }
    for decision in &mut file.decisions {
        decision.decided_at += shift;
    }
    for timer in &mut file.timers {
        timer.running_since = timer.running_since.map(|at| at + shift);
    }
    file
}
