//! Test helpers that read a PDF back as a person would: its text and its page count. The
//! export crate's report tests use them too (by path), so both read PDFs the same way.
//!
//! They use poppler's `pdftotext` and `pdfinfo` (Debian: `apt-get install poppler-utils`). A
//! missing tool fails the test with that instruction: a report test that cannot read the PDF
//! must not pass silently.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// The report's section headings, in order; every report has all of them, even an empty one.
pub const SECTIONS: [&str; 9] = [
    "People in the room",
    "Customer categories",
    "SMART needs",
    "The vote",
    "The focus need",
    "The canvas",
    "North Star metric",
    "Actions",
    "Candidate metrics",
];

/// Runs a poppler tool on the PDF given on standard input and returns its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| {
            panic!(
                "cannot run {tool} ({err}): install poppler-utils (apt-get install poppler-utils)"
            )
        });
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(pdf).expect("poppler reads the PDF");
    drop(stdin);
    let output = child.wait_with_output().expect("poppler finishes");
    assert!(
        output.status.success(),
        "{tool} could not read the PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The PDF's text with every run of whitespace folded into one space, so wrapped lines still
/// match the sentence they came from.
pub fn pdf_text(pdf: &[u8]) -> String {
    let raw = poppler("pdftotext", &["-enc", "UTF-8", "-", "-"], pdf);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of pages, as `pdfinfo` reports it.
pub fn page_count(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &["-"], pdf);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo printed no page count:\n{info}"))
}

/// The widths of every page's MediaBox, read straight from the PDF bytes.
pub fn media_box_widths(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let open = rest.find('[')?;
            let close = rest.find(']')?;
            rest[open + 1..close]
                .split_whitespace()
                .nth(2)
                .map(str::to_string)
        })
        .collect()
}
