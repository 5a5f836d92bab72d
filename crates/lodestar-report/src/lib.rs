//! Lodestar's PDF report: the workshop's outcome typeset with typst, ready to send the same day.
//!
//! The caller fills a plain [`ReportModel`] (display text only, no ids) and gets PDF bytes back
//! from [`render_pdf`]. The template is compiled into the binary, fonts are embedded, and nothing
//! touches the network or the clock, so the same model always gives the same bytes.

mod example;
mod model;
mod png_base64;
mod render;
mod world;

pub use example::example_model;
pub use model::{
    Action, Candidate, CustomerCategory, FocusNeed, InputMetric, NorthStar, Person, ReportModel,
    SmartNeed, SmartPart, TallyRow, VoteRound, WorkshopInfo,
};
pub use render::{render_pdf, Paper, ReportError};
