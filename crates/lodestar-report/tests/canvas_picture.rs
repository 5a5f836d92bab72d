//! The exported canvas picture: a real PNG of the board's size, an SVG whose text is drawn as
//! outlines (so it looks the same without the fonts), only what is in view when a view is asked
//! for, and the same bytes every time.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_report::{
    render_canvas_png, render_canvas_svg, CanvasPicture, PictureItem, PictureKind, PictureLink,
    PictureRect, MAX_PNG_SIDE,
};

const PINK: &str = "#fbcfe8";
const BLUE: &str = "#bfdbfe";

fn sticky(id: &str, x: f64, y: f64, fill: &str) -> PictureItem {
    PictureItem {
        id: id.into(),
        kind: PictureKind::Sticky,
        text: format!("Metric {id}"),
        fill: fill.into(),
        x,
        y,
        width: 180.0,
        height: 120.0,
        ..PictureItem::default()
    }
}

/// Two stickies, linked: the board spans 600 × 220 units plus a 40-unit margin.
fn board() -> CanvasPicture {
    CanvasPicture {
        items: vec![sticky("a", 0.0, 0.0, PINK), sticky("b", 420.0, 100.0, BLUE)],
        links: vec![PictureLink {
            from: "a".into(),
            to: "b".into(),
            label: "drives".into(),
        }],
        ..CanvasPicture::default()
    }
}

fn decode(png: &[u8]) -> (u32, u32, Vec<u8>, png::ColorType) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    (info.width, info.height, pixels, info.color_type)
}

fn rgb_at(pixels: &[u8], width: u32, colour: png::ColorType, x: u32, y: u32) -> [u8; 3] {
    let channels = match colour {
        png::ColorType::Rgba => 4,
        png::ColorType::Rgb => 3,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    let at = ((y * width + x) as usize) * channels;
    [pixels[at], pixels[at + 1], pixels[at + 2]]
}

fn hex(colour: &str) -> [u8; 3] {
    let value = u32::from_str_radix(colour.trim_start_matches('#'), 16).unwrap();
    [(value >> 16) as u8, (value >> 8) as u8, value as u8]
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3)
}

#[test]
fn the_png_has_the_boards_size_and_paints_each_sticky_in_its_colour() {
    let png = render_canvas_png(&board(), 2.0).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (width, height, pixels, colour) = decode(&png);
    // (600 + 2 × 40) × (220 + 2 × 40) units at 2 pixels per unit.
    assert_eq!((width, height), (1360, 600));
    // Just inside each sticky's lower right corner: its fill, not text or outline.
    let pink = rgb_at(&pixels, width, colour, 2 * (40 + 170), 2 * (40 + 100));
    let blue = rgb_at(&pixels, width, colour, 2 * (40 + 590), 2 * (40 + 200));
    assert!(close(pink, hex(PINK)), "{pink:?}");
    assert!(close(blue, hex(BLUE)), "{blue:?}");
}

#[test]
fn the_svg_has_the_boards_size_draws_text_as_outlines_and_holds_both_fills() {
    let svg = render_canvas_svg(&board()).unwrap();
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..80]
    );
    assert!(svg.contains("viewBox=\"0 0 680 300\""), "{}", &svg[..300]);
    assert!(!svg.contains("<text"), "text must be drawn as outlines");
    assert!(svg.contains("<path"), "glyphs and shapes are paths");
    assert!(svg.to_lowercase().contains(PINK) && svg.to_lowercase().contains(BLUE));
}

#[test]
fn a_view_draws_only_that_part_of_the_board() {
    let view = PictureRect {
        x: -10.0,
        y: -10.0,
        width: 300.0,
        height: 200.0,
    };
    let picture = CanvasPicture {
        view: Some(view),
        ..board()
    };
    let svg = render_canvas_svg(&picture).unwrap();
    assert!(svg.contains("viewBox=\"0 0 300 200\""), "{}", &svg[..300]);
    assert!(svg.to_lowercase().contains(PINK));
    assert!(
        !svg.to_lowercase().contains(BLUE),
        "the sticky outside the view was drawn"
    );
    let (width, height, _, _) = decode(&render_canvas_png(&picture, 1.0).unwrap());
    assert_eq!((width, height), (300, 200));
}

#[test]
fn the_same_board_gives_the_same_bytes() {
    assert_eq!(
        render_canvas_png(&board(), 1.0).unwrap(),
        render_canvas_png(&board(), 1.0).unwrap()
    );
    assert_eq!(
        render_canvas_svg(&board()).unwrap(),
        render_canvas_svg(&board()).unwrap()
    );
}

#[test]
fn a_huge_board_is_scaled_down_to_the_largest_side_allowed() {
    let picture = CanvasPicture {
        items: vec![
            sticky("a", 0.0, 0.0, PINK),
            sticky("b", 20_000.0, 0.0, BLUE),
        ],
        ..CanvasPicture::default()
    };
    let (width, height, _, _) = decode(&render_canvas_png(&picture, 2.0).unwrap());
    assert_eq!(width, MAX_PNG_SIDE);
    assert!(height < 100, "{height}");
}

#[test]
fn user_text_is_drawn_as_text_never_run_as_markup() {
    let mut tricky = sticky("a", 0.0, 0.0, PINK);
    tricky.text = "#panic(\"boom\") <script>alert(1)</script> $x^2$".into();
    let picture = CanvasPicture {
        question: "#import \"x.typ\": *".into(),
        items: vec![tricky],
        ..CanvasPicture::default()
    };
    let svg = render_canvas_svg(&picture).unwrap();
    assert!(
        !svg.contains("<script"),
        "user text leaked into the SVG as markup"
    );
    assert!(render_canvas_png(&picture, 1.0).is_ok());
}

#[test]
fn an_empty_board_is_still_a_picture() {
    let (width, height, _, _) = decode(&render_canvas_png(&CanvasPicture::default(), 1.0).unwrap());
    assert_eq!((width, height), (480, 240));
}
