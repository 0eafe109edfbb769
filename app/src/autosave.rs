//! Saving a long form as you type, in the browser: the copy kept in this browser's storage until the server
//! has the text (so text survives an expired session; a copy overtaken by a later save on the server is
//! dropped rather than put back over it), the status line's words, and the autosave of a form on a page
//! served static (`render_mode`), in plain DOM terms, so that the bid editor's readers need not load the app
//! for it (issue 16). `components::autosave` drives the same from hydrated pages that react to the save.
//!
//! The server marks a form up ([`Markup`]) and [`attach`] (run by the static pages' enhancement, and by the
//! app when it renders the page) adds to the plain form: the fields are saved (posted to the form's
//! `action`, as its save button would, but with `fetch`) a moment after typing pauses and when the save
//! button is pressed; the copy is kept and put back; the status line says what happened; and a form marked
//! to save first (the upload, which leaves the page) waits until the server has every edit. Every other
//! button (submitting the bid, which saves its fields itself) posts as usual.

use chrono::{DateTime, Utc};

#[cfg(feature = "hydrate")]
fn storage_key(key: &str) -> String {
    format!("spielraum-{key}")
}

#[cfg(feature = "hydrate")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the browser keeps: the form's fields and the server's save time they were typed on top of (in
/// microseconds since 1970, which needs neither of chrono's text formats in the static pages' bundle).
#[cfg(feature = "hydrate")]
#[derive(serde::Serialize, serde::Deserialize)]
struct Copy {
    base: i64,
    fields: Vec<(String, String)>,
}

/// Keeps the fields of `form`, typed on top of the server's save at `base`, in this browser's storage.
#[cfg(feature = "hydrate")]
pub fn keep_copy(key: &str, form: &web_sys::HtmlFormElement, base: DateTime<Utc>) {
    let Some(storage) = local_storage() else { return };
    let Ok(data) = web_sys::FormData::new_with_form(form) else { return };
    let mut fields = Vec::new();
    for entry in js_sys::try_iter(&data).ok().flatten().into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            fields.push((name, value));
        }
    }
    let copy = Copy { base: base.timestamp_micros(), fields };
    if let Ok(json) = serde_json::to_string(&copy) {
        let _ = storage.set_item(&storage_key(key), &json);
    }
}

/// Forgets the browser's copy once the server has saved the draft.
pub fn forget(key: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&storage_key(key));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = key;
}

/// Puts the copy kept under `key` back into `form` if it was typed on top of the server's save at `base`;
/// true when it did.
#[cfg(feature = "hydrate")]
pub fn put_back_copy(key: &str, form: &web_sys::HtmlFormElement, base: DateTime<Utc>) -> bool {
    use wasm_bindgen::JsCast as _;
    let Some(storage) = local_storage() else { return false };
    let Some(json) = storage.get_item(&storage_key(key)).ok().flatten() else { return false };
    let Ok(copy) = serde_json::from_str::<Copy>(&json) else { return false };
    if copy.base != base.timestamp_micros() {
        let _ = storage.remove_item(&storage_key(key));
        return false;
    }
    for (name, value) in copy.fields {
        let selector = format!("[name=\"{}\"]", name.replace('"', ""));
        let Ok(nodes) = form.query_selector_all(&selector) else { continue };
        for index in 0..nodes.length() {
            let Some(node) = nodes.item(index) else { continue };
            if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&value);
            } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                match input.type_().as_str() {
                    "radio" => input.set_checked(input.value() == value),
                    "hidden" | "file" => {}
                    _ => input.set_value(&value),
                }
            }
        }
    }
    true
}

/// What a form's status line says about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Unsaved,
    Saving,
    Saved(chrono::DateTime<chrono::Utc>),
    Failed(crate::AppError),
}

impl SaveState {
    /// What the status line says, in `locale`.
    pub fn text(&self, locale: model::Locale) -> String {
        use crate::i18n::{Key, text};
        match self {
            SaveState::Idle => String::new(),
            SaveState::Unsaved => text(locale, Key::DraftUnsaved).to_owned(),
            SaveState::Saving => text(locale, Key::DraftSaving).to_owned(),
            SaveState::Saved(at) => format!("{} {}", text(locale, Key::DraftSavedAt), time_text(*at, locale)),
            SaveState::Failed(crate::AppError::Unauthenticated) => text(locale, Key::DraftSessionEnded).to_owned(),
            SaveState::Failed(err) => crate::error::message(locale, err),
        }
    }
}

