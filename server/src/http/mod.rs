//! The layers every response passes through, outermost first: request id and request log, security headers,
//! and the language of the request. Plus the static file service for the hydration bundle.

mod body_limit;
pub mod compression;
mod locale;
mod render_limit;
mod security_headers;
mod server_fn_status;
mod static_files;
mod trailing_slash;

pub use body_limit::{BodyLimits, limit_body_size, upload_limit};
pub use locale::negotiate_locale;
pub use render_limit::{RenderLimit, limit_renders};
pub use security_headers::security_headers;
pub use server_fn_status::server_fn_status;
pub use static_files::{bundle_dir, pkg_service, public_files, site_root_hash_file, without_request_id};
pub use trailing_slash::trim_trailing_slash;

use axum::http::Request;
use tracing::Span;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// A redirect target on this site made from a request's own path (and query): with exactly one leading
/// slash, because browsers read `//evil.example` and `/\evil.example` as another host.
pub fn same_site(path_and_query: &str) -> String {
    format!("/{}", path_and_query.trim_start_matches(['/', '\\']))
}

/// The span of one request: method, path and the request id, which is also returned to the client in
/// `x-request-id` so that a user's report can be matched to the log.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request.headers().get(REQUEST_ID_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        request_id = %request_id,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(super::same_site("/dresden?a=1"), "/dresden?a=1");
        assert_eq!(super::same_site("//evil.example"), "/evil.example");
        assert_eq!(super::same_site("/\\evil.example"), "/evil.example");
        assert_eq!(super::same_site(""), "/");
    }
}
