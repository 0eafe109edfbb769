//! The hydration bundle under `/pkg`.
//!
//! Each build of the bundle lives in a directory named after a hash of its contents (see
//! `scripts/build-site`), so found files are cached for a year as immutable; a new release has new paths.
//! Pre-compressed `.br` and `.gz` siblings are chosen by `Accept-Encoding`.
//!
//! A page loads up to a few hundred of these files, so each answer carries only the headers a file needs:
//! the ones meant for documents (CSP, framing, referrer and permissions policies), the request id, and the
//! revalidation headers of a file that is never revalidated stay off. With them, headers were about 630 bytes
//! per file, a quarter of a hydrated page's first load.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use std::path::{Path, PathBuf};
use tower_http::services::{ServeDir, ServeFile};

pub fn pkg_service(site_dir: &Path) -> Router {
    let files = ServeDir::new(site_dir.join("pkg")).precompressed_br().precompressed_gzip();
    Router::new().fallback_service(files).layer(axum::middleware::map_response(cache_found_files))
}

/// Marks an answer as a file of the bundle: our own build's output, immutable and never a document.
/// `security_headers` and [`without_request_id`] leave their headers off it.
#[derive(Debug, Clone, Copy)]
pub struct BundleFile;

async fn cache_found_files(mut response: Response) -> Response {
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
        headers.remove(header::LAST_MODIFIED);
        headers.remove(header::ACCEPT_RANGES);
        response.extensions_mut().insert(BundleFile);
    }
    response
}

/// Takes the request id off the answer of a bundle file (it stays in the request's log line).
pub async fn without_request_id(mut response: Response) -> Response {
    if response.extensions().get::<BundleFile>().is_some() {
        response.headers_mut().remove(super::REQUEST_ID_HEADER);
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

/// The site's directory of the current bundle, as Leptos wants it (`pkg/<hash>`): named by the `pkg:` line of
/// `hash.txt`, or plain `pkg` when there is none (a server run without a built site, as in most tests).
pub fn bundle_dir(hash_file: Option<&Path>) -> String {
    let listed = hash_file.and_then(|path| std::fs::read_to_string(path).ok()).and_then(|hashes| {
        hashes.lines().find_map(|line| {
            let hash = line.strip_prefix("pkg:")?.trim();
            hash.bytes().all(|b| b.is_ascii_hexdigit()).then(|| hash.to_owned()).filter(|h| !h.is_empty())
        })
    });
    match listed {
        Some(hash) => format!("pkg/{hash}"),
        None => "pkg".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_directory_comes_from_the_hash_file() {
        let dir = std::env::temp_dir().join(format!("spielraum-hash-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("hash.txt");
        std::fs::write(&file, "pkg: 0123abcd\n").expect("write");
        assert_eq!(bundle_dir(Some(&file)), "pkg/0123abcd");
        std::fs::write(&file, "pkg: ../../etc\n").expect("write");
        assert_eq!(bundle_dir(Some(&file)), "pkg", "only a hash names a directory");
        assert_eq!(bundle_dir(Some(&dir.join("missing.txt"))), "pkg");
        assert_eq!(bundle_dir(None), "pkg");
        std::fs::remove_dir_all(&dir).ok();
    }
}
