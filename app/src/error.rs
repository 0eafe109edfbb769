//! The one error type at the boundary of the app: what a server function or an API call may answer.
//!
//! It crosses the wire, so it carries only what a user may see. Internal causes are logged on the server with
//! the request id when the error is made, and the client gets a generic message.

use crate::i18n::Key;
use serde::{Deserialize, Serialize};
use server_fn_compat::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The request itself is malformed (missing or unparsable arguments).
    #[error("bad request: {message}")]
    BadRequest { message: String },
    /// One field of a form fails a rule; the page shows the reason next to the field.
    #[error("invalid {field}: {reason:?}")]
    Invalid { field: String, reason: InvalidReason },
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("email or password is wrong")]
    SignInFailed,
    /// A bid cannot be submitted yet: every field that keeps it from being complete.
    #[error("incomplete: {problems:?}")]
    Incomplete { problems: Vec<model::bid::FieldProblem> },
    /// The call does not accept bids now (not yet open, or closed): the server's clock decides.
    #[error("the call is not open")]
    CallNotOpen,
    #[error("too many attempts; retry in {retry_after_minutes} minutes")]
    Throttled { retry_after_minutes: i64 },
    /// The request body is larger than any this address takes (refused before it is read).
    #[error("the request is larger than {limit_bytes} bytes")]
    TooLarge { limit_bytes: u64 },
    /// A step of the evaluation that the call or the caller's sheet is not ready for.
    #[error("evaluation: {reason:?}")]
    Evaluation { reason: EvaluationRefusal },
    /// A score sheet cannot be saved or finalised: every criterion that needs attention.
    #[error("score sheet: {problems:?}")]
    ScoreSheet { problems: Vec<model::evaluation::SheetProblem> },
    /// An award or recommendation breaks a rule of `model::award` (the steering contract's minimums, funding
    /// outside the funded period).
    #[error("award: {problem}")]
    Award { problem: model::award::AwardError },
    /// A ledger entry or the closing of a year breaks a rule of `model::ledger` (a closed year, more than is
    /// available, money outside its earmark).
    #[error("ledger: {problem}")]
    Ledger { problem: model::ledger::LedgerError },
    /// The steering group's rules refused a change (`model::steering`).
    #[error("refused by the steering group's rules: {problem}")]
    Steering { problem: model::steering::SteeringError },
    /// A report is not in a state for the step: submitted and waiting for review, or accepted.
    #[error("the report cannot be changed now")]
    ReportLocked,
    #[error("internal error")]
    Internal,
}

/// Why a step of the evaluation cannot be taken now; each has a message in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationRefusal {
    /// The call has not closed: bids are sealed and nobody scores yet (409).
    NotClosed,
    /// The member has not declared conflicts of interest for every bidder of the lot (409).
    DeclarationsMissing,
    /// The member is recused from the lot (403).
    Recused,
    /// The sheet is final; only an administrator reopens it (409).
    Finalised,
    /// The sheet is not final, so there is nothing to reopen (409).
    NotFinalised,
    /// Others' scores stay hidden until the member's own sheet is final (403).
    OwnScoresOpen,
    /// Too few final score sheets on the lot's bids for a recommendation (409).
    QuorumNotReached,
    /// The committee's decision on the bid is already recorded (409).
    AlreadyDecided,
}

impl EvaluationRefusal {
    pub fn status(self) -> u16 {
        match self {
            EvaluationRefusal::Recused | EvaluationRefusal::OwnScoresOpen => 403,
            _ => 409,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            EvaluationRefusal::NotClosed => "call_not_closed",
            EvaluationRefusal::DeclarationsMissing => "declarations_missing",
            EvaluationRefusal::Recused => "recused",
            EvaluationRefusal::Finalised => "score_final",
            EvaluationRefusal::NotFinalised => "score_not_final",
            EvaluationRefusal::OwnScoresOpen => "own_scores_open",
            EvaluationRefusal::QuorumNotReached => "quorum_not_reached",
            EvaluationRefusal::AlreadyDecided => "already_decided",
        }
    }
}

