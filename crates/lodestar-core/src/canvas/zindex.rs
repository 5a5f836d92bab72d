//! Fractional z-index keys: the stacking order of the canvas as strings that sort in
//! ascending paint order. Bringing one item to the front writes one record (its own key)
//! instead of renumbering every item, so an undo step stays one small diff.
//!
//! A key is a base-62 fraction: digits `0-9A-Za-z` (ASCII order is digit order) after an
//! implied "0.", never ending in `0`. Without trailing zeros, comparing two keys as strings
//! compares them as numbers, and there is always room for another key between two keys.

/// The digits in ascending order; their ASCII order is their numeric order.
const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOP: u8 = 61;
/// The key of the first item on an empty canvas: the middle, with room on both sides.
const MIDDLE: u8 = 31;

/// Whether `key` is a stacking key: base-62 digits, not empty, not ending in `0`.
pub fn is_z_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| value(b).is_some()) && !key.ends_with('0')
}

/// A key that sorts strictly after `before` (when given) and strictly before `after` (when
/// given). Keys given the wrong way round are swapped; equal keys get a key just after them.
/// Characters outside the alphabet are ignored, so a damaged key still gets a usable answer.
pub fn z_between(before: Option<&str>, after: Option<&str>) -> String {
    let low = before.map(digits);
    let high = after.map(digits).filter(|high| !high.is_empty());
    let key = match (low, high) {
        (low, None) => after_key(&low.unwrap_or_default()),
        (None, Some(high)) => before_key(&high),
        (Some(low), Some(high)) => match low.cmp(&high) {
            std::cmp::Ordering::Less => midpoint(&low, &high),
            std::cmp::Ordering::Greater => midpoint(&high, &low),
            std::cmp::Ordering::Equal => after_key(&low),
        },
    };
    render(&key)
}

/// The digit values of a key, ignoring stray characters and trailing zeros.
fn digits(key: &str) -> Vec<u8> {
    let mut values: Vec<u8> = key.bytes().filter_map(value).collect();
    while values.last() == Some(&0) {
        values.pop();
    }
    values
}

fn value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'Z' => Some(byte - b'A' + 10),
        b'a'..=b'z' => Some(byte - b'a' + 36),
        _ => None,
    }
}

fn render(values: &[u8]) -> String {
    values
        .iter()
        .filter_map(|v| DIGITS.get(usize::from(*v)))
        .map(|b| char::from(*b))
        .collect()
}

/// A key after `low` (empty meaning "nothing yet"): the first digit that can grow grows by
/// one, so appending at the back lengthens keys by one digit only every 61 steps.
fn after_key(low: &[u8]) -> Vec<u8> {
    if low.is_empty() {
        return vec![MIDDLE];
    }
    let mut key = Vec::with_capacity(low.len() + 1);
    for &digit in low {
        if digit < TOP {
            key.push(digit + 1);
            return key;
        }
        key.push(digit);
    }
    key.push(1);
    key
}

/// A key before `high` (not empty, no trailing zero): the first non-zero digit shrinks by
/// one, or becomes `0z` when it is a `1` (a key may not end in `0`).
fn before_key(high: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(high.len() + 1);
    for &digit in high {
        match digit {
            0 => key.push(0),
            1 => {
                key.extend([0, TOP]);
                return key;
            }
            _ => {
                key.push(digit - 1);
                return key;
            }
        }
    }
    // Unreachable for a key without trailing zeros; stay below it anyway.
    key.extend([0, TOP]);
    key
}

