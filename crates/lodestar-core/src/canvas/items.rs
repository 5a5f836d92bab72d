//! The records on the canvas: stickies, current KPIs, frames and the links between them, and
//! the rules one record must keep on its own (text length, a sensible size, real numbers).
//! Rules that need the whole canvas (frames that exist, links between items) are in
//! [`super::CanvasScene`].

use serde::{Deserialize, Serialize};
use specta::Type;

use super::checklist::Checklist;
use super::tags::MetricTags;
use crate::refusal::{Refusal, RefusalCode};
use crate::validation::optional_text;

/// Longest text on a sticky, KPI card or frame title.
pub const MAX_ITEM_TEXT_CHARS: usize = 500;
/// Largest width or height of an item, in canvas units.
pub const MAX_ITEM_SIZE: f64 = 5000.0;
/// Longest label on a link.
pub const MAX_LINK_LABEL_CHARS: usize = 120;

/// What an item on the canvas is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A candidate North Star metric, written in the room.
    Sticky,
    /// A KPI the organisation tracks today, brought in to be audited like the candidates.
    Kpi,
    /// A titled area that groups the items inside it (a cluster).
    Frame,
}

impl ItemKind {
    /// The kind as a word in a sentence: "sticky", "KPI", "frame".
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Sticky => "sticky",
            ItemKind::Kpi => "KPI",
            ItemKind::Frame => "frame",
        }
    }
}

/// The sticky-note palette: few enough colours that each can mean something in the room.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    Type,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    #[default]
    Yellow,
    Blue,
    Green,
    Pink,
    Purple,
    Grey,
}

impl Colour {
    /// Every colour, in the order the palette shows them.
    pub const ALL: [Colour; 6] = [
        Colour::Yellow,
        Colour::Blue,
        Colour::Green,
        Colour::Pink,
        Colour::Purple,
        Colour::Grey,
    ];

    /// The colour's name in the palette.
    pub fn label(self) -> &'static str {
        match self {
            Colour::Yellow => "Yellow",
            Colour::Blue => "Blue",
            Colour::Green => "Green",
            Colour::Pink => "Pink",
            Colour::Purple => "Purple",
            Colour::Grey => "Grey",
        }
    }

    /// The fill as `#rrggbb`, so the canvas and the report paint the same colour.
    pub fn hex(self) -> &'static str {
        match self {
            Colour::Yellow => "#fef08a",
            Colour::Blue => "#bfdbfe",
            Colour::Green => "#bbf7d0",
            Colour::Pink => "#fbcfe8",
            Colour::Purple => "#e9d5ff",
            Colour::Grey => "#e5e7eb",
        }
    }
}

/// The colours that mark what a card is, beyond its palette fill: the board, its zoomed-out
/// picture and the report's drawing of the canvas all paint with these (`#rrggbb`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardInk {
    /// A current KPI is a white card...
    pub kpi_fill: &'static str,
    /// ...with a grey bar down its left side.
    pub kpi_bar: &'static str,
    /// The North Star's gold outline.
    pub north_star: &'static str,
    /// The "North Star" label on its card.
    pub north_star_label: &'static str,
    /// The dashed outline and label of an input metric.
    pub input: &'static str,
    /// The "Current KPI" label.
    pub kpi_label: &'static str,
    /// The words on a card.
    pub text: &'static str,
}

pub const CARD_INK: CardInk = CardInk {
    kpi_fill: "#ffffff",
    kpi_bar: "#6b7280",
    north_star: "#e9b10e",
    north_star_label: "#8a6500",
    input: "#3b4cca",
    kpi_label: "#4b5563",
    text: "#1d2033",
};

/// One item on the canvas, as stored: a flat record with an absolute position (canvas units,
/// top-left corner), its size, the frame it sits in and its place in the stacking order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CanvasItem {
    pub id: String,
    pub kind: ItemKind,
    /// The words on a sticky or KPI card; a frame's title.
    pub text: String,
    pub colour: Colour,
    /// The stakeholder who proposed it, when known.
    pub author_id: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub x: f64,
    #[specta(type = specta_typescript::Number)]
    pub y: f64,
    #[specta(type = specta_typescript::Number)]
    pub width: f64,
    #[specta(type = specta_typescript::Number)]
    pub height: f64,
    /// The frame the item sits in; moving that frame moves the item.
    pub parent_frame: Option<String>,
    /// Fractional index: items paint in ascending order of `z` (see [`super::z_between`]).
    pub z: String,
    pub tags: MetricTags,
    /// The customer category the metric speaks to.
    pub linked_category: Option<String>,
    /// The need (usually the one the room chose) the metric measures.
    pub linked_need: Option<String>,
    /// The North Star criteria the room agrees this candidate meets.
    pub checklist: Checklist,
}