/// A save's time as `model::datetime::format_date_time` writes it in the default time zone. In the browser the
/// browser's own time zone database does it (`Intl.DateTimeFormat`): chrono-tz's tables of Europe's zones
/// would double the static pages' bundle, which shows no other time in a zone.
fn time_text(at: DateTime<Utc>, locale: model::Locale) -> String {
    #[cfg(feature = "hydrate")]
    {
        use js_sys::{Array, Object, Reflect};
        use wasm_bindgen::JsValue;
        let (tag, day, month) = match locale {
            model::Locale::De => ("de-DE", "2-digit", "2-digit"),
            model::Locale::En => ("en-GB", "numeric", "short"),
        };
        let options = Object::new();
        for (name, value) in [
            ("timeZone", model::datetime::DEFAULT_TIME_ZONE.name()),
            ("day", day),
            ("month", month),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ] {
            let _ = Reflect::set(&options, &JsValue::from_str(name), &JsValue::from_str(value));
        }
        let format = js_sys::Intl::DateTimeFormat::new(&Array::of1(&JsValue::from_str(tag)), &options);
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        format.format().call1(&JsValue::NULL, &date).ok().and_then(|text| text.as_string()).unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        model::datetime::format_date_time(at, locale, model::datetime::DEFAULT_TIME_ZONE)
    }
}

/// The attributes the server puts on a form that saves as you type, and on the forms that must wait for it.
pub struct Markup;

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
impl Markup {
    /// On the form: the key of its copy in the browser's storage.
    pub const KEY: &'static str = "data-autosave";
    /// On the form: the server's last save of what it shows (RFC 3339), so an older copy is not put back.
    pub const SAVED_AT: &'static str = "data-saved-at";
    /// On the form: the id of its status line.
    pub const STATUS: &'static str = "data-status";
    /// On another form: the id of the autosaving form whose edits are saved before this one is sent.
    pub const SAVES_FIRST: &'static str = "data-saves-first";

    /// The form's save time as the attribute holds it.
    pub fn saved_at(at: DateTime<Utc>) -> String {
        at.to_rfc3339()
    }
}

/// The status line of a form marked up with [`Markup`] (its [`Markup::STATUS`] names `id`), announced politely
/// to screen readers; the browser's side writes it.
#[leptos::component]
pub fn StatusLine(id: &'static str) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <div role="status" aria-live="polite" class="save-state" id=id></div> }
}

#[cfg(feature = "hydrate")]
pub use browser::{attach, attach_all};

#[cfg(feature = "hydrate")]
mod browser {
    use super::Markup;
    use super::{SaveState, forget, keep_copy, put_back_copy};
    use crate::AppError;
    use chrono::{DateTime, Utc};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{HtmlFormElement, SubmitEvent};

    /// How long typing pauses before the form is saved.
    const PAUSE_MS: i32 = 1200;

    /// One autosaving form: which edits were made, sent and saved, and what waits for them.
    struct Live {
        form: HtmlFormElement,
        key: String,
        /// The id of the status line (looked up when written: when the app renders the page, the form is
        /// attached before the page is in the document).
        status: Option<String>,
        base: DateTime<Utc>,
        edits: u64,
        sent: u64,
        saved: u64,
        /// A form to send once the server has every edit.
        waiting: Option<HtmlFormElement>,
    }

    type Shared = Rc<RefCell<Live>>;

    impl Live {
        fn all_saved(&self) -> bool {
            self.saved == self.edits
        }

        fn show(&self, state: SaveState) {
            if let Some(status) = self.status.as_ref().and_then(|id| leptos::prelude::document().get_element_by_id(id))
            {
                status.set_text_content(Some(&state.text(crate::i18n::page_locale())));
            }
        }
    }

    /// Attaches autosave to every marked form of the page (the static pages' enhancement).
    pub fn attach_all() {
        let Ok(forms) = leptos::prelude::document().query_selector_all(&format!("form[{}]", Markup::KEY)) else {
            return;
        };
        for index in 0..forms.length() {
            if let Some(form) = forms.item(index).and_then(|node| node.dyn_into::<HtmlFormElement>().ok()) {
                attach(form);
            }
        }
    }