/// A key strictly between `low` and `high` (`low < high`, no trailing zeros, `high` not
/// empty). Where they first differ by more than one, the middle digit; otherwise a longer key.
fn midpoint(low: &[u8], high: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(high.len().max(low.len()) + 1);
    for (i, &h) in high.iter().enumerate() {
        let l = low.get(i).copied().unwrap_or(0);
        if l == h {
            key.push(h);
            continue;
        }
        if h < l {
            break;
        }
        if h - l > 1 {
            key.push(l + (h - l).div_ceil(2));
        } else if i + 1 < high.len() {
            // `high` goes on after this digit, so stopping here is below it and above `low`.
            key.push(h);
        } else {
            key.push(l);
            key.extend(after_key(low.get(i + 1..).unwrap_or_default()));
        }
        return key;
    }
    // `low` is not below `high`: only reached when called the wrong way round.
    key.extend(after_key(&[]));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(before: Option<&str>, after: Option<&str>) -> String {
        let key = z_between(before, after);
        assert!(is_z_key(&key), "{key:?} is not a valid key");
        if let Some(before) = before {
            assert!(
                before < key.as_str(),
                "{key:?} should sort after {before:?}"
            );
        }
        if let Some(after) = after {
            assert!(key.as_str() < after, "{key:?} should sort before {after:?}");
        }
        key
    }

    #[test]
    fn the_first_item_goes_in_the_middle() {
        assert_eq!(z_between(None, None), "V");
    }

    #[test]
    fn a_key_fits_between_neighbours_that_differ_by_one_digit() {
        assert_eq!(check(Some("V"), Some("W")), "VV");
        check(Some("1"), Some("2"));
        check(Some("0z"), Some("1"));
        check(Some("Vz"), Some("W"));
        check(Some("V"), Some("V1"));
        check(Some("V"), Some("V01"));
    }

    #[test]
    fn a_thousand_items_brought_to_the_front_stay_in_order_with_short_keys() {
        let mut keys = vec![z_between(None, None)];
        for _ in 0..1000 {
            let last = keys.last().cloned();
            keys.push(check(last.as_deref(), None));
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let longest = keys.iter().map(String::len).max().unwrap_or(0);
        assert!(
            longest <= 20,
            "keys grow slowly at the back; longest is {longest}"
        );
    }

    #[test]
    fn a_thousand_items_sent_to_the_back_stay_in_order_with_short_keys() {
        let mut keys = vec![z_between(None, None)];
        for _ in 0..1000 {
            let first = keys.first().cloned();
            keys.insert(0, check(None, first.as_deref()));
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let longest = keys.iter().map(String::len).max().unwrap_or(0);
        assert!(
            longest <= 20,
            "keys grow slowly at the front; longest is {longest}"
        );
    }

    #[test]
    fn repeated_inserts_in_the_middle_always_find_room() {
        let (low, mut high) = ("V".to_string(), "W".to_string());
        for _ in 0..500 {
            high = check(Some(&low), Some(&high));
        }
        let mut low = "V".to_string();
        for _ in 0..500 {
            low = check(Some(&low), Some("W"));
        }
    }

    #[test]
    fn inserts_at_random_places_keep_a_sorted_stack() {
        // A fixed pseudo-random walk: insert after the item at a varying position.
        let mut keys = vec![z_between(None, None)];
        let mut seed = 7u32;
        for _ in 0..2000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (seed >> 8) as usize % (keys.len() + 1);
            let before = at.checked_sub(1).and_then(|i| keys.get(i)).cloned();
            let after = keys.get(at).cloned();
            let key = check(before.as_deref(), after.as_deref());
            keys.insert(at, key);
        }
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "the stack stays sorted"
        );
    }

    #[test]
    fn keys_given_the_wrong_way_round_are_swapped() {
        let key = z_between(Some("W"), Some("V"));
        assert!("V" < key.as_str() && key.as_str() < "W", "got {key}");
    }

    #[test]
    fn equal_keys_get_a_key_just_after_them() {
        assert!(z_between(Some("V"), Some("V")).as_str() > "V");
    }

    #[test]
    fn only_base62_keys_without_a_trailing_zero_are_valid() {
        assert!(is_z_key("a0V"));
        assert!(!is_z_key(""));
        assert!(
            !is_z_key("V0"),
            "a trailing zero would leave no room before its prefix"
        );
        assert!(!is_z_key("a-b"));
    }
}
