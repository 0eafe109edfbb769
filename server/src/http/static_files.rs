//! The hydration bundle under `/pkg`.
//!
//! File names there carry a content hash (see `scripts/build-site`), so found files are cached for a year as
//! immutable; a new release has new names. Pre-compressed `.br` and `.gz` siblings are chosen by
//! `Accept-Encoding`.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use std::path::{Path, PathBuf};
use tower_http::services::{ServeDir, ServeFile};

pub fn pkg_service(site_dir: &Path) -> Router {
    let files = ServeDir::new(site_dir.join("pkg")).precompressed_br().precompressed_gzip();
    Router::new().fallback_service(files).layer(axum::middleware::map_response(cache_found_files))
}

async fn cache_found_files(mut response: Response) -> Response {
    if response.status().is_success() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    }
    response
}

/// The few files that must live at the root of the site (from `public/`). They are named explicitly: the
/// route `/{tenant}` would otherwise take them for tenant names.
pub fn public_files<S: Clone + Send + Sync + 'static>(site_dir: &Path) -> Router<S> {
    let file = |name: &str| ServeFile::new(site_dir.join(name)).precompressed_br().precompressed_gzip();
    Router::new()
        .route_service("/favicon.svg", file("favicon.svg"))
        .route_service("/robots.txt", file("robots.txt"))
        .layer(axum::middleware::map_response(cache_for_a_day))
}

async fn cache_for_a_day(mut response: Response) -> Response {
    if response.status().is_success() {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    }
    response
}

/// Where Leptos looks for the list of hashed file names: beside the running executable.
pub fn site_root_hash_file() -> Option<PathBuf> {
    std::env::current_exe().ok()?.parent().map(|dir| dir.join("hash.txt"))
}
