//! The text of a page's `<title>` that follows the language.
//!
//! Leptos reads the title of a server-rendered page only after the page has rendered, outside the request's
//! reactive arena, where no signal may be read: a title that read the language signal there panicked now and
//! then under load (`sandboxed-arenas … no Arena is active`), and could have read another request's arena.
//! So on the server the title is computed once while the page renders, in the request's language; in the
//! browser it stays reactive, so switching the language retitles the page.

use leptos::text_prop::TextProp;

/// `<Title text=page_title(move || …) />`.
pub fn page_title(text: impl Fn() -> String + Send + Sync + 'static) -> TextProp {
    #[cfg(feature = "ssr")]
    {
        TextProp::from(text())
    }
    #[cfg(not(feature = "ssr"))]
    {
        TextProp::from(text)
    }
}
