//! A workshop: the session a facilitator runs, and what they type to create or rename it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::Refusal;
use crate::steps::Step;
use crate::validation::{optional_date, optional_text, required_text};

/// Longest title or name we accept: long enough for real titles, short enough for a slide.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest organisation or facilitator name we accept.
pub const MAX_NAME_CHARS: usize = 120;

/// A workshop as the app shows it. Times are milliseconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Workshop {
    pub id: String,
    pub title: String,
    pub organisation: String,
    /// The day the workshop is held, `YYYY-MM-DD`, or empty when not yet known.
    pub date: String,
    pub facilitator: String,
    pub current_step: Step,
    #[specta(type = specta_typescript::Number)]
    pub created_at: i64,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: i64,
}

/// One row of the home screen's list.
pub type WorkshopSummary = Workshop;

/// What the facilitator types to create a workshop or change its details.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopInput {
    pub title: String,
    pub organisation: String,
    pub date: String,
    pub facilitator: String,
}

impl WorkshopInput {
    /// Checks every field and returns the cleaned (trimmed) input.
    pub fn validate(&self) -> Result<WorkshopInput, Refusal> {
        Ok(WorkshopInput {
            title: validate_title(&self.title)?,
            organisation: optional_text("organisation", &self.organisation, MAX_NAME_CHARS)?,
            date: optional_date("date", &self.date)?,
            facilitator: optional_text("facilitator", &self.facilitator, MAX_NAME_CHARS)?,
        })
    }
}

/// A workshop title must say something: empty titles make an unusable home screen.
pub fn validate_title(title: &str) -> Result<String, Refusal> {
    required_text("title", title, MAX_TITLE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str) -> WorkshopInput {
        WorkshopInput {
            title: title.into(),
            ..WorkshopInput::default()
        }
    }

    #[test]
    fn a_workshop_needs_a_title() {
        let err = input("  ").validate().unwrap_err();
        assert_eq!(err.field, "title");
    }

    #[test]
    fn a_valid_input_comes_back_trimmed() {
        let mut raw = input("  North Star kick-off ");
        raw.organisation = " Acme ".into();
        raw.date = "2026-11-23".into();
        let clean = raw.validate().unwrap();
        assert_eq!(clean.title, "North Star kick-off");
        assert_eq!(clean.organisation, "Acme");
    }

    #[test]
    fn a_malformed_date_names_the_date_field() {
        let mut raw = input("Kick-off");
        raw.date = "23/11/2026".into();
        assert_eq!(raw.validate().unwrap_err().field, "date");
    }

    #[test]
    fn workshops_serialize_in_camel_case_for_the_ui() {
        let workshop = Workshop {
            id: "w1".into(),
            title: "T".into(),
            organisation: String::new(),
            date: String::new(),
            facilitator: String::new(),
            current_step: Step::Vote,
            created_at: 1,
            updated_at: 2,
        };
        let json = serde_json::to_value(&workshop).unwrap();
        assert_eq!(json["currentStep"], "vote");
        assert_eq!(json["updatedAt"], 2);
    }
}