/// Why a field was refused; each has a message in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvalidReason {
    Required,
    TooShort,
    TooLong,
    Malformed,
    Mismatch,
    WrongPassword,
    /// Already used by another record (e.g. an email address in this tenant).
    Taken,
    /// A link that is unknown, used or expired.
    LinkUnusable,
    /// No longer changeable (a published call's questions, a closed call).
    Frozen,
    /// The email address of the account has not been confirmed yet.
    Unconfirmed,
    /// An uploaded file is empty.
    EmptyFile,
    /// An uploaded file exceeds the size limit.
    FileTooLarge,
    /// An uploaded file's name has path parts, control characters or is too long.
    BadFileName,
    /// An uploaded file is not a PDF, ODT or DOCX document (judged by its content).
    WrongFileType,
    /// Administrators do not grant carrier roles: they come from the organisation's registration and its
    /// members' invitations (separation of duties, `model::policy::may_grant`).
    CarrierRoleByCarrierOnly,
    /// A carrier role does not combine with the administration role.
    CarrierNotWithAdmin,
    /// A carrier role does not combine with a seat in the steering group.
    CarrierNotWithSteering,
}

impl InvalidReason {
    /// The reason an administrator's change of roles is refused, and the field it belongs to.
    pub fn of_grant_refusal(refusal: model::policy::GrantRefusal) -> (&'static str, Self) {
        use model::policy::{GrantRefusal, RoleConflict};
        match refusal {
            GrantRefusal::CarrierRoleFromCarrierOnly => ("role", InvalidReason::CarrierRoleByCarrierOnly),
            GrantRefusal::Conflict(RoleConflict::CarrierAndAdmin) => ("role", InvalidReason::CarrierNotWithAdmin),
            GrantRefusal::Conflict(RoleConflict::CarrierAndSteering) => ("seat", InvalidReason::CarrierNotWithSteering),
            GrantRefusal::Conflict(RoleConflict::SameKindTwice) => ("role", InvalidReason::Malformed),
            GrantRefusal::OwnAdminRole => ("admin_role", InvalidReason::Required),
        }
    }
}

impl AppError {
    /// Logs the cause (server side) and returns the generic error the client sees.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(%cause, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = cause;
        AppError::Internal
    }

    pub fn invalid(field: &str, reason: InvalidReason) -> Self {
        AppError::Invalid { field: field.to_owned(), reason }
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest { .. } => 400,
            AppError::Invalid { .. } | AppError::Incomplete { .. } => 422,
            AppError::CallNotOpen => 409,
            AppError::Unauthenticated | AppError::SignInFailed => 401,
            AppError::Forbidden => 403,
            AppError::Throttled { .. } => 429,
            AppError::TooLarge { .. } => 413,
            AppError::Evaluation { reason } => reason.status(),
            AppError::ScoreSheet { .. } | AppError::Award { .. } => 422,
            AppError::ReportLocked => 409,
            AppError::Ledger { problem } => {
                use model::ledger::LedgerError::*;
                match problem {
                    YearClosed | AlreadyClosed | AlreadyReversed => 409,
                    _ => 422,
                }
            }
            AppError::Steering { problem } => {
                use model::steering::SteeringError::*;
                match problem {
                    MinutesFrozen | CommissionClosed => 409,
                    _ => 422,
                }
            }
            AppError::Internal => 500,
        }
    }

    /// A stable, machine-readable code for JSON error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::BadRequest { .. } => "bad_request",
            AppError::Invalid { .. } => "invalid",
            AppError::Incomplete { .. } => "incomplete",
            AppError::CallNotOpen => "call_not_open",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::SignInFailed => "sign_in_failed",
            AppError::Throttled { .. } => "throttled",
            AppError::TooLarge { .. } => "too_large",
            AppError::Evaluation { reason } => reason.code(),
            AppError::ScoreSheet { .. } => "score_sheet_incomplete",
            AppError::Award { .. } => "award_invalid",
            AppError::ReportLocked => "report_locked",
            AppError::Ledger { .. } => "ledger_refused",
            AppError::Steering { .. } => "steering_refused",
            AppError::Internal => "internal",
        }
    }
}

impl AppError {
    /// The error a client knows only by its tag on the wire (the `code` of the serialised error), for a client
    /// that carries no decoder of the whole type (the static pages' autosave, `crate::autosave`, whose bundle
    /// the decoder would grow by a third): the errors that carry no data, and `Internal` for any other.
    pub fn from_tag(tag: &str) -> AppError {
        match tag {
            "not_found" => AppError::NotFound,
            "unauthenticated" => AppError::Unauthenticated,
            "forbidden" => AppError::Forbidden,
            "sign_in_failed" => AppError::SignInFailed,
            "call_not_open" => AppError::CallNotOpen,
            "report_locked" => AppError::ReportLocked,
            _ => AppError::Internal,
        }
    }
}

