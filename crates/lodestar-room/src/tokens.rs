//! Secrets of the room: the join link's secret, the short join code, device tokens. All come
//! from the operating system's random source; device tokens are kept only as their hashes,
//! so a look-up compares hashes rather than the secret itself.

use sha2::{Digest, Sha256};

/// Letters and digits that cannot be misread on a projector (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const JOIN_CODE_LENGTH: usize = 6;

/// A random secret as lowercase hex, `bytes` long before encoding.
pub fn random_hex(bytes: usize) -> Result<String, getrandom::Error> {
    let mut raw = vec![0u8; bytes];
    getrandom::fill(&mut raw)?;
    Ok(raw.iter().map(|b| format!("{b:02x}")).collect())
}

/// A join code of [`JOIN_CODE_LENGTH`] characters from [`CODE_ALPHABET`] (about 30 bits:
/// enough for a room whose join attempts are rate-limited, short enough to type).
pub fn join_code() -> Result<String, getrandom::Error> {
    let mut code = String::with_capacity(JOIN_CODE_LENGTH);
    while code.len() < JOIN_CODE_LENGTH {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte)?;
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - 256 % CODE_ALPHABET.len();
        if usize::from(byte[0]) < limit {
            code.push(char::from(
                CODE_ALPHABET[usize::from(byte[0]) % CODE_ALPHABET.len()],
            ));
        }
    }
    Ok(code)
}

/// A code as typed on a phone: spaces and dashes dropped, lowercase raised.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

pub type TokenHash = [u8; 32];

pub fn hash(secret: &str) -> TokenHash {
    Sha256::digest(secret.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_different() {
        let a = random_hex(16).unwrap();
        let b = random_hex(16).unwrap();
        assert_eq!(a.len(), 32, "128 bits");
        assert_ne!(a, b);
    }

    #[test]
    fn join_codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = join_code().unwrap();
            assert_eq!(code.len(), JOIN_CODE_LENGTH);
            assert!(code.bytes().all(|c| CODE_ALPHABET.contains(&c)), "{code}");
        }
    }

    #[test]
    fn a_typed_code_is_read_generously() {
        assert_eq!(normalise_code(" ab3-d e7 "), "AB3DE7");
    }
}
