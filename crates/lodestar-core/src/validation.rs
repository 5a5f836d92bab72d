//! Validation of what people type: a refusal names the field and says what is wrong.

use crate::refusal::{Refusal, RefusalCode};

/// Trims a required text field and refuses it when empty or longer than `max` characters.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String, Refusal> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Refusal::new(RefusalCode::Empty, field, "must not be empty"));
    }
    optional_text(field, trimmed, max)
}

/// Trims an optional text field and refuses it when longer than `max` characters.
pub fn optional_text(field: &str, value: &str, max: usize) -> Result<String, Refusal> {
    let trimmed = value.trim();
    let length = trimmed.chars().count();
    if length > max {
        return Err(Refusal::new(
            RefusalCode::TooLong,
            field,
            format!("is {length} characters long; the limit is {max}"),
        ));
    }
    Ok(trimmed.to_string())
}

/// Accepts an empty string or a calendar date written `YYYY-MM-DD`.
pub fn optional_date(field: &str, value: &str) -> Result<String, Refusal> {
    let trimmed = value.trim();
    if trimmed.is_empty() || is_calendar_date(trimmed) {
        Ok(trimmed.to_string())
    } else {
        Err(Refusal::new(
            RefusalCode::NotADate,
            field,
            format!("\"{trimmed}\" is not a date like 2026-03-14"),
        ))
    }
}

/// True for a real calendar date in `YYYY-MM-DD` form (leap years included).
pub fn is_calendar_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_required_name_is_refused_with_the_field_named() {
        let err = required_text("title", "   ", 10).unwrap_err();
        assert_eq!(err.to_string(), "title: must not be empty");
    }

    #[test]
    fn required_text_is_trimmed() {
        assert_eq!(
            required_text("title", "  Kick-off ", 20).unwrap(),
            "Kick-off"
        );
    }

    #[test]
    fn over_long_text_says_how_long_it_is() {
        let err = optional_text("title", "abcdef", 5).unwrap_err();
        assert_eq!(err.message, "is 6 characters long; the limit is 5");
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert!(is_calendar_date("2024-02-29"), "2024 is a leap year");
        assert!(!is_calendar_date("2023-02-29"), "2023 is not a leap year");
        assert!(!is_calendar_date("2026-13-01"));
        assert!(!is_calendar_date("26-1-1"));
        assert!(optional_date("date", "").is_ok(), "the date is optional");
        assert!(optional_date("date", "next friday").is_err());
    }
}
