//! Turning errors into words: the message for an [`AppError`] in the user's language, and per-field error
//! messages tied to their inputs (WCAG 3.3.1).

use crate::AppError;
use crate::i18n::{I18n, Key};
pub use crate::error::{message as error_text, reason_key};
use leptos::prelude::*;
use model::Locale;

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
