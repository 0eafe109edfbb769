//! The language of a request: `?lang=` (the language switch without JavaScript), then the language cookie, then
//! `Accept-Language`, then German. Pages read the result from the request extensions.

use app::i18n::LANGUAGE_COOKIE;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use model::Locale;

pub async fn negotiate_locale(mut request: Request, next: Next) -> Response {
    if request.method() == Method::GET
        && let Some((locale, rest)) = request.uri().query().and_then(split_lang_param)
    {
        // Remember the choice and come back to the same page (of this site) without the parameter.
        let location = super::same_site(&match rest {
            Some(rest) => format!("{}?{rest}", request.uri().path()),
            None => request.uri().path().to_owned(),
        });
        let cookie = format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
        let mut response = StatusCode::SEE_OTHER.into_response();
        if let (Ok(location), Ok(cookie)) = (HeaderValue::from_str(&location), HeaderValue::from_str(&cookie)) {
            response.headers_mut().insert(header::LOCATION, location);
            response.headers_mut().insert(header::SET_COOKIE, cookie);
            return response;
        }
    }
    let locale = cookie_locale(&request)
        .or_else(|| {
            let accept = request.headers().get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            Locale::negotiate(accept)
        })
        .unwrap_or_default();
    request.extensions_mut().insert(locale);
    crate::api::error::localise(next.run(request).await, locale)
}

fn cookie_locale(request: &Request) -> Option<Locale> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANGUAGE_COOKIE).then(|| Locale::from_tag(value)).flatten()
        })
}

/// Finds a valid `lang=` in a query; returns the locale and the query without it.
fn split_lang_param(query: &str) -> Option<(Locale, Option<String>)> {
    let mut locale = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix("lang=") {
            Some(tag) if locale.is_none() => {
                locale = Locale::from_tag(tag);
                locale.is_none()
            }
            _ => true,
        })
        .collect();
    let rest = (!rest.is_empty()).then(|| rest.join("&"));
    locale.map(|locale| (locale, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parameter_is_taken_out_of_the_query() {
        assert_eq!(split_lang_param("lang=en"), Some((Locale::En, None)));
        assert_eq!(split_lang_param("page=2&lang=de"), Some((Locale::De, Some("page=2".into()))));
        assert_eq!(split_lang_param("lang=xx"), None);
        assert_eq!(split_lang_param("page=2"), None);
    }

    #[tokio::test]
    async fn the_language_switch_never_leaves_the_site() {
        use axum::body::Body;
        use tower::ServiceExt;
        let router =
            axum::Router::new().fallback(|| async { "page" }).layer(axum::middleware::from_fn(negotiate_locale));
        let request = Request::get("//evil.example?lang=en").body(Body::empty()).expect("request");
        let response = router.oneshot(request).await.expect("response");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()[header::LOCATION], "/evil.example");
    }
}
