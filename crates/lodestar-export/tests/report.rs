//! The PDF report of the bundled example, built from its workshop file (the one source of the
//! example): every section and every name is in it, the same file gives the same bytes, the
//! paper is the one asked for, the page count is sane, and its report model saves as JSON.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// The report crate's PDF-reading helpers (poppler), shared rather than written twice.
#[path = "../../lodestar-report/tests/common/mod.rs"]
mod common;

use lodestar_core::exchange::WorkshopFile;
use lodestar_export::{read_workshop_file, render_report, report_model, Paper};
use lodestar_report::{render_pdf, ReportModel};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");

fn example_file() -> WorkshopFile {
    read_workshop_file(EXAMPLE.as_bytes()).unwrap()
}

fn example_model() -> ReportModel {
    report_model(&example_file())
}

#[test]
fn everyone_in_the_room_and_every_section_is_in_the_report() {
    let file = example_file();
    let pdf = render_report(&file, Paper::A4).unwrap();
    assert!(
        pdf.starts_with(b"%PDF"),
        "starts with {:?}",
        &pdf[..8.min(pdf.len())]
    );
    let text = common::pdf_text(&pdf);
    for section in common::SECTIONS {
        assert!(text.contains(section), "missing section {section:?}");
    }
    for s in &file.stakeholders {
        assert!(
            text.contains(&s.details.name),
            "missing {:?}",
            s.details.name
        );
    }
    for c in &file.categories {
        assert!(
            text.contains(&c.details.name),
            "missing category {:?}",
            c.details.name
        );
    }
    // The canvas is typeset, not pasted as pixels: its frame titles are text in the PDF.
    assert!(
        text.contains("Families coming back"),
        "the canvas drawing is missing"
    );
    for needle in [
        "Harbour Foods North Star offsite",
        "Morgan Ellis",
        "Families get the complete weekly order",
        "Dot voting: 3 dots each, at most 2 on one need",
        "run-off",
        "RUN-OFF",
        "Objections: Luis Ortega",
        "Complete on-time weekly orders",
        "Publish the North Star and its four inputs",
        "Newsletter sign-ups",
        "7/7",
        "Page 2 of",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn sending_the_report_twice_sends_the_same_bytes_without_a_clock_time() {
    let file = example_file();
    let first = render_report(&file, Paper::Letter).unwrap();
    let second = render_report(&file, Paper::Letter).unwrap();
    assert!(first == second, "no clock or random id in the file");
    let text = String::from_utf8_lossy(&first);
    assert!(
        !text.contains("/CreationDate"),
        "the PDF carries a clock time"
    );
    assert!(!text.contains("/ModDate"), "the PDF carries a clock time");
}

#[test]
fn a_us_facilitator_gets_letter_pages_and_a_european_one_a4() {
    let file = example_file();
    let a4 = common::media_box_widths(&render_report(&file, Paper::A4).unwrap());
    let letter = common::media_box_widths(&render_report(&file, Paper::Letter).unwrap());
    assert!(!a4.is_empty() && !letter.is_empty(), "no MediaBox found");
    assert!(
        a4.iter().all(|width| width.starts_with("595.")),
        "A4 widths: {a4:?}"
    );
    assert!(
        letter
            .iter()
            .all(|width| width == "612" || width.starts_with("612.")),
        "Letter widths: {letter:?}"
    );
}

#[test]
fn the_example_report_is_a_few_pages_not_one_and_not_fifty() {
    let file = example_file();
    for paper in [Paper::A4, Paper::Letter] {
        let pages = common::page_count(&render_report(&file, paper).unwrap());
        assert!((2..=20).contains(&pages), "{paper:?}: {pages} pages");
    }
}

#[test]
fn a_report_without_a_canvas_picture_still_renders() {
    let model = ReportModel {
        canvas: None,
        ..example_model()
    };
    let pdf = render_pdf(&model, Paper::Letter).unwrap();
    assert!(common::pdf_text(&pdf).contains("The canvas was left empty."));
}

#[test]
fn a_saved_report_model_reads_back_the_same() {
    let model = example_model();
    let json = serde_json::to_string(&model).unwrap();
    let back: ReportModel = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn the_model_json_uses_camel_case_for_every_part_including_the_canvas() {
    let value = serde_json::to_value(example_model()).unwrap();
    assert!(value.get("northStar").is_some());
    assert!(value["northStar"].get("currentValue").is_some());
    assert!(value["categories"][0].get("whyBest").is_some());
    assert!(value["needs"][0].get("timeBound").is_some());
    // Paint order: the first frame, then the North Star card it holds.
    assert_eq!(value["canvas"]["items"][0]["kind"], "frame");
    assert_eq!(value["canvas"]["items"][1]["role"], "north_star");
}
