//! The facilitator's PDF: it is a real PDF, the same workshop always gives the same bytes, the
//! paper is the one asked for, and a report without a canvas still renders.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use lodestar_report::{example_model, render_pdf, Paper, ReportModel};

#[test]
fn the_harbour_foods_report_is_a_pdf() {
    let pdf = render_pdf(&example_model(), Paper::A4).unwrap();
    assert!(
        pdf.starts_with(b"%PDF"),
        "starts with {:?}",
        &pdf[..8.min(pdf.len())]
    );
}

#[test]
fn sending_the_report_twice_sends_the_same_bytes() {
    let model = example_model();
    let first = render_pdf(&model, Paper::A4).unwrap();
    let second = render_pdf(&model, Paper::A4).unwrap();
    assert!(first == second, "two renders of one model differ");
    let text = String::from_utf8_lossy(&first);
    assert!(
        !text.contains("/CreationDate"),
        "the PDF carries a clock time"
    );
    assert!(!text.contains("/ModDate"), "the PDF carries a clock time");
}

#[test]
fn a_us_facilitator_gets_letter_pages_and_a_european_one_a4() {
    let model = example_model();
    let a4 = common::media_box_widths(&render_pdf(&model, Paper::A4).unwrap());
    let letter = common::media_box_widths(&render_pdf(&model, Paper::Letter).unwrap());
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
    for paper in [Paper::A4, Paper::Letter] {
        let pages = common::page_count(&render_pdf(&example_model(), paper).unwrap());
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