/// What a person writes on an item: everything except where it sits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ItemContent {
    #[schemars(default)]
    pub text: String,
    #[schemars(default)]
    pub colour: Colour,
    #[schemars(default)]
    pub author_id: Option<String>,
    #[schemars(default)]
    pub tags: MetricTags,
    #[schemars(default)]
    pub linked_category: Option<String>,
    #[schemars(default)]
    pub linked_need: Option<String>,
    #[schemars(default)]
    pub checklist: Checklist,
}

impl ItemContent {
    /// Checks the text and returns the content cleaned: text trimmed, blank ids dropped.
    pub fn validate(&self) -> Result<ItemContent, Refusal> {
        Ok(ItemContent {
            text: optional_text("text", &self.text, MAX_ITEM_TEXT_CHARS)?,
            colour: self.colour,
            author_id: blank_to_none(&self.author_id),
            tags: self.tags.clone(),
            linked_category: blank_to_none(&self.linked_category),
            linked_need: blank_to_none(&self.linked_need),
            checklist: self.checklist.clone(),
        })
    }
}

/// An item as the UI asks for it; the scene gives it its id and its place in the stacking
/// order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewItem {
    pub kind: ItemKind,
    #[specta(type = specta_typescript::Number)]
    pub x: f64,
    #[specta(type = specta_typescript::Number)]
    pub y: f64,
    #[specta(type = specta_typescript::Number)]
    pub width: f64,
    #[specta(type = specta_typescript::Number)]
    pub height: f64,
    pub parent_frame: Option<String>,
    pub content: ItemContent,
}

impl CanvasItem {
    /// Builds the stored record of a new item (content as given, not yet validated).
    pub fn from_new(id: impl Into<String>, new: &NewItem, z: impl Into<String>) -> CanvasItem {
        let content = new.content.clone();
        CanvasItem {
            id: id.into(),
            kind: new.kind,
            text: content.text,
            colour: content.colour,
            author_id: content.author_id,
            x: new.x,
            y: new.y,
            width: new.width,
            height: new.height,
            parent_frame: new.parent_frame.clone(),
            z: z.into(),
            tags: content.tags,
            linked_category: content.linked_category,
            linked_need: content.linked_need,
            checklist: content.checklist,
        }
    }

    /// What is written on the item, apart from where it sits.
    pub fn content(&self) -> ItemContent {
        ItemContent {
            text: self.text.clone(),
            colour: self.colour,
            author_id: self.author_id.clone(),
            tags: self.tags.clone(),
            linked_category: self.linked_category.clone(),
            linked_need: self.linked_need.clone(),
            checklist: self.checklist.clone(),
        }
    }

    /// The item with `content` written on it, keeping its place.
    pub fn with_content(&self, content: ItemContent) -> CanvasItem {
        CanvasItem {
            text: content.text,
            colour: content.colour,
            author_id: content.author_id,
            tags: content.tags,
            linked_category: content.linked_category,
            linked_need: content.linked_need,
            checklist: content.checklist,
            ..self.clone()
        }
    }

    /// Checks the record on its own and returns it cleaned. Whether its frame exists is a
    /// question for the scene.
    pub fn validate(&self) -> Result<CanvasItem, Refusal> {
        if self.id.trim().is_empty() {
            return Err(Refusal::new(RefusalCode::Empty, "id", "must not be empty"));
        }
        if self.id.chars().count() > MAX_ITEM_ID_CHARS {
            return Err(Refusal::new(
                RefusalCode::TooLong,
                "id",
                format!("is longer than {MAX_ITEM_ID_CHARS} characters"),
            ));
        }
        check_coordinate("x", self.x)?;
        check_coordinate("y", self.y)?;
        check_size("width", self.width)?;
        check_size("height", self.height)?;
        if self.parent_frame.as_deref() == Some(self.id.as_str()) {
            return Err(Refusal::new(
                RefusalCode::FrameInsideItself,
                "parentFrame",
                "an item cannot sit inside itself; choose another frame or none",
            ));
        }
        if !super::is_z_key(&self.z) {
            return Err(Refusal::new(
                RefusalCode::OutOfRange,
                "z",
                format!(
                    "\"{}\" is not a stacking position; let the canvas assign it",
                    self.z
                ),
            ));
        }
        Ok(self.with_content(self.content().validate()?))
    }

    /// The right and bottom edges.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

/// A line between two items on the canvas ("drives", "is part of"...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CanvasLink {
    pub id: String,
    pub from: String,
    pub to: String,
    #[schemars(default)]
    pub label: String,
}

