//! Words that sound like a goal but cannot be checked ("faster", "seamless", "asap"). The
//! Specific part of the SMART check quotes them back with what to ask instead.

/// Words that sound like a goal but cannot be checked, each with what to ask instead.
/// A word is excused when a number follows closely ("no more than 5 minutes").
const VAGUE_WORDS: [(&str, &str); 30] = [
    ("fast", "say how fast, in numbers"),
    ("faster", "say by how much"),
    ("quick", "say how quick, in numbers"),
    ("quicker", "say by how much"),
    ("efficient", "say what it saves, in numbers"),
    ("effective", "say what result it gets, in numbers"),
    ("timely", "say within how long"),
    ("improved", "say by how much"),
    ("improve", "say by how much"),
    ("better", "say by how much"),
    ("optimal", "say what optimal means, in numbers"),
    ("seamless", "say what the customer no longer has to do"),
    ("world-class", "say what level, in numbers"),
    ("best-in-class", "say what level, in numbers"),
    (
        "user-friendly",
        "say what the customer can do, and how quickly",
    ),
    ("intuitive", "say what the customer can do without help"),
    ("robust", "say what must not fail, and how often it may"),
    ("easy", "say what the customer can do, and how quickly"),
    ("easier", "say by how much"),
    ("simple", "say what the customer can do, and how quickly"),
    ("simpler", "say by how much"),
    ("more", "say by how much"),
    ("less", "say by how much"),
    ("fewer", "say by how much"),
    ("significant", "say how much counts as significant"),
    ("significantly", "say by how much"),
    ("enhanced", "say by how much"),
    ("streamlined", "say which steps go away"),
    ("asap", "say by when"),
    ("soon", "say by when"),
];

/// How many words after a vague word may hold the number that makes it precise.
const NUMBER_WINDOW: usize = 3;

/// The vague words in `text`, each once, in order of appearance (lower case).
pub fn vague_words(text: &str) -> Vec<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|word| word.trim_matches('-').to_lowercase())
        .filter(|word| !word.is_empty())
        .collect();
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let Some((vague, _)) = VAGUE_WORDS.iter().find(|(vague, _)| vague == word) else {
            continue;
        };
        let excused = *vague != "asap"
            && *vague != "soon"
            && words
                .iter()
                .skip(index + 1)
                .take(NUMBER_WINDOW)
                .any(|next| next.chars().any(|c| c.is_ascii_digit()));
        if !excused && !found.contains(vague) {
            found.push(*vague);
        }
    }
    found
}

/// What to ask instead of a vague word (empty for a word that is not on the list).
pub(super) fn hint(word: &str) -> &'static str {
    VAGUE_WORDS
        .iter()
        .find(|(vague, _)| *vague == word)
        .map_or("", |(_, hint)| hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weasel_words_are_matched_as_whole_words_in_any_case() {
        assert_eq!(
            vague_words("A SEAMLESS, User-Friendly flow"),
            vec!["seamless", "user-friendly"]
        );
        assert!(
            vague_words("breakfast for moreover").is_empty(),
            "no match inside words"
        );
        assert_eq!(
            vague_words("ASAP! asap."),
            vec!["asap"],
            "each word is reported once"
        );
    }

    #[test]
    fn a_comparative_followed_by_a_number_is_precise_enough() {
        assert!(vague_words("wait no more than 5 minutes").is_empty());
        assert!(vague_words("invoices paid faster by 20%").is_empty());
        assert_eq!(
            vague_words("asap, within 5 days"),
            vec!["asap"],
            "asap is never precise"
        );
    }
}
