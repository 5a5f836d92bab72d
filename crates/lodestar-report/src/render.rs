//! From a [`ReportModel`] to PDF bytes: the one entry point the app calls.
//!
//! The model is serialised to JSON and handed to the template as a virtual file, so user text
//! never becomes typst source. The PDF is written without a timestamp and with a fixed document
//! identifier, so rendering the same model twice gives the same bytes.

use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::Serialize;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst::WorldExt;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::model::ReportModel;
use crate::world::ReportWorld;

/// The paper the report is laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// 210 × 297 mm, the default outside North America.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The paper's name as typst's `page(paper: ..)` knows it.
    fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

/// Why a report could not be made, in words a developer can act on.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("could not turn the report data into JSON: {0}")]
    Data(#[from] serde_json::Error),
    #[error("the canvas picture is not a PNG image (it does not start with the PNG signature)")]
    CanvasNotPng,
    #[error("the report template could not be typeset: {0}")]
    Typeset(String),
    #[error("the typeset report could not be written as PDF: {0}")]
    Pdf(String),
    #[error("the typesetter stopped unexpectedly: {0}")]
    Internal(String),
}

/// What the template reads from `data.json`: the model plus how to lay it out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TemplateInput<'a> {
    paper: &'static str,
    has_canvas: bool,
    report: &'a ReportModel,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The identifier hashed into the PDF's `/ID`: fixed, so the bytes depend only on the content.
const PDF_IDENT: &str = "lodestar-north-star-report";

/// Typesets the report and returns the PDF's bytes. Never panics: every failure is an error.
pub fn render_pdf(model: &ReportModel, paper: Paper) -> Result<Vec<u8>, ReportError> {
    if let Some(png) = &model.canvas_png {
        if !png.starts_with(PNG_SIGNATURE) {
            return Err(ReportError::CanvasNotPng);
        }
    }
    let input = TemplateInput {
        paper: paper.typst_name(),
        has_canvas: model.canvas_png.is_some(),
        report: model,
    };
    let data = serde_json::to_vec(&input)?;
    let world = ReportWorld::new(data, model.canvas_png.clone())
        .map_err(|err| ReportError::Internal(err.to_string()))?;

    let outcome = catch_unwind(AssertUnwindSafe(|| typeset(&world)));
    // typst memoises across calls; keep a long-running app from growing without bound.
    typst::comemo::evict(10);
    outcome.unwrap_or_else(|panic| Err(ReportError::Internal(panic_message(panic.as_ref()))))
}

fn typeset(world: &ReportWorld) -> Result<Vec<u8>, ReportError> {
    let Warned { output, .. } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|diags| ReportError::Typeset(describe(world, &diags)))?;
    let options = PdfOptions {
        ident: Smart::Custom(PDF_IDENT.to_string()),
        creator: Smart::Custom(Some("Lodestar".to_string())),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|diags| ReportError::Pdf(describe(world, &diags)))
}

/// Joins typst's diagnostics into one message, with the template line where there is one.
fn describe(world: &ReportWorld, diags: &[SourceDiagnostic]) -> String {
    let messages: Vec<String> = diags
        .iter()
        .map(|diag| {
            let line = diag
                .span
                .id()
                .zip(world.range(diag.span))
                .and_then(|(id, range)| world.template_line(id, range.start));
            let hints: String = diag
                .hints
                .iter()
                .map(|hint| format!(" (hint: {})", hint.v))
                .collect();
            match line {
                Some((file, line)) => format!("{file} line {line}: {}{hints}", diag.message),
                None => format!("{}{hints}", diag.message),
            }
        })
        .collect();
    if messages.is_empty() {
        "unknown error".to_string()
    } else {
        messages.join("; ")
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "panic without a message".to_string()
    }
}
