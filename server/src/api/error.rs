//! JSON errors: `{"code": "...", "message": "..."}` with the right status. Internal causes were logged where
//! the error was made (`AppError::internal`); the client sees only the generic message.

use app::AppError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable: `not_found`, `invalid`, `internal`.
    pub code: String,
    /// For people; may change.
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        ApiError(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match &self.0 {
            AppError::NotFound => (StatusCode::NOT_FOUND, "Not found.".to_owned()),
            AppError::Invalid { message } => (StatusCode::BAD_REQUEST, message.clone()),
            AppError::Internal => {
                (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.".to_owned())
            }
        };
        (status, Json(ErrorBody { code: self.0.code().to_owned(), message })).into_response()
    }
}
