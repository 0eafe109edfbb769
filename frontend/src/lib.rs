//! The browser entry points, one per build of this crate: `hydrate` makes the server's page a live Leptos app;
//! with the feature `enhance`, the crate exports `enhance` instead, which adds the little a page needs when it
//! is served static to a visitor (see `app::render_mode`). Nothing else belongs here.
//!
//! Two builds rather than one bundle with two entries: a linked program keeps only what its entry reaches, so
//! the enhancement's bundle holds no router, pages or hydration, and the app's bundle stays as it was
//! (`scripts/build-site` builds both; ARCHITECTURE.md, "Builds").

#[cfg(not(feature = "enhance"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pages are lazy routes (see `app::routes`): hydration first fetches the chunks of the matched routes,
    // then walks the server's markup, so it runs as a task.
    wasm_bindgen_futures::spawn_local(async {
        // The texts of the page's language are not in the wasm (see `app::i18n`); without them hydration would
        // meet empty strings, so a failure shows in the console and the page stays as the server rendered it.
        if let Err(error) = app::i18n::load_page_language().await {
            leptos::logging::error!("texts: {error}");
            return;
        }
        let body = leptos::prelude::document().body().expect("the server renders a <body>");
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        app::render_mode::mark_interactive();
    });
}

#[cfg(feature = "enhance")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn enhance() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        app::render_mode::enhance().await;
        app::render_mode::mark_interactive();
    });
}