/// A refused change of a bid: the organisation's own bid outside the open phase is a conflict with the
/// clock (409), anyone else's a refusal (403).
impl From<model::policy::ChangeRefusal> for AppError {
    fn from(refusal: model::policy::ChangeRefusal) -> Self {
        match refusal {
            model::policy::ChangeRefusal::CallNotOpen => AppError::CallNotOpen,
            model::policy::ChangeRefusal::NotAllowed => AppError::Forbidden,
        }
    }
}

impl From<model::steering::SteeringError> for AppError {
    fn from(problem: model::steering::SteeringError) -> Self {
        AppError::Steering { problem }
    }
}

impl From<model::ledger::LedgerError> for AppError {
    fn from(problem: model::ledger::LedgerError) -> Self {
        AppError::Ledger { problem }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(err)
    }
}

impl FromServerFnError for AppError {
    type Encoder = server_fn_compat::JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A body that cannot be read or decoded (cut off, over the size limit, not the encoding the
            // function takes) is as much the caller's fault as a missing argument.
            ServerFnErrorErr::Args(message)
            | ServerFnErrorErr::MissingArg(message)
            | ServerFnErrorErr::Deserialization(message) => AppError::BadRequest { message },
            other => AppError::internal(other),
        }
    }
}

/// Server-function plumbing re-exported under one name, so the rest of the crate does not care where it lives.
mod server_fn_compat {
    pub use leptos::server_fn::codec::JsonEncoding;
    pub use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
}

/// Sets the response status of a failed server function to the error's own (Leptos would answer 500 for
/// every error). Server functions end with `respond(result)`.
///
/// A plain HTML form (no JavaScript) is answered differently: Leptos redirects back to the form's page with
/// the error in the URL, where the page's action shows it like any other error. That redirect must keep its
/// 3xx status, so the error's status is not set for requests that accept HTML.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    #[cfg(feature = "ssr")]
    if let Err(error) = &result
        && !from_html_form()
        && let (Some(options), Ok(status)) =
            (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(error.status()))
    {
        options.set_status(status);
    }
    result
}

/// True when the current request came from a browser's own form submission (it accepts HTML), not from
/// the hydrated page or an API client.
#[cfg(feature = "ssr")]
fn from_html_form() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::ACCEPT)?.to_str().ok().map(|a| a.contains("text/html")))
        .unwrap_or(false)
}

/// The sentence a person reads for `error` in `locale`: the pages' notices, the API's `message` and the
/// static pages' autosave alike.
pub fn message(locale: model::Locale, error: &AppError) -> String {
    let key = match error {
        AppError::SignInFailed => Key::SignInFailed,
        AppError::Unauthenticated => Key::SignInRequired,
        AppError::Forbidden => Key::ForbiddenText,
        AppError::NotFound => Key::NotFoundText,
        // The CSV import's file as a whole: what its header and rows must be.
        AppError::Invalid { field, .. } if field == "csv" => Key::ErrImportColumns,
        AppError::Invalid { reason, .. } => reason_key(*reason),
        AppError::Throttled { retry_after_minutes } => {
            return crate::i18n::msg::throttled(locale, crate::i18n::msg::Throttled { minutes: *retry_after_minutes });
        }
        AppError::Incomplete { .. } => Key::BidIncomplete,
        AppError::CallNotOpen => Key::CallNotOpen,
        AppError::Evaluation { reason } => evaluation_key(*reason),
        AppError::ScoreSheet { .. } => Key::ErrScoreSheetIncomplete,
        AppError::Award { problem } => award_key(*problem),
        AppError::TooLarge { .. } => Key::ErrRequestTooLarge,
        AppError::ReportLocked => Key::ErrReportLocked,
        AppError::Ledger { problem } => ledger_key(*problem),
        AppError::Steering { problem } => steering_key(*problem),
        AppError::BadRequest { .. } | AppError::Internal => Key::ErrorText,
    };
    crate::i18n::text(locale, key).to_owned()
}

fn evaluation_key(reason: EvaluationRefusal) -> Key {
    use EvaluationRefusal::*;
    match reason {
        NotClosed => Key::ErrCallNotClosed,
        DeclarationsMissing => Key::ErrDeclarationsMissing,
        Recused => Key::ErrRecused,
        Finalised => Key::ErrScoreFinal,
        NotFinalised => Key::ErrScoreNotFinal,
        OwnScoresOpen => Key::ErrOwnScoresOpen,
        QuorumNotReached => Key::ErrQuorumNotReached,
        AlreadyDecided => Key::ErrAlreadyDecided,
    }
}

