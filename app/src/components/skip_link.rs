use crate::i18n::{I18n, Key};
use leptos::prelude::*;

/// The first stop for keyboard users: jumps to `<main id="main">`.
///
/// Before hydration the browser follows `#main` and moves focus itself. Afterwards the client-side router
/// would take the click as a navigation and leave focus on the link, so the link moves focus on its own. Its
/// listener sits on the element (Leptos does not delegate events unless its `delegation` feature is on), so it
/// runs before the router's listener on `window` and marks the event handled.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = I18n::expect();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id("main") {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<leptos::web_sys::HtmlElement>() {
                ev.prevent_default();
                let _ = main.focus();
            }
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=on_click>
            {move || i18n.t(Key::SkipToContent)}
        </a>
    }
}
