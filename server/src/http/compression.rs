//! Compression of what the server writes per request: pages, server-function answers, API JSON, CSV and
//! iCalendar text (issue 16: a page's HTML is 10–40 KB, a fifth as much compressed). The bundle under `/pkg`
//! and the public files are compressed once at build time and served with their `Content-Encoding`, which
//! this layer leaves alone, as it does PDFs, spreadsheets, archives and uploaded files, whose formats
//! compress themselves or are the user's own bytes.
//!
//! Brotli or gzip, as the browser asks, at quality 4: about as small as gzip's best and quick enough per
//! request (the default, brotli 11, costs milliseconds for a large page). A request without
//! `Accept-Encoding` gets the plain bytes.

use axum::http::header::CONTENT_TYPE;
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Compresses text responses over a kilobyte.
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Precise(4))
        .compress_when(SizeAbove::new(1024).and(is_text))
}

/// Text we write ourselves: HTML, JSON, CSV, iCalendar, plain text, JavaScript.
fn is_text(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    let Some(kind) = headers.get(CONTENT_TYPE).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let kind = kind.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    kind.starts_with("text/")
        || kind == "application/json"
        || kind.ends_with("+json")
        || kind == "application/javascript"
}
