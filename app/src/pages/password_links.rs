//! The pages behind emailed links: asking for a reset link, and setting a password with one (also how an
//! invited user sets their first password).

use crate::account::{RequestPasswordReset, SetPassword};
use crate::components::{CurrentTenant, Field, NewPasswordFields, error_text};
use crate::i18n::{I18n, Key};
use crate::{AppError, InvalidReason};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ForgotPasswordTitle))) />
        <div class="narrow">
            <h1>{move || i18n.t(Key::ForgotPasswordTitle)}</h1>
            <p>{move || i18n.t(Key::ForgotPasswordIntro)}</p>
            <div role="status">
                {move || sent().then(|| view! { <p class="notice">{move || i18n.t(Key::ResetLinkSent)}</p> })}
            </div>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="tenant" value=tenant.slug.to_string() />
                <Field name="email" label=Key::EmailLabel kind="email" autocomplete="username" required=true error />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || i18n.t(Key::SendResetLink)}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<SetPassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // Problems with the link itself (or anything not about one field) are shown above the form.
    let form_error = move || {
        error.get().and_then(|e| match e {
            AppError::Invalid { reason: InvalidReason::LinkUnusable, .. } => Some(error_text(i18n.locale(), &e)),
            AppError::Invalid { .. } => None,
            other => Some(error_text(i18n.locale(), &other)),
        })
    };
    let forgot = format!("/{}/forgot-password", tenant.slug);
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SetPasswordTitle))) />
        <div class="narrow">
            <h1>{move || i18n.t(Key::SetPasswordTitle)}</h1>
            <p>{move || i18n.t(Key::SetPasswordIntro)}</p>
            <div role="alert">
                {move || {
                    let forgot = forgot.clone();
                    form_error().map(|text| view! {
                        <div class="notice notice--error">
                            <p>{text}</p>
                            <p><a href=forgot>{move || i18n.t(Key::ForgotPasswordLink)}</a></p>
                        </div>
                    })
                }}
            </div>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="tenant" value=tenant.slug.to_string() />
                <input type="hidden" name="token" value=token />
                <NewPasswordFields error />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || i18n.t(Key::SetPasswordButton)}
                </button>
            </ActionForm>
        </div>
    }
}
