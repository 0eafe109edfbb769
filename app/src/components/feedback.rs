//! Turning errors into words: the message for an [`AppError`] in the user's language, and per-field error
//! messages tied to their inputs (WCAG 3.3.1).

use crate::i18n::{I18n, Key};
use crate::{AppError, InvalidReason};
use leptos::prelude::*;
use model::Locale;

/// The sentence a user sees for `error`.
pub fn error_text(locale: Locale, error: &AppError) -> String {
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

pub fn evaluation_key(reason: crate::EvaluationRefusal) -> Key {
    use crate::EvaluationRefusal::*;
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

pub fn award_key(problem: model::award::AwardError) -> Key {
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

pub fn steering_key(problem: model::steering::SteeringError) -> Key {
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

pub fn ledger_key(problem: model::ledger::LedgerError) -> Key {
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

/// The message of a failed action that is not about one field (those show at their field).
pub fn general_error(locale: Locale, error: Option<AppError>) -> Option<String> {
    error.filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| error_text(locale, &e))
}

/// The message for `field` if `error` is about it.
pub fn field_error(error: &Option<AppError>, field: &str) -> Option<Key> {
    match error {
        Some(AppError::Invalid { field: f, reason }) if f == field => Some(reason_key(*reason)),
        _ => None,
    }
}

/// A labelled input whose error message (if any) is announced and tied to it with `aria-describedby`.
#[component]
pub fn Field(
    /// The form field's name (and, prefixed, its id).
    name: &'static str,
    label: Key,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    /// The value it starts with (e.g. the stored profile).
    #[prop(optional, into)]
    value: Option<String>,
    /// The error of the last submission, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let message = move || error.with(|e| field_error(e, name));
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=move || message().map(|_| "true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || message().map(|_| error_id.clone())
                }
            />
            {move || {
                message().map(|key| view! { <p class="field__error" id=error_id.clone()>{move || i18n.t(key)}</p> })
            }}
        </div>
    }
}

/// A labelled `<select>` with its error message tied to it, like [`Field`].
#[component]
pub fn SelectField(
    name: &'static str,
    label: Key,
    /// (value, text) pairs; the texts may follow the language.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] selected: Option<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let message = move || error.with(|e| field_error(e, name));
    let selected = StoredValue::new(selected);
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <select
                id=id
                name=name
                aria-invalid=move || message().map(|_| "true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || message().map(|_| error_id.clone())
                }
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let is_selected = selected.with_value(|s| s.as_deref() == Some(value.as_str()));
                            view! { <option value=value selected=is_selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {move || {
                message().map(|key| view! { <p class="field__error" id=error_id.clone()>{move || i18n.t(key)}</p> })
            }}
        </div>
    }
}

/// A new password typed twice, as the server checks it (`new_password`, `confirm_password`).
#[component]
pub fn NewPasswordFields(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <Field name="new_password" label=Key::NewPassword kind="password" autocomplete="new-password" required=true error />
        <Field
            name="confirm_password"
            label=Key::ConfirmPassword
            kind="password"
            autocomplete="new-password"
            required=true
            error
        />
    }
}
