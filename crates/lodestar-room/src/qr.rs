//! The join link as a QR code, drawn by the desktop UI as one SVG path (never as markup).

use serde::Serialize;
use specta::Type;

/// A QR code: `size` modules square, the dark ones as an SVG path in module units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JoinQr {
    pub size: u32,
    pub path: String,
}

/// The QR code of `link`, with medium error correction (a projector's glare and distance).
pub fn join_qr(link: &str) -> Option<JoinQr> {
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M).ok()?;
    let size = code.width();
    let mut path = String::new();
    for (index, colour) in code.to_colors().iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", index % size, index / size));
        }
    }
    Some(JoinQr {
        size: u32::try_from(size).ok()?,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_becomes_a_square_of_modules() {
        let qr =
            join_qr("http://192.168.1.23:47820/#join=0123456789abcdef0123456789abcdef").unwrap();
        assert!(
            qr.size >= 21 && (qr.size - 17).is_multiple_of(4),
            "a QR version's width"
        );
        // The three finder patterns start at the corners.
        assert!(qr.path.starts_with("M0 0h1v1h-1z"));
        assert!(qr.path.contains(&format!("M{} 0h1v1h-1z", qr.size - 1)));
    }
}
