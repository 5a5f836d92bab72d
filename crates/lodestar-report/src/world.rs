//! A minimal typst `World` that lives entirely in memory.
//!
//! The report must build on a facilitator's laptop with no network and no files beside the
//! binary: the template is compiled in, the fonts come from `typst-assets`, and the data reaches
//! the template only as a virtual JSON file (so user text is always data, never typst source).
//! There is no clock: `today()` returns nothing, which keeps the output reproducible.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The report template, built into the binary: the main file and the style it imports.
const TEMPLATE: &str = include_str!("../../../assets/report/report.typ");
const STYLE: &str = include_str!("../../../assets/report/style.typ");

/// The virtual file names the template reads.
pub const MAIN_PATH: &str = "report.typ";
pub const STYLE_PATH: &str = "style.typ";
pub const DATA_PATH: &str = "data.json";
pub const CANVAS_PATH: &str = "canvas.png";

/// The standard library, shared by every render (it holds no state of a report).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The embedded fonts and their index, parsed once per process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// One report's world: the template, its data and the optional canvas picture.
pub struct ReportWorld {
    main: Source,
    style: Source,
    data: (FileId, Bytes),
    canvas: Option<(FileId, Bytes)>,
}

impl ReportWorld {
    /// Builds the world around the JSON the template reads and the canvas PNG, if any.
    pub fn new(data_json: Vec<u8>, canvas_png: Option<Vec<u8>>) -> FileResult<Self> {
        Ok(ReportWorld {
            main: Source::new(project_file(MAIN_PATH)?, TEMPLATE.to_string()),
            style: Source::new(project_file(STYLE_PATH)?, STYLE.to_string()),
            data: (project_file(DATA_PATH)?, Bytes::new(data_json)),
            canvas: match canvas_png {
                Some(png) => Some((project_file(CANVAS_PATH)?, Bytes::new(png))),
                None => None,
            },
        })
    }

    /// The template file and its line (from 1) for a position in it, for error messages.
    pub fn template_line(&self, id: FileId, byte: usize) -> Option<(&'static str, usize)> {
        let (name, source) = if id == self.main.id() {
            (MAIN_PATH, &self.main)
        } else if id == self.style.id() {
            (STYLE_PATH, &self.style)
        } else {
            return None;
        };
        source
            .lines()
            .byte_to_line(byte)
            .map(|line| (name, line + 1))
    }
}

fn project_file(path: &str) -> FileResult<FileId> {
    let vpath = VirtualPath::new(path)
        .map_err(|err| FileError::Other(Some(format!("bad virtual path {path}: {err}").into())))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        [&self.main, &self.style]
            .into_iter()
            .find(|source| source.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        match &self.canvas {
            Some((canvas, png)) if *canvas == id => Ok(png.clone()),
            _ => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
