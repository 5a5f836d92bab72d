//! A minimal typst `World` that lives entirely in memory.
//!
//! The report must build on a facilitator's laptop with no network and no files beside the
//! binary: the template is compiled in, the fonts come from `typst-assets`, and the data reaches
//! the templates only as a virtual JSON file (so user text is always data, never typst source).
//! There is no clock: `today()` returns nothing, which keeps the output reproducible.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The templates, built into the binary: the report, its style, and the canvas drawing both the
/// report and the exported pictures use.
const TEMPLATE: &str = include_str!("../../../assets/report/report.typ");
const STYLE: &str = include_str!("../../../assets/report/style.typ");
const CANVAS: &str = include_str!("../../../assets/report/canvas.typ");
/// The page of an exported canvas picture: exactly the board's size, nothing around it.
const CANVAS_PAGE: &str = r#"#import "canvas.typ": draw-canvas
#let scene = json("scene.json")
#set page(width: scene.width * 1pt, height: scene.height * 1pt, margin: 0pt, fill: white)
#draw-canvas(scene)
"#;

/// The virtual file names the templates read.
pub const MAIN_PATH: &str = "report.typ";
pub const STYLE_PATH: &str = "style.typ";
pub const CANVAS_PATH: &str = "canvas.typ";
pub const CANVAS_PAGE_PATH: &str = "canvas-page.typ";
pub const DATA_PATH: &str = "data.json";
pub const SCENE_PATH: &str = "scene.json";

/// The standard library, shared by every render (it holds no state of a report).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The embedded fonts and their index, parsed once per process: typst's own (Libertinus Serif
/// for the report's prose) and Inter from `assets/fonts` for the canvas, as in the app.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain(SHIPPED_FONTS.iter().copied())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// Fonts that ship inside the binary beside typst's.
const SHIPPED_FONTS: &[&[u8]] = &[
    include_bytes!("../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Italic.otf"),
];

/// One typesetting job's world: its template files and the one JSON file of data they read.
pub struct ReportWorld {
    main: FileId,
    sources: Vec<(&'static str, Source)>,
    data: (FileId, Bytes),
}

impl ReportWorld {
    /// The report's world around the JSON the template reads.
    pub fn report(data_json: Vec<u8>) -> FileResult<Self> {
        Self::new(
            &[
                (MAIN_PATH, TEMPLATE),
                (STYLE_PATH, STYLE),
                (CANVAS_PATH, CANVAS),
            ],
            (DATA_PATH, data_json),
        )
    }

    /// A canvas picture's world around the prepared scene.
    pub fn canvas_picture(scene_json: Vec<u8>) -> FileResult<Self> {
        Self::new(
            &[(CANVAS_PAGE_PATH, CANVAS_PAGE), (CANVAS_PATH, CANVAS)],
            (SCENE_PATH, scene_json),
        )
    }

    /// The first template is the main file.
    fn new(templates: &[(&'static str, &'static str)], data: (&str, Vec<u8>)) -> FileResult<Self> {
        let sources = templates
            .iter()
            .map(|(path, text)| Ok((*path, Source::new(project_file(path)?, text.to_string()))))
            .collect::<FileResult<Vec<_>>>()?;
        let main = sources
            .first()
            .map(|(_, source)| source.id())
            .ok_or_else(|| FileError::Other(Some("no main template".into())))?;
        Ok(ReportWorld {
            main,
            sources,
            data: (project_file(data.0)?, Bytes::new(data.1)),
        })
    }

    /// The template file and its line (from 1) for a position in it, for error messages.
    pub fn template_line(&self, id: FileId, byte: usize) -> Option<(&'static str, usize)> {
        let (name, source) = self.sources.iter().find(|(_, source)| source.id() == id)?;
        source
            .lines()
            .byte_to_line(byte)
            .map(|line| (*name, line + 1))
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
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .iter()
            .find(|(_, source)| source.id() == id)
            .map(|(_, source)| source.clone())
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            Ok(self.data.1.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
