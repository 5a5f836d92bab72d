//! Step 1: who is in the room. The rules for a stakeholder card and for the power/interest
//! grid the room is drawn on, so the form, the grid and the report all agree on them.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::refusal::{Refusal, RefusalCode};
use crate::validation::{optional_text, required_text};

/// Longest name, role or function we accept: enough for real titles, short enough for a card.
pub const MAX_STAKEHOLDER_TEXT_CHARS: usize = 120;
/// Lowest influence or interest score.
pub const MIN_SCORE: u8 = 1;
/// Highest influence or interest score.
pub const MAX_SCORE: u8 = 5;
/// Scores at or above this count as "high" on the grid.
pub const HIGH_SCORE: u8 = 3;

/// How a stakeholder leans towards the work, as the facilitator reads the room.
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
pub enum Stance {
    Supportive,
    #[default]
    Neutral,
    Sceptical,
}

/// What the facilitator types on a stakeholder card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StakeholderInput {
    pub name: String,
    #[schemars(default)]
    pub role: String,
    /// The part of the organisation they speak for (top team, marketing, an agency...).
    #[schemars(default)]
    pub function: String,
    /// 1 (little say) to 5 (can make or break the outcome).
    pub influence: u8,
    /// 1 (barely affected) to 5 (lives with the outcome every day).
    pub interest: u8,
    #[schemars(default)]
    pub stance: Stance,
    /// In the room today; absent stakeholders still appear on the grid and in the report.
    #[schemars(default)]
    pub present: bool,
    /// Card colour as `#rrggbb`, or empty for the default.
    #[schemars(default)]
    pub colour: String,
}

impl StakeholderInput {
    /// Checks every field and returns the cleaned input (trimmed, colour in lower case).
    pub fn validate(&self) -> Result<StakeholderInput, Refusal> {
        Ok(StakeholderInput {
            name: required_text("name", &self.name, MAX_STAKEHOLDER_TEXT_CHARS)?,
            role: optional_text("role", &self.role, MAX_STAKEHOLDER_TEXT_CHARS)?,
            function: optional_text("function", &self.function, MAX_STAKEHOLDER_TEXT_CHARS)?,
            influence: validate_score("influence", self.influence)?,
            interest: validate_score("interest", self.interest)?,
            stance: self.stance,
            present: self.present,
            colour: validate_colour(&self.colour)?,
        })
    }
}

fn validate_score(field: &str, score: u8) -> Result<u8, Refusal> {
    if (MIN_SCORE..=MAX_SCORE).contains(&score) {
        Ok(score)
    } else {
        Err(Refusal::new(
            RefusalCode::OutOfRange,
            field,
            format!("must be between {MIN_SCORE} and {MAX_SCORE}; got {score}"),
        ))
    }
}

/// Accepts an empty colour or `#rrggbb`, returned in lower case.
fn validate_colour(colour: &str) -> Result<String, Refusal> {
    let trimmed = colour.trim();
    let is_hex = trimmed
        .strip_prefix('#')
        .is_some_and(|hex| hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()));
    if trimmed.is_empty() || is_hex {
        Ok(trimmed.to_ascii_lowercase())
    } else {
        Err(Refusal::new(
            RefusalCode::NotAColour,
            "colour",
            format!("“{trimmed}” is not a colour like #1f77b4"),
        ))
    }
}

/// Up to two upper-case letters for an avatar: the first letters of the first and last words.
/// "Ana María López" gives "AL", "bob" gives "B"; leading punctuation is skipped.
pub fn initials(name: &str) -> String {
    let firsts: Vec<char> = name
        .split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let picked = match firsts.as_slice() {
        [] => Vec::new(),
        [only] => vec![*only],
        [first, .., last] => vec![*first, *last],
    };
    picked
        .into_iter()
        .filter_map(|c| c.to_uppercase().next())
        .collect()
}

/// The four boxes of the power/interest grid, and how the room should treat the people in them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GridQuadrant {
    /// High influence, high interest: involve them in every decision.
    ManageClosely,
    /// High influence, low interest: keep them content without overloading them.
    KeepSatisfied,
    /// Low influence, high interest: keep them in the loop.
    KeepInformed,
    /// Low influence, low interest: watch for change.
    Monitor,
}

/// Places a stakeholder on the grid; a score of 3 or more counts as high.
pub fn quadrant(influence: u8, interest: u8) -> GridQuadrant {
    match (influence >= HIGH_SCORE, interest >= HIGH_SCORE) {
        (true, true) => GridQuadrant::ManageClosely,
        (true, false) => GridQuadrant::KeepSatisfied,
        (false, true) => GridQuadrant::KeepInformed,
        (false, false) => GridQuadrant::Monitor,
    }
}

/// True when `candidate` names someone already on the list, ignoring case and spacing.
/// The UI warns rather than refuses: two people can share a name.
pub fn duplicate_name(existing: &[&str], candidate: &str) -> bool {
    let wanted = normalise_name(candidate);
    !wanted.is_empty() && existing.iter().any(|name| normalise_name(name) == wanted)
}

fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Scores read off a drop on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridScores {
    pub influence: u8,
    pub interest: u8,
}

/// Maps a drop position in the unit square to scores: `x` is interest (left low, right high),
/// `y` is influence (bottom low, top high). Each axis is cut in five equal bands; positions
/// outside the square are clamped to its edge.
pub fn grid_position_to_scores(x: f64, y: f64) -> GridScores {
    GridScores {
        influence: axis_to_score(y),
        interest: axis_to_score(x),
    }
}

