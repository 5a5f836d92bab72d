//! Lodestar's PDF report: the workshop's outcome typeset with typst, ready to send the same day.
//!
//! The caller fills a plain [`ReportModel`] (display text only, no ids) and gets PDF bytes back
//! from [`render_pdf`]. The template is compiled into the binary, fonts are embedded, and nothing
//! touches the network or the clock, so the same model always gives the same bytes.

mod canvas;
mod model;
mod render;
mod world;

pub use canvas::{CanvasPicture, PictureItem, PictureKind, PictureLink, PictureRect, PictureRole};
pub use model::{
    Action, Candidate, CustomerCategory, FocusNeed, InputMetric, NorthStar, Person, ReportModel,
    SmartNeed, SmartPart, TallyRow, VoteRound, WorkshopInfo,
};
pub use render::{
    render_canvas_png, render_canvas_svg, render_pdf, Paper, ReportError, MAX_PNG_SIDE,
};