    /// Makes `form` save as you type (see the module's doc); does nothing to a form without [`Markup::KEY`]
    /// or one it was attached to already.
    pub fn attach(form: HtmlFormElement) {
        const ATTACHED: &str = "data-autosave-attached";
        let Some(key) = form.get_attribute(Markup::KEY) else { return };
        if form.has_attribute(ATTACHED) {
            return;
        }
        let _ = form.set_attribute(ATTACHED, "");
        let document = leptos::prelude::document();
        let base = form
            .get_attribute(Markup::SAVED_AT)
            .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
            .map(|at| at.to_utc())
            .unwrap_or_default();
        let status = form.get_attribute(Markup::STATUS);
        let live = Rc::new(RefCell::new(Live {
            form: form.clone(),
            key,
            status,
            base,
            edits: 0,
            sent: 0,
            saved: 0,
            waiting: None,
        }));

        listen(form.as_ref(), "input", {
            let live = live.clone();
            move |_| edited(&live)
        });
        listen(form.as_ref(), "submit", {
            let live = live.clone();
            move |event| {
                let Some(event) = event.dyn_ref::<SubmitEvent>() else { return };
                let intent = event
                    .submitter()
                    .and_then(|button| button.dyn_into::<web_sys::HtmlButtonElement>().ok())
                    .map(|button| button.value());
                if intent.as_deref() == Some("save") {
                    event.prevent_default();
                    flush(&live);
                }
            }
        });
        // Forms that save this one first are found when they are sent (for the same reason as the status
        // line), by a listener on the document that runs before theirs.
        if let Some(id) = form.get_attribute("id") {
            let live = live.clone();
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let Some(other) = event.target().and_then(|target| target.dyn_into::<HtmlFormElement>().ok()) else {
                    return;
                };
                let waits = other.get_attribute(Markup::SAVES_FIRST).is_some_and(|first| first == id);
                if waits && live.borrow().form.is_connected() && !live.borrow().all_saved() {
                    event.prevent_default();
                    live.borrow_mut().waiting = Some(other);
                    flush(&live);
                }
            });
            let _ =
                document.add_event_listener_with_callback_and_bool("submit", closure.as_ref().unchecked_ref(), true);
            // Lives as long as the page; a form the app has since removed is no longer connected.
            closure.forget();
        }

        // Text kept in this browser from a session that ended before the server had it.
        let restored = {
            let live = live.borrow();
            put_back_copy(&live.key, &live.form, live.base)
        };
        if restored {
            live.borrow_mut().edits += 1;
            live.borrow().show(SaveState::Unsaved);
            flush(&live);
        }
    }

    fn listen(target: &web_sys::EventTarget, name: &str, handler: impl FnMut(web_sys::Event) + 'static) {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        // The listener lives as long as its form.
        closure.forget();
    }

    fn edited(live: &Shared) {
        let edit = {
            let mut state = live.borrow_mut();
            state.edits += 1;
            state.show(SaveState::Unsaved);
            keep_copy(&state.key, &state.form, state.base);
            state.edits
        };
        let live = live.clone();
        let later = Closure::once_into_js(move || {
            if live.borrow().edits == edit {
                flush(&live);
            }
        });
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), PAUSE_MS);
    }

    /// Sends the form's fields to its save function now.
    fn flush(live: &Shared) {
        let (url, body) = {
            let mut state = live.borrow_mut();
            if !state.form.is_connected() {
                return; // the page moved on
            }
            let Ok(data) = web_sys::FormData::new_with_form(&state.form) else { return };
            let Ok(body) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else { return };
            state.sent = state.edits;
            state.show(SaveState::Saving);
            (state.form.action(), body)
        };
        let live = live.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = save(&url, &body).await;
            let mut state = live.borrow_mut();
            match outcome {
                Ok(at) => {
                    state.saved = state.sent;
                    state.base = at;
                    if state.all_saved() {
                        state.show(SaveState::Saved(at));
                        forget(&state.key);
                        if let Some(waiting) = state.waiting.take() {
                            // Sent the ordinary way: no submit event, so no second round through the listener.
                            let _ = waiting.submit();
                        }
                    } else {
                        state.show(SaveState::Unsaved);
                        if state.waiting.is_some() {
                            // Typed again while saving: save that too before the page goes on.
                            drop(state);
                            flush(&live);
                        }
                    }
                }
                Err(error) => {
                    state.waiting = None;
                    state.show(SaveState::Failed(error));
                }
            }
        });
    }

    /// Posts the fields as the form would (url-encoded), asking for the server function's JSON answer.
    async fn save(url: &str, body: &web_sys::UrlSearchParams) -> Result<DateTime<Utc>, AppError> {
        let failed = |_| AppError::Internal;
        let headers = web_sys::Headers::new().map_err(failed)?;
        headers.set("Accept", "application/json").map_err(failed)?;
        headers.set("Content-Type", "application/x-www-form-urlencoded").map_err(failed)?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(body);
        let response: web_sys::Response = JsFuture::from(leptos::prelude::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
        let text =
            JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?.as_string().unwrap_or_default();
        // The answer's time and the refusal's tag are all this reads: chrono's and serde's full decoders of
        // them would grow the static pages' bundle by a third.
        if response.ok() {
            let at = serde_json::from_str::<String>(&text).map_err(|_| AppError::Internal)?;
            DateTime::parse_from_rfc3339(&at).map(|at| at.to_utc()).map_err(|_| AppError::Internal)
        } else {
            #[derive(serde::Deserialize)]
            struct Refusal {
                code: String,
            }
            let refusal = serde_json::from_str::<Refusal>(&text).map_err(|_| AppError::Internal)?;
            Err(AppError::from_tag(&refusal.code))
        }
    }
}
