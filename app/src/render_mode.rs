//! How a page comes alive in the browser: hydrated as part of the app, or served static and enhanced.
//!
//! Most pages only show things: lists, figures, a document, links to the next step. Loading the router, every
//! shared component and hydration for them costs a reader on a slow line most of the bundle (issues 10 and
//! 16: the framework alone is about 250 KB brotli, a page's own modules as much again). So for the pages in
//! [`STATIC_PAGES`] the server renders the page as usual but asks the browser to `enhance` instead of
//! `hydrate` (`EnhanceScripts` instead of Leptos' `HydrationScripts`), hands it none of the resources'
//! data, and the browser's entry runs [`enhance`], which starts the countdowns and nothing else. Both entries
//! are `#[lazy]` in the `frontend` crate, so the wasm splitter keeps the app out of the enhancement's modules.
//!
//! What a static page still does works without the app: links, the language switch and signing out are
//! plain forms and links, and the lists page with `?page=`. A page is static only for callers to whom it
//! shows nothing that needs the app (a form that keeps its input and shows its error in place):
//! [`STATIC_PAGES`] names the others by permission, and a test renders every static page for every role and
//! refuses a form on it that posts anywhere but to sign out or switch language, or to what the page lists as
//! posted natively. One page is a form: the bid editor, whose forms are plain posts that come back to it with
//! their outcome in the address, and whose autosave is `crate::autosave`, which [`enhance`]
//! attaches as the app does. When the browser navigates to a static page within the app (from a hydrated
//! page), the app renders it as any other.

#[cfg(feature = "ssr")]
use model::Permission;

/// Axum's matched paths of the pages that may be served static, each with the permissions whose holders see
/// forms on it and so get it hydrated.
#[cfg(feature = "ssr")]
pub const STATIC_PAGES: &[(&str, &[Permission])] = &[
    ("/", &[]),
    ("/{tenant}", &[]),
    ("/{tenant}/districts", &[]),
    ("/{tenant}/calls", &[]),
    ("/{tenant}/calls/{id}", &[]),
    ("/{tenant}/calls/{id}/bids", &[]),
    ("/{tenant}/calls/{id}/ranking", &[]),
    ("/{tenant}/controlling", &[]),
    ("/{tenant}/controlling/committee-report", &[]),
    ("/{tenant}/reports", &[Permission::FileReports]),
    ("/{tenant}/admin/users", &[]),
    ("/{tenant}/bids/{id}", &[]),
];

/// Whether the page at `matched` (axum's matched path) is served static to a caller with `roles` (`None`: a
/// visitor, or someone signed in to another tenant).
#[cfg(feature = "ssr")]
pub fn serves_static(matched: &str, roles: Option<&[model::Role]>) -> bool {
    let Some((_, hydrated_for)) = STATIC_PAGES.iter().find(|(path, _)| *path == matched) else { return false };
    roles.is_none_or(|roles| !hydrated_for.iter().any(|permission| model::policy::allows(roles, *permission)))
}

/// Whether the page being rendered is served static (see [`serves_static`]; `server::authz` has filtered the
/// caller by tenant).
#[cfg(feature = "ssr")]
pub fn is_static() -> bool {
    use leptos::prelude::use_context;
    let Some(parts) = use_context::<http::request::Parts>() else {
        return false;
    };
    let Some(matched) = parts.extensions.get::<axum::extract::MatchedPath>() else { return false };
    let caller = parts.extensions.get::<crate::auth::RequestContext>().and_then(|context| context.caller.as_ref());
    serves_static(matched.as_str(), caller.map(|caller| caller.roles.as_slice()))
}

/// What makes a static page interactive: the countdowns tick (see `components::Countdown`, which renders the
/// data this reads) and forms save as you type (`crate::autosave`), in the page's language.
#[cfg(feature = "hydrate")]
pub async fn enhance() {
    use crate::countdown::{self, Counting};
    use chrono::{DateTime, Utc};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    // The page preloads its texts (`#spielraum-texts`); using them also where nothing needs them keeps the
    // browser from warning about an unused preload.
    if let Err(error) = crate::i18n::load_page_language().await {
        leptos::logging::error!("texts: {error}");
        return;
    }
    crate::autosave::attach_all();
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use model::{Role, Seat};

    #[test]
    fn a_page_is_static_unless_it_shows_the_caller_a_form() {
        let member = [Role::Steering { seat: Seat::Committee }];
        let coordinator = [Role::Coordinator];
        assert!(serves_static("/{tenant}/reports", None), "a visitor (who gets the refusal) gets nothing to fill in");
        assert!(serves_static("/{tenant}/reports", Some(&member)));
        assert!(!serves_static("/{tenant}/reports", Some(&coordinator)), "a coordinator starts reports there");
        assert!(!serves_static("/{tenant}/bids/{id}/versions/{number}", None), "a page not listed hydrates");
        assert!(!serves_static("/{tenant}/bids/{id}/versions/{number}", Some(&member)));
    }
}
