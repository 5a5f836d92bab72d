//! The North Star canvas as a picture: SVG or PNG for the export, and the same drawing in the
//! report.
//!
//! The caller describes the board in plain display terms ([`CanvasPicture`]); [`prepare`] does
//! the geometry (what is in view, positions relative to the picture, where links meet the cards
//! and where their arrow heads go) and `assets/report/canvas.typ` paints it with typst. The SVG
//! carries every glyph as a path, so it looks the same on a machine without the fonts.

use std::collections::HashMap;

use lodestar_core::canvas::{CardInk, CARD_INK, SCORE_MAX};
use serde::{Deserialize, Serialize};

/// A board to draw, in canvas units (one unit becomes one point, or `scale` pixels in a PNG).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CanvasPicture {
    /// The question the room answered, drawn as a band above the board; empty for none.
    pub question: String,
    /// Every item, in paint order (frames are always drawn beneath cards and links).
    pub items: Vec<PictureItem>,
    pub links: Vec<PictureLink>,
    /// The part of the canvas to draw; the whole board when absent.
    pub view: Option<PictureRect>,
}

/// A rectangle in canvas units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PictureRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl PictureRect {
    fn right(&self) -> f64 {
        self.x + self.width
    }
    fn bottom(&self) -> f64 {
        self.y + self.height
    }
    fn overlaps(&self, other: &PictureRect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    fn union(&self, other: &PictureRect) -> PictureRect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        PictureRect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// What kind of shape an item is drawn as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PictureKind {
    #[default]
    Sticky,
    Kpi,
    Frame,
}

/// The item's part in the outcome, which gives it a stronger outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PictureRole {
    NorthStar,
    Input,
}

/// One sticky, KPI card or frame.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PictureItem {
    /// Only used to attach links; never drawn.
    pub id: String,
    pub kind: PictureKind,
    pub text: String,
    /// The fill as `#rrggbb`.
    pub fill: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The author's name, or empty.
    pub author: String,
    /// Tag keys: `outcome`, `output`, `leading`, `lagging`.
    pub tags: Vec<String>,
    /// North Star criteria met (0 draws no score).
    pub score: u32,
    pub role: Option<PictureRole>,
}

impl PictureItem {
    fn rect(&self) -> PictureRect {
        PictureRect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }
}

/// A connector from one item to another, drawn with an arrow head at `to`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PictureLink {
    pub from: String,
    pub to: String,
    pub label: String,
}

/// Room around the whole board, so frame titles above a frame and outlines are not cut off.
const MARGIN: f64 = 40.0;
/// The height of the question band above the board.
const BAND: f64 = 64.0;
/// The smallest picture: an empty board still gives a readable picture.
const MIN_SIZE: (f64, f64) = (480.0, 240.0);
const ARROW_LENGTH: f64 = 12.0;
const ARROW_HALF_WIDTH: f64 = 6.0;

/// The scene as `canvas.typ` reads it: positions relative to the picture's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PreparedScene {
    pub width: f64,
    pub height: f64,
    pub question: String,
    pub band: f64,
    pub frames: Vec<PreparedItem>,
    pub items: Vec<PreparedItem>,
    pub links: Vec<PreparedLink>,
    /// What a card's outline and labels are painted with, as on the board.
    pub ink: CardInk,
    /// The score's maximum, printed after a card's score ("3/7").
    pub score_max: u32,
}

/// An item where the picture draws it, and whether its words must be cut off at its edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct PreparedItem {
    #[serde(flatten)]
    pub item: PictureItem,
    /// Cutting off costs the PNG renderer a mask as large as the whole picture per item, which
    /// made a 1,000-sticky board take 20 s; so only items whose words may overflow get one.
    pub clip: bool,
}

impl PreparedItem {
    fn new(item: PictureItem) -> PreparedItem {
        let clip = may_overflow(&item);
        PreparedItem { item, clip }
    }
}