/// The centre of the band for each score, to draw a card where its scores put it.
/// Returns `(x, y)` in the same unit square as [`grid_position_to_scores`].
pub fn scores_to_grid_position(influence: u8, interest: u8) -> (f64, f64) {
    (score_to_axis(interest), score_to_axis(influence))
}

fn axis_to_score(position: f64) -> u8 {
    let position = if position.is_nan() {
        0.0
    } else {
        position.clamp(0.0, 1.0)
    };
    let bands = f64::from(MAX_SCORE);
    // The float is in 0..=5 here, so the cast cannot lose anything that matters.
    let band = (position * bands).floor() as u8;
    band.min(MAX_SCORE - 1) + MIN_SCORE
}

fn score_to_axis(score: u8) -> f64 {
    let score = score.clamp(MIN_SCORE, MAX_SCORE);
    (f64::from(score - MIN_SCORE) + 0.5) / f64::from(MAX_SCORE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> StakeholderInput {
        StakeholderInput {
            name: "Ana".into(),
            role: String::new(),
            function: String::new(),
            influence: 3,
            interest: 3,
            stance: Stance::Neutral,
            present: true,
            colour: String::new(),
        }
    }

    #[test]
    fn a_stakeholder_needs_a_name() {
        let err = StakeholderInput {
            name: "  ".into(),
            ..input()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            (err.field.to_string().as_str(), err.message.as_str()),
            ("name", "must not be empty")
        );
    }

    #[test]
    fn a_valid_card_comes_back_trimmed() {
        let clean = StakeholderInput {
            name: " Ana López ".into(),
            role: " CEO ".into(),
            colour: "#1F77B4".into(),
            ..input()
        }
        .validate()
        .unwrap();
        assert_eq!(clean.name, "Ana López");
        assert_eq!(clean.role, "CEO");
        assert_eq!(
            clean.colour, "#1f77b4",
            "colours are stored in one spelling"
        );
    }

    #[test]
    fn an_influence_off_the_scale_names_the_field() {
        let err = StakeholderInput {
            influence: 6,
            ..input()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "influence");
        assert_eq!(err.message, "must be between 1 and 5; got 6");
    }

    #[test]
    fn an_interest_of_zero_is_refused() {
        let err = StakeholderInput {
            interest: 0,
            ..input()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field, "interest", "0 is not on the 1-5 scale");
    }

    #[test]
    fn a_colour_must_be_empty_or_hex() {
        for bad in ["red", "#12345", "#12345g", "1f77b4"] {
            let err = StakeholderInput {
                colour: bad.into(),
                ..input()
            }
            .validate()
            .unwrap_err();
            assert_eq!(err.field, "colour", "{bad} should be refused");
        }
    }

    #[test]
    fn initials_take_the_first_and_last_words() {
        assert_eq!(initials("Ana María López"), "AL");
        assert_eq!(initials("bob"), "B", "one word gives one letter");
        assert_eq!(
            initials("  émile   zola "),
            "ÉZ",
            "accents survive upper-casing"
        );
        assert_eq!(initials("(Dr) jo Smith"), "DS", "punctuation is skipped");
        assert_eq!(initials("   "), "", "no name, no initials");
    }

    #[test]
    fn the_grid_splits_at_three() {
        assert_eq!(quadrant(3, 3), GridQuadrant::ManageClosely);
        assert_eq!(quadrant(5, 2), GridQuadrant::KeepSatisfied);
        assert_eq!(quadrant(2, 5), GridQuadrant::KeepInformed);
        assert_eq!(quadrant(1, 1), GridQuadrant::Monitor);
    }

    #[test]
    fn a_duplicate_name_warns_whatever_the_case_or_spacing() {
        let names = ["Ana  López", "Bob"];
        assert!(duplicate_name(&names, " ana lópez"));
        assert!(
            duplicate_name(&names, "ANA LÓPEZ"),
            "Unicode case is folded"
        );
        assert!(
            !duplicate_name(&names, "Ana Lopez"),
            "accents make a different name"
        );
        assert!(
            !duplicate_name(&names, "  "),
            "an empty name duplicates nothing"
        );
    }

    #[test]
    fn a_drop_on_the_grid_becomes_scores() {
        let corner = grid_position_to_scores(0.0, 0.0);
        assert_eq!((corner.influence, corner.interest), (1, 1));
        let top_right = grid_position_to_scores(1.0, 1.0);
        assert_eq!(
            (top_right.influence, top_right.interest),
            (5, 5),
            "the edge is band 5"
        );
        let centre = grid_position_to_scores(0.5, 0.5);
        assert_eq!((centre.influence, centre.interest), (3, 3));
        let skewed = grid_position_to_scores(0.9, 0.1);
        assert_eq!(
            (skewed.influence, skewed.interest),
            (1, 5),
            "x is interest, y influence"
        );
    }

    #[test]
    fn a_drop_outside_the_grid_is_clamped() {
        let scores = grid_position_to_scores(-3.0, 7.5);
        assert_eq!((scores.influence, scores.interest), (5, 1));
        let nan = grid_position_to_scores(f64::NAN, f64::INFINITY);
        assert_eq!(
            (nan.influence, nan.interest),
            (5, 1),
            "no float gives a score off the scale"
        );
    }

    #[test]
    fn a_card_is_drawn_where_a_drop_would_give_its_scores() {
        for influence in MIN_SCORE..=MAX_SCORE {
            for interest in MIN_SCORE..=MAX_SCORE {
                let (x, y) = scores_to_grid_position(influence, interest);
                let back = grid_position_to_scores(x, y);
                assert_eq!((back.influence, back.interest), (influence, interest));
            }
        }
    }
}
