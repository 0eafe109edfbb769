//! JSON errors: `{"code": "...", "message": "..."}` with the right status, the message from the text catalogue
//! in the request's language. Internal causes were logged where the error was made (`AppError::internal`);
//! the client sees only the generic message.

use app::AppError;
use app::i18n::Key;
use axum::Json;
use axum::http::StatusCode;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use model::Locale;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable: `not_found`, `invalid`, `internal`.
    pub code: String,
    /// For people, in the request's language (`Accept-Language`, else German); may change.
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

/// An API error whose body is still to be written in the request's language (see [`localise`]).
#[derive(Debug, Clone)]
struct Unlocalised(AppError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = render(&self.0, Locale::default());
        response.extensions_mut().insert(Unlocalised(self.0));
        response
    }
}

/// Writes an API error's `message` in the request's language (`Accept-Language`, the language cookie);
/// called once per request by `http::negotiate_locale`, which knows it. Headers set on the way out (a
/// session cookie, the guard's) stay as they are.
pub fn localise(mut response: Response, locale: Locale) -> Response {
    match response.extensions_mut().remove::<Unlocalised>() {
        Some(Unlocalised(error)) if locale != Locale::default() => {
            let (parts, _) = response.into_parts();
            let (_, body) = render(&error, locale).into_parts();
            Response::from_parts(parts, body)
        }
        _ => response,
    }
}

/// The response for `error`: its status and a body whose `message` comes from the text catalogue.
fn render(error: &AppError, locale: Locale) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let text = app::error::message(locale, error);
    let message = match error {
        AppError::Invalid { field, .. } => format!("{field}: {text}"),
        AppError::BadRequest { message } => format!("{} ({message})", app::i18n::text(locale, Key::ErrBadRequest)),
        _ => text,
    };
    let (problems, sheet_problems) = match error {
        AppError::Incomplete { problems } => (Some(problems.clone()), None),
        AppError::ScoreSheet { problems } => (None, Some(problems.clone())),
        _ => (None, None),
    };
    let body = ErrorBody { code: error.code().to_owned(), message, problems, sheet_problems };
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}
