//! How a page comes alive in the browser: hydrated as part of the app, or served static and enhanced.
//!
//! A visitor's public pages (the tenant directory, a tenant's home, its districts, the calls and a call) have
//! nothing interactive but a ticking countdown: their links and the language switch are plain HTML. Loading
//! the router, every shared component and hydration for them would cost a visitor on a slow line most of the
//! bundle (issue 10). So for a visitor the server renders these pages as usual but asks the browser to
//! `enhance` instead of `hydrate` (`EnhanceScripts` instead of Leptos' `HydrationScripts`), and the browser's
//! entry runs [`enhance`], which starts the countdowns and nothing else. Both entries are `#[lazy]` in the
//! `frontend` crate, so the wasm splitter keeps the app out of the enhancement's modules.
//!
//! The same pages hydrate for anyone signed in (their frame has an account menu and role navigation, and
//! client-side navigation continues into the workspaces) and when the browser navigates to them in the app.
//! A new page is static for visitors only if it is listed in [`STATIC_FOR_VISITORS`] and needs no more than
//! [`enhance`] does.

/// Axum's matched paths of the pages served static to visitors.
pub const STATIC_FOR_VISITORS: &[&str] =
    &["/", "/{tenant}", "/{tenant}/districts", "/{tenant}/calls", "/{tenant}/calls/{id}"];

/// Whether the page being rendered is served static: one of [`STATIC_FOR_VISITORS`], asked for by someone
/// who is not signed in to its tenant (`server::authz` has filtered the caller by tenant).
#[cfg(feature = "ssr")]
pub fn is_static() -> bool {
    use leptos::prelude::use_context;
    let Some(parts) = use_context::<http::request::Parts>() else {
        return false;
    };
    let visitor = parts.extensions.get::<crate::auth::RequestContext>().is_none_or(|context| context.caller.is_none());
    let matched = parts.extensions.get::<axum::extract::MatchedPath>().map(axum::extract::MatchedPath::as_str);
    visitor && matched.is_some_and(|path| STATIC_FOR_VISITORS.contains(&path))
}

/// What makes a static page interactive: the countdowns tick (see `components::Countdown`, which renders the
/// data this reads), in the page's language.
#[cfg(feature = "hydrate")]
pub async fn enhance() {
    use crate::countdown::{self, Counting};
    use chrono::{DateTime, Utc};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let document = leptos::prelude::document();
    let Ok(found) = document.query_selector_all(".countdown[data-until]") else { return };
    let mut countdowns = Vec::new();
    for index in 0..found.length() {
        let Some(element) = found.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let time = |name| {
            element.get_attribute(name).and_then(|value| DateTime::parse_from_rfc3339(&value).ok()).map(|t| t.to_utc())
        };
        let (Some(until), Some(server_now)) = (time("data-until"), time("data-server-now")) else { continue };
        let counting = Counting::from_attribute(&element.get_attribute("data-counting").unwrap_or_default());
        countdowns.push((element, counting, until, server_now - Utc::now()));
    }
    // The page preloads its texts (`#spielraum-texts`); using them also where no countdown needs them keeps
    // the browser from warning about an unused preload.
    if let Err(error) = crate::i18n::load_page_language().await {
        leptos::logging::error!("texts: {error}");
        return;
    }
    if countdowns.is_empty() {
        return;
    }
    let locale = crate::i18n::page_locale();
    let tick = Closure::<dyn FnMut()>::new(move || {
        for (element, counting, until, offset) in &countdowns {
            element.set_text_content(Some(&countdown::text(locale, *counting, *until, Utc::now() + *offset)));
        }
    });
    let _ = leptos::prelude::window()
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
    // The page's countdowns tick for as long as the page lives.
    tick.forget();
}

/// Marks the document as interactive (hydrated or enhanced): styles may rely on it, and browser tests wait for
/// it instead of guessing with sleeps.
#[cfg(feature = "hydrate")]
pub fn mark_interactive() {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-hydrated", "");
    }
}
