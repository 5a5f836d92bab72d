//! Ideas sent from phones in the room: each lands as a sticky in the board's "From the room"
//! frame (made on the first idea), in a grid that grows downwards, so the facilitator finds
//! them together and clusters them from there.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::{refuse_past_limit, MAX_CANVAS_ITEMS};
use crate::refusal::{Refusal, RefusalCode};

use super::{CanvasItem, CanvasScene, Colour, ItemContent, ItemKind, MetricTags, Nature, NewItem};
use super::{SceneChange, MAX_ITEM_TEXT_CHARS};

/// The title of the frame that collects the room's ideas.
pub const ROOM_FRAME_TITLE: &str = "From the room";

const IDEA_WIDTH: f64 = 180.0;
const IDEA_HEIGHT: f64 = 120.0;
const GAP: f64 = 20.0;
/// Room under the frame's title before the first row of ideas.
const TITLE_SPACE: f64 = 56.0;
const COLUMNS: usize = 4;
/// Space between the rest of the board and a new "From the room" frame.
const BOARD_MARGIN: f64 = 120.0;

/// A candidate North Star metric someone typed on their phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoomIdea {
    pub text: String,
    /// The stakeholder who sent it; `None` for a guest.
    pub author_id: Option<String>,
    /// Outcome or output, when the sender picked one.
    pub nature: Option<Nature>,
}

fn frame_width() -> f64 {
    GAP + COLUMNS as f64 * (IDEA_WIDTH + GAP)
}

/// The frame's height once it holds `count` ideas.
fn frame_height(count: usize) -> f64 {
    let rows = count.div_ceil(COLUMNS).max(1);
    TITLE_SPACE + rows as f64 * (IDEA_HEIGHT + GAP)
}

impl CanvasScene {
    /// The room's frame, if the board has one.
    pub fn room_frame(&self) -> Option<&CanvasItem> {
        self.stacked()
            .into_iter()
            .find(|i| i.kind == ItemKind::Frame && i.text.trim() == ROOM_FRAME_TITLE)
    }

    /// Adds `idea` to the room's frame (making the frame first if there is none) as one
    /// change: the frame, the sticky, and the frame grown to hold it.
    pub fn add_room_idea(
        &self,
        idea: &RoomIdea,
        new_id: &mut dyn FnMut() -> String,
    ) -> Result<SceneChange, Refusal> {
        let text = idea.text.trim();
        if text.is_empty() {
            return Err(Refusal::new(
                RefusalCode::Empty,
                "text",
                "write the idea before sending it",
            ));
        }
        if text.chars().count() > MAX_ITEM_TEXT_CHARS {
            return Err(Refusal::new(
                RefusalCode::TooLong,
                "text",
                format!("an idea can be at most {MAX_ITEM_TEXT_CHARS} characters"),
            ));
        }
        let mut scene = self.clone();
        let mut total = SceneChange::default();
        let frame = match self.room_frame() {
            Some(frame) => frame.clone(),
            None => {
                refuse_past_limit("cards and frames", scene.items.len(), 2, MAX_CANVAS_ITEMS)?;
                let (x, y) = self.beside_the_board();
                let frame_id = new_id();
                let made = scene.create(
                    &frame_id,
                    &NewItem {
                        kind: ItemKind::Frame,
                        x,
                        y,
                        width: frame_width(),
                        height: frame_height(1),
                        parent_frame: None,
                        content: ItemContent {
                            text: ROOM_FRAME_TITLE.to_string(),
                            colour: Colour::Grey,
                            ..ItemContent::default()
                        },
                    },
                )?;
                scene.apply_change(&made);
                total = total.then(made);
                match scene.item(&frame_id) {
                    Some(frame) => frame.clone(),
                    None => return Err(Refusal::general(RefusalCode::Internal, "frame not made")),
                }
            }
        };
        refuse_past_limit("cards and frames", scene.items.len(), 1, MAX_CANVAS_ITEMS)?;
        let slot = scene
            .items
            .iter()
            .filter(|i| i.parent_frame.as_deref() == Some(frame.id.as_str()))
            .count();
        let column = (slot % COLUMNS) as f64;
        let row = (slot / COLUMNS) as f64;
        let sticky = scene.create(
            &new_id(),
            &NewItem {
                kind: ItemKind::Sticky,
                x: frame.x + GAP + column * (IDEA_WIDTH + GAP),
                y: frame.y + TITLE_SPACE + row * (IDEA_HEIGHT + GAP),
                width: IDEA_WIDTH,
                height: IDEA_HEIGHT,
                parent_frame: Some(frame.id.clone()),
                content: ItemContent {
                    text: text.to_string(),
                    colour: Colour::Yellow,
                    author_id: idea.author_id.clone(),
                    tags: MetricTags {
                        outcome_or_output: idea.nature,
                        ..MetricTags::default()
                    },
                    ..ItemContent::default()
                },
            },
        )?;
        scene.apply_change(&sticky);
        total = total.then(sticky);
        let needed_width = frame.width.max(frame_width());
        let needed_height = frame.height.max(frame_height(slot + 1));
        if needed_width > frame.width || needed_height > frame.height {
            let grown = scene.resize(&frame.id, frame.x, frame.y, needed_width, needed_height)?;
            total = total.then(grown);
        }
        Ok(total)
    }

