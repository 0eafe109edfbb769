//! The sign-in page of a tenant.

use crate::components::{CurrentTenant, Field, general_error};
use crate::i18n::{I18n, Key};
use crate::session::{SessionEpoch, SignIn};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let epoch = expect_context::<SessionEpoch>();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let password_set = move || query.read().get("password").as_deref() == Some("set");
    let forgot = format!("/{}/forgot-password", tenant.slug);
    let action = ServerAction::<SignIn>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            epoch.bump();
        }
    });
    let form_error = move || general_error(i18n.locale(), error.get());
    let tenant_name = tenant.name.clone();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – {} – Spielraum", i18n.t(Key::SignInTitle), tenant_name)) />
        <div class="narrow">
            <h1>{move || i18n.t(Key::SignInTitle)}</h1>
            <p>{move || i18n.t(Key::SignInIntro)}</p>
            <div role="status">
                {move || password_set().then(|| view! { <p class="notice">{move || i18n.t(Key::PasswordSetNotice)}</p> })}
            </div>
            <div role="alert" class="form-alert">
                {move || form_error().map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="tenant" value=tenant.slug.to_string() />
                <input type="hidden" name="next" value=next />
                <Field name="email" label=Key::EmailLabel kind="email" autocomplete="username" required=true error />
                <Field
                    name="password"
                    label=Key::PasswordLabel
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error
                />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || i18n.t(Key::SignInButton)}
                </button>
            </ActionForm>
            <p><a href=forgot>{move || i18n.t(Key::ForgotPasswordLink)}</a></p>
        </div>
    }
}
