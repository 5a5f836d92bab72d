//! Step 2: the customer categories. Who the customers are, grouped, and which groups are the
//! best customers and why: the needs of step 3 are written per category.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::Refusal;
use crate::validation::{optional_text, required_text};

/// Longest category name we accept.
pub const MAX_CATEGORY_NAME_CHARS: usize = 120;
/// Longest description or "why best" text we accept.
pub const MAX_CATEGORY_TEXT_CHARS: usize = 2000;
/// Longest size or value note ("about 400 accounts", "60% of revenue").
pub const MAX_CATEGORY_FIGURE_CHARS: usize = 60;

/// Why a category counts among the best customers (the method names these four).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BestReason {
    /// They bring the most value (revenue, margin).
    Value,
    /// They stay and come back.
    Loyalty,
    /// They are growing, or we grow with them.
    Growth,
    /// They are who the strategy is aimed at.
    StrategicFit,
}

/// What the facilitator types for a customer category.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct CategoryInput {
    pub name: String,
    #[schemars(default)]
    pub description: String,
    /// In the room's words, why these are among the best customers.
    #[schemars(default)]
    pub why_best: String,
    #[schemars(default)]
    pub reasons: Vec<BestReason>,
    /// Free text: how many there are ("about 400 accounts").
    #[schemars(default)]
    pub size: String,
    /// Free text: what they are worth ("60% of revenue").
    #[schemars(default)]
    pub value: String,
    /// Marked by the room as one of the best customer categories.
    #[schemars(default)]
    pub priority: bool,
}

impl CategoryInput {
    /// Checks every field and returns the cleaned input: text trimmed, each reason kept once
    /// in the order it was first given.
    pub fn validate(&self) -> Result<CategoryInput, Refusal> {
        let mut reasons = Vec::new();
        for reason in &self.reasons {
            if !reasons.contains(reason) {
                reasons.push(*reason);
            }
        }
        Ok(CategoryInput {
            name: required_text("name", &self.name, MAX_CATEGORY_NAME_CHARS)?,
            description: optional_text("description", &self.description, MAX_CATEGORY_TEXT_CHARS)?,
            why_best: optional_text("whyBest", &self.why_best, MAX_CATEGORY_TEXT_CHARS)?,
            reasons,
            size: optional_text("size", &self.size, MAX_CATEGORY_FIGURE_CHARS)?,
            value: optional_text("value", &self.value, MAX_CATEGORY_FIGURE_CHARS)?,
            priority: self.priority,
        })
    }
}

/// A gentle prompt, not a refusal: a category marked as best customers should say why.
/// `None` when there is nothing to ask.
pub fn missing_why(input: &CategoryInput) -> Option<String> {
    if input.priority && input.reasons.is_empty() && input.why_best.trim().is_empty() {
        Some("say why these are among the best customers: pick a reason or write one".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> CategoryInput {
        CategoryInput {
            name: name.into(),
            ..CategoryInput::default()
        }
    }

    #[test]
    fn a_category_needs_a_name() {
        let err = input(" ").validate().unwrap_err();
        assert_eq!(err.field, "name");
    }

    #[test]
    fn a_valid_category_comes_back_trimmed() {
        let clean = CategoryInput {
            size: " about 400 accounts ".into(),
            ..input(" Enterprise ")
        }
        .validate()
        .unwrap();
        assert_eq!(clean.name, "Enterprise");
        assert_eq!(clean.size, "about 400 accounts");
    }

    #[test]
    fn a_reason_ticked_twice_is_kept_once() {
        let clean = CategoryInput {
            reasons: vec![BestReason::Growth, BestReason::Value, BestReason::Growth],
            ..input("SMB")
        }
        .validate()
        .unwrap();
        assert_eq!(clean.reasons, vec![BestReason::Growth, BestReason::Value]);
    }

    #[test]
    fn an_essay_in_the_size_field_is_refused() {
        let err = CategoryInput {
            size: "x".repeat(61),
            ..input("SMB")
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "size");
        assert_eq!(err.message, "is 61 characters long; the limit is 60");
    }

    #[test]
    fn an_over_long_why_names_the_camel_case_field() {
        let err = CategoryInput {
            why_best: "x".repeat(2001),
            ..input("SMB")
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            err.field, "whyBest",
            "the UI looks fields up by their JSON names"
        );
    }

    #[test]
    fn best_customers_without_a_why_get_a_prompt() {
        let best = CategoryInput {
            priority: true,
            ..input("Enterprise")
        };
        assert!(
            missing_why(&best).is_some(),
            "the method asks why they are the best"
        );
        let explained = CategoryInput {
            reasons: vec![BestReason::Loyalty],
            ..best.clone()
        };
        assert_eq!(missing_why(&explained), None);
        assert_eq!(
            missing_why(&input("Others")),
            None,
            "only best customers need a why"
        );
    }

    #[test]
    fn reasons_serialize_as_snake_case() {
        let json = serde_json::to_string(&BestReason::StrategicFit).unwrap();
        assert_eq!(json, "\"strategic_fit\"");
    }
}
