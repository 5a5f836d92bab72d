//! Serde glue so the canvas picture travels in JSON as one base64 string, not a list of numbers.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serializer};

/// Writes the picture as standard base64 text (or null when there is none).
pub fn serialize<S: Serializer>(png: &Option<Vec<u8>>, serializer: S) -> Result<S::Ok, S::Error> {
    match png {
        Some(bytes) => serializer.serialize_some(&STANDARD.encode(bytes)),
        None => serializer.serialize_none(),
    }
}

/// Reads base64 text (or null) back into the picture's bytes.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<u8>>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    text.map(|text| {
        STANDARD
            .decode(text.trim())
            .map_err(|err| serde::de::Error::custom(format!("canvasPng is not base64: {err}")))
    })
    .transpose()
}
