use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;

/// The page for an address that does not exist. On the server it also sets the status to 404, so crawlers and
/// scripts see what a person sees.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = I18n::expect();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – {}", i18n.t(Key::NotFoundTitle), i18n.t(Key::AppName))) />
        <main id="main" class="page page--narrow" tabindex="-1">
            <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Key::NotFoundText)}</p>
            <p>
                <a href="/">{move || i18n.t(Key::BackToStart)}</a>
            </p>
        </main>
    }
}

/// Shown in place of content that failed to load for a reason the user cannot fix.
#[component]
pub fn ErrorNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let i18n = I18n::expect();
    view! {
        <div class="notice notice--error" role="alert">
            <h2>{move || i18n.t(Key::ErrorTitle)}</h2>
            <p>{move || i18n.t(Key::ErrorText)}</p>
        </div>
    }
}
