use crate::i18n::{I18n, Key, endonym};
use leptos::prelude::*;
use model::Locale;

/// Switches between German and English.
///
/// Without the app (a static page, or before hydration) it is a plain form posted to `set_language`, which
/// sets the language cookie, keeps the choice in a signed-in user's account and sends the browser back to the
/// page. Once hydrated, the switch happens in place: the text changes, `<html lang>` follows, the cookie is
/// set for the next page load, and nothing is reloaded. (Links can still ask for a language with `?lang=`.)
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = I18n::expect();
    let other = move || match i18n.locale() {
        Locale::De => Locale::En,
        Locale::En => Locale::De,
    };
    // Also tells the server, which keeps the choice in a signed-in user's account.
    let save = ServerAction::<crate::account::SetLanguage>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = other();
        remember(target);
        save.dispatch(crate::account::SetLanguage { language: target.tag().to_owned() });
        switch(i18n, target);
    };
    view! {
        <form class="language-switch" method="post" action="/fn/set_language" on:submit=on_submit
            aria-label=move || i18n.t(Key::ChooseLanguage)>
            <button type="submit" name="language" value=move || other().tag() lang=move || other().tag()>
                {move || endonym(other())}
            </button>
        </form>
    }
}

/// Shows the page in `target` once its texts are here; if they cannot be fetched, asks the server for the page
/// in that language (the switch's path without JavaScript).
#[cfg(feature = "hydrate")]
fn switch(i18n: I18n, target: Locale) {
    leptos::task::spawn_local(async move {
        match crate::i18n::load(target).await {
            Ok(()) => i18n.set_locale(target),
            Err(error) => {
                leptos::logging::warn!("texts: {error}");
                let _ = window().location().set_search(&format!("lang={}", target.tag()));
            }
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn switch(i18n: I18n, target: Locale) {
    i18n.set_locale(target);
}

#[cfg(feature = "hydrate")]
fn remember(locale: Locale) {
    use crate::i18n::LANGUAGE_COOKIE;
    use wasm_bindgen::JsCast;
    if let Ok(html_document) = document().dyn_into::<web_sys::HtmlDocument>() {
        let cookie = format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
        // Failing to store the preference only means the next page load asks Accept-Language again.
        let _ = html_document.set_cookie(&cookie);
    }
}

#[cfg(not(feature = "hydrate"))]
fn remember(_locale: Locale) {}