    /// Where a new frame goes so it covers nothing: to the right of everything on the board,
    /// level with its top.
    fn beside_the_board(&self) -> (f64, f64) {
        let right = self.items.iter().map(|i| i.x + i.width).reduce(f64::max);
        let top = self.items.iter().map(|i| i.y).reduce(f64::min);
        match (right, top) {
            (Some(right), Some(top)) => (right + BOARD_MARGIN, top),
            _ => (0.0, 0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, ids, scene, sticky};
    use super::*;

    fn idea(text: &str) -> RoomIdea {
        RoomIdea {
            text: text.into(),
            author_id: Some("p1".into()),
            nature: Some(Nature::Outcome),
        }
    }

    #[test]
    fn the_first_idea_makes_the_rooms_frame_beside_the_board() {
        let board = scene(vec![sticky("a", 0.0, 50.0)], vec![]);
        let change = board
            .add_room_idea(&idea("  Nights booked  "), &mut ids())
            .unwrap();
        assert_eq!(change.upserts.len(), 2);
        let frame = &change.upserts[0];
        assert_eq!(frame.kind, ItemKind::Frame);
        assert_eq!(frame.text, ROOM_FRAME_TITLE);
        assert_eq!((frame.x, frame.y), (100.0 + BOARD_MARGIN, 50.0));
        let note = &change.upserts[1];
        assert_eq!(note.text, "Nights booked");
        assert_eq!(note.parent_frame.as_deref(), Some(frame.id.as_str()));
        assert_eq!(note.author_id.as_deref(), Some("p1"));
        assert_eq!(note.tags.outcome_or_output, Some(Nature::Outcome));
        assert!(note.x >= frame.x && note.x + note.width <= frame.x + frame.width);
        assert!(note.y >= frame.y && note.y + note.height <= frame.y + frame.height);
    }

    #[test]
    fn later_ideas_fill_the_frame_row_by_row_and_grow_it() {
        let mut board = scene(vec![], vec![]);
        let mut next = ids();
        for n in 0..5 {
            let change = board
                .add_room_idea(&idea(&format!("idea {n}")), &mut next)
                .unwrap();
            board.apply_change(&change);
        }
        let frame = board.room_frame().unwrap().clone();
        let notes: Vec<&CanvasItem> = board
            .items
            .iter()
            .filter(|i| i.parent_frame.as_deref() == Some(frame.id.as_str()))
            .collect();
        assert_eq!(notes.len(), 5);
        // The fifth starts the second row, and the frame grew to hold it.
        assert_eq!(notes[4].x, notes[0].x);
        assert!(notes[4].y > notes[0].y);
        assert!(notes[4].y + notes[4].height <= frame.y + frame.height);
        let boxes: std::collections::HashSet<(i64, i64)> =
            notes.iter().map(|n| (n.x as i64, n.y as i64)).collect();
        assert_eq!(boxes.len(), 5, "no two ideas on the same spot");
    }

    #[test]
    fn an_existing_frame_of_that_title_is_used() {
        let mut room = frame("f", 500.0, 500.0, 900.0, 400.0);
        room.text = ROOM_FRAME_TITLE.into();
        let board = scene(vec![room], vec![]);
        let change = board.add_room_idea(&idea("x"), &mut ids()).unwrap();
        assert_eq!(change.upserts.len(), 1);
        assert_eq!(change.upserts[0].parent_frame.as_deref(), Some("f"));
    }

    #[test]
    fn an_empty_or_overlong_idea_is_refused_naming_the_text() {
        let board = scene(vec![], vec![]);
        let empty = board.add_room_idea(&idea("   "), &mut ids()).unwrap_err();
        assert_eq!(
            (empty.code, empty.field.head()),
            (RefusalCode::Empty, Some("text"))
        );
        let long = "x".repeat(MAX_ITEM_TEXT_CHARS + 1);
        let refused = board.add_room_idea(&idea(&long), &mut ids()).unwrap_err();
        assert_eq!(refused.code, RefusalCode::TooLong);
    }
}
