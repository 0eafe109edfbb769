//! Security headers on every response.
//!
//! HTML pages set their own Content-Security-Policy with a per-response nonce (see `app::shell`); everything
//! else (API, files, errors) gets the strictest policy, since it never needs to run scripts. Files of the
//! bundle (`static_files::BundleFile`) get only `nosniff`: the other headers are about documents.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let bundle_file = response.extensions().get::<super::static_files::BundleFile>().is_some();
    let headers = response.headers_mut();
    headers.entry(header::X_CONTENT_TYPE_OPTIONS).or_insert(HeaderValue::from_static("nosniff"));
    if bundle_file {
        return response;
    }
    let mut set = |name: HeaderName, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()");
    set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    response
}
