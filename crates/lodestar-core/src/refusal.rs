//! Refusals: why an action was not done, as a code every door switches on (the desktop UI,
//! the CLI's exit status, the phone page), the field it is about, and a sentence for people.
//!
//! The code is the contract; the message is for reading. No caller ever parses a message.

use std::fmt;

use serde::{Deserialize, Serialize};
use specta::Type;

/// Declares the codes once: each with its doc, in order, and the sentence that explains it.
/// From the one list come the enum, [`RefusalCode::ALL`] and [`RefusalCode::explanation`].
macro_rules! refusal_codes {
    ($( $(#[doc = $doc:literal])* $code:ident => $text:literal, )*) => {
        /// Every reason Lodestar refuses something. Grouped by [`RefusalClass`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
        #[serde(rename_all = "camelCase")]
        #[repr(u8)]
        pub enum RefusalCode {
            $( $(#[doc = $doc])* $code, )*
        }

        impl RefusalCode {
            /// Every code, in the order declared.
            pub const ALL: &'static [RefusalCode] = &[$(RefusalCode::$code),*];

            /// What the refusal means and what to do, when the refusal itself says nothing more.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(RefusalCode::$code => $text,)*
                }
            }
        }
    };
}

refusal_codes! {
    // What someone typed.
    /// A required field is empty.
    Empty => "This field must be filled in.",
    /// A text is longer than its limit.
    TooLong => "This text is too long: shorten it.",
    /// A date is not a calendar date written YYYY-MM-DD.
    NotADate => "Write the date like 2026-03-14.",
    /// A number is outside its allowed range (a score, a budget, a size, a time box).
    OutOfRange => "This number is outside the allowed range.",
    /// A colour is not written like #1f77b4.
    NotAColour => "Choose a colour like #1f77b4.",
    /// A number is not a finite number.
    NotANumber => "This must be a number.",

    // What an action refers to.
    /// The action names something that is not (or no longer) part of this workshop.
    UnknownReference => "This refers to something that is no longer in the workshop: choose again.",
    /// An id the caller chose is already taken.
    AlreadyExists => "This already exists: try again.",
    /// The same thing is listed twice where it may appear once.
    Duplicate => "This appears twice: keep one.",
    /// A list to reorder does not name every item exactly once (it changed meanwhile).
    ListChanged => "The list changed meanwhile: try again.",
    /// The record acted on no longer exists (deleted elsewhere, or undone).
    NotFound => "This no longer exists (it may have been deleted or undone).",

    // The canvas.
    /// A frame was chosen where a metric (a sticky or a KPI card) is needed.
    NotAMetric => "A frame is a group, not a metric: choose a sticky or a KPI card.",
    /// The item is of the wrong kind for the action (only frames hold items or ungroup).
    WrongKind => "This item is of the wrong kind for that: only frames hold items.",
    /// A frame would end up inside itself.
    FrameInsideItself => "A frame cannot go inside itself or a frame it contains.",
    /// A link would join an item to itself.
    SameItem => "A link joins two different items: choose another end.",
    /// Nothing is selected for an action that needs a selection.
    NothingSelected => "Select something first.",
    /// The North Star's sticky cannot be deleted while it is the North Star.
    NorthStarInUse => "This is the North Star metric: clear the North Star first.",
    /// The North Star cannot be one of its own inputs.
    NorthStarAsInput => "The North Star cannot be one of its own inputs.",
    /// What is being removed is an option of a vote: discard the vote first.
    OnABallot => "This is an option of a vote: discard that vote first.",
    /// More inputs, actions or canvas operations than one step allows.
    TooMany => "That is more than one step allows: do it in parts.",

    // Votes.
    /// A vote needs at least two options.
    TooFewOptions => "A vote needs at least two options to choose from.",
    /// Another vote on the same subject is under way.
    VoteUnderWay => "A vote is already under way: reveal its results or discard it.",
    /// The vote is closed: ballots can no longer be cast.
    VoteClosed => "This vote is closed: ballots can no longer be cast.",
    /// The vote must be closed first.
    VoteStillOpen => "Close the vote first.",
    /// The vote's results must be revealed first.
    VoteNotRevealed => "Reveal the results first.",
    /// No ballot has been cast yet.
    NoBallots => "No ballot has been cast yet.",
    /// The vote is not tied, so there is nothing to settle.
    VoteNotTied => "This vote is not tied.",
    /// A run-off already replaced this round.
    RunoffReplaced => "A run-off replaced this round: decide the latest one.",
    /// The facilitator's pick is not among the tied options.
    NotAmongTied => "Choose one of the tied options.",
    /// A ballot's shape does not fit the vote's method.
    WrongBallot => "This ballot does not fit the vote's method.",
    /// A ballot places nothing.
    EmptyBallot => "The ballot is empty: place at least one vote.",
    /// A ballot spends more than the budget, or more than the cap on one option.
    OverBudget => "The ballot spends more than its budget.",
    /// A points ballot does not spend its whole budget.
    BudgetNotSpent => "Share the whole budget among the options.",
    /// The voter is not a stakeholder of this workshop.
    NotAVoter => "Only the workshop's stakeholders can vote.",

    // The steps.
    /// A step cannot be opened before an earlier one is done.
    StepLocked => "Finish the earlier step first.",

    // History.
    NothingToUndo => "Nothing to undo.",
    NothingToRedo => "Nothing to redo.",

    // Files.
    /// A file is larger than workshop files may be.
    FileTooLarge => "This file is larger than a workshop file can be.",
    /// A file could not be read (missing, no permission, not a regular file).
    FileUnreadable => "This file could not be read: check it exists and can be opened.",
    /// A file is not JSON.
    FileNotJson => "This file is not a workshop file (it is not JSON).",
    /// A file is JSON but not a Lodestar workshop file.
    FileNotWorkshop => "This file is not a Lodestar workshop file.",
    /// A file was written by a newer Lodestar.
    FileFromNewerVersion => "This file was written by a newer Lodestar: update the app.",
    /// A workshop file has a wrong value at a JSON path.
    FileInvalid => "This workshop file has a wrong value; nothing was imported.",
    /// A file could not be written where it was asked for.
    WriteFailed => "The file could not be written there: choose another place.",

    // The room: phones in the room, over the local network.
    /// The room is not open (or was closed): phones cannot reach the workshop.
    RoomClosed => "The room is closed: ask the facilitator to open it again.",
    /// A join link or join code that is wrong, or was renewed or ended.
    JoinLinkInvalid => "This join link or code is not valid: scan the code on the screen again.",
    /// A device token the room does not know (removed, renewed, or the room was reopened).
    DeviceUnknown => "This phone is no longer in the room: scan the code on the screen to join again.",
    /// Another device has already joined as this person.
    PersonTaken => "Another phone has joined as this person: ask the facilitator to release them.",
    /// The device has not said who it is yet.
    NoPersonChosen => "Choose who you are first.",
    /// Guests may not join this room.
    GuestsNotAllowed => "The facilitator has not allowed guests: pick your name, or ask to be added.",
    /// What was asked is not open at the workshop's current step.
    NotThisStep => "That is not open at this step of the workshop: wait for the facilitator.",
    /// A request did not come from the room's own page (wrong host or origin).
    RequestRefused => "This request was refused: open the room's page from its join link.",
    /// A request to the room that is not what its page sends (not JSON, wrong fields).
    MalformedRequest => "The request could not be read: reload the page and try again.",
    /// A request body over the room's cap.
    RequestTooLarge => "This request is too large.",
    /// Too many requests from one address in a short time.
    TooManyRequests => "Too many requests from this phone: wait a moment and try again.",

    // The store and the app.
    /// The database was written by a newer Lodestar.
    StoreFromNewerVersion => "The database was written by a newer Lodestar: open it with the newer app.",
    /// The database could not be opened (no data folder, a locked or unreadable file).
    StoreUnavailable => "The database could not be opened: start with --data-dir PATH.",
    /// Another Lodestar window already has this data folder open.
    StoreInUse => "Lodestar is already open with this data folder: use that window.",
    /// SQLite or the disk failed during an action; nothing was half-written.
    StorageFailed => "The database or the disk failed; nothing was changed.",
    /// Something that should not happen happened; nothing was half-written.
    Internal => "Something went wrong inside Lodestar; nothing was changed.",
}

/// The kind of a refusal, for doors that only need the broad answer (a CLI exit status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum RefusalClass {
    /// The input was wrong or the action does not fit the workshop's state: fix and retry.
    BadInput,
    /// What the action names does not exist.
    NotFound,
    /// The store cannot be used at all.
    StoreUnavailable,
    /// The disk, SQLite or the app failed.
    Failed,
}

impl RefusalCode {
    /// The broad kind of refusal.
    pub fn class(self) -> RefusalClass {
        use RefusalCode::*;
        match self {
            NotFound => RefusalClass::NotFound,
            StoreFromNewerVersion | StoreUnavailable | StoreInUse => RefusalClass::StoreUnavailable,
            StorageFailed | WriteFailed | Internal => RefusalClass::Failed,
            _ => RefusalClass::BadInput,
        }
    }
}

/// One step of a [`FieldPath`]: a field's name or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(untagged)]
pub enum PathStep {
    Key(String),
    Index(u32),
}

/// Where in the input a refusal points, e.g. `ballot.allocations[2].amount` as
/// `["ballot", "allocations", 2, "amount"]`. Empty when the refusal is about the whole action.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct FieldPath(pub Vec<PathStep>);

impl FieldPath {
    /// The path of no field: the refusal is about the action as a whole.
    pub fn none() -> FieldPath {
        FieldPath(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first field name, which is what a form highlights.
    pub fn head(&self) -> Option<&str> {
        match self.0.first() {
            Some(PathStep::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// This path inside `list[index]`: `name` → `list[index].name`.
    pub fn within(mut self, list: &str, index: usize) -> FieldPath {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let mut steps = FieldPath::from(list).0;
        steps.push(PathStep::Index(index));
        steps.append(&mut self.0);
        FieldPath(steps)
    }

    /// This path below `prefix`: `name` → `prefix.name`.
    pub fn under(mut self, prefix: &str) -> FieldPath {
        let mut steps = FieldPath::from(prefix).0;
        steps.append(&mut self.0);
        FieldPath(steps)
    }
}

/// Reads the dotted form, `inputs[1].itemId` or `options[0]`; text that is not a path stays
/// one key, so nothing is lost.
impl From<&str> for FieldPath {
    fn from(text: &str) -> FieldPath {
        let mut steps = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (name, mut rest) = match part.find('[') {
                Some(at) => part.split_at(at),
                None => (part, ""),
            };
            if !name.is_empty() {
                steps.push(PathStep::Key(name.to_string()));
            }
            while let Some(inner) = rest.strip_prefix('[') {
                let Some(close) = inner.find(']') else {
                    steps.push(PathStep::Key(rest.to_string()));
                    break;
                };
                match inner[..close].parse::<u32>() {
                    Ok(index) => steps.push(PathStep::Index(index)),
                    Err(_) => steps.push(PathStep::Key(inner[..close].to_string())),
                }
                rest = &inner[close + 1..];
            }
        }
        FieldPath(steps)
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> FieldPath {
        FieldPath::from(text.as_str())
    }
}

impl From<&String> for FieldPath {
    fn from(text: &String) -> FieldPath {
        FieldPath::from(text.as_str())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Key(key) if i == 0 => write!(f, "{key}")?,
                PathStep::Key(key) => write!(f, ".{key}")?,
                PathStep::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Lets tests and callers compare a path with its dotted form.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        let mut rest: &str = other;
        for (i, step) in self.0.iter().enumerate() {
            let after = match step {
                PathStep::Key(key) => {
                    let dotted = if i == 0 {
                        Some(rest)
                    } else {
                        rest.strip_prefix('.')
                    };
                    dotted.and_then(|r| r.strip_prefix(key.as_str()))
                }
                PathStep::Index(index) => rest.strip_prefix('[').and_then(|r| {
                    let close = r.find(']')?;
                    (r[..close].parse::<u32>().ok()? == *index).then(|| &r[close + 1..])
                }),
            };
            match after {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    }
}

/// Why an action was refused: a code to switch on, the field it is about, and a sentence
/// saying what is wrong and what to do. Nothing was changed when an action is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub code: RefusalCode,
    /// The field the refusal is about; empty when it is about the action as a whole.
    pub field: FieldPath,
    /// What is wrong, in words a facilitator can act on (without the field's name).
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl Refusal {
    /// A refusal about one field.
    pub fn new(
        code: RefusalCode,
        field: impl Into<FieldPath>,
        message: impl Into<String>,
    ) -> Refusal {
        Refusal {
            code,
            field: field.into(),
            message: message.into(),
        }
    }

    /// A refusal about the action as a whole.
    pub fn general(code: RefusalCode, message: impl Into<String>) -> Refusal {
        Refusal::new(code, FieldPath::none(), message)
    }

    /// A refusal with the code's own explanation as its message.
    pub fn plain(code: RefusalCode) -> Refusal {
        Refusal::general(code, code.explanation())
    }

    /// The same refusal about a field inside `list[index]`.
    pub fn within(mut self, list: &str, index: usize) -> Refusal {
        self.field = self.field.within(list, index);
        self
    }

    /// The same refusal about a field below `prefix`.
    pub fn under(mut self, prefix: &str) -> Refusal {
        self.field = self.field.under(prefix);
        self
    }

    pub fn class(&self) -> RefusalClass {
        self.code.class()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_code_is_listed_once_and_explains_itself() {
        let listed: HashSet<RefusalCode> = RefusalCode::ALL.iter().copied().collect();
        assert_eq!(listed.len(), RefusalCode::ALL.len());
        assert_eq!(RefusalCode::ALL.len(), RefusalCode::Internal as usize + 1);
        for (position, code) in RefusalCode::ALL.iter().copied().enumerate() {
            assert_eq!(
                code as usize, position,
                "ALL lists {code:?} in declaration order"
            );
            let text = code.explanation();
            assert!(
                text.ends_with('.'),
                "{code:?} explains itself in a sentence"
            );
            assert!(text.len() > 10, "{code:?} says something useful");
        }
    }

    #[test]
    fn codes_reach_typescript_as_camel_case_words() {
        let json = serde_json::to_value(RefusalCode::VoteClosed).unwrap();
        assert_eq!(json, serde_json::json!("voteClosed"));
    }

    #[test]
    fn a_dotted_path_reads_into_keys_and_indexes_and_prints_back() {
        let path = FieldPath::from("ballot.allocations[2].amount");
        assert_eq!(
            serde_json::to_value(&path).unwrap(),
            serde_json::json!(["ballot", "allocations", 2, "amount"])
        );
        assert_eq!(path.to_string(), "ballot.allocations[2].amount");
        assert_eq!(path.head(), Some("ballot"));
        assert_eq!(FieldPath::from("options[0]"), "options[0]");
        assert!(FieldPath::from("").is_empty());
    }

    #[test]
    fn a_refusal_inside_a_list_names_the_entry() {
        let refusal = Refusal::new(RefusalCode::Empty, "name", "must not be empty")
            .within("stakeholders", 3)
            .under("file");
        assert_eq!(refusal.field, "file.stakeholders[3].name");
        assert_eq!(
            refusal.to_string(),
            "file.stakeholders[3].name: must not be empty"
        );
    }

    #[test]
    fn a_refusal_serialises_with_its_code_field_and_message() {
        let refusal = Refusal::new(RefusalCode::Empty, "title", "must not be empty");
        assert_eq!(
            serde_json::to_value(&refusal).unwrap(),
            serde_json::json!({"code": "empty", "field": ["title"], "message": "must not be empty"})
        );
    }

    #[test]
    fn classes_group_the_codes_for_exit_statuses() {
        assert_eq!(RefusalCode::OverBudget.class(), RefusalClass::BadInput);
        assert_eq!(RefusalCode::NotFound.class(), RefusalClass::NotFound);
        assert_eq!(
            RefusalCode::StoreFromNewerVersion.class(),
            RefusalClass::StoreUnavailable
        );
        assert_eq!(RefusalCode::StorageFailed.class(), RefusalClass::Failed);
    }
}
