//! Request bodies have a size limit, checked against `Content-Length` before anything reads them.
//!
//! Forms, server functions and JSON calls take at most [`FORM_LIMIT`]; the upload addresses (the portal's
//! forms and the API's, `POST …/attachments` for bids and `POST …/files` for the rest) take the configured
//! largest file plus its multipart framing. A body sent without a length is still bounded where it is read: axum's default limit
//! of 2 MiB applies to every extractor and to Leptos' server functions.

use crate::api::ApiError;
use app::AppError;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest form or JSON body: a bid with every text field at its maximum is well below it.
pub const FORM_LIMIT: u64 = 1024 * 1024;

/// The largest body of an upload: the largest accepted file plus room for the multipart framing around it.
pub fn upload_limit(max_upload_bytes: u64) -> u64 {
    max_upload_bytes + 64 * 1024
}

/// The limits one server applies.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    pub form: u64,
    pub upload: u64,
}

impl BodyLimits {
    pub fn new(max_upload_bytes: u64) -> Self {
        BodyLimits { form: FORM_LIMIT, upload: upload_limit(max_upload_bytes) }
    }

    fn for_request(&self, request: &Request) -> u64 {
        let path = request.uri().path();
        if request.method() == Method::POST && (path.ends_with("/attachments") || path.ends_with("/files")) {
            self.upload
        } else {
            self.form
        }
    }
}

pub async fn limit_body_size(State(limits): State<BodyLimits>, request: Request, next: Next) -> Response {
    let limit = limits.for_request(&request);
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    match declared {
        Some(length) if length > limit => {
            let error = AppError::TooLarge { limit_bytes: limit };
            if request.uri().path().starts_with("/api/") {
                ApiError(error).into_response()
            } else {
                // Server functions and forms: the app's own error, which the page shows in its language.
                (axum::http::StatusCode::PAYLOAD_TOO_LARGE, axum::Json(error)).into_response()
            }
        }
        _ => next.run(request).await,
    }
}
