//! Files in and out, the same for every door: reading a workshop file (size checked before
//! reading, never more than the limit + 1 byte), importing it as one transaction, writing
//! workshop files, reports and canvas pictures whole or not at all, and the bundled example.

use std::io::Read;
use std::path::Path;

use lodestar_core::exchange::WorkshopFile;
use lodestar_core::{Refusal, RefusalCode, Workshop};
use lodestar_export::{FileError, Paper, PictureRect, MAX_FILE_BYTES};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::lodestar::{Change, Lodestar};
use crate::Outcome;

/// The bundled example workshop (a fictional company, every step filled in).
pub const EXAMPLE_WORKSHOP: &str =
    include_str!("../../../assets/example/harbour-foods.lodestar.json");

/// Where the last file dialog was left, so the next one opens there.
const LAST_FOLDER: &str = "last_folder";

/// Pixels per canvas unit in an exported PNG: sharp on a projector and in a slide deck.
pub const PNG_PIXELS_PER_UNIT: f64 = 2.0;

/// Paper sizes the report is typeset for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

impl From<PaperSize> for Paper {
    fn from(paper: PaperSize) -> Paper {
        match paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        }
    }
}

/// The picture formats the canvas can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PictureFormat {
    Png,
    Svg,
}

impl PictureFormat {
    /// The format a file name asks for by its extension (`canvas.PNG` → PNG).
    pub fn from_file_name(path: &Path) -> Option<PictureFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(PictureFormat::Png),
            "svg" => Some(PictureFormat::Svg),
            _ => None,
        }
    }
}

/// A part of the canvas, in canvas units (what is on screen, for "export the current view").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct PictureView {
    #[specta(type = specta_typescript::Number)]
    pub x: f64,
    #[specta(type = specta_typescript::Number)]
    pub y: f64,
    #[specta(type = specta_typescript::Number)]
    pub width: f64,
    #[specta(type = specta_typescript::Number)]
    pub height: f64,
}

impl PictureView {
    /// A view must be a real, non-empty rectangle.
    fn checked(self) -> Outcome<PictureRect> {
        let numbers = [self.x, self.y, self.width, self.height];
        if numbers.iter().any(|n| !n.is_finite()) || self.width <= 0.0 || self.height <= 0.0 {
            return Err(Refusal::new(
                RefusalCode::OutOfRange,
                "view",
                "the part of the canvas to export must have a position and a size above zero",
            ));
        }
        Ok(PictureRect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        })
    }
}

