//! The phone page, built by `npm run build` into `ui/dist-phone` and embedded in the binary
//! (a debug build reads the folder from disk). Only these files are ever served.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "../../ui/dist-phone"]
#[allow_missing = true]
struct PhonePage;

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("webmanifest") | Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The file at `path` of the phone page, or 404.
pub fn serve(path: &str) -> Response {
    let Some(file) = PhonePage::get(path) else {
        if path == "index.html" {
            // A build without the page (`npm run build` not run): say so instead of a blank.
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The phone page is missing from this build of Lodestar.",
            )
                .into_response();
        }
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if path.starts_with("assets/") {
        // Vite names assets by their content hash: a new build has new names.
        "public, max-age=31536000, immutable"
    } else {
        "no-store"
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(path)),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        file.data.into_owned(),
    )
        .into_response()
}
