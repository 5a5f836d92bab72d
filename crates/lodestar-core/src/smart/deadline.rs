//! Whether a need's "by when" is a deadline. Rooms write deadlines many ways; this accepts
//! the common ones, generously, as long as there is a number to hold the room to.

use crate::validation::is_calendar_date;

/// Words that may come before a deadline ("by the end of", "no later than", "within the next").
const LEADING_FILLERS: [&str; 17] = [
    "by",
    "before",
    "until",
    "till",
    "no",
    "later",
    "than",
    "in",
    "within",
    "the",
    "next",
    "end",
    "of",
    "start",
    "beginning",
    "mid",
    "at",
];
/// Words that may come after one ("at the latest", "or sooner").
const TRAILING_FILLERS: [&str; 6] = ["at", "the", "latest", "or", "sooner", "earlier"];
const PERIOD_UNITS: [&str; 12] = [
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "wk", "wks",
];
const MONTHS: [[&str; 2]; 12] = [
    ["january", "jan"],
    ["february", "feb"],
    ["march", "mar"],
    ["april", "apr"],
    ["may", "may"],
    ["june", "jun"],
    ["july", "jul"],
    ["august", "aug"],
    ["september", "sep"],
    ["october", "oct"],
    ["november", "nov"],
    ["december", "dec"],
];

/// True when `text` names a deadline with a number in it: a date (2027-06-30), a month
/// (2027-06, June 2027), a quarter or half (Q3 2027, 2027-Q3, H1 2027), a year (by end of
/// 2027), a day (30 June 2027, June 30, 2027) or a period (within 6 months, in 90 days).
/// Common lead-ins ("by", "no later than", "by the end of") and tails ("at the latest") are
/// allowed. A deadline in words only ("six months") is not accepted: it needs digits.
pub fn is_deadline(text: &str) -> bool {
    let lowered = text.to_lowercase().replace([',', ';'], " ");
    let tokens: Vec<&str> = lowered
        .split_whitespace()
        .map(|token| token.trim_end_matches('.'))
        .filter(|token| !token.is_empty())
        .collect();
    let mut rest = tokens.as_slice();
    while let [first, tail @ ..] = rest {
        if !LEADING_FILLERS.contains(first) {
            break;
        }
        rest = tail;
    }
    if let [number, unit, ..] = rest {
        if is_positive_number(number) && PERIOD_UNITS.contains(unit) {
            return true;
        }
    }
    while let [head @ .., last] = rest {
        if !TRAILING_FILLERS.contains(last) {
            break;
        }
        rest = head;
    }
    match rest {
        [single] => {
            is_calendar_date(single)
                || is_year_month(single)
                || is_year(single)
                || is_joined_quarter(single)
        }
        [a, b] => {
            (is_quarter_or_half(a) && is_year(b))
                || (is_year(a) && is_quarter_or_half(b))
                || (month_number(a).is_some() && is_year(b))
        }
        [a, b, c] => is_day_of_month(a, b, c) || is_day_of_month(b, a, c),
        _ => false,
    }
}

fn all_digits(text: &str, length: usize) -> bool {
    text.len() == length && text.chars().all(|c| c.is_ascii_digit())
}

fn is_positive_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) && text.parse::<u32>() != Ok(0)
}

fn is_year(text: &str) -> bool {
    all_digits(text, 4)
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2999).contains(&y))
}

fn is_year_month(text: &str) -> bool {
    match text.split_once('-') {
        Some((year, month)) => {
            is_year(year)
                && all_digits(month, 2)
                && month.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        }
        None => false,
    }
}

fn is_quarter_or_half(text: &str) -> bool {
    matches!(text, "q1" | "q2" | "q3" | "q4" | "h1" | "h2")
}

/// "q3-2027", "2027-q3", "q3/2027".
fn is_joined_quarter(text: &str) -> bool {
    match text.split_once(['-', '/']) {
        Some((a, b)) => {
            (is_quarter_or_half(a) && is_year(b)) || (is_year(a) && is_quarter_or_half(b))
        }
        None => false,
    }
}

/// 1-based month number of a month name or its usual abbreviation.
fn month_number(text: &str) -> Option<u32> {
    let text = if text == "sept" { "sep" } else { text };
    MONTHS
        .iter()
        .position(|names| names.contains(&text))
        .and_then(|index| u32::try_from(index + 1).ok())
}

/// "30 june 2027" (or "30th"): a real day of that month.
fn is_day_of_month(day: &str, month: &str, year: &str) -> bool {
    let day = day.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let (Some(month), true, Ok(day)) = (month_number(month), is_year(year), day.parse::<u32>())
    else {
        return false;
    };
    is_calendar_date(&format!("{year}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_months_quarters_and_years_are_deadlines() {
        for text in [
            "2027-06-30",
            "by 2027-06-30",
            "2027-06",
            "June 2027",
            "end of Sept 2027",
            "Q3 2027",
            "q3-2027",
            "2027 Q3",
            "H1 2028",
            "by end of 2027",
            "by the end of 2027",
            "2027",
        ] {
            assert!(is_deadline(text), "{text} should be accepted");
        }
    }

    #[test]
    fn days_of_a_month_must_exist() {
        assert!(is_deadline("30 June 2027"));
        assert!(is_deadline("June 30, 2027"));
        assert!(is_deadline("1st March 2028"));
        assert!(!is_deadline("31 June 2027"), "June has 30 days");
        assert!(!is_deadline("2027-02-29"), "2027 is not a leap year");
    }

    #[test]
    fn periods_with_a_number_are_deadlines() {
        for text in [
            "within 6 months",
            "in 90 days",
            "in the next 2 quarters",
            "6 weeks",
        ] {
            assert!(is_deadline(text), "{text} should be accepted");
        }
        assert!(
            is_deadline("12 months after launch"),
            "a period may say from when"
        );
    }

    #[test]
    fn lead_ins_and_tails_are_allowed() {
        assert!(is_deadline("no later than Q1 2028"));
        assert!(is_deadline("by 2027-06-30 at the latest."));
    }

    #[test]
    fn a_deadline_without_a_number_is_refused() {
        for text in [
            "soon",
            "asap",
            "within six months",
            "next year",
            "Q3",
            "June",
            "later",
        ] {
            assert!(
                !is_deadline(text),
                "{text} gives the room nothing to hold to"
            );
        }
    }

    #[test]
    fn nonsense_numbers_are_refused() {
        for text in [
            "in 0 days",
            "2027-13",
            "Q5 2027",
            "12345",
            "27",
            "6 bananas",
        ] {
            assert!(!is_deadline(text), "{text} is not a deadline");
        }
    }
}