/// Reads a workshop file from disk: only a regular file, and never more than the size limit
/// allows (a FIFO or `/dev/zero` is refused instead of hanging the app).
pub fn read_workshop_bytes(path: &Path) -> Outcome<Vec<u8>> {
    let unreadable = |e: std::io::Error| {
        Refusal::general(
            RefusalCode::FileUnreadable,
            format!("could not read {}: {e}", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Refusal::general(
            RefusalCode::FileUnreadable,
            format!(
                "{} is not a regular file; choose a workshop file",
                path.display()
            ),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_FILE_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        // The file grew while it was read.
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(size: u64) -> Refusal {
    Refusal::general(
        RefusalCode::FileTooLarge,
        format!("the file is {size} bytes; workshop files are at most {MAX_FILE_BYTES} bytes"),
    )
}

/// Parses and checks a workshop file; the refusal names the JSON path that is wrong.
pub fn parse_workshop_file(bytes: &[u8]) -> Outcome<WorkshopFile> {
    lodestar_export::read_workshop_file(bytes).map_err(file_refusal)
}

fn file_refusal(error: FileError) -> Refusal {
    let message = error.to_string();
    match error {
        FileError::TooLarge { .. } => Refusal::general(RefusalCode::FileTooLarge, message),
        FileError::NotJson { .. } => Refusal::general(RefusalCode::FileNotJson, message),
        FileError::NewerVersion { .. } => {
            Refusal::new(RefusalCode::FileFromNewerVersion, "version", message)
        }
        FileError::Invalid { path, message } => {
            let code = if path.is_empty() || path == "format" {
                RefusalCode::FileNotWorkshop
            } else {
                RefusalCode::FileInvalid
            };
            Refusal::new(code, path.as_str(), message)
        }
    }
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_file(path: &Path, bytes: &[u8]) -> Outcome<()> {
    lodestar_export::write_atomically(path, bytes)
        .map_err(|e| Refusal::general(RefusalCode::WriteFailed, e.to_string()))
}

/// Typesets the report of a workshop file.
pub fn report_pdf(file: &WorkshopFile, paper: PaperSize) -> Outcome<Vec<u8>> {
    lodestar_export::render_report(file, paper.into()).map_err(|e| {
        Refusal::general(
            RefusalCode::Internal,
            format!("the report could not be typeset: {e}"),
        )
    })
}

/// Draws the canvas of a workshop file (all of it, or `view`) as PNG or SVG.
pub fn canvas_picture(
    file: &WorkshopFile,
    format: PictureFormat,
    view: Option<PictureView>,
    png_pixels_per_unit: f64,
) -> Outcome<Vec<u8>> {
    let view = view.map(PictureView::checked).transpose()?;
    let picture = lodestar_export::canvas_picture(file, view, true);
    match format {
        PictureFormat::Png => lodestar_export::render_canvas_png(&picture, png_pixels_per_unit),
        PictureFormat::Svg => lodestar_export::render_canvas_svg(&picture).map(String::into_bytes),
    }
    .map_err(|e| {
        Refusal::general(
            RefusalCode::Internal,
            format!("the canvas picture could not be drawn: {e}"),
        )
    })
}

impl Lodestar {
    /// The workshop as a workshop file (what export writes and the report is made from).
    pub fn workshop_file(&self, id: &str) -> Outcome<WorkshopFile> {
        self.with_store(|s| s.export_workshop(id))
    }

    /// Imports a parsed workshop file as a new workshop, in one transaction.
    pub fn import_workshop(&self, file: &WorkshopFile) -> Outcome<Workshop> {
        self.act_then(
            |s, now| s.import_workshop(file, now),
            |workshop| Change::library(&workshop.id),
        )
    }

    /// Imports the workshop file at `path` as a new workshop; a bad file changes nothing.
    pub fn import_workshop_file(&self, path: &Path) -> Outcome<Workshop> {
        let bytes = read_workshop_bytes(path)?;
        let workshop = self.import_workshop(&parse_workshop_file(&bytes)?)?;
        self.remember_folder(path);
        Ok(workshop)
    }

    /// Opens a fresh copy of the bundled example workshop.
    pub fn open_example(&self) -> Outcome<Workshop> {
        self.import_workshop(&parse_workshop_file(EXAMPLE_WORKSHOP.as_bytes())?)
    }

    /// Writes the workshop's file to `path`.
    pub fn export_workshop_file(&self, id: &str, path: &Path) -> Outcome<()> {
        let file = self.workshop_file(id)?;
        write_file(path, lodestar_export::write_workshop_file(&file).as_bytes())?;
        self.remember_folder(path);
        Ok(())
    }

    /// Typesets the workshop's report and writes it to `path`. The store is only held while
    /// the workshop is read, not while it is typeset.
    pub fn export_report(&self, id: &str, path: &Path, paper: PaperSize) -> Outcome<()> {
        let file = self.workshop_file(id)?;
        write_file(path, &report_pdf(&file, paper)?)?;
        self.remember_folder(path);
        Ok(())
    }

    /// Draws the workshop's canvas and writes it to `path`.
    pub fn export_canvas_picture(
        &self,
        id: &str,
        path: &Path,
        format: PictureFormat,
        view: Option<PictureView>,
    ) -> Outcome<()> {
        let file = self.workshop_file(id)?;
        write_file(
            path,
            &canvas_picture(&file, format, view, PNG_PIXELS_PER_UNIT)?,
        )?;
        self.remember_folder(path);
        Ok(())
    }

    /// The folder the last file dialog was left in.
    pub fn last_folder(&self) -> Option<std::path::PathBuf> {
        self.setting(LAST_FOLDER).ok().flatten().map(Into::into)
    }

    /// Remembers `file`'s folder for the next dialog. Forgetting it only costs a click, so
    /// a failure here never fails the save.
    fn remember_folder(&self, file: &Path) {
        if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
            let _ = self.set_setting(LAST_FOLDER, &folder.display().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_example_is_a_valid_workshop_file() {
        let file = parse_workshop_file(EXAMPLE_WORKSHOP.as_bytes()).unwrap();
        assert!(!file.stakeholders.is_empty() && !file.needs.is_empty() && !file.votes.is_empty());
    }

    #[test]
    fn a_file_that_is_not_a_regular_file_is_refused_without_reading_it() {
        // /dev/zero never ends: reading it whole would hang the app.
        let refusal = read_workshop_bytes(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(refusal.code, RefusalCode::FileUnreadable);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_as_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
        let refusal = read_workshop_bytes(&path).unwrap_err();
        assert_eq!(refusal.code, RefusalCode::FileTooLarge);
    }

    #[test]
    fn file_problems_become_codes() {
        let code = |bytes: &[u8]| parse_workshop_file(bytes).unwrap_err().code;
        assert_eq!(code(b"{nope"), RefusalCode::FileNotJson);
        assert_eq!(code(b"[1, 2]"), RefusalCode::FileNotWorkshop);
        assert_eq!(
            code(br#"{"format": "lodestar.workshop", "version": 99}"#),
            RefusalCode::FileFromNewerVersion
        );
    }

    #[test]
    fn a_view_without_a_size_is_refused() {
        let view = PictureView {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 10.0,
        };
        assert_eq!(view.checked().unwrap_err().code, RefusalCode::OutOfRange);
    }

    #[test]
    fn the_picture_format_comes_from_the_file_name() {
        assert_eq!(
            PictureFormat::from_file_name(Path::new("a/Canvas.PNG")),
            Some(PictureFormat::Png)
        );
        assert_eq!(PictureFormat::from_file_name(Path::new("canvas.pdf")), None);
    }
}
