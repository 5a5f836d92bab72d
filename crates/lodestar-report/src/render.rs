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

use typst::utils::Scalar;

use crate::canvas::{prepare, CanvasPicture, PreparedScene};
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
    #[error("the canvas picture could not be encoded as PNG: {0}")]
    Png(String),
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
    /// The canvas, laid out for `canvas.typ`; absent when the model has no canvas.
    canvas: Option<PreparedScene>,
    report: &'a ReportModel,
}

/// The longest side of an exported PNG, in pixels: a huge board is drawn at a lower scale
/// rather than as an image no viewer can open.
pub const MAX_PNG_SIDE: u32 = 8000;

/// The identifier hashed into the PDF's `/ID`: fixed, so the bytes depend only on the content.
const PDF_IDENT: &str = "lodestar-north-star-report";

/// Typesets the report and returns the PDF's bytes. Never panics: every failure is an error.
pub fn render_pdf(model: &ReportModel, paper: Paper) -> Result<Vec<u8>, ReportError> {
    let input = TemplateInput {
        paper: paper.typst_name(),
        canvas: model.canvas.as_ref().map(prepare),
        report: model,
    };
    let world = ReportWorld::report(serde_json::to_vec(&input)?)
        .map_err(|err| ReportError::Internal(err.to_string()))?;
    guarded(|| {
        let document = typeset(&world)?;
        write_pdf(&world, &document)
    })
}

/// Draws the canvas as an SVG document. Text is drawn as glyph outlines, so the picture looks
/// the same on a machine that does not have the fonts.
pub fn render_canvas_svg(picture: &CanvasPicture) -> Result<String, ReportError> {
    let world = canvas_world(picture)?;
    guarded(|| {
        let document = typeset(&world)?;
        let page = first_page(&document)?;
        Ok(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
    })
}

/// Draws the canvas as a PNG image at `pixels_per_unit` pixels per canvas unit (2 suits a
/// projector or a slide), lowered where needed so no side exceeds [`MAX_PNG_SIDE`].
pub fn render_canvas_png(
    picture: &CanvasPicture,
    pixels_per_unit: f64,
) -> Result<Vec<u8>, ReportError> {
    let world = canvas_world(picture)?;
    guarded(|| {
        let document = typeset(&world)?;
        let page = first_page(&document)?;
        let size = page.frame.size();
        let longest = size.x.to_pt().max(size.y.to_pt()).max(1.0);
        let wanted = if pixels_per_unit.is_finite() && pixels_per_unit > 0.0 {
            pixels_per_unit
        } else {
            1.0
        };
        let scale = wanted.min(f64::from(MAX_PNG_SIDE) / longest);
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(scale),
            render_bleed: false,
        };
        typst_render::render(page, &options)
            .encode_png()
            .map_err(|err| ReportError::Png(err.to_string()))
    })
}

fn canvas_world(picture: &CanvasPicture) -> Result<ReportWorld, ReportError> {
    let scene = serde_json::to_vec(&prepare(picture))?;
    ReportWorld::canvas_picture(scene).map_err(|err| ReportError::Internal(err.to_string()))
}

fn first_page(document: &PagedDocument) -> Result<&typst_layout::Page, ReportError> {
    document
        .pages()
        .first()
        .ok_or_else(|| ReportError::Internal("the canvas picture has no page".to_string()))
}

/// Runs a typesetting job so that a panic deep in typst becomes an error, not a crash.
fn guarded<T>(job: impl FnOnce() -> Result<T, ReportError>) -> Result<T, ReportError> {
    let outcome = catch_unwind(AssertUnwindSafe(job));
    // typst memoises across calls; keep a long-running app from growing without bound.
    typst::comemo::evict(10);
    outcome.unwrap_or_else(|panic| Err(ReportError::Internal(panic_message(panic.as_ref()))))
}

fn typeset(world: &ReportWorld) -> Result<PagedDocument, ReportError> {
    let Warned { output, .. } = typst::compile::<PagedDocument>(world);
    output.map_err(|diags| ReportError::Typeset(describe(world, &diags)))
}

fn write_pdf(world: &ReportWorld, document: &PagedDocument) -> Result<Vec<u8>, ReportError> {
    let options = PdfOptions {
        ident: Smart::Custom(PDF_IDENT.to_string()),
        creator: Smart::Custom(Some("Lodestar".to_string())),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|diags| ReportError::Pdf(describe(world, &diags)))
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
