//! One address per page: `/dresden/districts/` permanently redirects to `/dresden/districts`, so links,
//! bookmarks and the client-side router agree (the router matches paths exactly).

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn trim_trailing_slash(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_page = matches!(*request.method(), Method::GET | Method::HEAD) && !path.starts_with("/api/");
    if is_page && path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let target = match request.uri().query() {
            Some(query) => format!("{}?{query}", if trimmed.is_empty() { "/" } else { trimmed }),
            None => if trimmed.is_empty() { "/" } else { trimmed }.to_owned(),
        };
        let target = super::same_site(&target);
        if let Ok(location) = HeaderValue::from_str(&target) {
            return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, location)]).into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn location_for(uri: &str) -> (StatusCode, Option<String>) {
        let router: Router = Router::new()
            .route("/dresden", get(|| async { "home" }))
            .layer(axum::middleware::from_fn(trim_trailing_slash));
        let response = router.oneshot(Request::get(uri).body(Body::empty()).expect("request")).await.expect("response");
        let location = response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap_or_default().to_owned());
        (response.status(), location)
    }

    #[tokio::test]
    async fn redirects_pages_and_keeps_the_query() {
        assert_eq!(location_for("/dresden/").await, (StatusCode::PERMANENT_REDIRECT, Some("/dresden".into())));
        assert_eq!(location_for("/dresden/?a=1").await.1.as_deref(), Some("/dresden?a=1"));
        assert_eq!(location_for("//evil.example/").await.1.as_deref(), Some("/evil.example"));
        assert_eq!(location_for("/dresden").await.0, StatusCode::OK);
    }
}
