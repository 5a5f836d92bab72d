//! The PDF report of the bundled example, rendered from its workshop file: every section and
//! every name is in it, the same file gives the same bytes, and the page count is sane.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use lodestar_export::{read_workshop_file, render_report, Paper};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");

/// The PDF's text via poppler's pdftotext (installed by scripts/setup.sh).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The page count as poppler's pdfinfo reads it.
fn page_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("a Pages line");
    line["Pages:".len()..].trim().parse().unwrap()
}

#[test]
fn the_example_report_names_every_person_category_and_need() {
    let file = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    let pdf = render_report(&file, Paper::A4).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in &file.stakeholders {
        assert!(
            text.contains(&s.details.name),
            "{} is in the report",
            s.details.name
        );
    }
    for c in &file.categories {
        assert!(
            text.contains(&c.details.name),
            "category {} is in the report",
            c.details.name
        );
    }
    assert!(
        text.contains("Families get the complete weekly order"),
        "the focus need is named"
    );
    assert!(
        text.contains("Dot voting: 3 dots each, at most 2 on one need"),
        "the rules are named"
    );
    assert!(text.contains("run-off"), "the run-off is shown");
}

#[test]
fn the_same_workshop_gives_the_same_bytes_and_a_sane_page_count() {
    let file = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    let first = render_report(&file, Paper::Letter).unwrap();
    let second = render_report(&file, Paper::Letter).unwrap();
    assert!(first == second, "no clock or random id in the file");
    let pages = page_count(&first);
    assert!((2..=20).contains(&pages), "{pages} pages");
}