/// Whether the words might not fit the item: a generous estimate (about 7.5 points per
/// character and 18 points per line at the card's 14 pt, with room kept for the label and
/// footer), so a card that needs cutting is never drawn without it.
fn may_overflow(item: &PictureItem) -> bool {
    let chars = item.text.chars().count() as f64;
    if item.kind == PictureKind::Frame {
        return chars * 9.0 > item.width - 8.0;
    }
    let per_line = ((item.width - 14.0) / 7.5).floor().max(1.0);
    let lines = ((item.height - 12.0 - 16.0 - 18.0) / 18.0).floor().max(0.0);
    let hard_breaks = item.text.matches('\n').count() as f64;
    // Words wrap at spaces, so a line holds a little less than its width in characters.
    chars + hard_breaks * per_line > per_line * lines * 0.8
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct PreparedLink {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// The arrow head's three corners.
    pub head: [[f64; 2]; 3],
    pub label: String,
    /// The label box's top-left corner.
    pub lx: f64,
    pub ly: f64,
}

/// Lays the picture out: picks the part to draw, moves it to the origin, routes the links.
pub(crate) fn prepare(picture: &CanvasPicture) -> PreparedScene {
    let finite = |item: &&PictureItem| {
        [item.x, item.y, item.width, item.height]
            .iter()
            .all(|v| v.is_finite())
            && item.width > 0.0
            && item.height > 0.0
    };
    let drawable: Vec<&PictureItem> = picture.items.iter().filter(finite).collect();
    let area = match picture.view {
        Some(view) if view.width > 0.0 && view.height > 0.0 && view.x.is_finite() => view,
        _ => whole_board(&drawable),
    };
    let band = if picture.question.trim().is_empty() {
        0.0
    } else {
        BAND
    };
    let shift = |item: &PictureItem| PictureItem {
        x: item.x - area.x,
        y: item.y - area.y + band,
        ..item.clone()
    };
    let in_view: Vec<&PictureItem> = drawable
        .into_iter()
        .filter(|item| item.rect().overlaps(&area))
        .collect();
    let (frames, cards): (Vec<&PictureItem>, Vec<&PictureItem>) = in_view
        .iter()
        .partition(|item| item.kind == PictureKind::Frame);

    let by_id: HashMap<&str, &PictureItem> = picture
        .items
        .iter()
        .filter(|item| finite(item))
        .map(|item| (item.id.as_str(), item))
        .collect();
    let links = picture
        .links
        .iter()
        .filter_map(|link| {
            let from = by_id.get(link.from.as_str())?;
            let to = by_id.get(link.to.as_str())?;
            route(&shift(from).rect(), &shift(to).rect(), &link.label)
        })
        .collect();

    PreparedScene {
        width: area.width,
        height: area.height + band,
        question: picture.question.trim().to_string(),
        band,
        frames: frames
            .into_iter()
            .map(|item| PreparedItem::new(shift(item)))
            .collect(),
        items: cards
            .into_iter()
            .map(|item| PreparedItem::new(shift(item)))
            .collect(),
        links,
        ink: CARD_INK,
        score_max: SCORE_MAX,
    }
}

/// Every item plus a margin, never smaller than [`MIN_SIZE`].
fn whole_board(items: &[&PictureItem]) -> PictureRect {
    let bounds = items
        .iter()
        .map(|item| item.rect())
        .reduce(|a, b| a.union(&b))
        .unwrap_or_default();
    let width = (bounds.width + 2.0 * MARGIN).max(MIN_SIZE.0);
    let height = (bounds.height + 2.0 * MARGIN).max(MIN_SIZE.1);
    PictureRect {
        x: bounds.x + bounds.width / 2.0 - width / 2.0,
        y: bounds.y + bounds.height / 2.0 - height / 2.0,
        width,
        height,
    }
}

/// A straight line from the edge of `from` to the edge of `to`, ending in an arrow head.
/// `None` when the two overlap so much that there is no line to draw.
fn route(from: &PictureRect, to: &PictureRect, label: &str) -> Option<PreparedLink> {
    let centre = |r: &PictureRect| (r.x + r.width / 2.0, r.y + r.height / 2.0);
    let (ax, ay) = centre(from);
    let (bx, by) = centre(to);
    let (dx, dy) = (bx - ax, by - ay);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return None;
    }
    // How far along the centre line each box's edge is, as a fraction of the whole line.
    let exit = |r: &PictureRect| {
        let tx = if dx == 0.0 {
            f64::INFINITY
        } else {
            r.width / 2.0 / dx.abs()
        };
        let ty = if dy == 0.0 {
            f64::INFINITY
        } else {
            r.height / 2.0 / dy.abs()
        };
        tx.min(ty)
    };
    let start = exit(from);
    let end = 1.0 - exit(to);
    if end <= start {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let (x1, y1) = (ax + dx * start, ay + dy * start);
    let (tip_x, tip_y) = (ax + dx * end, ay + dy * end);
    let (base_x, base_y) = (tip_x - ux * ARROW_LENGTH, tip_y - uy * ARROW_LENGTH);
    let (nx, ny) = (-uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH);
    let label = label.trim().to_string();
    // About 6 points per character at 11 pt; good enough to centre a short label on the line.
    let label_width = label.chars().count() as f64 * 6.0 + 6.0;
    Some(PreparedLink {
        x1,
        y1,
        x2: base_x,
        y2: base_y,
        head: [
            [tip_x, tip_y],
            [base_x + nx, base_y + ny],
            [base_x - nx, base_y - ny],
        ],
        lx: (x1 + base_x) / 2.0 - label_width / 2.0,
        ly: (y1 + base_y) / 2.0 - 9.0,
        label,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, x: f64, y: f64) -> PictureItem {
        PictureItem {
            id: id.into(),
            kind: PictureKind::Sticky,
            text: id.into(),
            fill: "#fef08a".into(),
            x,
            y,
            width: 180.0,
            height: 120.0,
            ..PictureItem::default()
        }
    }

    #[test]
    fn the_scene_carries_the_card_colours_and_the_score_maximum_from_the_core() {
        let json = serde_json::to_value(prepare(&CanvasPicture::default())).unwrap();
        assert_eq!(json["scoreMax"], SCORE_MAX);
        assert_eq!(json["ink"]["kpiBar"], CARD_INK.kpi_bar);
        assert_eq!(json["ink"]["northStar"], CARD_INK.north_star);
    }

    #[test]
    fn the_template_keeps_no_copy_of_the_card_colours_or_the_score_maximum() {
        let template = include_str!("../../../assets/report/canvas.typ").to_lowercase();
        let palette = lodestar_core::canvas::Colour::ALL.map(|c| c.hex());
        let ink = [
            CARD_INK.kpi_bar,
            CARD_INK.north_star,
            CARD_INK.north_star_label,
        ];
        for hex in palette.iter().chain(ink.iter()) {
            assert!(!template.contains(hex), "canvas.typ repeats {hex}");
        }
        assert!(
            !template.contains("/7"),
            "canvas.typ writes the maximum as /7"
        );
    }

    #[test]
    fn whole_board_moves_the_items_inside_a_margin() {
        let picture = CanvasPicture {
            items: vec![card("a", 1000.0, 500.0), card("b", 1400.0, 800.0)],
            ..CanvasPicture::default()
        };
        let scene = prepare(&picture);
        assert_eq!(scene.width, 580.0 + 2.0 * MARGIN);
        assert_eq!(scene.height, 420.0 + 2.0 * MARGIN);
        assert_eq!(
            (scene.items[0].item.x, scene.items[0].item.y),
            (MARGIN, MARGIN)
        );
        assert_eq!(scene.items[1].item.x, 400.0 + MARGIN);
    }

    #[test]
    fn a_view_keeps_only_what_it_overlaps_and_the_band_pushes_the_board_down() {
        let picture = CanvasPicture {
            question: "How do we grow?".into(),
            items: vec![card("in", 0.0, 0.0), card("out", 5000.0, 0.0)],
            view: Some(PictureRect {
                x: -10.0,
                y: -10.0,
                width: 400.0,
                height: 300.0,
            }),
            ..CanvasPicture::default()
        };
        let scene = prepare(&picture);
        assert_eq!(scene.items.len(), 1);
        assert_eq!(scene.items[0].item.id, "in");
        assert_eq!((scene.width, scene.height), (400.0, 300.0 + BAND));
        assert_eq!(scene.items[0].item.y, 10.0 + BAND);
    }

    #[test]
    fn only_items_whose_words_may_not_fit_are_cut_off() {
        let short = card("Weekly active teams", 0.0, 0.0);
        let mut long = card("long", 0.0, 0.0);
        long.text = "Orders delivered complete in the booked hour, counted per week across every store and van we run".into();
        let mut title = card("t", 0.0, 0.0);
        title.kind = PictureKind::Frame;
        title.text = "A cluster title far too long for its narrow frame".into();
        assert!(!may_overflow(&short));
        assert!(may_overflow(&long));
        assert!(may_overflow(&title));
    }

    #[test]
    fn frames_are_painted_apart_from_cards() {
        let mut frame = card("f", -20.0, -20.0);
        frame.kind = PictureKind::Frame;
        let picture = CanvasPicture {
            items: vec![card("a", 0.0, 0.0), frame],
            ..CanvasPicture::default()
        };
        let scene = prepare(&picture);
        assert_eq!(scene.frames.len(), 1);
        assert_eq!(scene.items.len(), 1);
    }

    #[test]
    fn a_link_runs_from_edge_to_edge_and_ends_in_an_arrow() {
        let picture = CanvasPicture {
            items: vec![card("a", 0.0, 0.0), card("b", 400.0, 0.0)],
            links: vec![PictureLink {
                from: "a".into(),
                to: "b".into(),
                label: "drives".into(),
            }],
            ..CanvasPicture::default()
        };
        let scene = prepare(&picture);
        let link = &scene.links[0];
        // a's right edge is at 180, b's left edge at 400 (both shifted by the margin).
        assert!((link.x1 - (180.0 + MARGIN)).abs() < 1e-9);
        assert!((link.head[0][0] - (400.0 + MARGIN)).abs() < 1e-9);
        assert!((link.x2 - (400.0 + MARGIN - ARROW_LENGTH)).abs() < 1e-9);
        assert_eq!(link.label, "drives");
    }

    #[test]
    fn links_to_missing_or_overlapping_items_are_left_out() {
        let picture = CanvasPicture {
            items: vec![card("a", 0.0, 0.0), card("b", 10.0, 10.0)],
            links: vec![
                PictureLink {
                    from: "a".into(),
                    to: "gone".into(),
                    label: String::new(),
                },
                PictureLink {
                    from: "a".into(),
                    to: "b".into(),
                    label: String::new(),
                },
            ],
            ..CanvasPicture::default()
        };
        assert!(prepare(&picture).links.is_empty());
    }

    #[test]
    fn an_empty_board_still_has_a_size_and_broken_numbers_are_skipped() {
        let mut broken = card("nan", f64::NAN, 0.0);
        broken.width = 10.0;
        let picture = CanvasPicture {
            items: vec![broken],
            ..CanvasPicture::default()
        };
        let scene = prepare(&picture);
        assert!(scene.items.is_empty());
        assert_eq!((scene.width, scene.height), MIN_SIZE);
    }
}
