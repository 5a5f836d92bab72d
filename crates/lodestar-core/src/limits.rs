//! How much one workshop may hold. Each limit is far above what a room of 5–20 people makes
//! in a day, and low enough that the largest workshop the app accepts still saves to a file
//! that its own import accepts, and imports and typesets in seconds. The app refuses to add
//! past a limit (`TooMany`); a file over one is refused by the file check.

use crate::refusal::{Refusal, RefusalCode};

pub const MAX_STAKEHOLDERS: usize = 500;
pub const MAX_CATEGORIES: usize = 200;
pub const MAX_NEEDS: usize = 1_000;
pub const MAX_ACTIONS: usize = 500;
pub const MAX_VOTES: usize = 500;
pub const MAX_BALLOTS: usize = 50_000;
pub const MAX_CANVAS_ITEMS: usize = 5_000;
pub const MAX_CANVAS_LINKS: usize = 10_000;

/// Refuses adding `adding` more to a list of `count` whose limit is `max`.
pub fn refuse_past_limit(
    what: &str,
    count: usize,
    adding: usize,
    max: usize,
) -> Result<(), Refusal> {
    if count.saturating_add(adding) > max {
        return Err(Refusal::general(
            RefusalCode::TooMany,
            format!("a workshop can hold at most {max} {what}; remove some before adding more"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_one_fits_and_the_next_is_refused_with_the_limit_named() {
        assert!(refuse_past_limit("stakeholders", 499, 1, MAX_STAKEHOLDERS).is_ok());
        let refused = refuse_past_limit("stakeholders", 500, 1, MAX_STAKEHOLDERS).unwrap_err();
        assert_eq!(refused.code, RefusalCode::TooMany);
        assert!(refused.message.contains("500 stakeholders"));
    }
}
