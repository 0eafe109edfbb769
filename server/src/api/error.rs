//! JSON errors: `{"code": "...", "message": "..."}` with the right status. Internal causes were logged where
//! the error was made (`AppError::internal`); the client sees only the generic message.

use app::{AppError, EvaluationRefusal, InvalidReason};
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
    /// With `score_sheet_incomplete`: every criterion (index into the rubric) that needs attention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet_problems: Option<Vec<model::evaluation::SheetProblem>>,
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
            AppError::Evaluation { reason } => (
                StatusCode::from_u16(reason.status()).unwrap_or(StatusCode::CONFLICT),
                evaluation_text(*reason).to_owned(),
            ),
            AppError::ScoreSheet { problems } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("The score sheet is not complete: {} criterion entries need attention.", problems.len()),
            ),
            AppError::Award { problem } => {
                (StatusCode::UNPROCESSABLE_ENTITY, format!("The award is refused: {problem}."))
            }
            AppError::Internal => {
                (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.".to_owned())
            }
        };
        let code = self.0.code().to_owned();
        let (problems, sheet_problems) = match self.0 {
            AppError::Incomplete { problems } => (Some(problems), None),
            AppError::ScoreSheet { problems } => (None, Some(problems)),
            _ => (None, None),
        };
        let body = ErrorBody { code, message, problems, sheet_problems };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

fn evaluation_text(reason: EvaluationRefusal) -> &'static str {
    match reason {
        EvaluationRefusal::NotClosed => "The call has not closed yet: bids are sealed and nobody scores them.",
        EvaluationRefusal::DeclarationsMissing => {
            "Declare for every bidding organisation of the lot whether a conflict of interest exists first."
        }
        EvaluationRefusal::Recused => "You are recused from this lot because of a conflict of interest.",
        EvaluationRefusal::Finalised => "The score sheet is final; only an administrator can reopen it.",
        EvaluationRefusal::NotFinalised => "The score sheet is not final, so there is nothing to reopen.",
        EvaluationRefusal::OwnScoresOpen => "Other members' scores are shown once your own sheet for the bid is final.",
        EvaluationRefusal::QuorumNotReached => {
            "A recommendation needs the quorum of final score sheets on every bid of the lot first."
        }
        EvaluationRefusal::AlreadyDecided => "The committee's decision on this bid is already recorded.",
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