fn award_key(problem: model::award::AwardError) -> Key {
    use model::award::AwardError::*;
    match problem {
        NoFunding => Key::ErrNoFunding,
        EndBeforeStart => Key::ErrEndBeforeStart,
        SteeringTooShort => Key::ErrSteeringTooShort,
        SteeringTooLittle => Key::ErrSteeringTooLittle,
        YearOutsidePeriod => Key::ErrYearOutsidePeriod,
        BadAmount => Key::ErrMalformed,
    }
}

fn steering_key(problem: model::steering::SteeringError) -> Key {
    use model::steering::SteeringError::*;
    match problem {
        TooManyVotes => Key::ErrSteeringTooManyVotes,
        NotQuorate => Key::ErrSteeringNotQuorate,
        MinutesFrozen => Key::ErrSteeringMinutesFrozen,
        ApprovalTooEarly => Key::ErrSteeringApprovalTooEarly,
        NotCirculated => Key::ErrSteeringNotCirculated,
        CommissionClosed => Key::ErrSteeringCommissionClosed,
        DueBeforeGiven => Key::ErrSteeringDueBeforeGiven,
    }
}

fn ledger_key(problem: model::ledger::LedgerError) -> Key {
    use model::ledger::LedgerError::*;
    match problem {
        NotPositive => Key::ErrLedgerNotPositive,
        YearOutOfRange => Key::ErrLedgerYearOutOfRange,
        YearClosed => Key::ErrLedgerYearClosed,
        ExceedsAvailable => Key::ErrLedgerExceedsAvailable,
        Earmark => Key::ErrLedgerEarmark,
        AlreadyReversed => Key::ErrLedgerAlreadyReversed,
        NotReversible => Key::ErrLedgerNotReversible,
        NoReference => Key::ErrLedgerNoReference,
        NoReason => Key::ErrLedgerNoReason,
        TooLong => Key::ErrTooLong,
        YearNotOver => Key::ErrLedgerYearNotOver,
        EarlierYearOpen => Key::ErrLedgerEarlierYearOpen,
        AlreadyClosed => Key::ErrLedgerAlreadyClosed,
    }
}

pub fn reason_key(reason: InvalidReason) -> Key {
    match reason {
        InvalidReason::Required => Key::ErrRequired,
        InvalidReason::TooShort => Key::ErrTooShort,
        InvalidReason::TooLong => Key::ErrTooLong,
        InvalidReason::Malformed => Key::ErrMalformed,
        InvalidReason::Mismatch => Key::ErrMismatch,
        InvalidReason::WrongPassword => Key::ErrWrongPassword,
        InvalidReason::Taken => Key::ErrTaken,
        InvalidReason::LinkUnusable => Key::ErrLinkUnusable,
        InvalidReason::Frozen => Key::ErrFrozen,
        InvalidReason::Unconfirmed => Key::ErrUnconfirmed,
        InvalidReason::EmptyFile => Key::ErrEmptyFile,
        InvalidReason::FileTooLarge => Key::ErrFileTooLarge,
        InvalidReason::BadFileName => Key::ErrBadFileName,
        InvalidReason::WrongFileType => Key::ErrWrongFileType,
        InvalidReason::CarrierRoleByCarrierOnly => Key::ErrCarrierRoleByCarrierOnly,
        InvalidReason::CarrierNotWithAdmin => Key::ErrCarrierNotWithAdmin,
        InvalidReason::CarrierNotWithSteering => Key::ErrCarrierNotWithSteering,
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::AppError;

    #[test]
    fn an_error_without_data_is_known_by_its_tag_on_the_wire() {
        use AppError::*;
        for error in [NotFound, Unauthenticated, Forbidden, SignInFailed, CallNotOpen, ReportLocked, Internal] {
            let wire = serde_json::to_value(&error).expect("json");
            assert_eq!(AppError::from_tag(wire["code"].as_str().expect("tag")), error);
        }
        let throttled = serde_json::to_value(AppError::Throttled { retry_after_minutes: 5 }).expect("json");
        assert_eq!(AppError::from_tag(throttled["code"].as_str().expect("tag")), Internal, "one with data");
    }
}
