//! The browser entry point: hydrates the page the server rendered. Nothing else belongs here.

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
        // Marks the document as interactive: styles may rely on it, and browser tests wait for it instead of
        // guessing with sleeps.
        if let Some(html) = leptos::prelude::document().document_element() {
            let _ = html.set_attribute("data-hydrated", "");
        }
    });
}