impl CanvasLink {
    /// Whether the link joins `a` and `b`, in either direction.
    pub fn joins(&self, a: &str, b: &str) -> bool {
        (self.from == a && self.to == b) || (self.from == b && self.to == a)
    }

    /// Whether one end of the link is `id`.
    pub fn touches(&self, id: &str) -> bool {
        self.from == id || self.to == id
    }
}

/// Refuses a position that is not a real number (NaN or infinite).
pub fn check_coordinate(field: &str, value: f64) -> Result<f64, Refusal> {
    if !value.is_finite() {
        return Err(Refusal::new(
            RefusalCode::NotANumber,
            field,
            format!("must be a finite number; got {value}"),
        ));
    }
    // A board, however busy, is far smaller; positions near ±1.7e308 made every picture and
    // report of the workshop fail.
    if value.abs() > MAX_COORDINATE {
        return Err(Refusal::new(
            RefusalCode::OutOfRange,
            field,
            format!("must be between -{MAX_COORDINATE} and {MAX_COORDINATE}; got {value}"),
        ));
    }
    Ok(value)
}

/// Ids are the app's own uuids; one from a file may be longer, but not without bound.
pub const MAX_ITEM_ID_CHARS: usize = 200;

/// How far from the centre a card may sit, in canvas units.
pub const MAX_COORDINATE: f64 = 10_000_000.0;

/// Refuses a width or height that is not more than 0 and at most [`MAX_ITEM_SIZE`].
pub fn check_size(field: &str, value: f64) -> Result<f64, Refusal> {
    if value.is_finite() && value > 0.0 && value <= MAX_ITEM_SIZE {
        Ok(value)
    } else {
        Err(Refusal::new(
            RefusalCode::OutOfRange,
            field,
            format!("must be more than 0 and at most {MAX_ITEM_SIZE}; got {value}"),
        ))
    }
}

fn blank_to_none(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::sticky;
    use super::*;

    #[test]
    fn a_sticky_with_too_much_text_is_refused_with_its_length() {
        let long = CanvasItem {
            text: "x".repeat(501),
            ..sticky("s1", 0.0, 0.0)
        };
        let err = long.validate().unwrap_err();
        assert_eq!(err.field, "text");
        assert_eq!(err.message, "is 501 characters long; the limit is 500");
    }

    #[test]
    fn an_item_must_have_a_size_the_canvas_can_draw() {
        let flat = CanvasItem {
            height: 0.0,
            ..sticky("s1", 0.0, 0.0)
        };
        assert_eq!(flat.validate().unwrap_err().field, "height");
        let huge = CanvasItem {
            width: 5000.5,
            ..sticky("s1", 0.0, 0.0)
        };
        let err = huge.validate().unwrap_err();
        assert_eq!(
            err.message,
            "must be more than 0 and at most 5000; got 5000.5"
        );
        let widest = CanvasItem {
            width: 5000.0,
            ..sticky("s1", 0.0, 0.0)
        };
        assert!(widest.validate().is_ok(), "5000 itself is allowed");
    }

    #[test]
    fn a_position_that_is_not_a_number_is_refused() {
        let lost = CanvasItem {
            x: f64::NAN,
            ..sticky("s1", 0.0, 0.0)
        };
        assert_eq!(lost.validate().unwrap_err().field, "x");
        let far = CanvasItem {
            y: f64::INFINITY,
            ..sticky("s1", 0.0, 0.0)
        };
        assert_eq!(far.validate().unwrap_err().field, "y");
    }

    #[test]
    fn a_frame_cannot_sit_inside_itself() {
        let frame = CanvasItem {
            kind: ItemKind::Frame,
            parent_frame: Some("f1".into()),
            ..sticky("f1", 0.0, 0.0)
        };
        assert_eq!(frame.validate().unwrap_err().field, "parentFrame");
    }

    #[test]
    fn validation_trims_text_and_drops_blank_links() {
        let item = CanvasItem {
            text: "  Weekly active teams ".into(),
            author_id: Some("  ".into()),
            linked_need: Some(" n1 ".into()),
            ..sticky("s1", 0.0, 0.0)
        };
        let clean = item.validate().unwrap();
        assert_eq!(clean.text, "Weekly active teams");
        assert_eq!(clean.author_id, None, "a blank author is no author");
        assert_eq!(clean.linked_need.as_deref(), Some("n1"));
    }

    #[test]
    fn items_serialize_in_camel_case_for_typescript() {
        let json = serde_json::to_value(sticky("s1", 1.0, 2.0)).unwrap();
        assert_eq!(json["kind"], "sticky");
        assert_eq!(json["colour"], "yellow");
        assert!(json.get("parentFrame").is_some(), "got {json}");
        assert!(json["tags"].get("outcomeOrOutput").is_some(), "got {json}");
    }
}
