//! The browser entry point: hydrates the page the server rendered. Nothing else belongs here.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Marks the document as interactive: styles may rely on it, and browser tests wait for it instead of
    // guessing with sleeps.
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-hydrated", "");
    }
}
