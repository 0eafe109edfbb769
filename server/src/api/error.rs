//! JSON errors: `{"code": "...", "message": "..."}` with the right status. Internal causes were logged where
//! the error was made (`AppError::internal`); the client sees only the generic message.

use app::{AppError, InvalidReason};
use axum::Json;
use axum::http::StatusCode;
use axum::http::{HeaderValue, header};
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
    /// With `incomplete`: every field that keeps a bid from being submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<model::bid::FieldProblem>>,
}

#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        ApiError(err)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError(AppError::internal(err))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match &self.0 {
            AppError::NotFound => (StatusCode::NOT_FOUND, "Not found.".to_owned()),
            AppError::BadRequest { message } => (StatusCode::BAD_REQUEST, message.clone()),
            AppError::Invalid { field, reason } => {
                (StatusCode::UNPROCESSABLE_ENTITY, format!("{field}: {}", reason_text(*reason)))
            }
            AppError::Incomplete { problems } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("The bid is incomplete: {} field(s) need attention.", problems.len()),
            ),
            AppError::CallNotOpen => {
                (StatusCode::CONFLICT, "The call does not accept bids now (not open yet, or closed).".to_owned())
            }
            AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "Authentication required.".to_owned()),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "Your roles do not allow this.".to_owned()),
            AppError::SignInFailed => (StatusCode::UNAUTHORIZED, "Email or password is wrong.".to_owned()),
            AppError::Throttled { retry_after_minutes } => (
                StatusCode::TOO_MANY_REQUESTS,
                format!("Too many failed attempts; try again in {retry_after_minutes} minutes."),
            ),
            AppError::TooLarge { limit_bytes } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("The request body is larger than the {limit_bytes} bytes this endpoint accepts."),
            ),
            AppError::Internal => {
                (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.".to_owned())
            }
        };
        let code = self.0.code().to_owned();
        let problems = match self.0 {
            AppError::Incomplete { problems } => Some(problems),
            _ => None,
        };
        let body = ErrorBody { code, message, problems };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

fn reason_text(reason: InvalidReason) -> &'static str {
    match reason {
        InvalidReason::Required => "is required",
        InvalidReason::TooShort => "is too short",
        InvalidReason::TooLong => "is too long",
        InvalidReason::Malformed => "is not in the expected form",
        InvalidReason::Mismatch => "does not match",
        InvalidReason::WrongPassword => "is not the current password",
        InvalidReason::Taken => "is already in use",
        InvalidReason::LinkUnusable => "is unknown, used or expired",
        InvalidReason::Frozen => "can no longer be changed",
        InvalidReason::Unconfirmed => "is not confirmed yet (use the link sent by email)",
        InvalidReason::EmptyFile => "is empty",
        InvalidReason::FileTooLarge => "is larger than the upload limit",
        InvalidReason::BadFileName => "has a file name with path parts, control characters or over 200 characters",
        InvalidReason::WrongFileType => "is not a PDF, ODT or DOCX document (judged by content and extension)",
        InvalidReason::CarrierRoleByCarrierOnly => {
            "cannot be a carrier role: carriers grant those themselves (registration, colleagues' invitations)"
        }
        InvalidReason::CarrierNotWithAdmin => "cannot combine a carrier role with the administration role",
        InvalidReason::CarrierNotWithSteering => "cannot combine a carrier role with a steering-group seat",
    }
}
