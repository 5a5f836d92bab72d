//! Renders the Harbour Foods example report, so a person can look at the PDF the app sends.
//!
//! `cargo run -p lodestar-export --example render -- out.pdf [a4|letter] [model.json]`
//!
//! The example's model is built from its workshop file, the one source of the example. With a
//! third argument it renders that saved `ReportModel` JSON instead.

use std::process::ExitCode;
use std::time::Instant;

use lodestar_export::{read_workshop_file, report_model, Paper};
use lodestar_report::{render_pdf, ReportModel};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: render OUT.pdf [a4|letter] [MODEL.json]");
        return ExitCode::from(2);
    };
    let paper = match args.next().as_deref() {
        None | Some("a4") => Paper::A4,
        Some("letter") => Paper::Letter,
        Some(other) => {
            eprintln!("unknown paper \"{other}\": use a4 or letter");
            return ExitCode::from(2);
        }
    };
    let model = match args.next() {
        None => match read_workshop_file(EXAMPLE.as_bytes()) {
            Ok(file) => report_model(&file),
            Err(err) => {
                eprintln!("the example workshop file does not read: {err}");
                return ExitCode::FAILURE;
            }
        },
        Some(path) => match read_model(&path) {
            Ok(model) => model,
            Err(err) => {
                eprintln!("could not read {path}: {err}");
                return ExitCode::FAILURE;
            }
        },
    };
    let started = Instant::now();
    let pdf = match render_pdf(&model, paper) {
        Ok(pdf) => pdf,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let elapsed = started.elapsed();
    if let Err(err) = std::fs::write(&out, &pdf) {
        eprintln!("could not write {out}: {err}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {out}: {} bytes in {} ms",
        pdf.len(),
        elapsed.as_millis()
    );
    ExitCode::SUCCESS
}

fn read_model(path: &str) -> Result<ReportModel, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    Ok(serde_json::from_str(&text)?)
}
